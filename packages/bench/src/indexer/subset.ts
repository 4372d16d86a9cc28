/**
 * graph-host on the subset Ponder indexes: a copy of the (retargeted) subgraph build whose
 * manifest keeps one data source and only the handlers of `events`, so both indexers fetch and
 * handle the same logs.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { parse, stringify } from "yaml";

interface ManifestDataSource {
  name: string;
  mapping: {
    eventHandlers?: { event: string; handler: string }[];
    blockHandlers?: unknown[];
    callHandlers?: unknown[];
  };
}

/** `PositionPurchased(indexed uint256,...)` -> `PositionPurchased`. */
const eventName = (signature: string) => signature.slice(0, signature.indexOf("("));

export function writeSubsetBuild(
  buildDir: string,
  outDir: string,
  dataSource: string,
  events: readonly string[],
): void {
  rmSync(outDir, { recursive: true, force: true });
  cpSync(buildDir, outDir, { recursive: true });
  const path = join(outDir, "subgraph.yaml");
  const manifest = parse(readFileSync(path, "utf8")) as { dataSources: ManifestDataSource[]; templates?: unknown[] };
  const kept = manifest.dataSources.find((d) => d.name === dataSource);
  if (!kept) throw new Error(`no data source ${dataSource} in ${path}`);
  const handlers = (kept.mapping.eventHandlers ?? []).filter((h) => events.includes(eventName(h.event)));
  const missing = events.filter((e) => !handlers.some((h) => eventName(h.event) === e));
  if (missing.length > 0) throw new Error(`${dataSource} has no handler for ${missing.join(", ")}`);
  kept.mapping.eventHandlers = handlers;
  delete kept.mapping.blockHandlers;
  delete kept.mapping.callHandlers;
  manifest.dataSources = [kept];
  delete manifest.templates;
  writeFileSync(path, stringify(manifest));
}
