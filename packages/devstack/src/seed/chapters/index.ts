import { applications, openSale } from "./applications.js";
import type { SeedChapter } from "./chapter.js";
import { defaultResolution } from "./default.js";
import { feeFlow } from "./feeFlow.js";
import { genesis } from "./genesis.js";
import { claims, escrowAndFees } from "./holders.js";
import { insurance } from "./insurance.js";
import { oracle, rewards } from "./market.js";
import { positionStaking } from "./positionStaking.js";
import { lending } from "./lending.js";
import { liquidity } from "./liquidity.js";
import { nodes } from "./nodes.js";
import { feeProposals } from "./proposals.js";
import { purchases } from "./purchases.js";
import { trading } from "./trading.js";

export type { SeedChapter, SeedEnd } from "./chapter.js";

/**
 * The seed's story in the order it is told each day: the market report first, then purchases and
 * reward deposits, what holders and miners do with them, governance, and the DeFi of issue 13 after
 * it (each DeFi chapter at its own later time of day; the fee flow last).
 */
export const CHAPTERS: readonly SeedChapter[] = [
  genesis,
  applications,
  oracle,
  purchases,
  rewards,
  claims,
  escrowAndFees,
  trading,
  lending,
  feeProposals,
  defaultResolution,
  openSale,
  liquidity,
  positionStaking,
  nodes,
  insurance,
  feeFlow,
];
