/** MiningReserve.Bucket in the contract's order. */
export function bucketName(bucket: i32): string {
  if (bucket == 0) return "Behaviour";
  if (bucket == 1) return "Liquidity";
  return "NodeStaking";
}

export function remainingName(bucket: i32): string {
  return "remaining." + bucketName(bucket);
}
