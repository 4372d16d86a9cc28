/**
 * The full local stack for the e2e suite, the bench and manual runs, on the standard ports:
 * anvil :8545 + deploy + seed (@dmex/devstack), the subgraph on graph-host :8000. Reuses what is
 * already running (a chain from `npm run dev`, a graph host) instead of starting a second copy.
 *
 * Isolated mode (`DMEX_E2E_ISOLATED=1`, or `ensureStack({ isolated: true })`): a fresh stack on free
 * random ports (never 8545/8000/3000) whose generated deployment stays in its own work folder, so a
 * running `npm run dev` (and the @dmex/deployments package it wrote) is left alone.
 *
 *   npx tsx e2e/stack.ts      # start (or reuse) and keep running until Ctrl-C
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { getDeployment, localPorts, type Deployment } from "@dmex/deployments";
import { generate } from "@dmex/deployments/generator";
import { freePort, graphHostStep, startStack, type StackContext } from "@dmex/devstack";

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, "../../..");
export const RPC_URL = `http://127.0.0.1:${localPorts.rpc}`;
export const GRAPH_URL = `http://127.0.0.1:${localPorts.graph}/subgraphs/name/dmex`;

export interface RunningStack {
  readonly rpcUrl: string;
  readonly graphUrl: string;
  readonly deployment: Deployment;
  readonly reused: { chain: boolean; graph: boolean };
  /** Isolated stacks only: the folder holding `<chainId>.json` (the web server's DMEX_DEPLOYMENTS_DIR). */
  readonly deploymentsDir?: string;
  stop(): Promise<void>;
}

export const isolatedRequested = (): boolean => /^(1|true|yes)$/i.test(process.env.DMEX_E2E_ISOLATED ?? "");

const STANDARD_PORTS: readonly number[] = [localPorts.rpc, localPorts.graph, localPorts.web];

async function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once("error", () => done(false));
    server.listen(port, "127.0.0.1", () => server.close(() => done(true)));
  });
}

/** A free port on 127.0.0.1 that is none of the standard ones (other engineers' `npm run dev` uses them). */
export async function freeIsolatedPort(taken: readonly number[] = []): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (!STANDARD_PORTS.includes(port) && !taken.includes(port)) return port;
  }
}

/** A fresh anvil + deploy + seed + graph host on random free ports, everything generated kept in `workDir`. */
async function startIsolated(log: (m: string) => void): Promise<RunningStack> {
  const workDir = join(repoRoot, ".dmex/web-e2e-isolated");
  // Ports are drawn once and kept while free: the browser bundle bakes the RPC and subgraph URLs in
  // (NEXT_PUBLIC_*), so stable ports let the next run reuse the e2e build instead of rebuilding.
  const portsFile = join(workDir, "ports.json");
  let saved: { rpc?: number; graph?: number } = {};
  try {
    saved = JSON.parse(readFileSync(portsFile, "utf8")) as { rpc?: number; graph?: number };
  } catch {
    saved = {};
  }
  const usable = async (p: number | undefined) => p !== undefined && !STANDARD_PORTS.includes(p) && (await portFree(p));
  const rpcPort = (await usable(saved.rpc)) && saved.rpc !== undefined ? saved.rpc : await freeIsolatedPort();
  const graphPort =
    (await usable(saved.graph)) && saved.graph !== undefined && saved.graph !== rpcPort
      ? saved.graph
      : await freeIsolatedPort([rpcPort]);
  mkdirSync(workDir, { recursive: true });
  writeFileSync(portsFile, JSON.stringify({ rpc: rpcPort, graph: graphPort }) + "\n");
  log(`isolated stack: anvil :${rpcPort}, graph host :${graphPort} (a minute or two)...`);
  const stack = await startStack({
    port: rpcPort,
    isolated: true,
    workDir,
    graph: { port: graphPort, name: "dmex" },
    log,
  });
  const deploymentsDir = stack.deploymentsDir === undefined ? undefined : join(stack.deploymentsDir, "deployments");
  return {
    rpcUrl: stack.rpcUrl,
    graphUrl: `http://127.0.0.1:${graphPort}/subgraphs/name/dmex`,
    deployment: stack.deployment,
    reused: { chain: false, graph: false },
    ...(deploymentsDir !== undefined && { deploymentsDir }),
    stop: () => stack.stop(),
  };
}

