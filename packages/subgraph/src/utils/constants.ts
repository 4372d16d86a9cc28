import { Address, BigInt } from "@graphprotocol/graph-ts";

export const ZERO_ADDRESS = Address.zero();
export const ZERO = BigInt.zero();
export const ONE = BigInt.fromI32(1);
export const SECONDS_PER_DAY = BigInt.fromI32(86400);
/** EscrowMath.RATE_PRECISION (1e6 since the rate fields share one 256-bit slot) */
export const RATE_PRECISION = BigInt.fromString("1000000");
/** HashpowerExchange.REWARD_PRECISION */
export const REWARD_PRECISION = BigInt.fromString("1000000000000");
/** Offering.lowStreak is a uint16 in storage: the contract stores min(streak, 65535). */
export const MAX_UINT16 = 65535;

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
