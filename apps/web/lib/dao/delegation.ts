/** Delegation checks shared by the banner, the delegates page and the tests. */
import { getAddress, isAddress, zeroAddress, type Address } from "viem";

export type DelegationStatus = "no-balance" | "undelegated" | "self" | "other";

/** Where an account's DMC stands: a balance with no delegatee counts for nobody. */
export function delegationStatus(account: string, balance: bigint, delegatee: string, votes: bigint): DelegationStatus {
  if (delegatee.toLowerCase() === zeroAddress) return balance > 0n ? "undelegated" : "no-balance";
  if (delegatee.toLowerCase() === account.toLowerCase()) return balance > 0n && votes === 0n ? "undelegated" : "self";
  return "other";
}

/** Validates a delegate address typed by the user. */
export function parseDelegatee(input: string): { ok: true; value: Address } | { ok: false; error: string } {
  const text = input.trim();
  if (text === "") return { ok: false, error: "Enter an address." };
  if (!/^0x[0-9a-fA-F]{40}$/.test(text))
    return { ok: false, error: "An address is 0x followed by 40 hexadecimal characters." };
  if (!isAddress(text, { strict: true }))
    return { ok: false, error: "The checksum (upper/lower case) does not match: check the address." };
  const value = getAddress(text);
  if (value === zeroAddress) return { ok: false, error: "Delegating to the zero address would void your votes." };
  return { ok: true, value };
}
