/**
 * DmexGovernor.isProtected, restated on a proposal's raw actions (client-safe: no ABI import). The
 * guardian (the council during bootstrap) cannot cancel a proposal that has at least one action and
 * whose *every* action is one of
 * - `revokeRole(role, guardian)` on any target, no value, calldata exactly 68 bytes;
 * - `setProposalGuardian(anyone)` on the governor itself, no value, calldata exactly 36 bytes;
 * - on the guardian (the council Safe), no value: `execTransactionFromModule(to, value, data, operation)`
 *   with `to` the guardian, no inner value, operation 0 (a call) and an inner call of
 *   `addOwnerWithThreshold`, `removeOwner`, `swapOwner` or `changeThreshold`.
 * One other action makes the whole proposal cancellable. Calldata the contract's `abi.decode` would
 * revert on (dirty address words, an operation above 255, a bytes offset out of range) reads as
 * not protected here; such a proposal could not execute either.
 */
import { decodeAbiParameters, toFunctionSelector, type Hex } from "viem";

export interface RawAction {
  readonly target: string;
  readonly value: bigint;
  readonly calldata: Hex;
}

const REVOKE_ROLE = toFunctionSelector("revokeRole(bytes32,address)");
const SET_PROPOSAL_GUARDIAN = toFunctionSelector("setProposalGuardian(address)");
const MODULE_CALL = toFunctionSelector("execTransactionFromModule(address,uint256,bytes,uint8)");
const MEMBER_CALLS: ReadonlySet<string> = new Set(
  [
    "addOwnerWithThreshold(address,uint256)",
    "removeOwner(address,address,uint256)",
    "swapOwner(address,address,address)",
    "changeThreshold(uint256)",
  ].map((s) => toFunctionSelector(s)),
);

/** Calldata length in bytes. */
const bytesOf = (data: Hex) => (data.length - 2) / 2;
const selectorOf = (data: Hex) => data.slice(0, 10).toLowerCase();
/** An address as the uint256 word abi.decode reads (a dirty word never equals an address). */
const word = (address: string) => BigInt(address);

/** Whether one action is one the guardian cannot cancel (DmexGovernor._isProtectedAction). */
export function isProtectedAction(action: RawAction, guardian: string, governor: string): boolean {
  const data = action.calldata;
  if (action.value !== 0n || bytesOf(data) < 4) return false;
  const selector = selectorOf(data);
  try {
    if (selector === REVOKE_ROLE) {
      if (bytesOf(data) !== 68) return false;
      const [, account] = decodeAbiParameters([{ type: "bytes32" }, { type: "uint256" }], `0x${data.slice(10)}`);
      return account === word(guardian);
    }
    if (selector === SET_PROPOSAL_GUARDIAN)
      return action.target.toLowerCase() === governor.toLowerCase() && bytesOf(data) === 36;
    if (selector !== MODULE_CALL || action.target.toLowerCase() !== guardian.toLowerCase()) return false;
    const [to, innerValue, inner, operation] = decodeAbiParameters(
      [{ type: "uint256" }, { type: "uint256" }, { type: "bytes" }, { type: "uint256" }],
      `0x${data.slice(10)}`,
    );
    if (to !== word(guardian) || innerValue !== 0n || operation !== 0n || bytesOf(inner) < 4) return false;
    return MEMBER_CALLS.has(selectorOf(inner));
  } catch {
    return false; // malformed: the contract's abi.decode reverts
  }
}

/**
 * Whether the guardian is barred from cancelling a proposal with these actions (DmexGovernor.isProtected):
 * at least one action, and every action protected. `guardian` is the governor's current proposal guardian.
 */
export function isProtectedProposal(actions: readonly RawAction[], guardian: string, governor: string): boolean {
  return actions.length > 0 && actions.every((a) => isProtectedAction(a, guardian, governor));
}
