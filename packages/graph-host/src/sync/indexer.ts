import { type Hex, getAddress } from "viem";
import type { DataSourceSpec, EventHandlerSpec, Manifest } from "../manifest/types.js";
import type { SchemaModel } from "../manifest/schema.js";
import { ChainResetError, DeterministicError, MissingData, RetryableError, errorMessage } from "../internal/errors.js";
import type { Logger } from "../internal/logger.js";
import { fromAbi, type EthValue } from "../runtime/ethereum.js";
import type { ChainReader, HostContext } from "../runtime/host-imports.js";
import { MappingModule } from "../runtime/module.js";
import { type ChainBlock, type ChainLog, type ChainReceipt, writeBlock, writeEvent } from "../runtime/triggers.js";
import { EntityCache } from "../store/entity-cache.js";
import { HandlerStoreImpl, mergeLayer } from "../store/handler-store.js";
import type { BlockCommit, BlockWrites, DynamicDataSource, HeadBlock, Store } from "../store/store.js";
import { type Entity, hexToBytes } from "../store/values.js";
import { decodeParameters } from "./decode.js";
import type { BlockWithTxs, Rpc } from "./rpc.js";

interface Instance {
  spec: DataSourceSpec;
  module: MappingModule;
  address: string;
  startBlock: number;
  context: Entity | null;
  entities: Set<string>;
}

interface RangeData {
  logs: ChainLog[];
  sorted: number[];
  byNumber: Map<number, BlockWithTxs>;
  toHeader: ChainBlock;
}

type Trigger =
  | { kind: "log"; instance: Instance; handler: EventHandlerSpec; log: ChainLog }
  | { kind: "block"; instance: Instance; handler: string };

export interface IndexerOptions {
  manifest: Manifest;
  schema: SchemaModel;
  store: Store;
  rpc: Rpc;
  logger: Logger;
  pollIntervalMs: number;
  /** Blocks per eth_getLogs range. */
  rangeSize: number;
}

export interface IndexerState {
  head: HeadBlock | null;
  failed: boolean;
  error: string | null;
}

const LOG_LEVELS = ["critical", "error", "warn", "info", "debug"] as const;

/**
 * A batch (one store transaction) ends at the first block boundary after this many triggers, or
 * at the end of the fetched range. Bounds the memory a batch holds and what a crash discards.
 */
const MAX_BATCH_TRIGGERS = 2_500;
/** Triggers run between two turns of the event loop (RPC prefetch, HTTP queries). */
const YIELD_EVERY = 50;

/** Follows the chain and runs the mappings; one transaction per range of blocks, head included. */
export class Indexer {
  private readonly modules = new Map<string, MappingModule>();
  private instances: Instance[] = [];
  private readonly cache: EntityCache;
  private stopped = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  readonly state: IndexerState = { head: null, failed: false, error: null };
  private listeners = new Set<() => void>();
  private stats = { blocks: 0, events: 0, since: Date.now() };

  constructor(private readonly o: IndexerOptions) {
    this.cache = new EntityCache(o.store);
  }

  private module(spec: DataSourceSpec): MappingModule {
    let m = this.modules.get(spec.wasmFile);
    if (!m) this.modules.set(spec.wasmFile, (m = new MappingModule(spec.wasm, spec.name)));
    return m;
  }

  private instance(spec: DataSourceSpec, address: string, startBlock: number, context: Entity | null): Instance {
    return { spec, module: this.module(spec), address: address.toLowerCase(), startBlock, context, entities: new Set(spec.entities) };
  }

  private async loadInstances(): Promise<void> {
    this.instances = this.o.manifest.dataSources.map((ds) => this.instance(ds, ds.address!, ds.startBlock, null));
    for (const d of await this.o.store.dataSources()) {
      const spec = this.o.manifest.templates.find((t) => t.name === d.template);
      if (!spec) throw new Error(`stored data source uses unknown template \`${d.template}\``);
      this.instances.push(this.instance(spec, d.address, d.createdBlock, d.context));
    }
  }

  private async refreshState(): Promise<void> {
    this.state.head = await this.o.store.head();
    const status = await this.o.store.status();
    this.state.failed = status.failed;
    this.state.error = status.error;
    for (const l of this.listeners) l();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    await this.loadInstances();
    await this.refreshState();
    const head = this.state.head;
    if (!head) this.cache.startEmpty();
    this.o.logger.info(head ? "resuming" : "starting from scratch", {
      from: head ? head.number + 1 : Math.min(...this.instances.map((i) => i.startBlock)),
      dataSources: this.instances.length,
      failed: this.state.failed || undefined,
    });
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  }

