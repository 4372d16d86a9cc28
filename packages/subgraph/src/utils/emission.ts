// The DMC emission pools (DmcEmissionPool: PositionStaking, both LiquidityMining instances, NodeStakingRewards)
// share one accumulator; these helpers replay it from the pools' events exactly as the contract stores it.
import { Address, BigInt, Bytes, ethereum } from "@graphprotocol/graph-ts";

import { DefiContracts, DmcClaim, PoolStaker, StakingPool, StakingRateChange } from "../../generated/schema";
import { ZERO } from "./constants";
import { eventId } from "./ids";
import { stamp } from "./records";

/** DmcEmissionPool.PRECISION: scale of the reward-per-weight accumulator. */
export const EMISSION_PRECISION = BigInt.fromString("1000000000000");

export const KIND_POSITION_STAKING = "PositionStaking";
export const KIND_LIQUIDITY_MINING = "LiquidityMining";
export const KIND_NODE_STAKING = "NodeStaking";

const DEFI_ID = Bytes.fromUTF8("defi");

/** The DefiContracts bookkeeping singleton; the caller saves it. */
export function defiContracts(): DefiContracts {
  let d = DefiContracts.load(DEFI_ID);
  if (d != null) return d;
  d = new DefiContracts(DEFI_ID);
  d.pools = [];
  return d;
}

function callUint(abi: string, address: Address, name: string, signature: string): BigInt {
  const result = ethereum.call(new ethereum.SmartContractCall(abi, address, name, signature, []));
  if (result == null) throw new Error(name + "() of " + address.toHexString() + " reverted");
  return result[0].toBigInt();
}

/**
 * The pool, created at its first event (the constructor's RateSet). Its schedule is immutable and emitted by no
 * event, so it is read once from the contract: period(), budget(), bucket() and, for liquidity mining, lpToken().
 * `abi` is the data source's ABI name, `name` its deployment name.
 */
export function loadPool(event: ethereum.Event, abi: string, kind: string, name: string): StakingPool {
  let pool = StakingPool.load(event.address);
  if (pool != null) return pool;
  pool = new StakingPool(event.address);
  pool.kind = kind;
  pool.name = name;
  const period = ethereum.call(
    new ethereum.SmartContractCall(abi, event.address, "period", "period():(uint256,uint256)", []),
  );
  if (period == null) throw new Error("period() of " + event.address.toHexString() + " reverted");
  pool.periodStart = period[0].toBigInt();
  pool.periodEnd = period[1].toBigInt();
  pool.budget = callUint(abi, event.address, "budget", "budget():(uint256)");
  pool.bucket = callUint(abi, event.address, "bucket", "bucket():(uint8)").toI32();
  pool.ratePerSecond = ZERO;
  pool.rateEffectiveFrom = pool.periodStart;
  pool.totalWeight = ZERO;
  pool.emittedToDate = ZERO;
  pool.rewardPerWeight = ZERO;
  pool.remainder = ZERO;
  pool.lastUpdate = pool.periodStart;
  pool.claimed = ZERO;
  pool.claimCount = 0;
  pool.stakerCount = 0;
  pool.activeNftStakes = 0;
  pool.createdAtBlock = event.block.number;
  pool.updatedAtBlock = event.block.number;
  const defi = defiContracts();
  if (kind == KIND_LIQUIDITY_MINING) {
    const lp = ethereum.call(new ethereum.SmartContractCall(abi, event.address, "lpToken", "lpToken():(address)", []));
    if (lp == null) throw new Error("lpToken() of " + event.address.toHexString() + " reverted");
    const pair: Bytes = lp[0].toAddress();
    pool.lpPair = pair;
    pool.pricePair = pair;
  } else {
    const list = defi.pools;
    list.push(event.address);
    defi.pools = list;
    defi.save();
    const usdt = defi.dmcUsdtPair;
    if (usdt) pool.pricePair = usdt;
  }
  return pool;
}

/** The accumulator advanced to `now` (DmcEmissionPool._load), written into `pool` (the caller saves it). */
export function advance(pool: StakingPool, now: BigInt): void {
  const to = now < pool.periodEnd ? now : pool.periodEnd;
  if (to <= pool.lastUpdate) return;
  if (!pool.totalWeight.isZero()) {
    let amount = pool.ratePerSecond.times(to.minus(pool.lastUpdate));
    const left = pool.budget.minus(pool.emittedToDate);
    if (amount > left) amount = left;
    if (!amount.isZero()) {
      const num = amount.times(EMISSION_PRECISION).plus(pool.remainder);
      pool.rewardPerWeight = pool.rewardPerWeight.plus(num.div(pool.totalWeight));
      pool.remainder = num.mod(pool.totalWeight);
      pool.emittedToDate = pool.emittedToDate.plus(amount);
    }
  }
  pool.lastUpdate = to;
}

