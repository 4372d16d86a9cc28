import { readFileSync } from "node:fs";
import { join } from "node:path";

import { abis } from "@dmex/deployments";
import { LOCAL_CHAIN_ID } from "@dmex/deployments/chains";
import { generate } from "@dmex/deployments/generator";

import { StackError } from "../internal/errors.js";
import { requireRpcUrl, type Step } from "../stack.js";

export interface GenerateStepOptions {
  /** forge's broadcast dir the deploy step wrote to (default: the generator's default). */
  readonly broadcastDir?: string;
  /** forge's artifacts dir (default: the generator's default, honouring FOUNDRY_OUT). */
  readonly artifactsDir?: string;
  /** Output root (default: the @dmex/deployments package, which is then recompiled). */
  readonly outDir?: string;
}

/** Regenerates @dmex/deployments against the running chain and records the local deployment. */
export function generateStep(options: GenerateStepOptions = {}): Step {
  return {
    name: "generate",
    async run(context) {
      const rpcUrl = requireRpcUrl(context, "generate");
      const result = await generate({
        ...(options.broadcastDir !== undefined && { broadcastDir: options.broadcastDir }),
        ...(options.artifactsDir !== undefined && { artifactsDir: options.artifactsDir }),
        ...(options.outDir !== undefined && { outDir: options.outDir }),
        rpcUrls: { [LOCAL_CHAIN_ID]: rpcUrl },
        compile: options.outDir === undefined,
        log: (message) => context.log(`  ${message}`),
      });
      const local = result.deployments.find((d) => d.chainId === LOCAL_CHAIN_ID);
      if (local === undefined) {
        const skipped = result.skipped.find((s) => s.chainId === LOCAL_CHAIN_ID);
        throw new StackError(
          "The deploy left no usable local deployment.",
          skipped ? `${skipped.file}: ${skipped.reason}` : "No broadcast for chain 31337 was found.",
        );
      }
      context.deployment = local;
      assertAbisCurrent(result.files);
    },
  };
}

/**
 * The seed and later steps talk to the contracts through the ABIs this process imported from
 * @dmex/deployments. If the contracts changed since that package was built, those ABIs would
 * silently mis-decode: fail instead.
 */
function assertAbisCurrent(files: readonly string[]): void {
  for (const [name, abi] of Object.entries(abis)) {
    const file = files.find((f) => f.endsWith(join("abis", `${name}.json`)));
    if (file === undefined)
      throw new StackError(`The fresh build has no ${name} ABI; rebuild: npm run dev builds first.`);
    if (JSON.stringify(JSON.parse(readFileSync(file, "utf8"))) !== JSON.stringify(abi)) {
      throw new StackError(
        `The ${name} ABI changed since @dmex/deployments was built (contracts edited meanwhile).`,
        "Rebuild first: `npx turbo run build --filter=@dmex/devstack...` (npm run dev does this).",
      );
    }
  }
}
