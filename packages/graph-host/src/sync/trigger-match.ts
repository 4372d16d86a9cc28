import type { Hex } from "viem";
import type { EventHandlerSpec } from "../manifest/types.js";
import type { ChainLog } from "../runtime/triggers.js";
import type { DataSourceInstance } from "./data-sources.js";

/** One handler call: an event handler for a log, or a block handler. */
export type Trigger =
  | { kind: "log"; instance: DataSourceInstance; handler: EventHandlerSpec; log: ChainLog }
  | { kind: "block"; instance: DataSourceInstance; handler: string };

/**
 * The triggers of block `n` for `instances`, in the order they run: `once` block handlers, the
 * event handlers of `logs` (in log order), then the other block handlers.
 */
export function matchTriggers(instances: DataSourceInstance[], logs: ChainLog[], n: number): Trigger[] {
  return [
    ...blockHandlers(instances, n, "start"),
    ...logs.flatMap((l) => eventHandlers(l, instances, n)),
    ...blockHandlers(instances, n, "end"),
  ];
}

function eventHandlers(log: ChainLog, instances: DataSourceInstance[], blockNumber: number): Trigger[] {
  const out: Trigger[] = [];
  for (const instance of instances) {
    if (instance.address !== log.address || instance.startBlock > blockNumber) continue;
    if (instance.spec.endBlock !== undefined && blockNumber > instance.spec.endBlock) continue;
    for (const handler of instance.spec.eventHandlers) {
      if (handler.topic0 !== log.topics[0] || handler.topicCount !== log.topics.length) continue;
      if (
        handler.topics.some(
          (allowed, i) => allowed !== undefined && !allowed.includes(log.topics[i + 1]!.toLowerCase() as Hex),
        )
      )
        continue;
      out.push({ kind: "log", instance, handler, log });
    }
  }
  return out;
}

function blockHandlers(instances: DataSourceInstance[], n: number, phase: "start" | "end"): Trigger[] {
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
