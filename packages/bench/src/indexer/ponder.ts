/**
 * The peer: Ponder (packages/bench/ponder) indexing the AssetRegistry and HashpowerExchange subset
 * of the bench history from scratch into its own PGlite, offline, timed from the start of `ponder start` until
 * its /ready answers 200 (historical indexing done) and its /status checkpoint has reached
 * endBlock (Ponder's historical sync stops 30 blocks short of the head on an unknown chain, its
 * finality depth, and indexes the rest as realtime blocks), as graph-host is timed from start-up
 * to the head.
 */
import { spawn } from "node:child_process";
import { mkdirSync, openSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { freePort } from "@dmex/devstack";
import type { Address } from "viem";

import type { SubsetEvents } from "./subset.js";

const here = dirname(fileURLToPath(import.meta.url));
const benchDir = resolve(here, "../..");
export const PONDER_DIR = join(benchDir, "ponder");

/**
 * The events ponder/src/index.ts handles, by data source (Ponder's contract names are the
 * subgraph's data source names): graph-host's subset run keeps the same handlers.
 */
export const PONDER_EVENTS = {
  AssetRegistry: ["AssetRegistered"],
  HashpowerExchange: [
    "OfferingCreated",
    "HoldbackSet",
    "PositionPurchased",
    "Transfer",
    "RewardDeposited",
    "RewardClaimed",
  ],
} as const satisfies SubsetEvents;

export type PonderContract = keyof typeof PONDER_EVENTS;

export interface PonderContractSource {
  readonly address: Address;
  readonly startBlock: number;
}

export interface PonderRunOptions {
  readonly rpcUrl: string;
  readonly chainId: number;
  /** Where each of Ponder's contracts is and the block it was deployed in. */
  readonly contracts: Readonly<Record<PonderContract, PonderContractSource>>;
  readonly endBlock: number;
  /** Its PGlite directory and log go here. */
  readonly workDir: string;
  readonly timeoutMs?: number;
}

export interface PonderRun {
  readonly seconds: number;
  /** Until /ready first answered 200: its historical sync, without the realtime tail. */
  readonly readySeconds: number | undefined;
  readonly version: string;
  /** Rows Ponder holds afterwards, by table (GraphQL totalCount). */
  readonly rows: Readonly<Record<PonderTable, number>>;
}

const PONDER_TABLES = [
  "assets",
  "purchases",
  "positionTransfers",
  "rewardDeposits",
  "rewardClaims",
  "offerings",
  "positions",
] as const;
export type PonderTable = (typeof PONDER_TABLES)[number];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function ponderVersion(): string {
  return (
    JSON.parse(readFileSync(join(benchDir, "node_modules", "ponder", "package.json"), "utf8")) as { version: string }
  ).version;
}

/** Whether Ponder is ready (`onReady` then) and its checkpoint has reached `endBlock`. */
async function indexedTo(url: string, endBlock: number, onReady: () => void): Promise<boolean> {
  try {
    if ((await fetch(`${url}/ready`)).status !== 200) return false;
    onReady();
    const status = (await (await fetch(`${url}/status`)).json()) as Record<string, { block?: { number?: number } }>;
    return Object.values(status).some((chain) => (chain.block?.number ?? -1) >= endBlock);
  } catch {
    return false; // not serving yet
  }
}

export async function runPonder(options: PonderRunOptions): Promise<PonderRun> {
  const port = await freePort();
  mkdirSync(options.workDir, { recursive: true });
  const logPath = join(options.workDir, "ponder.log");
  const log = openSync(logPath, "w");
  const started = performance.now();
  const child = spawn(
    join(benchDir, "node_modules", ".bin", "ponder"),
    [
      "--root",
      PONDER_DIR,
      "--log-level",
      "warn",
      "--log-format",
      "json",
      "start",
      "--port",
      String(port),
      "--hostname",
      "127.0.0.1",
      "--schema",
      "bench",
    ],
    {
      cwd: PONDER_DIR,
      // Its own process group: stop() reaches the workers it starts too.
      detached: true,
      stdio: ["ignore", log, log],
      env: {
        ...process.env,
        PONDER_TELEMETRY_DISABLED: "true",
        PONDER_BENCH_RPC_URL: options.rpcUrl,
        PONDER_BENCH_CHAIN_ID: String(options.chainId),
        PONDER_BENCH_EXCHANGE: options.contracts.HashpowerExchange.address,
        PONDER_BENCH_EXCHANGE_START_BLOCK: String(options.contracts.HashpowerExchange.startBlock),
        PONDER_BENCH_ASSET_REGISTRY: options.contracts.AssetRegistry.address,
        PONDER_BENCH_ASSET_REGISTRY_START_BLOCK: String(options.contracts.AssetRegistry.startBlock),
        PONDER_BENCH_END_BLOCK: String(options.endBlock),
        PONDER_BENCH_PGLITE_DIR: join(options.workDir, "pglite"),
      },
    },
  );
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      return;
    }
    if (await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)])) return;
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // gone
    }
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  let readySeconds: number | undefined;
  try {
    const deadline = Date.now() + (options.timeoutMs ?? 900_000);
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `ponder exited (${child.signalCode ?? child.exitCode}) before it was ready:\n${readFileSync(logPath, "utf8").slice(-4_000)}`,
        );
      }
      if (await indexedTo(url, options.endBlock, () => (readySeconds ??= (performance.now() - started) / 1000))) break;
      if (Date.now() > deadline)
        throw new Error(
          `ponder not ready within ${options.timeoutMs ?? 900_000} ms:\n${readFileSync(logPath, "utf8").slice(-4_000)}`,
        );
      await sleep(100);
    }
    const seconds = (performance.now() - started) / 1000;
    const tables = PONDER_TABLES;
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ ${tables.map((t) => `${t}(limit: 1) { totalCount }`).join(" ")} }` }),
    });
    const body = (await response.json()) as { data?: Record<string, { totalCount: number }>; errors?: unknown };
    if (!body.data) throw new Error(`ponder's GraphQL answered ${JSON.stringify(body.errors)}`);
    const rows = Object.fromEntries(tables.map((t) => [t, body.data![t]!.totalCount])) as PonderRun["rows"];
    return { seconds, readySeconds, version: ponderVersion(), rows };
  } finally {
    await stop();
  }
}
