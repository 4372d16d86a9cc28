import { join } from "node:path";

import { anvilAddress, ROLE_INDEX } from "@dmex/deployments";

import { foundryBinary } from "../internal/foundry.js";
import { runCommand } from "../internal/process.js";
import { requireRpcUrl, type Step } from "../stack.js";

/** The dev deployer (anvil account 0, unlocked on anvil): Deploy.s.sol's broadcaster. */
export const DEPLOYER = anvilAddress(ROLE_INDEX.deployer);

export interface DeployOptions {
  /** The Foundry project (packages/contracts). */
  readonly contractsDir: string;
  /** Where forge writes the broadcast (FOUNDRY_BROADCAST); default the project's `broadcast/`. */
  readonly broadcastDir?: string;
  /** Extra environment for forge (e.g. FOUNDRY_OUT, DMEX_* overrides). */
  readonly env?: NodeJS.ProcessEnv;
  readonly logFile?: string;
}

/** Deploys with script/Deploy.s.sol from anvil's unlocked account 0. */
export function deployStep(options: DeployOptions): Step {
  return {
    name: "deploy",
    async run(context) {
      const rpcUrl = requireRpcUrl(context, "deploy");
      const forge = foundryBinary("forge");
      await runCommand(
        "forge script script/Deploy.s.sol",
        forge.command,
        [
          ...forge.args,
          "script",
          join("script", "Deploy.s.sol"),
          "--rpc-url",
          rpcUrl,
          "--broadcast",
          "--unlocked",
          "--sender",
          DEPLOYER,
          "--non-interactive",
          // One transaction at a time: deterministic blocks, and forge cannot mix up hashes and receipts.
          "--slow",
        ],
        {
          cwd: options.contractsDir,
          env: {
            ...process.env,
            ...options.env,
            ...(options.broadcastDir !== undefined && { FOUNDRY_BROADCAST: options.broadcastDir }),
          },
          ...(options.logFile !== undefined && { logFile: options.logFile }),
        },
      );
    },
  };
}
