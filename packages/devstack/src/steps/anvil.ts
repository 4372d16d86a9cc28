import { join } from "node:path";

import { LOCAL_CHAIN_ID } from "@dmex/deployments/chains";
import { AnvilStartError, startAnvil } from "@dmex/testkit";

import { StackError } from "../internal/errors.js";
import { assertPortFree } from "../internal/wait.js";
import type { Step } from "../stack.js";

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

/**
 * Local chain: anvil with 20 default-mnemonic accounts and chain id 31337, started by the shared
 * test kit (@dmex/testkit), which also kills it if this process ends without stopping the stack.
 */
export function anvilStep(options: AnvilOptions): Step {
  const host = options.host ?? "127.0.0.1";
  return {
    name: "anvil",
    async run(context) {
      await assertPortFree(options.port, host, "anvil");
      try {
        const anvil = await startAnvil({
          port: options.port,
          host,
          chainId: options.chainId ?? LOCAL_CHAIN_ID,
          accounts: 20,
          ...(options.genesisTimestamp !== undefined && { timestamp: options.genesisTimestamp }),
          ...(options.logFile !== undefined && { logFile: options.logFile }),
        });
        context.rpcUrl = anvil.rpcUrl;
        return { name: "anvil", url: anvil.rpcUrl, stop: () => anvil.stop() };
      } catch (error) {
        if (error instanceof AnvilStartError)
          throw new StackError(error.message.split("\n")[0] ?? "anvil did not start", error.output);
        throw error;
      }
    },
  };
}

export const anvilLogFile = (workDir: string) => join(workDir, "anvil.log");
