// Client-side replica of the contract's escrow, reward and default views, computed from subgraph
// entities (no RPC). Same integer math as the contracts: HashpowerExchange._releasedToDate and
// _refundable, EscrowMath (released, positionReleasedCeil, holdbackDay), DelinquencyMath (shares
// and the packed window) and DefaultMonitor.flaggable. The figures that depend on chain time
// (the day release has reached, missed days, flaggability, a rate's finality) are not stored by
// the subgraph: call these with `today = dayOf(latest block timestamp)`.
// GraphQL returns BigInt fields as decimal strings and Int fields as numbers; every input here
// accepts bigint | string | number.

export const REWARD_PRECISION = 10n ** 12n;
export const SECONDS_PER_DAY = 86400;
/** MarketRateOracle.CORRECTION_WINDOW: a report is final this many seconds after it was made. */
export const CORRECTION_WINDOW = 3600;
/** DelinquencyMath.MAX_WINDOW_DAYS: judged days the packed window holds. */
export const MAX_WINDOW_DAYS = 8;
/** DelinquencyMath.FULL_SHARE: a share of 100%, per-mille. */
export const FULL_SHARE = 1000;

const WAD = 10n ** 18n;
const COUNT_BITS = 4n;
const SHARE_BITS = 10n;
const SHARE_MASK = (1n << SHARE_BITS) - 1n;
const SHARES_MASK = (1n << (SHARE_BITS * BigInt(MAX_WINDOW_DAYS))) - 1n;

const big = (value) => BigInt(value);
const num = (value) => Number(value);

/** The contract's UTC day of a Unix time in seconds. */
export function dayOf(timestampSeconds) {
  return Number(big(timestampSeconds) / 86400n);
}

// ------------------------------------------------------------------ escrow (EscrowMath)

/** EscrowMath.released: an offering's released escrow at `day`, rounded down (one cohort from startDay). */
export function released(totalNet, startDay, endDay, day) {
  const d = num(day);
  if (d <= num(startDay)) return 0n;
  if (d >= num(endDay)) return big(totalNet);
  return (big(totalNet) * big(d - num(startDay))) / big(num(endDay) - num(startDay));
}

/** EscrowMath.positionReleasedCeil: a position's released amount at `day`, rounded up. */
export function positionReleasedCeil(net, startDay, endDay, day) {
  const n = big(net);
  const d = num(day);
  if (d <= num(startDay)) return 0n;
  if (d >= num(endDay)) return n;
  const numerator = n * big(d - num(startDay));
  const denominator = big(num(endDay) - num(startDay));
  return (numerator + denominator - 1n) / denominator;
}

/**
 * EscrowMath.holdbackDay: the day release has reached at `day` under the end-of-term holdback.
 * Within the last `holdbackDays` of the term release never passes lastCoveredDay + 1.
 */
export function holdbackDay(day, endDay, holdbackDays, lastCoveredDay) {
  const d = num(day);
  const zoneStart = num(endDay) - num(holdbackDays);
  if (d <= zoneStart) return d;
  const next = num(lastCoveredDay) + 1;
  const cap = next > zoneStart ? next : zoneStart;
  return d < cap ? d : cap;
}

/** EscrowMath.heldBackDay for an offering: also the day a flag raised on `day` freezes release at. */
export function heldBackDay(offering, day) {
  return holdbackDay(day, offering.termEndDay, offering.holdbackDays, offering.lastCoveredDay);
}

/**
 * The day release has reached on `today` (the `releasedDay` of releasedToDate()): frozen at
 * frozenDay while not Active (once frozenDay is past), else held back near the term end; capped
 * at termEndDay.
 */
export function releaseDay(offering, today) {
  const t = num(today);
  const frozen = num(offering.frozenDay);
  const day = offering.status !== "Active" && frozen < t ? frozen : heldBackDay(offering, t);
  return Math.min(day, num(offering.termEndDay));
}

/**
 * Escrow released to the miner by `today`: what `releasedToDate(offeringId)` returns that day.
 * Exact for any `today` at or after the block the offering was read at (no later event).
 */
export function releasedToDate(offering, today) {
  return released(offering.totalNet, offering.termStartDay, offering.termEndDay, releaseDay(offering, today));
}

/** Released escrow the miner can withdraw on `today`. */
export function withdrawableEscrow(offering, today) {
  return releasedToDate(offering, today) - big(offering.withdrawn);
}

// ------------------------------------------------------------------ rewards and refunds

/** Rewards a position would pay now: units * (acc - rewardSnapshot) / 1e12. */
export function claimableRewards(position, offering) {
  return (big(position.units) * (big(offering.accRewardPerUnit) - big(position.rewardSnapshot))) / REWARD_PRECISION;
}

/**
 * The refund a position of a halted offering can still pull (0 otherwise), as refundableOf:
 * its net minus its release rounded up at frozenDay.
 */
export function refundableOf(position, offering) {
  if (offering.status !== "Halted" || position.refunded || big(position.units) === 0n) return 0n;
  const net = big(position.netPaid);
  return net - positionReleasedCeil(net, offering.termStartDay, offering.termEndDay, offering.frozenDay);
}

