import type { SchemaModel } from "../manifest/schema.js";
import { DeterministicError, RetryableError } from "../internal/errors.js";
import type { Logger } from "../internal/logger.js";
import type { ChainReader, HostContext } from "../runtime/host-imports.js";
import { type ChainReceipt, writeBlock, writeEvent } from "../runtime/triggers.js";
import type { EntityCache } from "../store/entity-cache.js";
import { HandlerStoreImpl, mergeLayer } from "../store/handler-store.js";
import type { BlockWrites, DynamicDataSource } from "../store/store.js";
import { hexToBytes } from "../store/values.js";
import type { DataSources } from "./data-sources.js";
import { decodeEventParams } from "./event-params.js";
import type { BlockWithTxs, Rpc } from "./rpc.js";
import type { Trigger } from "./trigger-match.js";

const LOG_LEVELS = ["critical", "error", "warn", "info", "debug"] as const;

/**
 * Runs one trigger's handler with the host context it sees: the store through its own layer of
 * writes, chain reads at the block, data source creation, and logging.
 */
export class HandlerRunner {
  /** Receipts of a block's `receipt: true` triggers, fetched together (one batched request). */
  private receipts = new Map<string, Promise<ChainReceipt>>();

  constructor(
    private readonly schema: SchemaModel,
    private readonly cache: EntityCache,
    private readonly dataSources: DataSources,
    private readonly rpc: Rpc,
    private readonly logger: Logger,
  ) {}

  /** Starts fetching the receipts `triggers` need (and forgets those of the previous triggers). */
  prefetchReceipts(triggers: Trigger[]): void {
    this.receipts = new Map();
    for (const t of triggers)
      if (t.kind === "log" && t.handler.receipt) this.receipt(t.log.transactionHash).catch(() => {});
  }

  /**
   * Runs `trigger` of block `data`; its writes go into `blockWrites`, the data sources it creates
   * into `created`. `batch` holds the writes of the batch's earlier blocks.
   */
  async run(
    trigger: Trigger,
    data: BlockWithTxs,
    chain: ChainReader,
    batch: BlockWrites,
    blockWrites: BlockWrites,
    created: DynamicDataSource[],
  ): Promise<void> {
    const n = Number(data.block.number);
    const { instance } = trigger;
    let writeArg: (heap: Parameters<typeof writeBlock>[0]) => number;
    let handlerName: string;
    if (trigger.kind === "log") {
      const params = decodeEventParams(trigger.handler, trigger.log);
      if (!params) {
        this.logger.warn("log does not decode with the handler's event ABI; skipped", {
          block: n,
          event: trigger.handler.event,
        });
        return;
      }
      const tx = data.transactions.get(trigger.log.transactionHash.toLowerCase());
      if (!tx) throw new RetryableError(`transaction ${trigger.log.transactionHash} not in block ${n}`);
      const receipt: ChainReceipt | null = trigger.handler.receipt
        ? await this.receipt(trigger.log.transactionHash)
        : null;
      writeArg = (heap) => writeEvent(heap, trigger.log, data.block, tx, params, receipt);
      handlerName = trigger.handler.handler;
    } else {
      writeArg = (heap) => writeBlock(heap, data.block);
      handlerName = trigger.handler;
    }
    // A replay (see MappingModule.run) starts over with a fresh context: nothing of the attempt before stays.
    let store: HandlerStoreImpl | undefined;
    let createdHere: DynamicDataSource[] = [];
    let logs: [number, string][] = [];
    const factory = (): HostContext => {
      store = new HandlerStoreImpl(this.schema, this.cache, batch, blockWrites, instance.entities, n, () => false);
      createdHere = [];
      logs = [];
      return {
        dataSourceName: instance.spec.name,
        address: hexToBytes(instance.address),
        network: instance.spec.network,
        context: instance.context,
        abis: instance.spec.abis,
        store,
        chain,
        createDataSource: (template, params, context) => {
          if (!this.dataSources.template(template))
            throw new DeterministicError(
              `Failed to create data source from name \`${template}\`: no template with this name`,
            );
          const address = params[0];
          if (!address || !/^(0x)?[0-9a-fA-F]{40}$/.test(address))
            throw new DeterministicError(`invalid address parameter for template \`${template}\`: ${address}`);
          createdHere.push({
            template,
            address: (address.startsWith("0x") ? address : `0x${address}`).toLowerCase(),
            context,
            createdBlock: n,
          });
        },
        log: (level, message) => logs.push([level, message]),
      };
    };
    await instance.module.run(handlerName, factory, writeArg);
    for (const [level, message] of logs) this.mappingLog(level, message, instance.spec.name, n);
    mergeLayer(blockWrites, store!.writes);
    created.push(...createdHere);
  }

  private receipt(hash: string): Promise<ChainReceipt> {
    let p = this.receipts.get(hash);
    if (!p) {
      p = this.rpc.receipt(hash);
      this.receipts.set(hash, p);
    }
    return p;
  }

  private mappingLog(level: number, message: string, ds: string, block: number): void {
    const lvl = LOG_LEVELS[level] ?? "info";
    const fields = { ds, block };
    if (lvl === "critical" || lvl === "error") this.logger.error(`mapping: ${message}`, fields);
    else if (lvl === "warn") this.logger.warn(`mapping: ${message}`, fields);
    else if (lvl === "info") this.logger.info(`mapping: ${message}`, fields);
    else this.logger.debug(`mapping: ${message}`, fields);
  }
}
