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
    JSON.stringify({
      abi,
      bytecode: { object: bytecode },
      metadata: { settings: { compilationTarget: { [sourcePath]: name } } },
    }),
  );
}

export const errorItem = (name: string, inputs: { name: string; type: string }[] = []) => ({
  type: "error",
  name,
  inputs,
});
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
  /** null: forge had no artifact for the creation code (the Safe contracts). */
  contractName: string | null;
  address: string;
  args?: string[];
  block: number;
  status?: string;
  /** Function signature of a CALL (default `grantRole(bytes32,address)`). */
  fn?: string;
  /** Transaction input (creation code + constructor arguments for a CREATE). */
  input?: string;
  /** Contracts created inside the transaction. */
  additional?: { type: "CREATE" | "CREATE2"; contractName: string | null; address: string }[];
  /** Logs of the receipt. */
  logs?: { address: string; topics: string[]; data: string }[];
}

/** Writes `broadcast/Deploy.s.sol/<chainId>/run-latest.json` with one receipt per transaction. */
export function writeBroadcast(
  broadcastDir: string,
  chainId: number,
  txs: readonly FixtureTx[],
  blockHashSalt = 0,
): string {
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
        function: tx.type === "CALL" ? (tx.fn ?? "grantRole(bytes32,address)") : null,
        arguments: tx.args ?? null,
        transaction: { from: address(0xf39f), to: tx.type === "CALL" ? tx.address : null, input: tx.input ?? "0x6080" },
        additionalContracts: (tx.additional ?? []).map((c) => ({
          transactionType: c.type,
          contractName: c.contractName,
          address: c.address,
          initCode: "0x6080",
        })),
        isFixedGasLimit: false,
      })),
      receipts: txs.map((tx, i) => ({
        transactionHash: hash(1000 + i),
        blockNumber: `0x${tx.block.toString(16)}`,
        blockHash: hash(tx.block + blockHashSalt),
        contractAddress: tx.type === "CREATE" ? tx.address : null,
        status: tx.status ?? "0x1",
        logs: tx.logs ?? [],
      })),
    }),
  );
  return file;
}

/** Hardhat-style Safe artifacts (`build/artifacts/contracts/...`) with the given creation codes. */
export function writeSafeArtifacts(dir: string, codes: { SafeL2: string; SafeProxyFactory: string }): void {
  const files = [
    [
      "SafeL2.sol/SafeL2.json",
      "SafeL2",
      "contracts/SafeL2.sol",
      [fnItem("getOwners"), eventItem("SafeMultiSigTransaction")],
    ],
    [
      "proxies/SafeProxyFactory.sol/SafeProxyFactory.json",
      "SafeProxyFactory",
      "contracts/proxies/SafeProxyFactory.sol",
      [fnItem("proxyCreationCode")],
    ],
  ] as const;
  for (const [path, name, sourceName, abi] of files) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(
      join(dir, path),
      JSON.stringify({ _format: "hh-sol-artifact-1", contractName: name, sourceName, abi, bytecode: codes[name] }),
    );
  }
}

/** Uniswap V2 `build/*.json` files (v2-core, v2-periphery) with the given creation codes (without `0x`, as npm ships them). */
export function writeUniswapArtifacts(
  dirs: { "@uniswap/v2-core": string; "@uniswap/v2-periphery": string },
  codes: { WETH9: string; UniswapV2Factory: string; UniswapV2Router02: string; UniswapV2Pair: string },
): void {
  const files = [
    ["@uniswap/v2-periphery", "WETH9", [fnItem("deposit")]],
    ["@uniswap/v2-core", "UniswapV2Factory", [fnItem("getPair")]],
    ["@uniswap/v2-periphery", "UniswapV2Router02", [fnItem("addLiquidity")]],
    ["@uniswap/v2-core", "UniswapV2Pair", [fnItem("getReserves"), eventItem("Sync")]],
  ] as const;
  for (const [pkg, name, abi] of files) {
    mkdirSync(dirs[pkg], { recursive: true });
    const bytecode = codes[name].replace(/^0x/, "");
    writeFileSync(
      join(dirs[pkg], `${name}.json`),
      JSON.stringify({ abi, evm: { bytecode: { object: bytecode } }, interface: abi, bytecode }),
    );
  }
}
