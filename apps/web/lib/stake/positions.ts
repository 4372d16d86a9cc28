/**
 * Which of an account's positions can be staked in PositionStaking, what weight they would get, and why not
 * otherwise (the contract's checks, IPositionStaking.stake: live, owned, free of any other lock; approved). A stake
 * is a lock with its payouts to the owner, so a staked position keeps paying its daily mining rewards and any
 * refund to the staker: the portfolio's "Claim all" claims them as for a free position.
 */
import { positionStakeWeight } from "@dmex/money-math/emission";

export interface StakeCandidate {
  readonly tokenId: string;
  readonly units: string;
  readonly locked: boolean;
  readonly lockedBy: string | null;
  readonly offering: { readonly status: string; readonly termEndDay: number };
}

export type StakeState =
  | { kind: "staked"; weight: bigint; currentWeight: bigint }
  | { kind: "stakable"; weight: bigint }
  | { kind: "blocked"; reason: string };

/** Where a position stands for staking, given who holds its lock and the on-chain stake (`stakeOf`). */
export function stakeState(
  p: StakeCandidate,
  today: number,
  staking: string,
  onChain: { staker: string; weight: bigint; currentWeight: bigint } | undefined,
  lockerNames: Readonly<Record<string, string>> = {},
): StakeState {
  const stakingLc = staking.toLowerCase();
  if (onChain !== undefined && onChain.staker !== ZERO)
    return { kind: "staked", weight: onChain.weight, currentWeight: onChain.currentWeight };
  if (p.locked && p.lockedBy?.toLowerCase() === stakingLc)
    return { kind: "staked", weight: onChain?.weight ?? 0n, currentWeight: onChain?.currentWeight ?? 0n };
  if (p.offering.status === "Halted")
    return { kind: "blocked", reason: "Its offering was halted: nothing left to mine." };
  if (today >= p.offering.termEndDay) return { kind: "blocked", reason: "Its term is over." };
  if (p.locked) {
    const by = p.lockedBy ? (lockerNames[p.lockedBy.toLowerCase()] ?? "another contract") : "another contract";
    return { kind: "blocked", reason: `Locked by ${describeLocker(by)}: a position has one lock at a time.` };
  }
  return { kind: "stakable", weight: positionStakeWeight(BigInt(p.units), p.offering.termEndDay, today) };
}

const ZERO = "0x0000000000000000000000000000000000000000";

function describeLocker(name: string): string {
  if (name === "PositionLoans") return "a loan (repay it first)";
  if (name === "PositionAuctions") return "an auction";
  if (name === "MutualInsurance") return "the insurance pool";
  return name;
}

/** "1,000 TiB x 150 days = 150,000" */
export function weightText(units: string | number, unitLabel: string, termEndDay: number, today: number): string {
  const days = Math.max(termEndDay - today, 0);
  const weight = positionStakeWeight(BigInt(units), termEndDay, today);
  const g = (v: bigint | number) => v.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${g(BigInt(units))} ${unitLabel} x ${g(days)} day${days === 1 ? "" : "s"} left = ${g(weight)}`;
}
