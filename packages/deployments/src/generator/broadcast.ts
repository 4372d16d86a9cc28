import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { deployedContractNames, type Address, type DeployedContractName } from "../types.js";

/** A contract created by a deploy run, as read from forge's broadcast file. */
export interface BroadcastContract {
  readonly name: DeployedContractName;
  /** Artifact name (forge's `contractName`). */
  readonly contract: string;
  readonly address: Address;
  readonly startBlock: number;
  readonly blockHash: `0x${string}`;
  readonly transactionHash: `0x${string}`;
}

/** The latest deploy run on one chain. */
export interface BroadcastRun {
  readonly chainId: number;
  /** The run-latest.json it came from. */
  readonly file: string;
  /** When forge wrote it (ms since epoch). */
  readonly timestamp: number;
  readonly contracts: readonly BroadcastContract[];
}

interface ForgeBroadcast {
  chain?: number;
  timestamp?: number;
  transactions?: ForgeTransaction[];
  receipts?: ForgeReceipt[];
}
interface ForgeTransaction {
  hash: string;
  transactionType: string;
  contractName: string | null;
  contractAddress: string | null;
  arguments: string[] | null;
}
interface ForgeReceipt {
  transactionHash: string;
  contractAddress?: string | null;
  blockNumber: string;
  blockHash: string;
  status: string;
}

export class BroadcastError extends Error {
  override name = "BroadcastError";
}

/**
 * Reads `<broadcastDir>/<script>/<chainId>/run-latest.json` for every chain. Only the latest run of
 * each chain counts: older runs' files are never looked at, so a superseded address cannot leak.
 */
export function readBroadcasts(broadcastDir: string, script = "Deploy.s.sol"): BroadcastRun[] {
  const scriptDir = join(broadcastDir, script);
  if (!existsSync(scriptDir)) return [];
  const runs: BroadcastRun[] = [];
  for (const entry of readdirSync(scriptDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !/^\d+$/.test(entry.name)) continue;
    const file = join(scriptDir, entry.name, "run-latest.json");
    if (!existsSync(file)) continue;
    runs.push(parseBroadcast(JSON.parse(readFileSync(file, "utf8")) as ForgeBroadcast, file, Number(entry.name)));
  }
  return runs.sort((a, b) => a.chainId - b.chainId);
}

/** Turns one broadcast file into the contracts it created (creation transactions with a successful receipt). */
export function parseBroadcast(broadcast: ForgeBroadcast, file: string, chainIdFromPath: number): BroadcastRun {
  const chainId = broadcast.chain ?? chainIdFromPath;
  if (chainId !== chainIdFromPath) {
    throw new BroadcastError(`${file} says chain ${chainId} but lives in the folder of chain ${chainIdFromPath}.`);
  }
  const receipts = new Map((broadcast.receipts ?? []).map((r) => [r.transactionHash.toLowerCase(), r]));
  // forge can pair a transaction with another one's hash when it sends several at once: a CREATE's
  // own receipt is the one that created its address (CREATE2 through the factory has none; by hash).
  const byCreated = new Map(
    (broadcast.receipts ?? []).flatMap((r) => (r.contractAddress ? [[r.contractAddress.toLowerCase(), r] as const] : [])),
  );
  const contracts: BroadcastContract[] = [];
  for (const tx of broadcast.transactions ?? []) {
    if (tx.transactionType !== "CREATE" && tx.transactionType !== "CREATE2") continue;
    if (tx.contractName === null || tx.contractAddress === null) {
      throw new BroadcastError(`${file}: creation ${tx.hash} has no contract name or address (unknown artifact?).`);
    }
    const receipt =
      (tx.transactionType === "CREATE" ? byCreated.get(tx.contractAddress.toLowerCase()) : undefined) ??
      receipts.get(tx.hash.toLowerCase());
    if (receipt === undefined) throw new BroadcastError(`${file}: no receipt for ${tx.hash} (run still pending?).`);
    if (receipt.status !== "0x1") throw new BroadcastError(`${file}: creation ${tx.hash} reverted.`);
    const name = instanceName(tx.contractName, tx.arguments ?? []);
    if (contracts.some((c) => c.name === name)) throw new BroadcastError(`${file}: ${name} is created twice.`);
    contracts.push({
      name,
      contract: tx.contractName,
      address: checksumless(tx.contractAddress),
      startBlock: Number.parseInt(receipt.blockNumber, 16),
      blockHash: receipt.blockHash as `0x${string}`,
      transactionHash: receipt.transactionHash as `0x${string}`,
    });
  }
  contracts.sort((a, b) => a.name.localeCompare(b.name));
  return { chainId, file, timestamp: broadcast.timestamp ?? 0, contracts };
}

/** Stand-in tokens are `BridgedToken`s named by their symbol (second constructor argument). */
function instanceName(contractName: string, args: readonly string[]): DeployedContractName {
  const name = contractName === "BridgedToken" ? args[1] : contractName;
  const known = deployedContractNames.find((n) => n === name);
  if (known === undefined) {
    throw new BroadcastError(
      `The deploy script created "${name ?? contractName}", which @dmex/deployments does not know. ` +
        "Add it to deployedContractNames in packages/deployments/src/types.ts.",
    );
  }
  return known;
}

function checksumless(address: string): Address {
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) throw new BroadcastError(`Not an address: ${address}`);
  return address.toLowerCase() as Address;
}
