import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Abi, type Address, type Hex, createPublicClient, createWalletClient, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { PACKAGE_DIR } from "./paths.js";

export { PACKAGE_DIR };
export const FIXTURE_BUILD = join(PACKAGE_DIR, "test", "fixture", "build");

/** anvil's first dev account. */
export const DEV_KEY: Hex = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
export const FIXTURE_ADDRESS: Address = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

/** The shared test kit: a free port, readiness, and anvil killed on exit, on signals and if this process dies. */
export { freePort, startAnvil, type Anvil } from "@dmex/testkit";

interface Artifact {
  abi: Abi;
  bytecode: Hex;
}

export const artifacts = JSON.parse(
  readFileSync(join(PACKAGE_DIR, "test", "fixture", "abis", "artifacts.json"), "utf8"),
) as {
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
  if (receipt.contractAddress?.toLowerCase() !== FIXTURE_ADDRESS.toLowerCase())
    throw new Error(`fixture deployed at ${receipt.contractAddress}`);
  return receipt.contractAddress;
}

export type FixtureFn = "deposit" | "depositMany" | "probe" | "remove" | "boom" | "createChild";

/** Sends one fixture transaction and waits for it; returns its block number. */
export async function send(url: string, functionName: FixtureFn, args: readonly unknown[]): Promise<number> {
  const { publicClient, wallet } = clients(url);
  const hash = await wallet.writeContract({
    address: FIXTURE_ADDRESS,
    abi: artifacts.Fixture.abi,
    functionName,
    args: args as never,
    gas: 25_000_000n,
  });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`${functionName} reverted`);
  return Number(receipt.blockNumber);
}

/** POSTs a GraphQL query; returns the parsed body (graph-node always answers 200). */
export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ data?: T; errors?: { message: string }[] }> {
  const r = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  if (r.status !== 200) throw new Error(`HTTP ${r.status}`);
  return (await r.json()) as { data?: T; errors?: { message: string }[] };
}

async function rpc(url: string, method: string, params: unknown[] = []): Promise<unknown> {
  const r = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
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
  const hash = await wallet.writeContract({
    address: FIXTURE_ADDRESS,
    abi: artifacts.Fixture.abi,
    functionName,
    args: args as never,
    gas: 25_000_000n,
  });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`${functionName} reverted`);
  return { block: Number(receipt.blockNumber), hash };
}

/** Mines several fixture transactions into one block (in the given order); returns their hashes. */
export async function sendInOneBlock(
  url: string,
  calls: [FixtureFn, readonly unknown[]][],
): Promise<{ block: number; hashes: Hex[] }> {
  const { publicClient, wallet } = clients(url);
  await rpc(url, "evm_setAutomine", [false]);
  const hashes: Hex[] = [];
  try {
    for (const [functionName, args] of calls) {
      hashes.push(
        await wallet.writeContract({
          address: FIXTURE_ADDRESS,
          abi: artifacts.Fixture.abi,
          functionName,
          args: args as never,
          gas: 5_000_000n,
        }),
      );
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
  const b = (await rpc(url, "eth_getBlockByNumber", [`0x${n.toString(16)}`, false])) as {
    hash: Hex;
    timestamp: Hex;
    parentHash: Hex;
  };
  return { hash: b.hash, timestamp: BigInt(b.timestamp), parentHash: b.parentHash };
}
