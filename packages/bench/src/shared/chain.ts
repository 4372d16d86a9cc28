import type { PublicClient } from "viem";

/** Mines the next block at `timestamp` (anvil time travel). */
export async function mineAt(client: Pick<PublicClient, "request">, timestamp: bigint): Promise<void> {
  await client.request({ method: "evm_setNextBlockTimestamp" as never, params: [Number(timestamp)] as never });
  await client.request({ method: "evm_mine" as never, params: [] as never });
}
