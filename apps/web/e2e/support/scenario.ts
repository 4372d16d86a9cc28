import type { Deployment } from "@dmex/deployments";
import type { Page } from "playwright-core";

/** What the seed left for the scenarios, read from the chain and the subgraph before they run. */
export interface SeedFacts {
  /** anvil index of a DMC holder without a delegate. */
  readonly undelegated?: number;
  /** anvil index of the owner of an unrefunded position of the halted offering 3. */
  readonly offering3Holder?: number;
}

/** One run of one scenario: a fresh browser context on the shared stack. */
export interface ScenarioContext {
  /** A new page (1280x900) in a browser context of its own. */
  readonly page: Page;
  /** Base URL of the web app, e.g. http://127.0.0.1:3000. */
  readonly web: string;
  readonly rpc: string;
  readonly graph: string;
  readonly deployment: Deployment;
  readonly oracle: `0x${string}`;
  readonly seed: SeedFacts;
}

/**
 * A browser scenario: `scenarios/<name>.ts` exports one and `scenarios/index.ts` lists it. The
 * scenarios share one seeded stack and run in the order listed (later ones see earlier ones'
 * transactions); each gets a fresh browser context. A screenshot `<name>-final.png` (or
 * `-FAILED.png`) is saved after it runs.
 */
export interface Scenario {
  /** Also the prefix of its screenshots, e.g. "02-buy-and-see-in-portfolio". */
  readonly name: string;
  run(ctx: ScenarioContext): Promise<void>;
}
