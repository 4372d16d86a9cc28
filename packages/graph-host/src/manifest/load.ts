import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { type Abi, type AbiEvent, type Address, type Hex, getAddress, keccak256, toHex } from "viem";
import { parse as parseYaml } from "yaml";
import { toBase58 } from "../internal/base58.js";
import type { BlockHandlerSpec, DataSourceSpec, EventHandlerSpec, Manifest } from "./types.js";

export class ManifestError extends Error {
  override name = "ManifestError";
}

type Yaml = Record<string, unknown>;

function obj(value: unknown, where: string): Yaml {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ManifestError(`Validation failed: ${where} must be an object`);
  }
  return value as Yaml;
}

function str(value: unknown, where: string): string {
  if (typeof value !== "string") throw new ManifestError(`Validation failed: ${where} must be a string`);
  return value;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Splits `Name(indexed address,uint256,(uint8,bool)[])` into its name and top-level parameter strings. */
export function splitSignature(signature: string): { name: string; params: string[] } {
  const open = signature.indexOf("(");
  if (open < 0 || !signature.endsWith(")"))
    throw new ManifestError(`Validation failed: bad event signature \`${signature}\``);
  const name = signature.slice(0, open).trim();
  const body = signature.slice(open + 1, -1);
  const params: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of body) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      params.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim()) params.push(current.trim());
  return { name, params };
}

function canonicalType(param: { type: string; components?: readonly unknown[] }): string {
  if (param.type.startsWith("tuple")) {
    const inner = (param.components as { type: string; components?: readonly unknown[] }[])
      .map(canonicalType)
      .join(",");
    return `(${inner})${param.type.slice(5)}`;
  }
  return param.type;
}

/** The manifest form of an ABI event: `Name(indexed address,uint256)`. */
export function manifestSignature(event: AbiEvent): string {
  return `${event.name}(${event.inputs.map((i) => `${i.indexed ? "indexed " : ""}${canonicalType(i)}`).join(",")})`;
}

function eventHandler(raw: Yaml, abi: Abi, dsName: string): EventHandlerSpec {
  const event = str(raw.event, `${dsName}.eventHandlers.event`).replace(/\s+/g, " ").trim();
  const handler = str(raw.handler, `${dsName}.eventHandlers.handler`);
  const { name, params } = splitSignature(event);
  const normalized = `${name}(${params.join(",")})`;
  // graph-cli writes the signature with `indexed` as in the ABI; a mismatch would never match a log.
  const abiEvent = abi.find(
    (item): item is AbiEvent => item.type === "event" && manifestSignature(item) === normalized,
  );
  if (!abiEvent)
    throw new ManifestError(`Validation failed: event \`${event}\` of data source \`${dsName}\` is not in its ABI`);
  const plain = `${name}(${params.map((p) => p.replace(/^indexed /, "")).join(",")})`;
  const indexed = params.filter((p) => p.startsWith("indexed ")).length;
  const topicFilter = (key: string): Hex[] | undefined => {
    const v = raw[key];
    if (v === undefined) return undefined;
    return list(v).map((t) => str(t, key).toLowerCase() as Hex);
  };
  return {
    event: normalized,
    handler,
    topic0: keccak256(toHex(plain)),
    topicCount: 1 + indexed,
    abiEvent,
    receipt: raw.receipt === true,
    topics: [topicFilter("topic1"), topicFilter("topic2"), topicFilter("topic3")],
  };
}

function blockHandler(raw: Yaml): BlockHandlerSpec {
  const handler = str(raw.handler, "blockHandlers.handler");
  const filter = raw.filter === undefined ? undefined : obj(raw.filter, "blockHandlers.filter");
  if (!filter) return { handler, filter: { kind: "all" } };
  if (filter.kind === "polling") return { handler, filter: { kind: "every", every: Number(filter.every ?? 1) } };
  if (filter.kind === "once") return { handler, filter: { kind: "once" } };
  throw new ManifestError(
    `Validation failed: block handler filter kind \`${String(filter.kind)}\` is not supported (call filters need traces)`,
  );
}