  private async run(): Promise<void> {
    let lastReport = Date.now();
    while (!this.stopped) {
      let progressed = false;
      try {
        progressed = await this.step();
      } catch (error) {
        if (error instanceof ChainResetError) {
          this.o.logger.warn("chain reset detected; rebuilding the store from scratch", { reason: error.message });
          this.prefetched = undefined;
          this.leftover = undefined;
          this.wasCaughtUp = false;
          this.commitSeq += 1;
          try {
            await this.o.store.create();
            this.state.head = null;
          } finally {
            this.commitSeq += 1;
          }
          this.cache.startEmpty();
          await this.loadInstances();
          await this.refreshState();
          continue;
        }
        // RPC down or flaky: back off up to 5 s, and say so without flooding the log.
        // Data sources created in the failed range were not committed: forget them.
        this.prefetched = undefined;
        this.leftover = undefined;
        await this.loadInstances().catch(() => {});
        this.failures += 1;
        if (this.failures === 1 || this.failures % 20 === 0) {
          this.o.logger.warn("indexing step failed; retrying", { error: errorMessage(error), attempt: this.failures });
        }
        await this.sleep(Math.min(5000, 250 * 2 ** Math.min(this.failures, 5)));
        continue;
      }
      if (this.failures > 0) this.o.logger.info("indexing recovered", { after: this.failures });
      this.failures = 0;
      if (Date.now() - lastReport > 5000 && this.stats.blocks > 0) {
        this.report();
        lastReport = Date.now();
      }
      if (!progressed) await this.sleep(this.o.pollIntervalMs);
    }
  }

  private latest = 0;
  private sinceYield = 0;
  private range: number | undefined;
  private writesSinceAnalyze = 0;
  private wasCaughtUp = false;
  private failures = 0;
  /** Incremented when a commit starts and when it ends; queries compare it (see graph-host.ts). */
  commitSeq = 0;
  get committing(): boolean {
    return this.commitSeq % 2 === 1;
  }
  private prefetched: { from: number; to: number; instances: number; data: Promise<RangeData> } | undefined;
  /** The blocks of a fetched range that did not fit in the last batch (see MAX_BATCH_TRIGGERS). */
  private leftover: { from: number; to: number; instances: number; data: RangeData } | undefined;
  /** Largest range known to work after the provider refused a larger one. */
  private rangeCeiling: number | undefined;

  private report(): void {
    const secs = (Date.now() - this.stats.since) / 1000;
    this.o.logger.info("indexing", {
      head: this.state.head?.number,
      lag: this.latest - (this.state.head?.number ?? 0),
      "blocks/s": Math.round(this.stats.blocks / secs),
      "events/s": Math.round(this.stats.events / secs),
    });
    this.stats = { blocks: 0, events: 0, since: Date.now() };
  }

