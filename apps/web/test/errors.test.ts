import { errorsAbi, hashpowerExchangeAbi } from "@dmex/deployments";
import { describe, expect, it } from "vitest";
import {
  type Abi,
  type AbiParameter,
  BaseError,
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  encodeErrorResult,
  UserRejectedRequestError,
} from "viem";
import { formatAbiItem } from "viem/utils";

import {
  EXPLANATIONS_BY_SELECTOR,
  errorSelector,
  explainError,
  explainRevertData,
  staleExplanations,
  unexplainedErrors,
} from "~/lib/errors";

type ErrorItem = Extract<Abi[number], { type: "error" }>;
const ERRORS: readonly ErrorItem[] = (errorsAbi as Abi).filter((item): item is ErrorItem => item.type === "error");

/** Errors a user of the web app can trigger; each must read as plain language. */
const USER_FACING = [
  "Exchange_ZeroUnits",
  "Exchange_InsufficientUnits",
  "Exchange_PriceAboveMax",
  "Exchange_SaleClosed",
  "Exchange_OfferingNotActive",
  "Exchange_UnknownOffering",
  "Exchange_EscrowCapacityExceeded",
  "Exchange_ZeroAmount",
  "Exchange_NoUnitsOutstanding",
  "Exchange_NothingToCover",
  "Exchange_TermEnded",
  "Exchange_MarketRateNotReported",
  "Exchange_DefaultConditionsNotMet",
  "Exchange_NotMiner",
  "Exchange_NotPositionOwnerOrApproved",
  "Exchange_AlreadyRefunded",
  "Exchange_OfferingNotHalted",
  "Exchange_OfferingNotFlagged",
  "Exchange_NothingToWithdraw",
  "Exchange_PositionIsLocked",
  "Exchange_NotMinerOrDepositor",
  "Exchange_DepositBelowMinimum",
  "Exchange_PaymentTokenNotListed",
  "Exchange_RewardTokenNotListed",
  "Exchange_ZeroUnitsTotal",
  "Exchange_EmptySaleWindow",
  "Exchange_InvalidTerm",
  "Exchange_SaleEndsAfterTermStart",
  "Exchange_ZeroNetPrice",
  "Exchange_InvalidThresholds",
  "Oracle_ZeroRate",
  "Oracle_ReportFinal",
  "Oracle_NotReported",
  "Oracle_DayNotOver",
  "Oracle_AlreadyReported",
  "AccessControlUnauthorizedAccount",
  "ERC20InsufficientBalance",
  "ERC20InsufficientAllowance",
  "ERC2612ExpiredSignature",
  "ERC721NonexistentToken",
  "ERC721InsufficientApproval",
  "ERC721IncorrectOwner",
  "ReentrancyGuardReentrantCall",
  "SafeERC20FailedOperation",
];

/** DAO errors a user can trigger from the governance, delegation and application pages. */
const DAO_FACING = [
  "Applications_Closed",
  "Applications_Stale",
  "Applications_InvalidHashpower",
  "Applications_UnitsExceedHashpower",
  "Applications_MissingDisclosure",
  "Applications_ValueTooLarge",
  "Applications_NotApplicant",
  "Applications_StakeNotInState",
  "Applications_UnknownApplication",
  "Applications_SaleEndsBeforeExecution",
  "GovernorAlreadyCastVote",
  "GovernorInsufficientProposerVotes",
  "GovernorNonexistentProposal",
  "GovernorNotQueuedProposal",
  "Governor_OnlyProposalGuardian",
  "Governor_ProtectedProposal",
  "GovernorUnexpectedProposalState",
  "TimelockUnexpectedOperationState",
  "TimelockUnauthorizedCaller",
  "Timelock_NotScheduler",
  "Timelock_OperationOrphaned",
  "Timelock_CannotDelegate",
  "OwnableUnauthorizedAccount",
  "Params_FeeTooHigh",
  "Insurance_InvalidPayout",
  "ERC5805FutureLookup",
];

/** Trading errors (issue 11) a user can trigger from the marketplace, the auction room and the portfolio. */
const TRADING_FACING = [
  "Listings_InvalidPrice",
  "Listings_InvalidExpiry",
  "Listings_NotApproved",
  "Listings_PositionLocked",
  "Listings_NotListed",
  "Listings_Expired",
  "Listings_SellerNoLongerOwns",
  "Listings_PriceAboveMax",
  "Listings_BuyerIsSeller",
  "Auctions_InvalidReserve",
  "Auctions_InvalidDuration",
  "Auctions_NotMiner",
  "Auctions_EndsAfterSaleClose",
  "Auctions_NotOpen",
  "Auctions_OfferingNotActive",
  "Auctions_BidTooLow",
  "Auctions_HasBids",
  "Auctions_NotEnded",
  "Auctions_AlreadyClosed",
  "Auctions_CannotWithdrawBid",
  "Auctions_NothingToWithdraw",
  "Rewards_NothingToClaim",
  "PositionLocker_NotPositionOwner",
  "PositionLocker_OfferingNotLive",
  "PositionLocker_ValueBelowMinimum",
];

