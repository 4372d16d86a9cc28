#!/usr/bin/env node
import { parseArgs } from "node:util";
import type { LogLevel } from "./internal/logger.js";
import { startGraphHost } from "./graph-host.js";

const USAGE = `graph-host --build-dir <dir> --rpc <url> [--port 8000] [--host 127.0.0.1] [--name dmex]
           [--data-dir <dir>] [--database-url <postgres url>] [--poll-interval 250] [--range-size 2000]
           [--log-level debug|info|warn|error|silent]

Runs a subgraph's compiled mappings (graph build output) against a JSON-RPC chain and serves
graph-node's GraphQL API at http://<host>:<port>/subgraphs/name/<name>. DATABASE_URL is read too.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      "build-dir": { type: "string" },
      rpc: { type: "string" },
      port: { type: "string", default: "8000" },
      host: { type: "string", default: "127.0.0.1" },
      name: { type: "string", default: "dmex" },
      "data-dir": { type: "string" },
      "database-url": { type: "string" },
      "poll-interval": { type: "string", default: "250" },
      "range-size": { type: "string", default: "2000" },
      "log-level": { type: "string", default: "info" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help || !values["build-dir"] || !values.rpc) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(values.help ? 0 : 2);
  }
  const host = await startGraphHost({
    buildDir: values["build-dir"],
    rpcUrl: values.rpc,
    port: Number(values.port),
    host: values.host,
    name: values.name!,
    dataDir: values["data-dir"] ?? ".graph-host",
    databaseUrl: values["database-url"] ?? process.env.DATABASE_URL,
    pollIntervalMs: Number(values["poll-interval"]),
    rangeSize: Number(values["range-size"]),
    logLevel: values["log-level"] as LogLevel,
  });
  const shutdown = () => {
    host.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`graph-host: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
