/**
 * The browser scenarios, in the order they run on one shared, freshly seeded stack. To add one:
 * write `scenarios/<nn>-<name>.ts` exporting `scenario: Scenario` (support/scenario.ts), with the
 * helpers in `../support/`, and list it here (order matters: later scenarios see the chain state
 * earlier ones left).
 */
import type { Scenario } from "../support/scenario";
import { scenario as s01 } from "./01-marketplace-accessible-and-keyboard";
import { scenario as s02 } from "./02-buy-and-see-in-portfolio";
import { scenario as s03 } from "./03-clock-deposit-claim";
import { scenario as s04 } from "./04-miner-deposit-and-withdraw";
import { scenario as s05 } from "./05-halted-by-dao-vote-refund";
import { scenario as s06 } from "./06-rejected-and-reverted-explained";
import { scenario as s07 } from "./07-miner-applies-dao-votes-buyer-buys";
import { scenario as s08 } from "./08-undelegated-holder-self-delegates";
import { scenario as s09 } from "./09-defeated-application-withdraws-stake";
import { scenario as s10 } from "./10-navigation-header-and-phone-menu";
import { scenario as s11 } from "./11-list-and-sell-between-accounts";
import { scenario as s12 } from "./12-primary-auction-into-escrow";
import { scenario as s13 } from "./13-auction-late-bid-extends-settle-refund";
import { scenario as s14 } from "./14-claim-trading-rewards";
import { scenario as s15 } from "./15-borrow-claim-while-pledged-repay";
import { scenario as s16 } from "./16-self-repaying-debt-falls";
import { scenario as s17 } from "./17-foreclose-after-grace";
import { scenario as s18 } from "./18-refinance-by-second-lender";
import { scenario as s19 } from "./19-stake-position-keep-claiming-rewards";
import { scenario as s20 } from "./20-add-liquidity-and-stake-lp";
import { scenario as s21 } from "./21-buyback-call";
import { scenario as s22 } from "./22-light-node-referral-commission";
import { scenario as s23 } from "./23-insurance-payout-claimed-by-holder";

// 11-14 (trading) run in this order: 12 needs offering 6's sale still open, 13 travels to an auction's end
// (possibly days on), 14 only needs a finished epoch. 15-18 (lending) follow: 15 claims rewards scenario 03's
// deposit left, 16 moves the clock a day, 17 needs a loan past its grace, 18 one still before its due date.
// 19-21 (staking, liquidity, buyback) follow: 19 stakes a free position that still carries rewards (offering 4
// first), 20 adds liquidity and stakes the LP as BUYER_2, 21 runs the buyback on that pair (an hour of dev clock).
// 22 (nodes) buys in offering 6's open sale; 23 (insurance) claims the payout the seed left to BUYER_1.
export const scenarios: readonly Scenario[] = [
  s01,
  s02,
  s03,
  s04,
  s05,
  s06,
  s07,
  s08,
  s09,
  s10,
  s11,
  s12,
  s13,
  s14,
  s15,
  s16,
  s17,
  s18,
  s19,
  s20,
  s21,
  s22,
  s23,
];
