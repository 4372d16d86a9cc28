import { TransactionReceiptNotFoundError, type Hash, type PublicClient, type TransactionReceipt } from "viem";

/** Mines the next block at `timestamp` (anvil time travel). */
export async function mineAt(client: Pick<PublicClient, "request">, timestamp: bigint): Promise<void> {
  await client.request({ method: "evm_setNextBlockTimestamp" as never, params: [Number(timestamp)] as never });
  await client.request({ method: "evm_mine" as never, params: [] as never });
}

/**
 * The receipt of `hash`, polled until anvil has it. Not viem's `waitForTransactionReceipt`: anvil can report the new
 * block number before that block's receipts are readable, and that then waits for a next block that never comes when
 * nothing else is sent (see indexer/blocks.ts). On a loaded machine that stalled the gas scenario.
 */
export async function receiptOf(
  client: Pick<PublicClient, "getTransactionReceipt">,
  hash: Hash,
  timeoutMs = 60_000,
): Promise<TransactionReceipt> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await client.getTransactionReceipt({ hash });
    } catch (error) {
      if (!(error instanceof TransactionReceiptNotFoundError) || Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