async function dataSource(raw: Yaml, buildDir: string, isTemplate: boolean): Promise<DataSourceSpec> {
  const name = str(raw.name, "dataSource.name");
  const kind = str(raw.kind, `${name}.kind`);
  if (kind !== "ethereum" && kind !== "ethereum/contract") {
    throw new ManifestError(
      `Validation failed: data source \`${name}\` has kind \`${kind}\`; only ethereum is supported`,
    );
  }
  const source = obj(raw.source ?? {}, `${name}.source`);
  const mapping = obj(raw.mapping, `${name}.mapping`);
  if (list(mapping.callHandlers).length > 0) {
    throw new ManifestError(
      `Validation failed: data source \`${name}\` has call handlers, which need traces and are not supported`,
    );
  }
  const abis = new Map<string, Abi>();
  for (const entry of list(mapping.abis)) {
    const e = obj(entry, `${name}.mapping.abis`);
    const file = join(buildDir, str(e.file, `${name}.mapping.abis.file`));
    const parsed = JSON.parse(await readFile(file, "utf8")) as Abi | { abi: Abi };
    abis.set(str(e.name, "abi name"), Array.isArray(parsed) ? (parsed as Abi) : (parsed as { abi: Abi }).abi);
  }
  const abiName = str(source.abi, `${name}.source.abi`);
  const abi = abis.get(abiName);
  if (!abi)
    throw new ManifestError(
      `Validation failed: ABI \`${abiName}\` of data source \`${name}\` is not listed in mapping.abis`,
    );
  const wasmFile = join(buildDir, str(mapping.file, `${name}.mapping.file`));
  const address =
    !isTemplate && typeof source.address === "string" ? (getAddress(source.address) as Address) : undefined;
  return {
    kind: "ethereum",
    name,
    network: str(raw.network ?? "mainnet", `${name}.network`),
    address,
    abiName,
    startBlock: Number(source.startBlock ?? 0),
    endBlock: source.endBlock === undefined ? undefined : Number(source.endBlock),
    apiVersion: str(mapping.apiVersion, `${name}.mapping.apiVersion`),
    entities: list(mapping.entities).map((e) => str(e, "entity")),
    abis,
    eventHandlers: list(mapping.eventHandlers).map((h) => eventHandler(obj(h, "eventHandler"), abi, name)),
    blockHandlers: list(mapping.blockHandlers).map((h) => blockHandler(obj(h, "blockHandler"))),
    wasm: new Uint8Array(await readFile(wasmFile)),
    wasmFile,
  };
}

/** Loads the output of `graph build` (`<buildDir>/subgraph.yaml` and the files it names). */
export async function loadManifest(buildDir: string): Promise<Manifest> {
  const manifestPath = join(buildDir, "subgraph.yaml");
  let text: string;
  try {
    text = await readFile(manifestPath, "utf8");
  } catch {
    throw new ManifestError(`Validation failed: ${manifestPath} not found; run \`graph build\` first`);
  }
  const raw = obj(parseYaml(text), "subgraph.yaml");
  const schema = obj(raw.schema, "schema");
  const schemaSource = await readFile(join(dirname(manifestPath), str(schema.file, "schema.file")), "utf8");
  const dataSources = await Promise.all(
    list(raw.dataSources).map((d) => dataSource(obj(d, "dataSource"), buildDir, false)),
  );
  const templates = await Promise.all(list(raw.templates).map((d) => dataSource(obj(d, "template"), buildDir, true)));
  if (dataSources.length === 0) throw new ManifestError("Validation failed: the manifest has no data sources");
  for (const ds of dataSources) {
    if (!ds.address) throw new ManifestError(`Validation failed: data source \`${ds.name}\` has no source.address`);
  }
  // Everything the indexed data depends on: a rebuilt mapping with an unchanged manifest is a new
  // deployment too (its store is rebuilt).
  const hash = createHash("sha256").update(text).update(schemaSource);
  for (const ds of [...dataSources, ...templates]) {
    hash.update(ds.wasm);
    for (const [name, abi] of ds.abis) hash.update(name).update(JSON.stringify(abi));
  }
  const digest = hash.digest();
  const deploymentId = toBase58(Uint8Array.from([0x12, 0x20, ...digest]));
  return {
    specVersion: String(raw.specVersion ?? ""),
    dataSources,
    templates,
    schemaSource,
    deploymentId,
    network: dataSources[0]!.network,
  };
}
