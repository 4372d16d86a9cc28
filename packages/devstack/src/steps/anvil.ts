import { join } from "node:path";

import { LOCAL_CHAIN_ID } from "@dmex/deployments/chains";

import { foundryBinary } from "../internal/foundry.js";
import type { Step } from "../stack.js";
import { processStep } from "./process.js";

export interface AnvilOptions {
  readonly port: number;
  readonly host?: string;
  /** Chain id (default 31337, the local chain). Tests pass another to rehearse a real network's deploy. */
  readonly chainId?: number;
  /** Timestamp of the genesis block (seconds); later blocks follow the wall clock from there. */
  readonly genesisTimestamp?: number;
  /** Anvil's own log goes here (appended). */
  readonly logFile?: string;
}

/** Local chain: anvil with 20 default-mnemonic accounts and chain id 31337. */
export function anvilStep(options: AnvilOptions): Step {
  const host = options.host ?? "127.0.0.1";
  const rpcUrl = `http://${host}:${options.port}`;
  const chainId = options.chainId ?? LOCAL_CHAIN_ID;
  const inner = processStep({
    name: "anvil",
    port: options.port,
    host,
    url: rpcUrl,
    ready: { rpc: rpcUrl, chainId },
    wait: { timeoutMs: 20_000 },
    command: () => {
      const bin = foundryBinary("anvil");
      const args = [
        ...bin.args,
        "--host", host,
        "--port", String(options.port),
        "--chain-id", String(chainId),
        "--accounts", "20",
        ...(options.genesisTimestamp !== undefined ? ["--timestamp", String(options.genesisTimestamp)] : []),
      ];
      return { command: bin.command, args, ...(options.logFile !== undefined && { logFile: options.logFile }) };
    },
  });
  return {
    name: "anvil",
    async run(context) {
      const service = await inner.run(context);
      context.rpcUrl = rpcUrl;
      return service;
    },
  };
}

export const anvilLogFile = (workDir: string) => join(workDir, "anvil.log");
