// The stakes of the emission pools: LP stakes (LiquidityMining) and NFT stakes (PositionStaking).
import { Address, BigInt, ethereum } from "@graphprotocol/graph-ts";

import { LpStake, NftStake, NftStakeReweight, Position, StakingPool } from "../../generated/schema";
import { ZERO } from "./constants";
import { eventId, positionId } from "./ids";
import { stamp } from "./records";

function loadLpStake(pool: StakingPool, account: Address): LpStake {
  const id = pool.id.toHexString() + "-" + account.toHexString();
  let s = LpStake.load(id);
  if (s != null) return s;
  s = new LpStake(id);
  s.pool = pool.id;
  s.account = account;
  s.staked = ZERO;
  s.stakedTotal = ZERO;
  s.withdrawnTotal = ZERO;
  return s;
}

export function onLpStaked(
  event: ethereum.Event,
  pool: StakingPool,
  account: Address,
  amount: BigInt,
  staked: BigInt,
): void {
  const s = loadLpStake(pool, account);
  s.staked = staked;
  s.stakedTotal = s.stakedTotal.plus(amount);
  s.updatedAtBlock = event.block.number;
  s.updatedAtTimestamp = event.block.timestamp;
  s.save();
  pool.save();
}

export function onLpWithdrawn(
  event: ethereum.Event,
  pool: StakingPool,
  account: Address,
  amount: BigInt,
  staked: BigInt,
): void {
  const s = loadLpStake(pool, account);
  s.staked = staked;
  s.withdrawnTotal = s.withdrawnTotal.plus(amount);
  s.updatedAtBlock = event.block.number;
  s.updatedAtTimestamp = event.block.timestamp;
  s.save();
  pool.save();
}

/** PositionStaked: a new stake, the position's current one. */
export function onPositionStaked(
  event: ethereum.Event,
  pool: StakingPool,
  tokenId: BigInt,
  staker: Address,
  units: BigInt,
  daysLeft: BigInt,
  weight: BigInt,
): void {
  const s = new NftStake(eventId(event));
  s.pool = pool.id;
  s.position = positionId(tokenId);
  s.staker = staker;
  s.units = units;
  s.daysLeft = daysLeft.toI32();
  s.initialWeight = weight;
  s.weight = weight;
  s.active = true;
  s.reweightCount = 0;
  s.stakedAtBlock = event.block.number;
  s.stakedAtTimestamp = event.block.timestamp;
  s.save();
  const position = Position.load(positionId(tokenId));
  if (position != null) {
    position.nftStake = s.id;
    position.lastNftStake = s.id;
    position.save();
  }
  pool.activeNftStakes += 1;
  pool.save();
}

/** The position's latest stake (active or not), null if it was never staked. */
function lastNftStake(tokenId: BigInt): NftStake | null {
  const position = Position.load(positionId(tokenId));
  if (position == null) return null;
  const id = position.lastNftStake;
  if (!id) return null;
  return NftStake.load(id);
}

/** PositionUnstaked: by unstake, or by poke once the exchange no longer holds the lock for the pool. */
export function onPositionUnstaked(event: ethereum.Event, pool: StakingPool, tokenId: BigInt): void {
  const s = lastNftStake(tokenId);
  if (s == null || !s.active) return;
  s.active = false;
  s.weight = ZERO;
  s.unstakedAtBlock = event.block.number;
  s.unstakedAtTimestamp = event.block.timestamp;
  s.save();
  const position = Position.load(positionId(tokenId));
  if (position != null) {
    position.nftStake = null;
    position.save();
  }
  pool.activeNftStakes -= 1;
  pool.save();
}

/**
 * StakeReweighted: poke lowered the stake's weight (to zero once its term ended or the offering was halted).
 * A poke that found the lock gone emitted PositionUnstaked just before: the stake is then already closed.
 */
export function onStakeReweighted(
  event: ethereum.Event,
  tokenId: BigInt,
  oldWeight: BigInt,
  newWeight: BigInt,
  caller: Address,
): void {
  const s = lastNftStake(tokenId);
  if (s == null) return;
  if (s.active) s.weight = newWeight;
  s.reweightCount += 1;
  s.save();
  const r = new NftStakeReweight(eventId(event));
  r.stake = s.id;
  r.oldWeight = oldWeight;
  r.newWeight = newWeight;
  r.caller = caller;
  stamp(r, event);
  r.save();
}