  /** One range: returns whether the head moved. */
  async step(): Promise<boolean> {
    if (this.state.failed) {
      // A failed subgraph stays failed (as in graph-node) but a chain reset still rebuilds it.
      await this.checkReset();
      await this.o.store.buildQueryIndexes();
      return false;
    }
    const latest = await this.o.rpc.blockNumber();
    this.latest = latest;
    await this.checkReset(latest);
    const head = this.state.head;
    const minStart = Math.min(...this.instances.map((i) => i.startBlock));
    const from = head ? head.number + 1 : minStart;
    if (from > latest) {
      // At the head already (a restart after the last commit): queries need their indexes.
      await this.o.store.buildQueryIndexes();
      return false;
    }
    let to: number;
    let data: RangeData;
    const rest = this.leftover;
    this.leftover = undefined;
    if (rest && rest.from === from && rest.instances === this.instances.length && rest.to <= latest) {
      // The rest of a range already fetched; its successor may be prefetched already.
      to = rest.to;
      data = rest.data;
    } else {
      const hasBlockHandlers = this.instances.some((i) => i.spec.blockHandlers.length > 0);
      const maxRange = hasBlockHandlers ? Math.min(this.o.rangeSize, 200) : this.o.rangeSize;
      // Start small and grow while ranges come back light: providers refuse (slowly) huge responses.
      this.range = Math.min(this.range ?? 100, maxRange);
      to = Math.min(latest, from + this.range - 1);
      try {
        data = await this.takeRange(from, to);
      } catch (error) {
        // Providers cap eth_getLogs by block span or response size: halve the range and retry.
        if (to > from && !(error instanceof ChainResetError)) {
          this.range = Math.max(1, Math.floor((to - from + 1) / 2));
          this.rangeCeiling = this.range;
          this.o.logger.debug("eth_getLogs failed; shrinking the block range", { range: this.range, error: errorMessage(error) });
          return true;
        }
        throw error;
      }
      if (to - from + 1 >= this.range && data.logs.length < 2_500) this.range = Math.min(maxRange, this.rangeCeiling ?? maxRange, this.range * 2);
    }
    // Fetch the next range while this one runs (RPC and mappings overlap).
    if (to < latest && this.prefetched?.from !== to + 1) {
      const nextTo = Math.min(latest, to + (this.range ?? 100));
      this.prefetched = { from: to + 1, to: nextTo, instances: this.instances.length, data: this.fetchRange(to + 1, nextTo) };
      this.prefetched.data.catch(() => {});
    }
    const { logs, byNumber, toHeader, sorted } = data;
    const tFetch = performance.now();
    const logsByBlock = new Map<number, ChainLog[]>();
    for (const l of logs) {
      const n = Number(l.blockNumber);
      if (byNumber.get(n)?.block.hash.toLowerCase() !== l.blockHash.toLowerCase()) throw new RetryableError(`block ${n} changed while fetching (reorg)`);
      let arr = logsByBlock.get(n);
      if (!arr) logsByBlock.set(n, (arr = []));
      arr.push(l);
    }

    const commits: BlockCommit[] = [];
    const batch: BlockWrites = new Map();
    const tRun = performance.now();
    let headBlock: ChainBlock = toHeader;
    let failure: { error: string; block: number } | undefined;
    let triggers = 0;
    for (const [index, n] of sorted.entries()) {
      const data = byNumber.get(n)!;
      let result: { writes: BlockWrites; created: DynamicDataSource[]; events: number };
      try {
        result = await this.processBlock(data, logsByBlock.get(n) ?? [], batch);
      } catch (error) {
        if (!(error instanceof DeterministicError)) throw error;
        failure = { error: error.message, block: n };
        break;
      }
      commits.push({ number: n, hash: data.block.hash, writes: result.writes, dataSources: result.created });
      mergeLayer(batch, result.writes);
      this.stats.events += result.events;
      triggers += result.events;
      if (triggers >= MAX_BATCH_TRIGGERS && result.created.length === 0 && index < sorted.length - 1) {
        // Commit here and keep the rest of the fetched range for the next batch: a batch's
        // uncommitted writes stay in memory, and a smaller batch also loses less to a crash.
        const restSorted = sorted.slice(index + 1);
        const restLogs = logs.filter((l) => Number(l.blockNumber) > n);
        this.leftover = { from: n + 1, to, instances: this.instances.length, data: { logs: restLogs, sorted: restSorted, byNumber, toHeader } };
        to = n;
        headBlock = data.block;
        break;
      }
      if (result.created.length > 0) {
        // New data sources: the rest of the range has to be fetched again with their addresses.
        to = n;
        headBlock = data.block;
        break;
      }
    }

    const dup = failure ? undefined : await this.immutableDuplicate(commits);
    if (dup) failure = dup;
    if (failure) {
      this.leftover = undefined;
      const kept = commits.filter((c) => c.number < failure!.block);
      const prev = failure.block - 1;
      const prevHeader = prev >= 0 ? await this.o.rpc.block(prev) : null;
      if (!prevHeader) throw new RetryableError(`block ${prev} not found`);
      headBlock = prevHeader;
      await this.commit(kept, this.head(headBlock), failure);
      // A failed subgraph is still queried: at the block before the failure.
      await this.o.store.buildQueryIndexes();
      this.o.logger.error("subgraph failed: deterministic error, the block's writes are discarded", { block: failure.block, error: failure.error });
      for (const c of kept) this.cache.applyCommitted(c.writes);
      this.cache.clear();
      await this.loadInstances();
      await this.refreshState();
      return true;
    }
    const tCommit = performance.now();
    await this.commit(commits, this.head(headBlock));
    for (const c of commits) this.cache.applyCommitted(c.writes);
    for (const c of commits) for (const w of c.writes.values()) this.writesSinceAnalyze += w.size;
    const caughtUp = Number(headBlock.number) >= latest;
    if (caughtUp && !this.wasCaughtUp) this.o.logger.info("caught up with the chain head", { head: Number(headBlock.number), events: this.stats.events });
    this.wasCaughtUp = caughtUp;
    if (caughtUp && (await this.o.store.buildQueryIndexes())) this.o.logger.info("query indexes built", { head: Number(headBlock.number) });
    if (this.writesSinceAnalyze > 20_000 || (caughtUp && this.writesSinceAnalyze > 0)) {
      await this.o.store.analyze();
      this.writesSinceAnalyze = 0;
    }
    this.o.logger.debug("range indexed", {
      from,
      to: Number(headBlock.number),
      triggers: logs.length,
      fetchMs: Math.round(tRun - tFetch),
      runMs: Math.round(tCommit - tRun),
      commitMs: Math.round(performance.now() - tCommit),
    });
    this.stats.blocks += Number(headBlock.number) - from + 1;
    await this.refreshState();
    return true;
  }

