#!/usr/bin/env node
/**
 * `pnpm --filter @dmex/devstack run up` (what the root `npm run dev` runs): anvil on 127.0.0.1:8545,
 * deploy, regenerate @dmex/deployments, seed, the subgraph host on :8000 and the web app on :3000,
 * print addresses, the seed summary and URLs, then run until Ctrl-C. Options: --port N, --no-seed.
 */
import { parseArgs } from "node:util";

import { generate } from "@dmex/deployments/generator";
import { LOCAL_CHAIN_ID, localPorts } from "@dmex/deployments/chains";

import { formatSeedSummary, table } from "../seed/summary.js";
import { startStack, type Stack } from "../start.js";
import { StackError } from "../internal/errors.js";

const { values } = parseArgs({
  options: { port: { type: "string" }, "no-seed": { type: "boolean", default: false } },
});

const log = (message: string) => console.log(`[devstack] ${message}`);
const started = Date.now();
let stack: Stack | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  log("stopping...");
  await stack?.stop();
  if (stack !== undefined) {
    // The chain is gone: regenerate so @dmex/deployments no longer lists its addresses.
    try {
      await generate({ rpcUrls: { [LOCAL_CHAIN_ID]: stack.rpcUrl }, compile: true });
      log("local deployment removed from @dmex/deployments");
    } catch (error) {
      log(`could not clear the local deployment: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  stack = await startStack({
    ...(values.port !== undefined && { port: Number(values.port) }),
    seed: !values["no-seed"],
    graph: { port: localPorts.graph, name: "dmex" },
    web: { port: localPorts.web },
    log,
  });
} catch (error) {
  console.error(`\n[devstack] ${error instanceof StackError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
}

const contracts = Object.entries(stack.deployment.contracts).map(([name, c]) => [name, c.address, String(c.startBlock)]);
console.log(`\nChain ${stack.chainId} at ${stack.rpcUrl}\n`);
console.log(table(["contract", "address", "start block"], contracts));
if (stack.seed) console.log(`\n${formatSeedSummary(stack.seed)}`);
for (const service of stack.services) if (service.url) console.log(`${service.name.padEnd(8)} ${service.url}`);
const t = stack.timings;
console.log(
  `\nReady in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
    `(anvil ${sec(t.anvil)}, deploy ${sec(t.deploy)}, generate ${sec(t.generate)}, seed ${sec(t.seed)}). ` +
    `Seed summary: ${stack.workDir}/seed-summary.json. Ctrl-C stops everything.`,
);

function sec(ms: number | undefined): string {
  return ms === undefined ? "-" : `${(ms / 1000).toFixed(1)} s`;
}
