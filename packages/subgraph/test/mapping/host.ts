// Runs the built subgraph on @dmex/graph-host against an RPC, behind graph-node's GraphQL API.
// Only `startGraphHost` is host-specific; everything else talks GraphQL (section 3 of
// shared/reference/graph-node-host.md), so the same assertions hold against a real graph-node.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { DATA_SOURCES, retargetManifest, ZERO_ADDRESS } from "../../scripts/lib/manifest.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));

const BUILD = join(HERE, "../../build");

export type RunningHost = { url: string; waitForBlock: (block: bigint) => Promise<void>; stop: () => Promise<void> };
type GraphHost = { url: string; waitForBlock(block: number, timeoutMs?: number): Promise<void>; stop(): Promise<void> };
type StartGraphHost = (options: {
  buildDir: string;
  rpcUrl: string;
  name: string;
  port?: number;
  logLevel?: string;
}) => Promise<GraphHost>;

/** graph-host's entry point, or the reason it cannot be used yet. */
export async function loadGraphHost(): Promise<{ start: StartGraphHost } | { missing: string }> {
  let mod: Record<string, unknown>;
  try {
    mod = await import(/* @vite-ignore */ "@dmex/graph-host" as string);
  } catch (error) {
    return { missing: `@dmex/graph-host cannot be imported (${(error as Error).message.split("\n")[0]})` };
  }
  if (typeof mod.startGraphHost !== "function") return { missing: "@dmex/graph-host exports no startGraphHost" };
  return { start: mod.startGraphHost as StartGraphHost };
}

/**
 * A copy of build/ whose manifest points at the deployed contracts; returns the directory. Data
 * sources not given point at the zero address (they index nothing).
 */
export function buildFor(addresses: Record<string, { address: string; startBlock: bigint }>): string {
  const dir = mkdtempSync(join(tmpdir(), "dmex-subgraph-build-"));
  cpSync(BUILD, dir, { recursive: true });
  const path = join(dir, "subgraph.yaml");
  const entry: Record<string, { address: string; startBlock: number }> = Object.fromEntries(
    DATA_SOURCES.map((name: string) => [name, { address: ZERO_ADDRESS, startBlock: 0 }]),
  );
  for (const [name, { address, startBlock }] of Object.entries(addresses))
    entry[name] = { address, startBlock: Number(startBlock) };
  // The same rewrite scripts/retarget-build.mjs applies to build/ for the dev stack.
  writeFileSync(path, retargetManifest(readFileSync(path, "utf8"), entry));
  return dir;
}

export async function startHost(start: StartGraphHost, buildDir: string, rpcUrl: string): Promise<RunningHost> {
  const host = await start({ buildDir, rpcUrl, name: "dmex/hashpower", port: 0, logLevel: "warn" });
  return {
    url: host.url,
    // The host's own wait rejects with the indexing error; then the GraphQL API must agree.
    waitForBlock: async (block) => {
      await host.waitForBlock(Number(block), 120_000);
      await waitForBlock(host.url, block);
    },
    stop: () => host.stop(),
  };
}

export async function gql<T = any>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((e) => e.message).join("; ")}`);
  return body.data as T;
}

/** Waits until the subgraph has indexed `block` (and fails on an indexing error). */
export async function waitForBlock(url: string, block: bigint, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    try {
      const data = await gql<{ _meta: { block: { number: number }; hasIndexingErrors: boolean } }>(
        url,
        "{ _meta { block { number } hasIndexingErrors } }",
      );
      if (data._meta.hasIndexingErrors) throw new Error("the subgraph has indexing errors");
      if (BigInt(data._meta.block.number) >= block) return;
      last = `at block ${data._meta.block.number}`;
    } catch (error) {
      if ((error as Error).message.includes("indexing errors")) throw error;
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`subgraph did not reach block ${block} (${last})`);
}