function revert(errorName: string, args: readonly unknown[]) {
  const data = encodeErrorResult({ abi: errorsAbi, errorName, args } as Parameters<typeof encodeErrorResult>[0]);
  const cause = new ContractFunctionRevertedError({ abi: errorsAbi, data, functionName: "buy" });
  return new ContractFunctionExecutionError(cause as unknown as BaseError, {
    abi: hashpowerExchangeAbi,
    functionName: "buy",
    args: [],
  });
}

/** A plausible value of an ABI parameter's type, to render every explanation with. */
function sample(param: AbiParameter, i: number): unknown {
  const { type } = param;
  if (type.endsWith("]")) return [];
  if (type === "address") return `0x${(0xa0 + i).toString(16).padStart(40, "0")}`;
  if (type === "bool") return true;
  if (type === "string") return "sample";
  if (type === "bytes") return "0x1234";
  if (type === "bytes32") return `0x${"74726164696e67466565427073".padEnd(64, "0")}`; // "tradingFeeBps"
  if (type.startsWith("bytes")) return `0x${"ab".repeat(Number(type.slice(5)))}`;
  if (type === "uint8") return 1;
  if (type.startsWith("uint")) return Number(type.slice(4)) <= 48 ? 2 + i : 20_100n + BigInt(i);
  if (type.startsWith("int")) return Number(type.slice(3)) <= 48 ? -1 - i : -20_100n - BigInt(i);
  throw new Error(`no sample for ${type}`);
}