  /** Uses the prefetched range when it is exactly the one wanted and no data source was added since. */
  private async takeRange(from: number, to: number): Promise<RangeData> {
    const p = this.prefetched;
    this.prefetched = undefined;
    if (p && p.from === from && p.to === to && p.instances === this.instances.length) {
      try {
        return await p.data;
      } catch {
        // fall through and fetch again
      }
    }
    return this.fetchRange(from, to);
  }

  private async fetchRange(from: number, to: number): Promise<RangeData> {
    const logs = await this.fetchLogs(from, to, this.instances);
    const hasBlockHandlers = this.instances.some((i) => i.spec.blockHandlers.length > 0);
    const numbers = new Set<number>(logs.map((l) => Number(l.blockNumber)));
    if (hasBlockHandlers) for (let n = from; n <= to; n++) numbers.add(n);
    const sorted = [...numbers].sort((a, b) => a - b);
    const [blocks, toHeader] = await Promise.all([Promise.all(sorted.map((n) => this.o.rpc.blockWithTxs(n))), this.o.rpc.block(to)]);
    if (!toHeader) throw new RetryableError(`block ${to} not found`);
    return { logs, sorted, byNumber: new Map(blocks.map((b) => [Number(b.block.number), b])), toHeader };
  }

  private async commit(blocks: BlockCommit[], head: HeadBlock, failure?: { error: string; block: number }): Promise<void> {
    this.commitSeq += 1;
    try {
      await this.o.store.commit(blocks, head, failure);
      // In the same synchronous step as the sequence bump: a query never sees new rows with an old head.
      this.state.head = head;
      if (failure) {
        this.state.failed = true;
        this.state.error = failure.error;
      }
    } finally {
      this.commitSeq += 1;
    }
  }

  private head(b: ChainBlock): HeadBlock {
    return { number: Number(b.number), hash: b.hash, timestamp: b.timestamp.toString(), parentHash: b.parentHash };
  }

  private async checkReset(latest?: number): Promise<void> {
    const head = this.state.head;
    if (!head) return;
    const tip = latest ?? (await this.o.rpc.blockNumber());
    if (tip < head.number) throw new ChainResetError(`chain head ${tip} is below the indexed head ${head.number}`);
    const b = await this.o.rpc.block(head.number);
    if (!b || b.hash.toLowerCase() !== head.hash.toLowerCase()) {
      throw new ChainResetError(`block ${head.number} is now ${b?.hash ?? "missing"}, indexed ${head.hash}`);
    }
  }

  private async immutableDuplicate(commits: BlockCommit[]): Promise<{ error: string; block: number } | undefined> {
    const idsByType = new Map<string, Map<string, number>>();
    for (const c of commits) {
      for (const [type, writes] of c.writes) {
        if (!this.o.schema.entities.get(type)!.immutable) continue;
        let m = idsByType.get(type);
        if (!m) idsByType.set(type, (m = new Map()));
        for (const id of writes.keys()) if (!m.has(id)) m.set(id, c.number);
      }
    }
    let first: { error: string; block: number } | undefined;
    for (const [type, m] of idsByType) {
      const existing = this.cache.isComplete
        ? new Set([...m.keys()].filter((id) => this.cache.peek(type, id)))
        : await this.o.store.existing(type, [...m.keys()]);
      for (const id of existing) {
        const block = m.get(id)!;
        if (!first || block < first.block) {
          first = { error: `Entity ${type}[${id}] is immutable; it was already written in an earlier block and can not be updated at block ${block}`, block };
        }
      }
    }
    return first;
  }

