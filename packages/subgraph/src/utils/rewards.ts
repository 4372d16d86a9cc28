// TradingRewards helpers: epochs and per-account rewards.
import { BigInt, Bytes, ethereum } from "@graphprotocol/graph-ts";

import { Parameter, TradingEpoch, TradingReward } from "../../generated/schema";
import { SECONDS_PER_DAY, ZERO } from "./constants";
import { setIntParameter } from "./governance";

export const REWARDS = "rewards";
/** The deploy script's epoch length (TradingRewards.epochDuration, not emitted by the contract). */
export const EPOCH_DURATION = BigInt.fromI32(7 * 86400);
const GENESIS_PARAMETER = "rewards-genesis";

/**
 * Records genesis as the deploy script sets it: the UTC day of the deployment, whose constructor emits
 * ScheduleSet(0, ...). The contract emits neither genesis nor epochDuration.
 */
export function recordGenesis(event: ethereum.Event): void {
  if (Parameter.load(GENESIS_PARAMETER) != null) return;
  const genesis = event.block.timestamp.div(SECONDS_PER_DAY).times(SECONDS_PER_DAY);
  setIntParameter(event, REWARDS, "genesis", genesis);
  setIntParameter(event, REWARDS, "epochDuration", EPOCH_DURATION);
}

function genesis(): BigInt {
  const p = Parameter.load(GENESIS_PARAMETER);
  return p == null ? ZERO : BigInt.fromString(p.value);
}

export function getOrCreateEpoch(epoch: BigInt): TradingEpoch {
  const id = epoch.toString();
  let e = TradingEpoch.load(id);
  if (e != null) return e;
  e = new TradingEpoch(id);
  e.epoch = epoch.toI32();
  e.startTime = genesis().plus(epoch.times(EPOCH_DURATION));
  e.endTime = e.startTime.plus(EPOCH_DURATION);
  e.dmcPerEpoch = ZERO;
  e.capDmcPerFeeUnit = ZERO;
  e.totalCredit = ZERO;
  e.accounts = 0;
  return e;
}

/** The account's reward of the epoch; a new one counts the account on the epoch (caller saves it). */
export function getOrCreateReward(account: Bytes, epoch: TradingEpoch): TradingReward {
  const id = account.toHexString() + "-" + epoch.id;
  let r = TradingReward.load(id);
  if (r != null) return r;
  r = new TradingReward(id);
  r.account = account;
  r.epoch = epoch.id;
  r.credit = ZERO;
  r.fees = 0;
  r.settled = false;
  epoch.accounts += 1;
  return r;
}