async function rpc<T>(method: string, params: unknown[] = []): Promise<T> {
  const res = await fetch(RPC_URL, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await res.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(body.error.message);
  return body.result as T;
}

async function chainUp(): Promise<boolean> {
  try {
    return Number(await rpc<string>("eth_chainId")) === 31337;
  } catch {
    return false;
  }
}

async function graphUp(): Promise<boolean> {
  try {
    const res = await fetch(GRAPH_URL, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ _meta { block { number } } }" }),
    });
    return res.ok;
  } catch {
    return false;
  }
}

/** The devstack's subgraph-host step (the one `npm run dev` uses) against the already running chain. */
async function startGraph(deployment: Deployment, workDir: string, log: (m: string) => void) {
  const context: StackContext = { log, timings: {}, urls: {}, rpcUrl: RPC_URL, deployment };
  const step = graphHostStep({
    subgraphDir: join(repoRoot, "packages/subgraph"),
    port: localPorts.graph,
    name: "dmex",
    workDir,
  });
  const service = await step.run(context);
  if (!service) throw new Error("the subgraph-host step started nothing");
  return service;
}

export async function ensureStack(
  log: (m: string) => void = (m) => console.log(`[stack] ${m}`),
  options: { isolated?: boolean } = {},
): Promise<RunningStack> {
  if (options.isolated ?? isolatedRequested()) return startIsolated(log);
  const workDir = join(repoRoot, ".dmex/web-e2e");
  const [chain, graph] = await Promise.all([chainUp(), graphUp()]);
  if (chain && graph) {
    const deployment = getDeployment(31337);
    if (deployment === undefined)
      throw new Error(
        "a chain runs on :8545 but @dmex/deployments has no local deployment (restart it with npm run dev)",
      );
    log("reusing the running chain and graph host");
    return {
      rpcUrl: RPC_URL,
      graphUrl: GRAPH_URL,
      deployment,
      reused: { chain: true, graph: true },
      stop: async () => {},
    };
  }
  if (chain) {
    const deployment = getDeployment(31337);
    if (deployment === undefined)
      throw new Error("a chain runs on :8545 but @dmex/deployments has no local deployment");
    log("reusing the running chain; starting the graph host");
    const host = await startGraph(deployment, workDir, log);
    return {
      rpcUrl: RPC_URL,
      graphUrl: GRAPH_URL,
      deployment,
      reused: { chain: true, graph: false },
      stop: () => host.stop(),
    };
  }
  if (graph)
    throw new Error(`something serves :${localPorts.graph} but no chain runs on :${localPorts.rpc}; stop it first`);
  log("starting anvil, deploy, seed and the graph host (a minute or two)...");
  // The devstack's own subgraph-host step (the one `npm run dev` uses) on the standard port.
  const stack = await startStack({ graph: { port: localPorts.graph, name: "dmex" }, log });
  const stop = async () => {
    await stack.stop();
    // The chain is gone: regenerate so @dmex/deployments no longer lists its addresses (as `npm run dev` does on Ctrl-C).
    await generate({ rpcUrls: { 31337: stack.rpcUrl }, compile: true }).catch((e: unknown) =>
      log(`could not clear the local deployment: ${String(e)}`),
    );
  };
  return {
    rpcUrl: stack.rpcUrl,
    graphUrl: GRAPH_URL,
    deployment: stack.deployment,
    reused: { chain: false, graph: false },
    stop,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const stack = await ensureStack();
  console.log(`[stack] ready: rpc ${stack.rpcUrl}, graph ${stack.graphUrl}`);
  const stop = async () => {
    await stack.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  setInterval(() => {}, 1 << 30);
}
