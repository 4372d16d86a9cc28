import { errorsAbi, hashpowerExchangeAbi } from "@dmex/deployments";
import { describe, expect, it } from "vitest";
import { BaseError, ContractFunctionExecutionError, ContractFunctionRevertedError, encodeErrorResult, UserRejectedRequestError } from "viem";

import { explainError, unexplainedErrors } from "~/lib/errors";

/** Errors a user of the web app can trigger; each must read as plain language. */
const USER_FACING = [
  "ZeroUnits", "InsufficientUnits", "PriceAboveMax", "SaleClosed", "OfferingNotActive", "UnknownOffering", "EscrowCapacityExceeded",
  "ZeroAmount", "NoUnitsOutstanding", "NothingToCover", "TermEnded", "MarketRateNotReported", "DefaultConditionsNotMet", "NotMiner",
  "NotPositionOwnerOrApproved", "AlreadyRefunded", "OfferingNotHalted", "OfferingNotFlagged", "NothingToWithdraw", "PositionIsLocked",
  "AccessControlUnauthorizedAccount", "ERC20InsufficientBalance", "ERC20InsufficientAllowance", "ERC2612ExpiredSignature",
  "NotMinerOrDepositor", "DepositBelowMinimum", "PaymentTokenNotListed", "RewardTokenNotListed", "InvalidTerms", "InvalidThresholds",
  "ZeroRate", "ReportFinal", "NotReported", "DayNotOver", "AlreadyReported",
];

function revert(errorName: string, args: readonly unknown[]) {
  const data = encodeErrorResult({ abi: errorsAbi, errorName, args } as Parameters<typeof encodeErrorResult>[0]);
  const cause = new ContractFunctionRevertedError({ abi: errorsAbi, data, functionName: "buy" });
  return new ContractFunctionExecutionError(cause as unknown as BaseError, { abi: hashpowerExchangeAbi, functionName: "buy", args: [] });
}

/** DAO errors a user can trigger from the governance, delegation and application pages. */
const DAO_FACING = [
  "ApplicationClosed", "ApplicationStale", "InvalidApplication", "NotApplicant", "StakeNotInState", "UnknownApplication",
  "GovernorAlreadyCastVote", "GovernorInsufficientProposerVotes", "GovernorNonexistentProposal", "GovernorNotQueuedProposal",
  "GovernorOnlyProposalGuardian", "GovernorUnexpectedProposalState", "TimelockUnexpectedOperationState", "TimelockUnauthorizedCaller",
  "OwnableUnauthorizedAccount", "FeeTooHigh", "InvalidPayout", "ERC5805FutureLookup",
  "SaleEndsBeforeExecution", "GovernorProtectedProposal", "TimelockNotScheduler", "TimelockOperationOrphaned", "TimelockCannotDelegate",
];

