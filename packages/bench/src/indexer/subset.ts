/**
 * graph-host on the subset Ponder indexes: a copy of the (retargeted) subgraph build whose
 * manifest keeps only the data sources of `events`, each with only the handlers of its events
 * there, so both indexers fetch and handle the same logs.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { parse, stringify } from "yaml";

/** Event names by data source: `{ AssetRegistry: ["AssetRegistered"], HashpowerExchange: [...] }`. */
export type SubsetEvents = Readonly<Record<string, readonly string[]>>;

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

/** `dataSource` cut down to the handlers of `events`; throws if it lacks one. */
function keepHandlers(dataSource: ManifestDataSource, events: readonly string[]): ManifestDataSource {
  const handlers = (dataSource.mapping.eventHandlers ?? []).filter((h) => events.includes(eventName(h.event)));
  const missing = events.filter((e) => !handlers.some((h) => eventName(h.event) === e));
  if (missing.length > 0) throw new Error(`${dataSource.name} has no handler for ${missing.join(", ")}`);
  const mapping = { ...dataSource.mapping, eventHandlers: handlers };
  delete mapping.blockHandlers;
  delete mapping.callHandlers;
  return { ...dataSource, mapping };
}

export function writeSubsetBuild(buildDir: string, outDir: string, events: SubsetEvents): void {
  rmSync(outDir, { recursive: true, force: true });
  cpSync(buildDir, outDir, { recursive: true });
  const path = join(outDir, "subgraph.yaml");
  const manifest = parse(readFileSync(path, "utf8")) as { dataSources: ManifestDataSource[]; templates?: unknown[] };
  const names = Object.keys(events);
  if (names.length === 0) throw new Error("a subset needs at least one data source");
  const unknown = names.filter((n) => !manifest.dataSources.some((d) => d.name === n));
  if (unknown.length > 0) throw new Error(`no data source ${unknown.join(", ")} in ${path}`);
  // In the manifest's order: graph-host processes a block's triggers by log index either way.
  manifest.dataSources = manifest.dataSources
    .filter((d) => names.includes(d.name))
    .map((d) => keepHandlers(d, events[d.name]!));
  delete manifest.templates;
  writeFileSync(path, stringify(manifest));
}
