import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Writes a forge-like artifact `out/<file>/<name>.json`. */
export function writeArtifact(
  outDir: string,
  sourcePath: string,
  name: string,
  abi: readonly object[],
  bytecode = "0x6080",
): void {
  const dir = join(outDir, sourcePath.split("/").pop() ?? sourcePath);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, `${name}.json`),
    JSON.stringify({ abi, bytecode: { object: bytecode }, metadata: { settings: { compilationTarget: { [sourcePath]: name } } } }),
  );
}

export const errorItem = (name: string, inputs: { name: string; type: string }[] = []) => ({ type: "error", name, inputs });
export const fnItem = (name: string) => ({ type: "function", name, inputs: [], outputs: [], stateMutability: "view" });
export const eventItem = (name: string) => ({
  type: "event",
  name,
  inputs: [{ name: "id", type: "uint256", indexed: true }],
  anonymous: false,
});

export const hash = (n: number) => `0x${n.toString(16).padStart(64, "0")}`;
export const address = (n: number) => `0x${n.toString(16).padStart(40, "0")}`;

export interface FixtureTx {
  type: "CREATE" | "CREATE2" | "CALL";
  contractName: string;
  address: string;
  args?: string[];
  block: number;
  status?: string;
}

/** Writes `broadcast/Deploy.s.sol/<chainId>/run-latest.json` with one receipt per transaction. */
export function writeBroadcast(broadcastDir: string, chainId: number, txs: readonly FixtureTx[], blockHashSalt = 0): string {
  const dir = join(broadcastDir, "Deploy.s.sol", String(chainId));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "run-latest.json");
  writeFileSync(
    file,
    JSON.stringify({
      chain: chainId,
      timestamp: 1_700_000_000_000,
      transactions: txs.map((tx, i) => ({
        hash: hash(1000 + i),
        transactionType: tx.type,
        contractName: tx.contractName,
        contractAddress: tx.address,
        function: tx.type === "CALL" ? "grantRole(bytes32,address)" : null,
        arguments: tx.args ?? null,
      })),
      receipts: txs.map((tx, i) => ({
        transactionHash: hash(1000 + i),
        blockNumber: `0x${tx.block.toString(16)}`,
        blockHash: hash(tx.block + blockHashSalt),
        contractAddress: tx.type === "CREATE" ? tx.address : null,
        status: tx.status ?? "0x1",
      })),
    }),
  );
  return file;
}