describe("explainError", () => {
  it("explains every DAO error a user can trigger, decoded from the generated errors ABI", () => {
    const all = new Set<string>(errorsAbi.filter((e) => e.type === "error").map((e) => e.name));
    for (const name of DAO_FACING) expect(all.has(name), name).toBe(true);
    expect(unexplainedErrors(errorsAbi).filter((n) => DAO_FACING.includes(n))).toEqual([]);
    expect(explainError(revert("InvalidApplication", ["units exceed effective hashpower"])).message).toBe(
      "The application was refused: units for sale exceed the effective hashpower.",
    );
    expect(explainError(revert("SaleEndsBeforeExecution", [1_736_643_600n, 1_736_647_200n])).message).toBe(
      "The sale would close (2025-01-12 01:00 UTC) before the vote could be executed at the earliest (2025-01-12 02:00 UTC, late-quorum extension and timelock delay included): give the sale more time.",
    );
    const council = "0x00000000000000000000000000000000000000cc";
    expect(explainError(revert("GovernorProtectedProposal", [123n, council])).message).toMatch(/^Proposal 123 revokes the council's powers.*the guardian \(0x0000…00cc\) cannot cancel it\.$/);
    const id = `0x${"ab".repeat(32)}`;
    expect(explainError(revert("TimelockOperationOrphaned", [id, council])).message).toMatch(/^Timelock operation 0xabab…abab can never run: 0x0000…00cc, who scheduled it, has lost the proposer role/);
    expect(explainError(revert("TimelockNotScheduler", [id, "0x00000000000000000000000000000000000000dd", council])).message).toBe(
      "Only 0x0000…00cc, who scheduled operation 0xabab…abab, can cancel it at the timelock; 0x0000…00dd did not.",
    );
    expect(explainError(revert("TimelockCannotDelegate", [council, council])).message).toMatch(/never delegates its DMC/);
    expect(explainError(revert("GovernorUnexpectedProposalState", [1n, 1, "0x0000000000000000000000000000000000000000000000000000000000000010"])).message).toBe(
      "The proposal is active now, so this cannot be done (it needs: succeeded).",
    );
    expect(explainError(revert("StakeNotInState", [2n, 0, 1])).message).toBe("The stake of application #2 is locked, not withdrawable.");
  });

  it("has a message for every user-facing custom error in the generated ABIs", () => {
    const all = new Set<string>(errorsAbi.filter((e) => e.type === "error").map((e) => e.name));
    for (const name of USER_FACING) expect(all.has(name), name).toBe(true);
    const missing = unexplainedErrors(errorsAbi).filter((n) => USER_FACING.includes(n));
    expect(missing).toEqual([]);
  });

  it("explains every custom error of the generated ABIs (add a line to its family's table in lib/errors.ts)", () => {
    expect(unexplainedErrors(errorsAbi)).toEqual([]);
  });

  it("explains the buyer-protection and oracle errors with their arguments", () => {
    const miner = "0x00000000000000000000000000000000000000aa";
    expect(explainError(revert("DepositBelowMinimum", [3n, 20_100n, 423n, 5000n])).message).toBe(
      "This deposit would pay 42.3% of the market average for 2025-01-12, under the 50% minimum: the chain refuses it and the day stays uncovered. Deposit at least 50% of the market rate.",
    );
    expect(explainError(revert("NotMinerOrDepositor", [3n, miner])).message).toBe(
      "Only offering #3's miner or a depositor it approved can deposit its rewards, and 0x0000…00AA is neither. Switch to the miner's account, or have the miner approve this one.",
    );
    expect(explainError(revert("DefaultConditionsNotMet", [3n, 2n, 812n])).message).toBe(
      "This offering cannot be flagged now: its oldest uncovered day has waited 2 days for a deposit, and its last judged days paid on average 81.2% of the market; neither rule is broken.",
    );
    expect(explainError(revert("DefaultConditionsNotMet", [3n, 1n, 0n])).message).toMatch(/waited 1 day for a deposit, and fewer days than the window were judged/);
    expect(explainError(revert("PaymentTokenNotListed", [miner])).message).toMatch(/^0x0000…00AA is not a payment token the DAO listed/);
    expect(explainError(revert("RewardTokenNotListed", [2, miner])).message).toMatch(/not listed as a reward token for asset #2/);
    expect(explainError(revert("InvalidTerms", ["sale ends after the term starts"])).message).toMatch(/close by the time the term starts/);
    expect(explainError(revert("ZeroRate", [1, 20_100n])).message).toBe("A market rate of zero for asset #1 on 2025-01-12 is refused: it would judge every deposit adequate.");
    expect(explainError(revert("ReportFinal", [1, 20_100n, 1_736_643_600n])).message).toBe("The report of asset #1 for 2025-01-12 became final at 2025-01-12 01:00 UTC: it can no longer be corrected.");
    expect(explainError(revert("NotReported", [1, 20_100n])).message).toMatch(/no report of asset #1 for 2025-01-12 to correct/);
    expect(explainError(revert("FeeTooHigh", [1_500n, 1_000n])).message).toBe("That fee (1500 bps) is above the cap of 1000 bps.");
  });

  it("decodes a revert payload into plain language with its arguments", () => {
    const e = explainError(revert("InsufficientUnits", [1n, 50n, 7n]));
    expect(e).toMatchObject({ kind: "revert", errorName: "InsufficientUnits", message: "Only 7 units are left in this offering." });
    expect(explainError(revert("ERC20InsufficientAllowance", ["0x0000000000000000000000000000000000000001", 0n, 5n])).message).toMatch(/approve first/);
    expect(explainError(revert("NotMiner", [1n, "0x0000000000000000000000000000000000000001"])).message).toMatch(/miner's account/);
  });

  it("recognises a rejected signature and other failures", () => {
    const rejected = new UserRejectedRequestError(new Error("User rejected the request."));
    expect(explainError(rejected).kind).toBe("rejected");
    expect(explainError(new BaseError("HTTP request failed.", { details: "fetch failed" })).kind).toBe("network");
    expect(explainError(new BaseError("The current chain of the wallet (id: 1) does not match the target chain for the transaction")).kind).toBe("wrong-chain");
    expect(explainError(new Error("boom")).message).toBe("boom");
  });
});
