/** The contracts' day: `block.timestamp / 86400` (`HashpowerExchange.DAY`). */
export const SECONDS_PER_DAY = 86_400;

/** The contract's UTC day number of a Unix time in seconds, rounded down. */
export function dayOf(timestampSeconds: bigint | number): number {
  if (typeof timestampSeconds === "bigint") return Number(timestampSeconds / BigInt(SECONDS_PER_DAY));
  return Math.floor(timestampSeconds / SECONDS_PER_DAY);
}
