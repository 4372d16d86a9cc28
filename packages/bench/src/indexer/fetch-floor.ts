/**
 * The fetch floor: what serving a history's logs and blocks over JSON-RPC costs the node alone,
 * which any indexer must at least spend. The same requests graph-host makes (eth_getLogs over
 * its block ranges with its data sources' addresses and topics, then eth_getBlockByNumber with
 * transactions for every block holding a log), each range's blocks in one JSON-RPC batch, no
 * decoding and no store.
 */
import { readFileSync } from "node:fs";

import { type Address, type Hex, getAddress, toEventSelector } from "viem";
import { parse } from "yaml";

export interface LogFilter {
  readonly addresses: readonly Address[];
  readonly topics: readonly Hex[];
}

interface ManifestDataSource {
  name: string;
  source: { address: string; startBlock?: number };
  mapping: { eventHandlers?: { event: string }[] };
}

/** `Transfer(indexed address,indexed address,indexed uint256)` -> its topic0. */
export function eventTopic(manifestEvent: string): Hex {
  return toEventSelector(manifestEvent.replace(/\bindexed /g, ""));
}

/** The addresses and topics of a subgraph manifest's event handlers (optionally only `dataSources`). */
export function manifestFilter(manifestPath: string, dataSources?: readonly string[]): LogFilter {
  const manifest = parse(readFileSync(manifestPath, "utf8")) as { dataSources: ManifestDataSource[] };
  const chosen = manifest.dataSources.filter(
    (d) => (d.mapping.eventHandlers?.length ?? 0) > 0 && (!dataSources || dataSources.includes(d.name)),
  );
  return {
    addresses: [...new Set(chosen.map((d) => getAddress(d.source.address)))],
    topics: [...new Set(chosen.flatMap((d) => d.mapping.eventHandlers!.map((h) => eventTopic(h.event))))],
  };
}

/** The lowest start block of a manifest's data sources with event handlers (optionally only `dataSources`): where graph-host starts. */
export function manifestStartBlock(manifestPath: string, dataSources?: readonly string[]): number {
  const manifest = parse(readFileSync(manifestPath, "utf8")) as { dataSources: ManifestDataSource[] };
  const chosen = manifest.dataSources.filter(
    (d) => (d.mapping.eventHandlers?.length ?? 0) > 0 && (!dataSources || dataSources.includes(d.name)),
  );
  if (chosen.length === 0) throw new Error(`no data source with event handlers in ${manifestPath}`);
  return Math.min(...chosen.map((d) => d.source.startBlock ?? 0));
}

export interface FetchFloor {
  readonly seconds: number;
  readonly logs: number;
  readonly blocks: number;
  /** Logs by topic0. */
  readonly byTopic: ReadonlyMap<Hex, number>;
}

async function rpc<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

const hex = (n: number) => `0x${n.toString(16)}`;

/**
 * Serves blocks `from`..`to` as graph-host asks for them: ranges of `rangeSize` (graph-host's
 * default, 2,000) one after another, each range's blocks with logs in batches of `batchSize`.
 */
export async function measureFetchFloor(
  url: string,
  filter: LogFilter,
  from: number,
  to: number,
  rangeSize = 2_000,
  batchSize = 200,
): Promise<FetchFloor> {
  const started = performance.now();
  let logs = 0;
  let blocks = 0;
  const byTopic = new Map<Hex, number>();
  for (let start = from; start <= to; start += rangeSize) {
    const end = Math.min(to, start + rangeSize - 1);
    const answer = await rpc<{ result?: { blockNumber: Hex; topics: Hex[] }[]; error?: { message: string } }>(url, {
      jsonrpc: "2.0",
      id: 1,
      method: "eth_getLogs",
      params: [{ fromBlock: hex(start), toBlock: hex(end), address: filter.addresses, topics: [filter.topics] }],
    });
    if (!answer.result) throw new Error(`eth_getLogs ${start}-${end}: ${answer.error?.message ?? "no result"}`);
    logs += answer.result.length;
    for (const l of answer.result) byTopic.set(l.topics[0]!, (byTopic.get(l.topics[0]!) ?? 0) + 1);
    const numbers = [...new Set(answer.result.map((l) => Number(l.blockNumber)))];
    // The range's last block too: graph-host reads its header to know where the range ends.
    if (!numbers.includes(end)) numbers.push(end);
    for (let i = 0; i < numbers.length; i += batchSize) {
      const batch = numbers
        .slice(i, i + batchSize)
        .map((n, k) => ({ jsonrpc: "2.0", id: k, method: "eth_getBlockByNumber", params: [hex(n), true] }));
      const answers = await rpc<{ result?: unknown }[]>(url, batch);
      if (answers.some((a) => !a.result))
        throw new Error(`eth_getBlockByNumber: a block of ${start}-${end} is missing`);
      blocks += answers.length;
    }
  }
  return { seconds: (performance.now() - started) / 1000, logs, blocks, byTopic };
}
