import type { SeedContext } from "../context.js";

/**
 * One part of the seed's story, as a file. The seed runs every chapter's `onDay0` in order on
 * day 0, then for each simulated day every chapter's `onDay` in order (the day's report comes
 * first, governance last: each chapter moves the clock to its own time of day, never back), then
 * every `atEnd`. A new feature (trading, loans, staking) adds a chapter file and one line in
 * `index.ts`.
 */
export interface SeedChapter {
  readonly name: string;
  readonly onDay0?: (ctx: SeedContext) => Promise<void>;
  /** `offset`: the simulated day, in days since day 0. */
  readonly onDay?: (ctx: SeedContext, offset: number) => Promise<void>;
  readonly atEnd?: (ctx: SeedContext, end: SeedEnd) => Promise<void>;
}

/** Where the simulated days ended. */
export interface SeedEnd {
  /** UTC day of the last simulated day. */
  readonly endDay: number;
  /** Whether to leave the chain clock at the wall clock (when that is still the last simulated day). */
  readonly catchUpToWallClock: boolean;
}