  private async fetchLogs(from: number, to: number, instances: Instance[]): Promise<ChainLog[]> {
    const active = instances.filter((i) => i.spec.eventHandlers.length > 0 && i.startBlock <= to);
    const addresses = [...new Set(active.map((i) => getAddress(i.address)))];
    const topics = [...new Set(active.flatMap((i) => i.spec.eventHandlers.map((h) => h.topic0)))];
    const logs = await this.o.rpc.logs(from, to, addresses, topics);
    return logs.sort((a, b) => (a.blockNumber === b.blockNumber ? Number(a.logIndex - b.logIndex) : Number(a.blockNumber - b.blockNumber)));
  }

  private match(log: ChainLog, instances: Instance[], blockNumber: number): Trigger[] {
    const out: Trigger[] = [];
    for (const instance of instances) {
      if (instance.address !== log.address || instance.startBlock > blockNumber) continue;
      if (instance.spec.endBlock !== undefined && blockNumber > instance.spec.endBlock) continue;
      for (const handler of instance.spec.eventHandlers) {
        if (handler.topic0 !== log.topics[0] || handler.topicCount !== log.topics.length) continue;
        if (handler.topics.some((allowed, i) => allowed !== undefined && !allowed.includes(log.topics[i + 1]!.toLowerCase() as Hex))) continue;
        out.push({ kind: "log", instance, handler, log });
      }
    }
    return out;
  }

  private blockTriggers(instances: Instance[], n: number, phase: "start" | "end"): Trigger[] {
    const out: Trigger[] = [];
    for (const instance of instances) {
      if (instance.startBlock > n) continue;
      const h = instance.spec.blockHandlers.find((b) =>
        phase === "start"
          ? b.filter.kind === "once" && n === instance.startBlock
          : b.filter.kind === "all" || (b.filter.kind === "every" && (n - instance.startBlock) % b.filter.every === 0),
      );
      if (h) out.push({ kind: "block", instance, handler: h.handler });
    }
    return out;
  }