describe("explainError", () => {
  it("explains every custom error of the generated ABIs, by selector (add a line to its family's table in lib/errors.ts)", () => {
    expect(ERRORS.length).toBeGreaterThan(100);
    expect(unexplainedErrors(errorsAbi as Abi)).toEqual([]);
    expect(EXPLANATIONS_BY_SELECTOR.size).toBe(ERRORS.length);
  });

  it("has no explanation left for an error that no longer exists", () => {
    expect(staleExplanations()).toEqual([]);
  });

  it("renders every explanation with sample arguments, with no missing argument (never 'undefined' or 'NaN')", () => {
    for (const item of ERRORS) {
      const args = item.inputs.map(sample);
      const e = explainError(revert(item.name, args));
      const signature = formatAbiItem(item);
      expect(e.kind, signature).toBe("revert");
      expect(e.errorName, signature).toBe(item.name);
      expect(e.message, signature).not.toMatch(/undefined|NaN|\[object Object\]|refused the transaction \(/);
    }
  });

  it("keys explanations by selector, unique across the generated ABIs", () => {
    const selectors = ERRORS.map(errorSelector);
    expect(new Set(selectors).size).toBe(selectors.length);
    const names = ERRORS.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    // keccak256("Exchange_FeeTooHigh(uint256,uint256)")[0:4], computed outside viem.
    expect(errorSelector(ERRORS.find((e) => e.name === "Exchange_FeeTooHigh") as ErrorItem)).toBe("0xf9d03f3a");
    expect(EXPLANATIONS_BY_SELECTOR.get("0xf9d03f3a")?.({ feeBps: 1n, capBps: 2n })).toBe(
      "That channel fee (1 bps) is above the cap of 2 bps.",
    );
  });

  it("has a message for every user-facing error, all in the generated ABIs", () => {
    const all = new Set<string>(ERRORS.map((e) => e.name));
    for (const name of [...USER_FACING, ...DAO_FACING, ...TRADING_FACING]) expect(all.has(name), name).toBe(true);
  });

  it("explains the fees with their cap, whichever contract raised them", () => {
    expect(explainError(revert("Exchange_FeeTooHigh", [1_500n, 1_000n])).message).toBe(
      "That channel fee (1500 bps) is above the cap of 1000 bps.",
    );
    expect(
      explainError(revert("Params_FeeTooHigh", [`0x${"74726164696e67466565427073".padEnd(64, "0")}`, 501n, 500n]))
        .message,
    ).toBe("That tradingFeeBps (501 bps) is above the cap of 500 bps.");
  });

  it("explains the DAO errors a user can trigger with their arguments", () => {
    expect(explainError(revert("Applications_UnitsExceedHashpower", [1_801n, 1_800n])).message).toBe(
      "The application was refused: 1801 units for sale exceed the effective hashpower of 1800.",
    );
    expect(explainError(revert("Applications_SaleEndsBeforeExecution", [1_736_643_600n, 1_736_647_200n])).message).toBe(
      "The sale would close (2025-01-12 01:00 UTC) before the vote could be executed at the earliest (2025-01-12 02:00 UTC, late-quorum extension and timelock delay included): give the sale more time.",
    );
    const council = "0x00000000000000000000000000000000000000cc";
    expect(explainError(revert("Governor_ProtectedProposal", [123n, council])).message).toMatch(
      /^Proposal 123 revokes the council's powers.*the guardian \(0x0000…00cc\) cannot cancel it\.$/,
    );
    const id = `0x${"ab".repeat(32)}`;
    expect(explainError(revert("Timelock_OperationOrphaned", [id, council])).message).toMatch(
      /^Timelock operation 0xabab…abab can never run: 0x0000…00cc, who scheduled it, has lost the proposer role/,
    );
    expect(
      explainError(revert("Timelock_NotScheduler", [id, "0x00000000000000000000000000000000000000dd", council]))
        .message,
    ).toBe(
      "Only 0x0000…00cc, who scheduled operation 0xabab…abab, can cancel it at the timelock; 0x0000…00dd did not.",
    );
    expect(explainError(revert("Timelock_CannotDelegate", [council, council])).message).toMatch(
      /never delegates its DMC/,
    );
    expect(
      explainError(
        revert("GovernorUnexpectedProposalState", [
          1n,
          1,
          "0x0000000000000000000000000000000000000000000000000000000000000010",
        ]),
      ).message,
    ).toBe("The proposal is active now, so this cannot be done (it needs: succeeded).");
    expect(explainError(revert("Applications_StakeNotInState", [2n, 0, 1])).message).toBe(
      "The stake of application #2 is locked, not withdrawable.",
    );
    expect(explainError(revert("Reserve_BucketExhausted", [1, 5n * 10n ** 18n, 2n * 10n ** 18n])).message).toBe(
      "The liquidity-mining bucket holds 2 DMC, less than the 5 asked.",
    );
  });

  it("explains the trading errors with their arguments (value protection, late bids, refunds)", () => {
    const seller = "0x00000000000000000000000000000000000000aa";
    expect(explainError(revert("Listings_PriceAboveMax", [105_000_000n, 100_000_000n])).message).toBe(
      "The price is now 105000000, above the 100000000 you accepted (the seller changed it): nothing was bought. Review the new price.",
    );
    expect(explainError(revert("PositionLocker_ValueBelowMinimum", [7n, 1n, 50n, 0n, 0n])).message).toMatch(
      /^Position #7 now carries 1 of unclaimed rewards .* less than the 50 and 0 you saw: it was emptied since/,
    );
    expect(explainError(revert("Auctions_BidTooLow", [3n, 100n, 105n])).message).toMatch(
      /^A bid of 100 is under the minimum of 105 for auction #3/,
    );
    expect(explainError(revert("Auctions_NotEnded", [3n, 1_736_643_600n])).message).toBe(
      "Auction #3 has not ended yet (it ends 2025-01-12 01:00 UTC, later if a last-minute bid extends it): settle after that.",
    );
    expect(explainError(revert("Auctions_NotEnded", [3n, 0n])).message).toMatch(
      /^Auction #3 has no bid yet: its clock starts/,
    );
    expect(explainError(revert("Auctions_OfferingNotActive", [3n, 2])).message).toMatch(/offering is flagged/);
    expect(explainError(revert("Listings_SellerNoLongerOwns", [9n, seller, seller])).message).toMatch(
      /^Position #9 left the seller 0x0000…00AA .*: the listing is void\.$/,
    );
    expect(explainError(revert("Rewards_NothingToClaim", [seller])).message).toMatch(/no DMC from finished epochs/);
  });

  it("explains the offering terms, one error per condition, with the offending values", () => {
    expect(explainError(revert("Exchange_SaleEndsAfterTermStart", [1_736_647_200n, 1_736_640_000n])).message).toBe(
      "The offering terms were refused: the sale closes 2025-01-12 02:00 UTC, after the term starts (2025-01-12 00:00 UTC); it must close by then, so every buyer pays for the whole term.",
    );
    expect(explainError(revert("Exchange_InvalidTerm", [20_100n, 23_751n, 3_650n])).message).toBe(
      "The offering terms were refused: the term must start after day 0 and last 1 to 3650 days (it runs from 2025-01-12 to 2035-01-11).",
    );
    expect(explainError(revert("Exchange_ZeroNetPrice", [0n, 500n])).message).toBe(
      "The offering terms were refused: a price of 0 per unit is zero after the 5% channel fee.",
    );
  });

  it("explains the buyer-protection and oracle errors with their arguments", () => {
    const miner = "0x00000000000000000000000000000000000000aa";
    expect(explainError(revert("Exchange_DepositBelowMinimum", [3n, 20_100n, 423n, 5000n])).message).toBe(
      "This deposit would pay 42.3% of the market average for 2025-01-12, under the 50% minimum: the chain refuses it and the day stays uncovered. Deposit at least 50% of the market rate.",
    );
    expect(explainError(revert("Exchange_NotMinerOrDepositor", [3n, miner])).message).toBe(
      "Only offering #3's miner or a depositor it approved can deposit its rewards, and 0x0000…00AA is neither. Switch to the miner's account, or have the miner approve this one.",
    );
    expect(explainError(revert("Exchange_DefaultConditionsNotMet", [3n, 2n, 812n])).message).toBe(
      "This offering cannot be flagged now: its oldest uncovered day has waited 2 days for a deposit, and its last judged days paid on average 81.2% of the market; neither rule is broken.",
    );
    expect(explainError(revert("Exchange_DefaultConditionsNotMet", [3n, 1n, 0n])).message).toMatch(
      /waited 1 day for a deposit, and fewer days than the window were judged/,
    );
    expect(explainError(revert("Exchange_PaymentTokenNotListed", [miner])).message).toMatch(
      /^0x0000…00AA is not a payment token the DAO listed/,
    );
    expect(explainError(revert("Exchange_RewardTokenNotListed", [2, miner])).message).toMatch(
      /not listed as a reward token for asset #2/,
    );
    expect(explainError(revert("Oracle_ZeroRate", [1, 20_100n])).message).toBe(
      "A market rate of zero for asset #1 on 2025-01-12 is refused: it would judge every deposit adequate.",
    );
    expect(explainError(revert("Oracle_ReportFinal", [1, 20_100n, 1_736_643_600n])).message).toBe(
      "The report of asset #1 for 2025-01-12 became final at 2025-01-12 01:00 UTC: it can no longer be corrected.",
    );
    expect(explainError(revert("Oracle_NotReported", [1, 20_100n])).message).toMatch(
      /no report of asset #1 for 2025-01-12 to correct/,
    );
  });

  it("decodes a revert payload into plain language with its arguments", () => {
    const e = explainError(revert("Exchange_InsufficientUnits", [1n, 50n, 7n]));
    expect(e).toMatchObject({
      kind: "revert",
      errorName: "Exchange_InsufficientUnits",
      message: "Only 7 units are left in offering #1; you asked for 50.",
    });
    expect(
      explainError(revert("ERC20InsufficientAllowance", ["0x0000000000000000000000000000000000000001", 0n, 5n]))
        .message,
    ).toMatch(/approve first/);
    expect(
      explainError(revert("Exchange_NotMiner", [1n, "0x0000000000000000000000000000000000000001"])).message,
    ).toMatch(/miner's account/);
  });

  it("explains an error missing from the ABI the call was made with, from its selector", () => {
    // MinerApplications.submit bubbles up the exchange's validateTerms errors: decode with any ABI.
    const data = encodeErrorResult({ abi: errorsAbi, errorName: "Exchange_ZeroUnitsTotal", args: [] } as Parameters<
      typeof encodeErrorResult
    >[0]);
    const cause = new ContractFunctionRevertedError({ abi: [], data, functionName: "submit" });
    expect(explainError(cause).message).toBe(
      "The offering terms were refused: the number of units must be above zero.",
    );
    expect(explainRevertData("0xdeadbeef").message).toBe(
      "The contract refused the transaction (unknown error 0xdeadbeef).",
    );
  });

  it("recognises a rejected signature and other failures", () => {
    const rejected = new UserRejectedRequestError(new Error("User rejected the request."));
    expect(explainError(rejected).kind).toBe("rejected");
    expect(explainError(new BaseError("HTTP request failed.", { details: "fetch failed" })).kind).toBe("network");
    expect(
      explainError(
        new BaseError("The current chain of the wallet (id: 1) does not match the target chain for the transaction"),
      ).kind,
    ).toBe("wrong-chain");
    expect(explainError(new Error("boom")).message).toBe("boom");
  });
});
