import { type Abi, type Address, type Hex, type PublicClient, type TransactionReceipt, encodeFunctionData } from "viem";

/** One contract call to put in the next block. */
export interface Call {
  readonly from: Address;
  readonly to: Address;
  readonly abi: Abi;
  readonly functionName: string;
  readonly args: readonly unknown[];
  /** Gas limit (no estimate: estimates run against the mined state, not the block being built). */
  readonly gas?: bigint;
}

interface Sent {
  readonly hash: Hex;
  readonly from: Address;
  readonly nonce: number;
  readonly label: string;
  readonly maxFeePerGas: bigint;
}

const DEFAULT_GAS = 400_000n;

/**
 * Builds blocks of many transactions on anvil: automine off, explicit nonces, explicit gas and fees,
 * transactions sent without waiting, then one `evm_mine` and every receipt polled and checked.
 *
 * Why not automine with viem's `waitForTransactionReceipt` per transaction: one block per
 * transaction (not what an indexer meets in practice), a round trip and a receipt poll each, and it
 * is what stalled the 10,000-position runs. anvil can report a new block number before that
 * block's receipts are readable; `waitForTransactionReceipt` then finds no receipt for the new
 * block and waits for the next one, which never comes when nothing else is sent. Reproduced with
 * plain ETH transfers: stuck at ~2,080 transactions twice, with the transaction mined and the pool
 * empty, while polling `eth_getTransactionReceipt` got through 12,000. Why every field is
 * explicit: with automine off, a nonce taken from the node while an earlier transaction is
 * pending, a fee cap under a base fee pushed up by full blocks, or a gas limit that no longer fits
 * the block leaves a transaction in the pool forever. Here a transaction still missing after its
 * block (and two more) is an error that says which one and why.
 */
export class BlockBuilder {
  private readonly nonces = new Map<Address, number>();
  private pending: Sent[] = [];
  private maxFeePerGas = 0n;
  private blocks = 0;

  private constructor(private readonly client: PublicClient) {}

  static async start(client: PublicClient): Promise<BlockBuilder> {
    const b = new BlockBuilder(client);
    await client.request({ method: "evm_setAutomine" as never, params: [false] as never });
    // A fee cap far above the base fee: blocks here stay under the gas target, so the base fee
    // only falls, but the cap must hold even if one block is full.
    const block = await client.getBlock();
    b.maxFeePerGas = (block.baseFeePerGas ?? 1_000_000_000n) * 8n + 1_000_000_000n;
    return b;
  }

  /** Blocks mined so far by this builder. */
  get mined(): number {
    return this.blocks;
  }

  get queued(): number {
    return this.pending.length;
  }

  private async nonce(from: Address): Promise<number> {
    let n = this.nonces.get(from);
    if (n === undefined) n = await this.client.getTransactionCount({ address: from, blockTag: "pending" });
    this.nonces.set(from, n + 1);
    return n;
  }

  /** Queues calls for the next block (sent concurrently, in one batched HTTP request where possible). */
  async add(calls: readonly Call[]): Promise<void> {
    // Nonces are taken in order before anything is sent, so concurrency cannot reorder them.
    const prepared: { call: Call; nonce: number }[] = [];
    for (const call of calls) prepared.push({ call, nonce: await this.nonce(call.from) });
    const sent = await Promise.all(
      prepared.map(async ({ call, nonce }) => {
        const data = encodeFunctionData({ abi: call.abi, functionName: call.functionName, args: call.args });
        const hash = (await this.client.request({
          method: "eth_sendTransaction" as never,
          params: [
            {
              from: call.from,
              to: call.to,
              data,
              gas: `0x${(call.gas ?? DEFAULT_GAS).toString(16)}`,
              nonce: `0x${nonce.toString(16)}`,
              maxFeePerGas: `0x${this.maxFeePerGas.toString(16)}`,
              maxPriorityFeePerGas: "0x1",
            },
          ] as never,
        })) as Hex;
        return { hash, from: call.from, nonce, label: call.functionName, maxFeePerGas: this.maxFeePerGas };
      }),
    );
    this.pending.push(...sent);
  }

