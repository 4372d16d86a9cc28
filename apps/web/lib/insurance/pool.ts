/**
 * The mutual insurance pool's pots (IMutualInsurance.pools) and an underwriter's stake in words. All DMC wei.
 * Order of loss for every payout (decision 0022): the offering's slashed miner stake, then the underwriters'
 * pot (at most `maxPotShareBps` of it per payout), then the fund.
 */
export interface PoolFigures {
  readonly fund: bigint;
  readonly pot: bigint;
  readonly slashed: bigint;
  readonly unclaimed: bigint;
  readonly totalShares: bigint;
}

export interface PoolPart {
  readonly key: "slashed" | "pot" | "fund" | "unclaimed";
  readonly label: string;
  readonly amount: bigint;
  /** Share of the pool in basis points (rounded down). */
  readonly bps: number;
  /** Order in which a payout takes from it (1 first); null for what is already voted to holders. */
  readonly lossOrder: number | null;
}

export function poolFromTuple(t: readonly [bigint, bigint, bigint, bigint, bigint]): PoolFigures {
  const [fund, pot, slashed, unclaimed, totalShares] = t;
  return { fund, pot, slashed, unclaimed, totalShares };
}

/** Everything the pool holds in DMC (the four pots). */
export function poolTotal(p: PoolFigures): bigint {
  return p.fund + p.pot + p.slashed + p.unclaimed;
}

/** The pots in the order a payout takes from them, then the payouts already voted and waiting for positions. */
export function poolComposition(p: PoolFigures): PoolPart[] {
  const total = poolTotal(p);
  const bps = (v: bigint) => (total === 0n ? 0 : Number((v * 10_000n) / total));
  return [
    { key: "slashed", label: "Slashed miner stakes", amount: p.slashed, bps: bps(p.slashed), lossOrder: 1 },
    { key: "pot", label: "Underwriters' pot", amount: p.pot, bps: bps(p.pot), lossOrder: 2 },
    { key: "fund", label: "Insurance fund", amount: p.fund, bps: bps(p.fund), lossOrder: 3 },
    {
      key: "unclaimed",
      label: "Payouts waiting for positions",
      amount: p.unclaimed,
      bps: bps(p.unclaimed),
      lossOrder: null,
    },
  ];
}

/**
 * The most one payout can take now: the offering's slashed stake, `maxPotShareBps` of the pot, and the fund
 * (MutualInsurance.executePayout reverts above it).
 */
export function maxPayout(slashedOfOffering: bigint, pool: PoolFigures, maxPotShareBps: number): bigint {
  return slashedOfOffering + (pool.pot * BigInt(maxPotShareBps)) / 10_000n + pool.fund;
}

/** An underwriter's share of the pot in basis points (rounded down); 0 when nobody underwrites. */
export function shareOfPotBps(shares: bigint, totalShares: bigint): number {
  return totalShares === 0n ? 0 : Number((shares * 10_000n) / totalShares);
}
