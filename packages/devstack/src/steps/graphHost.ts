import { execFile } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

import { startGraphHost } from "@dmex/graph-host";

import { StackError } from "../internal/errors.js";
import { assertPortFree } from "../internal/wait.js";
import type { Service, Step } from "../stack.js";

const run = promisify(execFile);

export interface GraphHostStepOptions {
  /** packages/subgraph: its `build/` is served after being pointed at this chain's deployment. */
  readonly subgraphDir: string;
  /** Where the generated deployment JSON lives (isolated stacks keep their own). */
  readonly deploymentsDir?: string;
  readonly port: number;
  readonly host?: string;
  /** Served at /subgraphs/name/<name>. */
  readonly name: string;
  /** Holds this stack's copy of the subgraph build and the PGlite store, both wiped first. */
  readonly workDir: string;
  /**
   * A PostgreSQL database for the store instead of PGlite in `workDir` (graph-host's DATABASE_URL).
   * Not wiped: give it an empty database for a sync from scratch.
   */
  readonly databaseUrl?: string;
}

/**
 * The local subgraph host: re-points the subgraph build at the fresh deployment (addresses and
 * start blocks, no recompilation), starts graph-host on it and waits until it has indexed the
 * chain head, so everything seeded is queryable when the stack reports ready.
 */
export function graphHostStep(options: GraphHostStepOptions): Step {
  return {
    name: "graph",
    async run(context): Promise<Service> {
      const rpcUrl = context.rpcUrl;
      if (rpcUrl === undefined) throw new StackError("the subgraph host needs the chain step first");
      const packageBuild = join(options.subgraphDir, "build");
      if (!existsSync(join(packageBuild, "subgraph.yaml"))) {
        throw new StackError(
          `No subgraph build in ${packageBuild}: run \`pnpm --filter @dmex/subgraph build\` (npm run dev does).`,
        );
      }
      await assertPortFree(options.port, options.host, "the subgraph host");
      // Serve a copy pointed at this deployment; the package's build output is never rewritten.
      const buildDir = join(options.workDir, "subgraph-build");
      const dataDir = join(options.workDir, "graph-store");
      rmSync(buildDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
      cpSync(packageBuild, buildDir, { recursive: true });
      await run(process.execPath, [join(options.subgraphDir, "scripts", "retarget-build.mjs"), "localhost"], {
        env: {
          ...process.env,
          DMEX_SUBGRAPH_BUILD_DIR: buildDir,
          ...(options.deploymentsDir !== undefined && { DMEX_DEPLOYMENTS_DIR: options.deploymentsDir }),
        },
      });
      const exchange = context.deployment?.contracts.HashpowerExchange?.address;
      const manifest = readFileSync(join(buildDir, "subgraph.yaml"), "utf8").toLowerCase();
      if (exchange === undefined || !manifest.includes(exchange.toLowerCase())) {
        throw new StackError(
          `The subgraph build was not pointed at this deployment's exchange (${exchange ?? "none"}).`,
        );
      }
      const host = await startGraphHost({
        buildDir,
        rpcUrl,
        name: options.name,
        port: options.port,
        ...(options.host !== undefined && { host: options.host }),
        ...(options.databaseUrl !== undefined ? { databaseUrl: options.databaseUrl } : { dataDir }),
        logLevel: "warn",
      });
      try {
        const head = await blockNumber(rpcUrl);
        await host.waitForBlock(head, 180_000);
      } catch (error) {
        await host.stop();
        throw new StackError(
          `The subgraph host did not catch up with the chain: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      context.urls.graph = host.url;
      return { name: "graph", url: host.url, stop: () => host.stop() };
    },
  };
}

async function blockNumber(rpcUrl: string): Promise<number> {
  const response = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_blockNumber", params: [] }),
  });
  const body = (await response.json()) as { result?: string };
  if (typeof body.result !== "string") throw new StackError(`eth_blockNumber failed at ${rpcUrl}`);
  return Number.parseInt(body.result, 16);
}