  /**
   * Mines one block (at `timestamp` when given) holding every queued transaction and returns
   * their receipts in the order they were queued. Throws when one reverted or was not mined.
   */
  async mine(timestamp?: bigint): Promise<TransactionReceipt[]> {
    if (timestamp !== undefined)
      await this.client.request({ method: "evm_setNextBlockTimestamp" as never, params: [Number(timestamp)] as never });
    await this.client.request({ method: "evm_mine" as never, params: [] as never });
    this.blocks += 1;
    const sent = this.pending;
    this.pending = [];
    const receipts: (TransactionReceipt | null)[] = sent.map(() => null);
    // anvil can answer the new block number before the block's receipts are readable (the race
    // that also leaves viem's waitForTransactionReceipt waiting for a next block that never
    // comes): poll for a while before deciding a transaction was left out.
    for (let attempt = 0, extraBlocks = 0; ; attempt++) {
      const missing = sent.map((_, i) => i).filter((i) => receipts[i] === null);
      if (missing.length === 0) break;
      const found = await Promise.all(
        missing.map((i) => this.client.getTransactionReceipt({ hash: sent[i]!.hash }).catch(() => null)),
      );
      missing.forEach((i, k) => (receipts[i] = found[k]!));
      if (found.every((r) => r !== null)) break;
      if (attempt < 200) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        continue;
      }
      // Still out after 2 s: left in the pool (gas limit of the block) gets one more block, twice.
      const status = (await this.client.request({ method: "txpool_status" as never, params: [] as never })) as {
        pending: Hex;
      };
      if (Number(status.pending) > 0 && extraBlocks < 2) {
        extraBlocks += 1;
        attempt = 0;
        await this.client.request({ method: "evm_mine" as never, params: [] as never });
        this.blocks += 1;
        continue;
      }
      throw new Error(await this.explain(sent.filter((_, i) => receipts[i] === null)));
    }
    const out = receipts as TransactionReceipt[];
    const failed = out.findIndex((r) => r.status !== "success");
    if (failed >= 0)
      throw new Error(
        `${sent[failed]!.label} from ${sent[failed]!.from} (nonce ${sent[failed]!.nonce}) reverted in block ${out[failed]!.blockNumber}`,
      );
    return out;
  }

  /** Why transactions were left out of the block: the pool's view, the sender's nonce, fees, gas. */
  private async explain(missing: Sent[]): Promise<string> {
    const block = await this.client.getBlock();
    const lines = await Promise.all(
      missing.slice(0, 5).map(async (s) => {
        const mined = await this.client.getTransactionCount({ address: s.from, blockTag: "latest" });
        const tx = await this.client.getTransaction({ hash: s.hash }).catch(() => null);
        const why =
          tx === null
            ? "not in the pool (dropped)"
            : mined < s.nonce
              ? `nonce gap: the sender's next nonce is ${mined}`
              : mined > s.nonce
                ? `nonce ${s.nonce} already used by another transaction`
                : (block.baseFeePerGas ?? 0n) > s.maxFeePerGas
                  ? `base fee ${block.baseFeePerGas} above the fee cap ${s.maxFeePerGas}`
                  : tx.gas > block.gasLimit - block.gasUsed
                    ? `gas limit ${tx.gas} does not fit the block (${block.gasUsed} of ${block.gasLimit} used)`
                    : "still pending for another reason";
        return `${s.label} from ${s.from} nonce ${s.nonce} (${s.hash}): ${why}`;
      }),
    );
    return `${missing.length} transaction(s) not mined in block ${block.number} (${block.transactions.length} mined):\n  ${lines.join("\n  ")}`;
  }

  /** Back to one block per transaction, as anvil starts. */
  async stop(): Promise<void> {
    await this.client.request({ method: "evm_setAutomine" as never, params: [true] as never });
  }
}
