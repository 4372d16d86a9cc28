#!/usr/bin/env node
/**
 * Regenerates @dmex/deployments from forge's outputs.
 *
 *   dmex-deployments [--artifacts DIR] [--broadcast DIR] [--out DIR] [--rpc CHAINID=URL]... [--compile]
 *
 * Env: DMEX_ARTIFACTS_DIR / FOUNDRY_OUT, DMEX_BROADCAST_DIR / FOUNDRY_BROADCAST, DMEX_CONTRACTS_DIR,
 * DMEX_LOCAL_RPC_URL (endpoint that confirms the local 31337 broadcast; default http://127.0.0.1:8545),
 * DMEX_SAFE_ARTIFACTS_DIR (Safe 1.4.1 `build/artifacts/contracts`; default from @safe-global/safe-contracts).
 */
import { parseArgs } from "node:util";

import { generate } from "./generator/generate.js";

const { values } = parseArgs({
  options: {
    artifacts: { type: "string" },
    broadcast: { type: "string" },
    out: { type: "string" },
    rpc: { type: "string", multiple: true },
    compile: { type: "boolean", default: false },
  },
});

const rpcUrls: Record<number, string> = {};
if (process.env.DMEX_LOCAL_RPC_URL) rpcUrls[31337] = process.env.DMEX_LOCAL_RPC_URL;
for (const pair of values.rpc ?? []) {
  const match = /^(\d+)=(.+)$/.exec(pair);
  if (match === null || match[1] === undefined || match[2] === undefined) {
    console.error(`--rpc expects CHAINID=URL, got "${pair}"`);
    process.exit(2);
  }
  rpcUrls[Number(match[1])] = match[2];
}

try {
  await generate({
    ...(values.artifacts !== undefined && { artifactsDir: values.artifacts }),
    ...(values.broadcast !== undefined && { broadcastDir: values.broadcast }),
    ...(values.out !== undefined && { outDir: values.out }),
    rpcUrls,
    compile: values.compile ?? false,
    log: (message) => console.log(`[deployments] ${message}`),
  });
} catch (error) {
  console.error(`[deployments] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
