/**
 * A node's commission per token (IPromotionNodes.commissionOf / claimable / ledgerOf): what it earned, claimed,
 * may claim now and what waits for the fee splitter to fund it. The ledger per token keeps
 * recorded >= funded >= paid; a claim takes min(owed, funded - paid) (decision 0021: funding is a pool).
 */
export interface CommissionFigures {
  readonly earned: bigint;
  readonly claimed: bigint;
}

export interface LedgerFigures {
  readonly recorded: bigint;
  readonly funded: bigint;
  readonly paid: bigint;
}

export interface CommissionRow {
  readonly earned: bigint;
  readonly claimed: bigint;
  /** Earned and not claimed. */
  readonly owed: bigint;
  /** What `claimCommission` pays now. */
  readonly claimable: bigint;
  /** Owed but not yet funded by collected fees: `ProtocolFeeSplitter.distribute` funds it. */
  readonly awaitingFunds: bigint;
}

export function commissionRow(c: CommissionFigures, claimable: bigint): CommissionRow {
  const owed = c.earned > c.claimed ? c.earned - c.claimed : 0n;
  const now = claimable < owed ? claimable : owed;
  return { earned: c.earned, claimed: c.claimed, owed, claimable: now, awaitingFunds: owed - now };
}

/** The token's commission not yet funded (what the splitter's next distribution sends first). */
export function unfunded(l: LedgerFigures): bigint {
  return l.recorded > l.funded ? l.recorded - l.funded : 0n;
}

/**
 * The split of one referral's commission (decision 0021): `commissionBps` of the fee; a light node's
 * commission gives `mainShareBps` of it to its live main node, rounded down, the remainder to the light node.
 * Mirrors PromotionNodes.recordReferral, for the "how much a referral earns" line.
 */
export function referralCommission(
  fee: bigint,
  commissionBps: number,
  mainShareBps: number,
  light: boolean,
): { commission: bigint; toNode: bigint; toMain: bigint } {
  const commission = (fee * BigInt(commissionBps)) / 10_000n;
  const toMain = light ? (commission * BigInt(mainShareBps)) / 10_000n : 0n;
  return { commission, toNode: commission - toMain, toMain };
}