/**
 * The accumulator as of `now` without storing it: a claim only reads the pool (the contract does not write the
 * stream back), so the next stored update still starts from the last stored one.
 */
export function rewardPerWeightAt(pool: StakingPool, now: BigInt): BigInt {
  const to = now < pool.periodEnd ? now : pool.periodEnd;
  if (to <= pool.lastUpdate || pool.totalWeight.isZero()) return pool.rewardPerWeight;
  let amount = pool.ratePerSecond.times(to.minus(pool.lastUpdate));
  const left = pool.budget.minus(pool.emittedToDate);
  if (amount > left) amount = left;
  if (amount.isZero()) return pool.rewardPerWeight;
  return pool.rewardPerWeight.plus(amount.times(EMISSION_PRECISION).plus(pool.remainder).div(pool.totalWeight));
}

export function loadStaker(pool: StakingPool, account: Address): PoolStaker {
  const id = pool.id.toHexString() + "-" + account.toHexString();
  let s = PoolStaker.load(id);
  if (s != null) return s;
  s = new PoolStaker(id);
  s.pool = pool.id;
  s.account = account;
  s.weight = ZERO;
  s.earnedStored = ZERO;
  s.paidPerWeight = ZERO;
  s.claimed = ZERO;
  return s;
}

/** RateSet: the stream up to now settled at the old rate (none for the constructor's), the new rate from now. */
export function onRateSet(
  event: ethereum.Event,
  pool: StakingPool,
  oldRate: BigInt,
  newRate: BigInt,
  effectiveFrom: BigInt,
  emittedToDate: BigInt,
): void {
  if (event.block.timestamp > pool.lastUpdate) advance(pool, event.block.timestamp);
  pool.ratePerSecond = newRate;
  pool.rateEffectiveFrom = effectiveFrom;
  pool.emittedToDate = emittedToDate;
  pool.updatedAtBlock = event.block.number;
  pool.save();
  const r = new StakingRateChange(eventId(event));
  r.pool = pool.id;
  r.oldRate = oldRate;
  r.newRate = newRate;
  r.effectiveFrom = effectiveFrom;
  r.emittedToDate = emittedToDate;
  stamp(r, event);
  r.save();
}

/** WeightChanged: the pool advanced to now, the account's earnings at its old weight settled. */
export function onWeightChanged(
  event: ethereum.Event,
  pool: StakingPool,
  account: Address,
  weight: BigInt,
  totalWeight: BigInt,
  settled: BigInt,
): void {
  advance(pool, event.block.timestamp);
  const s = loadStaker(pool, account);
  if (s.weight.isZero() && !weight.isZero()) pool.stakerCount += 1;
  if (!s.weight.isZero() && weight.isZero()) pool.stakerCount -= 1;
  s.earnedStored = s.earnedStored.plus(settled);
  s.paidPerWeight = pool.rewardPerWeight;
  s.weight = weight;
  s.updatedAtBlock = event.block.number;
  s.updatedAtTimestamp = event.block.timestamp;
  s.save();
  pool.totalWeight = totalWeight;
  pool.updatedAtBlock = event.block.number;
  pool.save();
}

/** DmcClaimed: the account's earnings settled at the accumulator now and paid, `stillEarned` left. */
export function onDmcClaimed(
  event: ethereum.Event,
  pool: StakingPool,
  account: Address,
  to: Address,
  amount: BigInt,
  stillEarned: BigInt,
): void {
  const s = loadStaker(pool, account);
  s.paidPerWeight = rewardPerWeightAt(pool, event.block.timestamp);
  s.earnedStored = stillEarned;
  s.claimed = s.claimed.plus(amount);
  s.updatedAtBlock = event.block.number;
  s.updatedAtTimestamp = event.block.timestamp;
  s.save();
  pool.claimed = pool.claimed.plus(amount);
  pool.claimCount += 1;
  pool.updatedAtBlock = event.block.number;
  pool.save();
  const c = new DmcClaim(eventId(event));
  c.pool = pool.id;
  c.account = account;
  c.to = to;
  c.amount = amount;
  c.stillEarned = stillEarned;
  stamp(c, event);
  c.save();
}
