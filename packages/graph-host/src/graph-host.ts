/**
 * The GraphHost service: assembles manifest, store, indexer and HTTP server behind
 * `startGraphHost`. The functions the WASM mappings call are `runtime/host-imports.ts`.
 */
import { join } from "node:path";
import { type QueryRequest, runQuery } from "./graphql/execute.js";
import type { QueryContext } from "./graphql/resolve.js";
import { buildApiSchema } from "./graphql/schema.js";
import { type LogLevel, type Logger, createLogger } from "./internal/logger.js";
import { loadManifest } from "./manifest/load.js";
import { parseSchema } from "./manifest/schema.js";
import { createHttpServer, listen } from "./server/http.js";
import { type Db, openPglite, openPostgres } from "./store/db.js";
import { Store } from "./store/store.js";
import { Indexer } from "./sync/indexer.js";
import { Rpc } from "./sync/rpc.js";

export interface GraphHostOptions {
  /** The `graph build` output directory (holds subgraph.yaml). */
  buildDir: string;
  /** JSON-RPC endpoint of the chain, e.g. http://127.0.0.1:8545. */
  rpcUrl: string;
  /** Subgraph name served at /subgraphs/name/<name>. */
  name: string;
  /** HTTP port; 0 picks a free one. Default 8000. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** PGlite directory; the store lives in memory when neither this nor databaseUrl is set. */
  dataDir?: string;
  /** A Postgres URL; takes precedence over dataDir. */
  databaseUrl?: string;
  /** How often to poll the chain head when caught up. Default 250 ms. */
  pollIntervalMs?: number;
  /** Blocks per eth_getLogs range. Default 2000. */
  rangeSize?: number;
  /**
   * Cache query results per indexed head block and share identical in-flight queries (graph-node
   * does both: its block cache and query herd cache). Default true.
   */
  queryCache?: boolean;
  logLevel?: LogLevel;
  logger?: Logger;
}

export interface GraphHost {
  /** The subgraph's query URL: http://host:port/subgraphs/name/<name>. */
  url: string;
  port: number;
  /** Resolves once the indexed head is at or past `block`; rejects if the subgraph fails first. */
  waitForBlock(block: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Query results of the current head block; a new head empties it. Store errors are not kept. */
class ResultCache {
  private epoch = "";
  private readonly entries = new Map<string, Promise<string>>();

  get(epoch: string, key: string, run: () => Promise<string>): Promise<string> {
    if (epoch !== this.epoch) {
      this.entries.clear();
      this.epoch = epoch;
    }
    const hit = this.entries.get(key);
    if (hit) return hit;
    const p = run();
    if (this.entries.size >= 1000) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, p);
    void p.then((r) => {
      if (r.startsWith('{"errors":') && r.includes('"Store error')) this.entries.delete(key);
    });
    return p;
  }
}

/** The Postgres schema that holds the store of the subgraph served as `name`. */
export function postgresSchema(name: string): string {
  return `graph_host_${name.replace(/[^a-zA-Z0-9_]/g, "_")}`;
}

/** Loads the build, opens the store, starts following the chain and serves the GraphQL API. */
export async function startGraphHost(options: GraphHostOptions): Promise<GraphHost> {
  const logger = options.logger ?? createLogger(options.logLevel ?? "info");
  const manifest = await loadManifest(options.buildDir);
  const model = parseSchema(manifest.schemaSource);
  const api = buildApiSchema(model);
  let db: Db;
  let schemaName = "sgd";
  if (options.databaseUrl) {
    db = await openPostgres(options.databaseUrl);
    schemaName = postgresSchema(options.name);
  } else {
    db = await openPglite(options.dataDir ? join(options.dataDir, "pglite") : undefined);
  }
  const store = new Store(db, schemaName, model, manifest.deploymentId);
  await store.init();
  const rpc = new Rpc(options.rpcUrl);
  const indexer = new Indexer({
    manifest,
    schema: model,
    store,
    rpc,
    logger,
    pollIntervalMs: options.pollIntervalMs ?? 250,
    rangeSize: options.rangeSize ?? 2000,
  });
  await indexer.start();
  const results = new ResultCache();
  // Pending store loads, shared by concurrent queries so that theirs merge (see graphql/resolve.ts).
  const batches: QueryContext["batches"] = new Map();
  // `block: { hash }` for any canonical block, not only those the store has recorded.
  const blockNumberByHash = async (hash: string): Promise<number | null> => {
    const stored = await store.blockNumberByHash(hash);
    if (stored !== null) return stored;
    const b = await rpc.blockByHash(hash).catch(() => null);
    if (!b) return null;
    const canonical = await rpc.block(Number(b.number)).catch(() => null);
    return canonical?.hash.toLowerCase() === hash.toLowerCase() ? Number(b.number) : null;
  };

  const server = createHttpServer(
    {
      name: options.name,
      deploymentId: manifest.deploymentId,
      query: (request: QueryRequest) => {
        const run = async () => {
          const head = indexer.state.head;
          const context = (headShortcut: boolean) => ({
            store,
            head,
            hasIndexingErrors: indexer.state.failed,
            deploymentId: manifest.deploymentId,
            batches,
            headShortcut,
            blockNumberByHash,
          });
          const seq = indexer.commitSeq;
          let result = await runQuery(api, request, context(!indexer.committing));
          // A block committed meanwhile may have closed versions the shortcut was reading:
          // answer again at the same block with exact ranges (history never changes).
          if (indexer.commitSeq !== seq) result = await runQuery(api, request, context(false));
          return JSON.stringify(result);
        };
        if (options.queryCache === false || typeof request.query !== "string" || request.query.length > 16_384)
          return run();
        return results.get(
          `${indexer.state.head?.number}|${indexer.state.failed}`,
          JSON.stringify([request.query, request.variables, request.operationName]),
          run,
        );
      },
      health: async () => ({ block: indexer.state.head?.number ?? null, hasIndexingErrors: indexer.state.failed }),
    },
    logger,
  );
  const host = options.host ?? "127.0.0.1";
  const port = await listen(server, options.port ?? 8000, host);
  const url = `http://${host}:${port}/subgraphs/name/${options.name}`;
  logger.info("serving", {
    url,
    deployment: manifest.deploymentId,
    store: options.databaseUrl ? "postgres" : options.dataDir ? "pglite" : "pglite (memory)",
  });

  return {
    url,
    port,
    waitForBlock(block, timeoutMs = 60_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if ((indexer.state.head?.number ?? -1) >= block) return done(() => resolve());
          if (indexer.state.failed) return done(() => reject(new Error(`subgraph failed: ${indexer.state.error}`)));
        };
        const timer = setTimeout(
          () =>
            done(() =>
              reject(new Error(`timed out waiting for block ${block} (head ${indexer.state.head?.number ?? "none"})`)),
            ),
          timeoutMs,
        );
        const off = indexer.onChange(check);
        const done = (f: () => void) => {
          clearTimeout(timer);
          off();
          f();
        };
        check();
      });
    },
    async stop() {
      await indexer.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await db.close();
    },
  };
}
