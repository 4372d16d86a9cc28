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
];

describe("explainError", () => {
  it("explains every DAO error a user can trigger, decoded from the generated errors ABI", () => {
    const all = new Set<string>(errorsAbi.filter((e) => e.type === "error").map((e) => e.name));
    for (const name of DAO_FACING) expect(all.has(name), name).toBe(true);
    expect(unexplainedErrors(errorsAbi).filter((n) => DAO_FACING.includes(n))).toEqual([]);
    expect(explainError(revert("InvalidApplication", ["sale ends before the vote can execute"])).message).toMatch(/closes before the vote could be executed/);
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
