/**
 * Whether "Run buyback" can go through now, and what to do otherwise, from FeeBuyback's state (`markets(token)`,
 * `parameters()`, its balance of the token) and the chain's clock; the same checks `convert` makes
 * (FeeBuyback._twap, docs/decisions/0020-fee-buyback.md):
 *   - a checkpoint at least `minWindow` (30 min) old is needed: the TWAP spans from it to now;
 *   - it may be at most `maxAge` (2 days) old, else a new one must be recorded (`observe`) and waited for;
 *   - the buyback must hold some of the token (the fee splitter sends it fees on `distribute`).
 * Past these, `convert` can still refuse if the pair's spot price was pushed more than 1% under the TWAP
 * (`Buyback_BelowTwapBound`): the bound is what stops a sandwich.
 */
import { bpsPercent } from "~/lib/format";

export interface BuybackState {
  readonly pair: string;
  readonly prevTimestamp: number;
  readonly lastTimestamp: number;
  readonly minWindow: number;
  readonly maxAge: number;
  readonly maxSlippageBps: number;
  readonly maxInputBps: number;
  /** The buyback's balance of the fee token. */
  readonly balance: bigint;
  /** The chain's clock. */
  readonly now: number;
}

export type BuybackReadiness =
  | { kind: "not-listed"; text: string }
  | { kind: "empty"; text: string }
  | { kind: "observe"; text: string }
  | { kind: "wait"; text: string; seconds: number }
  | { kind: "ready"; text: string; window: number };

const ZERO = "0x0000000000000000000000000000000000000000";

/** "30 min", "1 h 5 min", "2 days" */
export function durationText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s >= 86_400 && s % 86_400 === 0) return `${s / 86_400} day${s === 86_400 ? "" : "s"}`;
  const h = Math.floor(s / 3_600);
  const m = Math.ceil((s % 3_600) / 60);
  if (h === 0) return `${Math.max(m, 1)} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

export function buybackReadiness(b: BuybackState): BuybackReadiness {
  if (b.pair === ZERO)
    return {
      kind: "not-listed",
      text: "This token is not listed for the buyback (the DAO lists a token with its DMC pair).",
    };
  if (b.lastTimestamp === 0)
    return {
      kind: "observe",
      text: `No price checkpoint yet: record one, then convert after ${durationText(b.minWindow)} (the time-weighted price needs that much history).`,
    };
  const sinceLast = b.now - b.lastTimestamp;
  let window = sinceLast;
  if (window < b.minWindow) {
    if (b.prevTimestamp === 0)
      return {
        kind: "wait",
        seconds: b.minWindow - window,
        text: `The checkpoint is ${durationText(window)} old; the buyback needs ${durationText(b.minWindow)} of price history: wait ${durationText(b.minWindow - window)}.`,
      };
    window = b.now - b.prevTimestamp;
    if (window < b.minWindow)
      return {
        kind: "wait",
        seconds: b.minWindow - window,
        text: `Both checkpoints are under ${durationText(b.minWindow)} old: wait ${durationText(b.minWindow - window)}.`,
      };
    // The newest checkpoint is too young and the one before it too old (convert refuses it as stale): a new
    // checkpoint cannot help yet (observe would be too soon); the newest one becomes usable once old enough.
    if (window > b.maxAge)
      return {
        kind: "wait",
        seconds: b.minWindow - sinceLast,
        text: `The newest price checkpoint is ${durationText(sinceLast)} old and the one before it is past the ${durationText(b.maxAge)} limit: wait ${durationText(b.minWindow - sinceLast)}, until the newest spans ${durationText(b.minWindow)}.`,
      };
  }
  if (window > b.maxAge)
    return {
      kind: "observe",
      text: `The last price checkpoint is ${durationText(window)} old, past the ${durationText(b.maxAge)} limit: record a new one, then convert after ${durationText(b.minWindow)}.`,
    };
  if (b.balance === 0n)
    return {
      kind: "empty",
      text: "The buyback holds none of this token: fees reach it when someone distributes the fee splitter.",
    };
  return {
    kind: "ready",
    window,
    text: `Ready: the time-weighted price spans ${durationText(window)}; one call swaps at most ${bpsPercent(b.maxInputBps)} of the pair's reserve and must get at least the TWAP value less ${bpsPercent(b.maxSlippageBps)}, or it reverts (a moved price, e.g. a sandwich).`,
  };
}
