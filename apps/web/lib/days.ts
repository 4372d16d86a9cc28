export const SECONDS_PER_DAY = 86_400;

/** The contract's day: `timestamp / 86400`. */
export function dayOf(timestampSeconds: bigint | number): number {
  return Math.floor(Number(timestampSeconds) / SECONDS_PER_DAY);
}
