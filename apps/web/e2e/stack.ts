/**
 * The full local stack for the e2e suite, the bench and manual runs, on the standard ports:
 * anvil :8545 + deploy + seed (@dmex/devstack), the subgraph on graph-host :8000. Reuses what is
 * already running (a chain from `npm run dev`, a graph host) instead of starting a second copy.
 *
 *   npx tsx e2e/stack.ts      # start (or reuse) and keep running until Ctrl-C
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { getDeployment, localPorts, type Deployment } from "@dmex/deployments";
import { generate } from "@dmex/deployments/generator";
import { graphHostStep, startStack, type StackContext } from "@dmex/devstack";

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, "../../..");
export const RPC_URL = `http://127.0.0.1:${localPorts.rpc}`;
export const GRAPH_URL = `http://127.0.0.1:${localPorts.graph}/subgraphs/name/dmex`;

export interface RunningStack {
  readonly rpcUrl: string;
  readonly graphUrl: string;
  readonly deployment: Deployment;
  readonly reused: { chain: boolean; graph: boolean };
  stop(): Promise<void>;
}

async function rpc<T>(method: string, params: unknown[] = []): Promise<T> {
  const res = await fetch(RPC_URL, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
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
    const res = await fetch(GRAPH_URL, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ _meta { block { number } } }" }) });
    return res.ok;
  } catch {
    return false;
  }
}

/** The devstack's subgraph-host step (the one `npm run dev` uses) against the already running chain. */
async function startGraph(deployment: Deployment, workDir: string, log: (m: string) => void) {
  const context: StackContext = { log, timings: {}, urls: {}, rpcUrl: RPC_URL, deployment };
  const step = graphHostStep({ subgraphDir: join(repoRoot, "packages/subgraph"), port: localPorts.graph, name: "dmex", workDir });
  const service = await step.run(context);
  if (!service) throw new Error("the subgraph-host step started nothing");
  return service;
}

export async function ensureStack(log: (m: string) => void = (m) => console.log(`[stack] ${m}`)): Promise<RunningStack> {
  const workDir = join(repoRoot, ".dmex/web-e2e");
  const [chain, graph] = await Promise.all([chainUp(), graphUp()]);
  if (chain && graph) {
    const deployment = getDeployment(31337);
    if (deployment === undefined) throw new Error("a chain runs on :8545 but @dmex/deployments has no local deployment (restart it with npm run dev)");
    log("reusing the running chain and graph host");
    return { rpcUrl: RPC_URL, graphUrl: GRAPH_URL, deployment, reused: { chain: true, graph: true }, stop: async () => {} };
  }
  if (chain) {
    const deployment = getDeployment(31337);
    if (deployment === undefined) throw new Error("a chain runs on :8545 but @dmex/deployments has no local deployment");
    log("reusing the running chain; starting the graph host");
    const host = await startGraph(deployment, workDir, log);
    return { rpcUrl: RPC_URL, graphUrl: GRAPH_URL, deployment, reused: { chain: true, graph: false }, stop: () => host.stop() };
  }
  if (graph) throw new Error(`something serves :${localPorts.graph} but no chain runs on :${localPorts.rpc}; stop it first`);
  log("starting anvil, deploy, seed and the graph host (a minute or two)...");
  // The devstack's own subgraph-host step (the one `npm run dev` uses) on the standard port.
  const stack = await startStack({ graph: { port: localPorts.graph, name: "dmex" }, log });
  const stop = async () => {
    await stack.stop();
    // The chain is gone: regenerate so @dmex/deployments no longer lists its addresses (as `npm run dev` does on Ctrl-C).
    await generate({ rpcUrls: { 31337: stack.rpcUrl }, compile: true }).catch((e: unknown) => log(`could not clear the local deployment: ${String(e)}`));
  };
  return { rpcUrl: stack.rpcUrl, graphUrl: GRAPH_URL, deployment: stack.deployment, reused: { chain: false, graph: false }, stop };
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