  private async processBlock(data: BlockWithTxs, logs: ChainLog[], batch: BlockWrites) {
    const n = Number(data.block.number);
    const writes: BlockWrites = new Map();
    const created: DynamicDataSource[] = [];
    const chain = this.chainReader(n);
    let events = 0;
    let instances = this.instances;
    let triggers: Trigger[] = [
      ...this.blockTriggers(instances, n, "start"),
      ...logs.flatMap((l) => this.match(l, instances, n)),
      ...this.blockTriggers(instances, n, "end"),
    ];
    for (;;) {
      this.prefetchReceipts(triggers);
      const createdNow: DynamicDataSource[] = [];
      for (const trigger of triggers) {
        await this.runTrigger(trigger, data, chain, batch, writes, createdNow);
        events += 1;
        if (++this.sinceYield >= YIELD_EVERY) {
          // Handlers run without real I/O (misses are answered from memory or replayed), so the
          // awaits above never leave the microtask queue: without this the prefetch of the next
          // range would not even be sent, nor queries answered, until the batch is done.
          this.sinceYield = 0;
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      }
      if (createdNow.length === 0) break;
      // Data sources created in this block see this block's matching triggers too.
      created.push(...createdNow);
      const fresh = createdNow.map((d) => this.instance(this.o.manifest.templates.find((t) => t.name === d.template)!, d.address, n, d.context));
      this.instances = [...this.instances, ...fresh];
      instances = fresh;
      const newLogs = await this.fetchLogs(n, n, fresh);
      triggers = [
        ...this.blockTriggers(fresh, n, "start"),
        ...newLogs.flatMap((l) => this.match(l, fresh, n)),
        ...this.blockTriggers(fresh, n, "end"),
      ];
    }
    return { writes, created, events };
  }

  private chainReader(block: number): ChainReader {
    const calls = new Map<string, Hex | null>();
    const balances = new Map<string, bigint>();
    const codes = new Map<string, Hex>();
    const rpc = this.o.rpc;
    return {
      call(to, data) {
        const key = `${to}:${data}`;
        if (calls.has(key)) return calls.get(key)!;
        throw new MissingData(async () => {
          calls.set(key, await rpc.call(to, data, block));
        });
      },
      balance(address) {
        const hit = balances.get(address);
        if (hit !== undefined) return hit;
        throw new MissingData(async () => {
          balances.set(address, await rpc.balance(address, block));
        });
      },
      code(address) {
        const hit = codes.get(address);
        if (hit !== undefined) return hit;
        throw new MissingData(async () => {
          codes.set(address, await rpc.code(address, block));
        });
      },
    };
  }

  /** Receipts of a block's `receipt: true` triggers, fetched together (one batched request). */
  private receipts = new Map<string, Promise<ChainReceipt>>();

  private receipt(hash: string): Promise<ChainReceipt> {
    let p = this.receipts.get(hash);
    if (!p) {
      p = this.o.rpc.receipt(hash);
      this.receipts.set(hash, p);
    }
    return p;
  }

  private prefetchReceipts(triggers: Trigger[]): void {
    this.receipts = new Map();
    for (const t of triggers) if (t.kind === "log" && t.handler.receipt) this.receipt(t.log.transactionHash).catch(() => {});
  }

  private decodeParams(handler: EventHandlerSpec, log: ChainLog): { name: string; value: EthValue }[] | null {
    const inputs = handler.abiEvent.inputs;
    let data: readonly unknown[];
    try {
      data = decodeParameters(inputs.filter((i) => !i.indexed), log.data);
    } catch {
      return null;
    }
    let topic = 1;
    let d = 0;
    return inputs.map((input, i) => {
      const name = input.name || `param${i}`;
      if (!input.indexed) return { name, value: fromAbi(input, data[d++]) };
      const t = log.topics[topic++]!;
      const dynamic = input.type === "string" || input.type === "bytes" || input.type.endsWith("]") || input.type.startsWith("tuple");
      if (dynamic) return { name, value: { kind: "fixedBytes", value: hexToBytes(t) } as EthValue };
      return { name, value: fromAbi(input, decodeParameters([input], t)[0]) };
    });
  }

  private async runTrigger(
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
      const params = this.decodeParams(trigger.handler, trigger.log);
      if (!params) {
        this.o.logger.warn("log does not decode with the handler's event ABI; skipped", { block: n, event: trigger.handler.event });
        return;
      }
      let tx = data.transactions.get(trigger.log.transactionHash.toLowerCase());
      if (!tx) throw new RetryableError(`transaction ${trigger.log.transactionHash} not in block ${n}`);
      const receipt: ChainReceipt | null = trigger.handler.receipt ? await this.receipt(trigger.log.transactionHash) : null;
      const txRef = tx;
      writeArg = (heap) => writeEvent(heap, trigger.log, data.block, txRef, params, receipt);
      handlerName = trigger.handler.handler;
    } else {
      writeArg = (heap) => writeBlock(heap, data.block);
      handlerName = trigger.handler;
    }
    let store: HandlerStoreImpl | undefined;
    let createdHere: DynamicDataSource[] = [];
    let logs: [number, string][] = [];
    const factory = (): HostContext => {
      store = new HandlerStoreImpl(this.o.schema, this.cache, batch, blockWrites, instance.entities, n, () => false);
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
          const spec = this.o.manifest.templates.find((t) => t.name === template);
          if (!spec) throw new DeterministicError(`Failed to create data source from name \`${template}\`: no template with this name`);
          const address = params[0];
          if (!address || !/^(0x)?[0-9a-fA-F]{40}$/.test(address)) throw new DeterministicError(`invalid address parameter for template \`${template}\`: ${address}`);
          createdHere.push({ template, address: (address.startsWith("0x") ? address : `0x${address}`).toLowerCase(), context, createdBlock: n });
        },
        log: (level, message) => logs.push([level, message]),
      };
    };
    await instance.module.run(handlerName, factory, writeArg);
    for (const [level, message] of logs) {
      const lvl = LOG_LEVELS[level] ?? "info";
      const fields = { ds: instance.spec.name, block: n };
      if (lvl === "critical" || lvl === "error") this.o.logger.error(`mapping: ${message}`, fields);
      else if (lvl === "warn") this.o.logger.warn(`mapping: ${message}`, fields);
      else if (lvl === "info") this.o.logger.info(`mapping: ${message}`, fields);
      else this.o.logger.debug(`mapping: ${message}`, fields);
    }
    mergeLayer(blockWrites, store!.writes);
    created.push(...createdHere);
  }
}
