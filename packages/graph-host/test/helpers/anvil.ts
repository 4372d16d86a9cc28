import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import {
  type Abi,
  type Address,
  type Hex,
  createPublicClient,
  createWalletClient,
  http,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { PACKAGE_DIR } from "./paths.js";

export { PACKAGE_DIR };
export const FIXTURE_BUILD = join(PACKAGE_DIR, "test", "fixture", "build");
const ANVIL = join(PACKAGE_DIR, "node_modules", ".bin", "anvil");

/** anvil's first dev account. */
export const DEV_KEY: Hex = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
export const FIXTURE_ADDRESS: Address = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => (port === 8545 || port === 8000 || port === 3000 ? freePort().then(resolve, reject) : resolve(port)));
    });
  });
}

/**
 * Anvils still running. Each runs in its own process group, which would outlive a test process
 * that exits or is killed by a signal before its `afterAll` (Ctrl-C, the end of a timed-out run).
 */
const running = new Set<ChildProcess>();
function killRunning(): void {
  for (const proc of running) {
    try {
      process.kill(-proc.pid!, "SIGKILL");
    } catch {
      // gone already
    }
  }
}
process.once("exit", killRunning);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => {
    killRunning();
    // The default action again: the process ends by this signal as it would have.
    process.kill(process.pid, signal);
  });
}

export interface Anvil {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts a fresh anvil (chain id 31337, automine) on `port` or a random free port. */
export async function startAnvil(port?: number): Promise<Anvil> {
  const p = port ?? (await freePort());
  // The npm `anvil` is a node wrapper around the binary: run it in its own process group so that
  // stopping it stops the binary too.
  const proc: ChildProcess = spawn(ANVIL, ["--port", String(p), "--host", "127.0.0.1", "--silent"], { stdio: "ignore", detached: true });
  running.add(proc);
  proc.once("exit", () => running.delete(proc));
  const url = `http://127.0.0.1:${p}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const r = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }) });
      if (r.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error("anvil did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port: p,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once("exit", () => setTimeout(resolve, 50));
        try {
          process.kill(-proc.pid!, "SIGKILL");
        } catch {
          proc.kill("SIGKILL");
        }
      }),
  };
}

interface Artifact {
  abi: Abi;
  bytecode: Hex;
}

export const artifacts = JSON.parse(readFileSync(join(PACKAGE_DIR, "test", "fixture", "abis", "artifacts.json"), "utf8")) as {
  Fixture: Artifact;
  Child: Artifact;
};

export function clients(url: string) {
  const account = privateKeyToAccount(DEV_KEY);
  const chain = { ...foundry, rpcUrls: { default: { http: [url] } } };
  const publicClient = createPublicClient({ chain, transport: http(url) });
  const wallet = createWalletClient({ account, chain, transport: http(url) });
  return { account, publicClient, wallet };
}

/** Deploys the fixture contract as the first transaction (so it lands at FIXTURE_ADDRESS, block 1). */
export async function deployFixture(url: string): Promise<Address> {
  const { publicClient, wallet } = clients(url);
  const hash = await wallet.deployContract({ abi: artifacts.Fixture.abi, bytecode: artifacts.Fixture.bytecode });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.contractAddress?.toLowerCase() !== FIXTURE_ADDRESS.toLowerCase()) throw new Error(`fixture deployed at ${receipt.contractAddress}`);
  return receipt.contractAddress;
}

export type FixtureFn = "deposit" | "depositMany" | "probe" | "remove" | "boom" | "createChild";

/** Sends one fixture transaction and waits for it; returns its block number. */
export async function send(url: string, functionName: FixtureFn, args: readonly unknown[]): Promise<number> {
  const { publicClient, wallet } = clients(url);
  const hash = await wallet.writeContract({ address: FIXTURE_ADDRESS, abi: artifacts.Fixture.abi, functionName, args: args as never, gas: 25_000_000n });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`${functionName} reverted`);
  return Number(receipt.blockNumber);
}

/** POSTs a GraphQL query; returns the parsed body (graph-node always answers 200). */
export async function gql<T = Record<string, unknown>>(url: string, query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: { message: string }[] }> {
  const r = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
  if (r.status !== 200) throw new Error(`HTTP ${r.status}`);
  return (await r.json()) as { data?: T; errors?: { message: string }[] };
}

async function rpc(url: string, method: string, params: unknown[] = []): Promise<unknown> {
  const r = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
  const body = (await r.json()) as { result?: unknown; error?: { message: string } };
  if (body.error) throw new Error(body.error.message);
  return body.result;
}

export interface Sent {
  block: number;
  hash: Hex;
}

/** Sends one fixture transaction and waits for it. */
export async function sendTx(url: string, functionName: FixtureFn, args: readonly unknown[]): Promise<Sent> {
  const { publicClient, wallet } = clients(url);
  const hash = await wallet.writeContract({ address: FIXTURE_ADDRESS, abi: artifacts.Fixture.abi, functionName, args: args as never, gas: 25_000_000n });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`${functionName} reverted`);
  return { block: Number(receipt.blockNumber), hash };
}

/** Mines several fixture transactions into one block (in the given order); returns their hashes. */
export async function sendInOneBlock(url: string, calls: [FixtureFn, readonly unknown[]][]): Promise<{ block: number; hashes: Hex[] }> {
  const { publicClient, wallet } = clients(url);
  await rpc(url, "evm_setAutomine", [false]);
  const hashes: Hex[] = [];
  try {
    for (const [functionName, args] of calls) {
      hashes.push(await wallet.writeContract({ address: FIXTURE_ADDRESS, abi: artifacts.Fixture.abi, functionName, args: args as never, gas: 5_000_000n }));
    }
    await rpc(url, "evm_mine", []);
  } finally {
    await rpc(url, "evm_setAutomine", [true]);
  }
  const receipts = await Promise.all(hashes.map((hash) => publicClient.waitForTransactionReceipt({ hash })));
  const blocks = new Set(receipts.map((r) => Number(r.blockNumber)));
  if (blocks.size !== 1) throw new Error("transactions were not mined into one block");
  return { block: [...blocks][0]!, hashes };
}

export async function blockInfo(url: string, n: number): Promise<{ hash: Hex; timestamp: bigint; parentHash: Hex }> {
  const b = (await rpc(url, "eth_getBlockByNumber", [`0x${n.toString(16)}`, false])) as { hash: Hex; timestamp: Hex; parentHash: Hex };
  return { hash: b.hash, timestamp: BigInt(b.timestamp), parentHash: b.parentHash };
}
