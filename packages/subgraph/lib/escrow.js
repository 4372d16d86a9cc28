// Client-side replica of the contract's escrow and reward views, computed from subgraph entities
// (no RPC). Same integer math as HashpowerExchange: _releasedToDate, claimableRewards,
// refundableOf (EscrowMath.positionReleasedCeil). GraphQL returns BigInt fields as decimal
// strings and Int fields as numbers; every input here accepts bigint | string | number.

export const RATE_PRECISION = 10n ** 6n;
export const REWARD_PRECISION = 10n ** 12n;
export const SECONDS_PER_DAY = 86400;

const big = (value) => BigInt(value);

/** The contract's UTC day of a Unix time in seconds. */
export function dayOf(timestampSeconds) {
  return Number(big(timestampSeconds) / 86400n);
}

/** EscrowMath.rate: floor(net * RATE_PRECISION / duration), RATE_PRECISION = 1e6. */
export function cohortRate(net, duration) {
  return (big(net) * RATE_PRECISION) / big(duration);
}

/** The day release has reached on `today`: today while Active, frozen at the flag day otherwise, capped at the term end. */
export function releaseDay(offering, today) {
  let day = Number(today);
  if (offering.status !== "Active" && Number(offering.flaggedDay) < day) day = Number(offering.flaggedDay);
  return Math.min(day, Number(offering.termEndDay));
}

/**
 * Escrow released to the miner by `today` (what `releasedToDate(offeringId)` returns on that day).
 * Exact for any `today` on or after the day of the offering's last update (`updatedAtTimestamp`):
 * earlier days need OfferingDay.escrowReleased, because cohorts folded since then would count.
 */
export function releasedToDate(offering, today) {
  let day = Number(today);
  if (offering.status !== "Active" && Number(offering.flaggedDay) < day) day = Number(offering.flaggedDay);
  const totalNet = big(offering.totalNet);
  const endDay = Number(offering.termEndDay);
  if (day >= endDay) return totalNet;
  const termStart = Number(offering.termStartDay);
  if (day <= termStart) return 0n;
  let scaled = big(offering.rateSum) * big(day - termStart) - big(offering.rateDayProduct);
  const pendingNet = big(offering.pendingNet);
  const pendingDay = Number(offering.pendingDay);
  if (pendingNet !== 0n && pendingDay < day) {
    scaled += cohortRate(pendingNet, endDay - pendingDay) * big(day - pendingDay);
  }
  const released = scaled / RATE_PRECISION;
  return released < totalNet ? released : totalNet;
}

/** Released escrow the miner can withdraw on `today`. */
export function withdrawableEscrow(offering, today) {
  return releasedToDate(offering, today) - big(offering.withdrawn);
}

/** Rewards a position would pay now: units * (acc - rewardSnapshot) / 1e12. */
export function claimableRewards(position, offering) {
  return (big(position.units) * (big(offering.accRewardPerUnit) - big(position.rewardSnapshot))) / REWARD_PRECISION;
}

/** EscrowMath.positionReleasedCeil: a position's released amount at `day`, rounded up. */
export function positionReleasedCeil(net, startDay, endDay, day) {
  const n = big(net);
  if (Number(day) <= Number(startDay)) return 0n;
  if (Number(day) >= Number(endDay)) return n;
  const num = n * big(Number(day) - Number(startDay));
  const den = big(Number(endDay) - Number(startDay));
  return (num + den - 1n) / den;
}

/** The refund a position of a halted offering can still pull (0 otherwise), as refundableOf. */
export function refundableOf(position, offering) {
  if (offering.status !== "Halted" || position.refunded || big(position.units) === 0n) return 0n;
  const net = big(position.netPaid);
  return net - positionReleasedCeil(net, position.startDay, offering.termEndDay, offering.flaggedDay);
}
