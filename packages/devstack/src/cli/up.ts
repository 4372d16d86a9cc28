#!/usr/bin/env node
/**
 * `pnpm --filter @dmex/devstack run up` (what the root `npm run dev` runs): anvil on 127.0.0.1:8545,
 * deploy, regenerate @dmex/deployments, seed, the subgraph host on :8000 and the web app on :3000,
 * print addresses, the seed summary and URLs, then run until Ctrl-C.
 *
 * Options: --port N (anvil, default 8545), --graph-port N (default 8000), --web-port N (default
 * 3000), --no-seed, --no-graph, --no-web, --isolated (keep broadcast and generated deployments in
 * the work dir instead of packages/contracts and @dmex/deployments, like the tests), --work-dir DIR
 * (default .dmex/devstack). A second stack next to a running `npm run dev` needs all three ports.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";

import { generate } from "@dmex/deployments/generator";
import { LOCAL_CHAIN_ID, localPorts } from "@dmex/deployments/chains";

import { formatSeedSummary, table } from "../seed/summary.js";
import { startStack, type Stack } from "../start.js";
import { StackError } from "../internal/errors.js";

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    "graph-port": { type: "string" },
    "web-port": { type: "string" },
    "no-seed": { type: "boolean", default: false },
    "no-graph": { type: "boolean", default: false },
    "no-web": { type: "boolean", default: false },
    isolated: { type: "boolean", default: false },
    "work-dir": { type: "string" },
  },
});

function portOption(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port <= 0 || port > 65_535) {
    console.error(`[devstack] --${name} expects a port number, got "${value}"`);
    process.exit(2);
  }
  return port;
}
const rpcPort = portOption("port", values.port, localPorts.rpc);
const graphPort = portOption("graph-port", values["graph-port"], localPorts.graph);
const webPort = portOption("web-port", values["web-port"], localPorts.web);

const log = (message: string) => console.log(`[devstack] ${message}`);
const started = Date.now();
let stack: Stack | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  log("stopping...");
  await stack?.stop();
  // An isolated stack's outputs live in its work dir; the package's are not this stack's.
  if (stack !== undefined && !values.isolated) {
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
    port: rpcPort,
    seed: !values["no-seed"],
    ...(!values["no-graph"] && { graph: { port: graphPort, name: "dmex" } }),
    ...(!values["no-web"] && { web: { port: webPort } }),
    isolated: values.isolated ?? false,
    ...(values["work-dir"] !== undefined && { workDir: resolve(values["work-dir"]) }),
    log,
  });
} catch (error) {
  console.error(
    `\n[devstack] ${error instanceof StackError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exit(1);
}

const contracts = Object.entries(stack.deployment.contracts).map(([name, c]) => [
  name,
  c.address,
  String(c.startBlock),
]);
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