// ------------------------------------------------------------------ shares and the window (DelinquencyMath)

/** DelinquencyMath.shareOf: the day's share of the market, per-mille, rounded down, at most 1000. */
export function shareOf(dayRewardPerUnitWad, marketAvgPerUnitWad) {
  const paid = big(dayRewardPerUnitWad);
  const market = big(marketAvgPerUnitWad);
  if (paid >= market) return FULL_SHARE;
  return Number((paid * BigInt(FULL_SHARE)) / market);
}

/** The reward per unit of a deposit, WAD-scaled, as depositReward computes it. */
export function dayRewardPerUnitWad(amount, units) {
  return (big(amount) * WAD) / big(units);
}

/** DelinquencyMath.push: `recentShares` with `share` pushed in as the newest judged day. */
export function pushShare(recentShares, share) {
  const recent = big(recentShares);
  let count = recent & ((1n << COUNT_BITS) - 1n);
  const shares = (((recent >> COUNT_BITS) << SHARE_BITS) | big(share)) & SHARES_MASK;
  if (count < BigInt(MAX_WINDOW_DAYS)) count += 1n;
  return (shares << COUNT_BITS) | count;
}

/** DelinquencyMath.judgedDays: how many judged days the window holds (at most 8). */
export function judgedDays(recentShares) {
  return Number(big(recentShares) & ((1n << COUNT_BITS) - 1n));
}

/** DelinquencyMath.shareAt: the i-th newest judged share (0 = the latest). */
export function shareAt(recentShares, i) {
  return Number((big(recentShares) >> (COUNT_BITS + SHARE_BITS * big(i))) & SHARE_MASK);
}

/** The judged shares, newest first (Offering.windowShares). */
export function windowShares(recentShares) {
  return Array.from({ length: judgedDays(recentShares) }, (_, i) => shareAt(recentShares, i));
}

/** DelinquencyMath.windowSum: sum of the newest `windowDays` shares and whether that many were judged. */
export function windowSum(recentShares, windowDays) {
  const count = judgedDays(recentShares);
  const full = count >= num(windowDays);
  const n = full ? num(windowDays) : count;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += shareAt(recentShares, i);
  return { sum, full };
}

/** The window's average share as flaggable() reports it: floor(sum / windowDays) when full, else 0. */
export function windowShare(recentShares, windowDays) {
  const { sum, full } = windowSum(recentShares, windowDays);
  return full ? Math.floor(sum / num(windowDays)) : 0;
}

/** DelinquencyMath.isLow: the window is full and sum * 10 < minRewardRatioBps * windowDays. */
export function isLowWindow(recentShares, windowDays, minRewardRatioBps) {
  const { sum, full } = windowSum(recentShares, windowDays);
  return full && sum * 10 < num(minRewardRatioBps) * num(windowDays);
}

// ------------------------------------------------------------------ defaults (DefaultMonitor)

/**
 * Completed days the oldest uncovered term day has waited for its deposit on `today`; it keeps
 * counting after the term end (0 once the last term day is covered).
 */
export function missedDays(offering, today) {
  const t = num(today);
  const lastCovered = num(offering.lastCoveredDay);
  if (lastCovered + 1 < num(offering.termEndDay) && t > lastCovered + 1) return t - 1 - lastCovered;
  return 0;
}

/**
 * DefaultMonitor.flaggable on `today`: whether anyone may flag the offering, why, and the figures
 * behind it. `thresholds` is the Protocol entity (missedDaysThreshold, windowDays,
 * minRewardRatioBps, postTermFlagDays); the offering needs status, unitsSold, termEndDay,
 * lastCoveredDay and recentShares.
 * @returns {{ canFlag: boolean, reason: "None" | "MissedDeposits" | "LowRewards", missedDays: number, windowShare: number }}
 */
export function flaggable(offering, thresholds, today) {
  const t = num(today);
  const { sum, full } = windowSum(offering.recentShares, thresholds.windowDays);
  const share = full ? Math.floor(sum / num(thresholds.windowDays)) : 0;
  const missed = missedDays(offering, t);
  const none = { canFlag: false, reason: "None", missedDays: missed, windowShare: share };
  if (offering.status !== "Active" || big(offering.unitsSold) === 0n) return none;
  if (t >= num(offering.termEndDay) + num(thresholds.postTermFlagDays)) return none;
  if (missed >= num(thresholds.missedDaysThreshold)) return { ...none, canFlag: true, reason: "MissedDeposits" };
  if (full && sum * 10 < num(thresholds.minRewardRatioBps) * num(thresholds.windowDays)) {
    return { ...none, canFlag: true, reason: "LowRewards" };
  }
  return none;
}

// ------------------------------------------------------------------ market rates

/** Whether a report (MarketRate) is final, i.e. usable by depositReward, at `nowSeconds`. */
export function isRateFinal(marketRate, nowSeconds) {
  return big(nowSeconds) >= big(marketRate.finalAt);
}
