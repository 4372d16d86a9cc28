/**
 * Insurance payouts to the holders of a halted offering (IMutualInsurance.getPayout / claimableOf /
 * claimPayout): pro rata by units, pulled once per position, to its owner; a position whose lock routes its
 * refund to the lock holder (a loan, an auction) pays only to the lock holder, so its payout waits in the NFT
 * until the lock ends (repaid: the borrower claims; foreclosed: the lender, then owner, claims).
 */
export interface PayoutRecord {
  readonly perUnit: bigint;
  readonly claimed: bigint;
  readonly offeringId: number;
  /** Chain seconds; from then on what is unclaimed returns to the fund. */
  readonly claimDeadline: number;
  readonly total: bigint;
  readonly units: number;
}

/** A position of the payout's offering, as the subgraph and the chain describe it. */
export interface AffectedPosition {
  readonly tokenId: string;
  readonly units: bigint;
  /** The position's lock routes its refund (and so its payout) to the lock holder. */
  readonly refundToLocker: boolean;
  /** MutualInsurance.claimableOf now (0: claimed, expired or another offering); undefined until read. */
  readonly claimable: bigint | undefined;
  /** MutualInsurance.hasClaimed; undefined until read. */
  readonly claimed: boolean | undefined;
}

export type PayoutStanding = "claimable" | "claimed" | "pledged" | "expired" | "checking";

export interface PayoutLine {
  readonly tokenId: string;
  readonly amount: bigint;
  readonly standing: PayoutStanding;
}

/** Whether a payout exists (executed): an unknown id reads as zeros. */
export function isExecuted(p: PayoutRecord): boolean {
  return p.perUnit > 0n;
}

/** What a position of `units` receives from the payout: perUnit x units (the contract's own product). */
export function payoutOf(p: PayoutRecord, units: bigint): bigint {
  return p.perUnit * units;
}

export function standingOfPosition(p: PayoutRecord, pos: AffectedPosition, nowSeconds: number): PayoutStanding {
  if (pos.claimed === true) return "claimed";
  if (nowSeconds >= p.claimDeadline) return "expired";
  if (pos.claimed === undefined || pos.claimable === undefined) return "checking";
  if (pos.refundToLocker) return "pledged";
  return pos.claimable > 0n ? "claimable" : "claimed";
}

/** One line per position, and the token ids one `claimPayout` call may take (the owner's unpledged ones). */
export function payoutLines(
  p: PayoutRecord,
  positions: readonly AffectedPosition[],
  nowSeconds: number,
): { lines: PayoutLine[]; claimIds: bigint[]; claimTotal: bigint } {
  const lines = positions.map((pos) => ({
    tokenId: pos.tokenId,
    amount: pos.claimable !== undefined && pos.claimable > 0n ? pos.claimable : payoutOf(p, pos.units),
    standing: standingOfPosition(p, pos, nowSeconds),
  }));
  const claimable = lines.filter((l) => l.standing === "claimable");
  return {
    lines,
    claimIds: claimable.map((l) => BigInt(l.tokenId)),
    claimTotal: claimable.reduce((s, l) => s + l.amount, 0n),
  };
}

export function standingText(s: PayoutStanding): string {
  switch (s) {
    case "claimable":
      return "claimable now";
    case "claimed":
      return "claimed";
    case "pledged":
      return "waits in the position while it is pledged (loan or auction): it goes to whoever holds it once the lock ends";
    case "expired":
      return "expired: the claim period ended and the unclaimed DMC went back to the fund";
    case "checking":
      return "checking…";
  }
}

/** IMutualInsurance.ClaimStatus. */
export const CLAIM_STATUS = ["None", "Open", "Executed", "Rejected", "Closed"] as const;
export type ClaimStatusName = (typeof CLAIM_STATUS)[number];

export function claimStatusName(status: number): ClaimStatusName {
  return CLAIM_STATUS[status] ?? "None";
}
