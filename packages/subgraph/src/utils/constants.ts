import { Address, BigInt } from "@graphprotocol/graph-ts";

export const ZERO_ADDRESS = Address.zero();
export const ZERO = BigInt.zero();
export const ONE = BigInt.fromI32(1);
export const SECONDS_PER_DAY = BigInt.fromI32(86400);
/** HashpowerExchange.REWARD_PRECISION */
export const REWARD_PRECISION = BigInt.fromString("1000000000000");
/** MarketRateOracle.CORRECTION_WINDOW (1 hours): a report is final this many seconds after it was made. */
export const CORRECTION_WINDOW = BigInt.fromI32(3600);
/** DelinquencyMath.MAX_WINDOW_DAYS: judged days the packed window holds. */
export const MAX_WINDOW_DAYS: i32 = 8;

// Enum values, spelled as in schema.graphql.
export const STATUS_ACTIVE = "Active";
export const STATUS_FLAGGED = "Flagged";
export const STATUS_HALTED = "Halted";

export const POSITION_ACTIVE = "Active";
export const POSITION_LOCKED = "Locked";
export const POSITION_REFUNDED = "Refunded";

/** FlagReason in the contract's order: None, MissedDeposits, LowRewards. */
export function flagReasonName(reason: i32): string {
  if (reason == 1) return "MissedDeposits";
  if (reason == 2) return "LowRewards";
  return "None";
}
