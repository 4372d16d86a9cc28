/**
 * The gas limit a transaction is sent with: the node's estimate plus a margin. An estimate is the least gas that
 * succeeded when the node tried, and it can fail when mined: an SSTORE needs more than EIP-2200's 2,300-gas
 * sentry left *before* refunds are counted, so a call that deletes storage (unstaking, closing a loan) can sit
 * right at the edge (seen on anvil: PositionStaking.unstake estimated at 66,074, mined with it, reverted with
 * ReentrancySentryOOG). Wallets add a margin for the same reason; unused gas is not charged.
 */
export const GAS_MARGIN_BPS = 2_000n;

export function withGasMargin(estimate: bigint): bigint {
  if (estimate < 0n) throw new Error(`a gas estimate cannot be negative (${estimate})`);
  return estimate + (estimate * GAS_MARGIN_BPS) / 10_000n;
}
