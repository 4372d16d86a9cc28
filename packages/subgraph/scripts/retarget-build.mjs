#!/usr/bin/env node
// Re-points build/subgraph.yaml at the current deployment of a network without recompiling
// (addresses and start blocks only), e.g. after the devstack redeployed the local chain:
//   node scripts/retarget-build.mjs [network]
// DMEX_SUBGRAPH_BUILD_DIR retargets a copy of build/ elsewhere (the devstack serves its own copy).
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { buildNetworks, checkNetwork, readConfigs, retargetManifest } from "./lib/manifest.mjs";

const pkg = join(dirname(fileURLToPath(import.meta.url)), "..");
const network = process.argv[2] ?? "localhost";
const deploymentsDir = process.env.DMEX_DEPLOYMENTS_DIR ?? join(pkg, "../deployments/deployments");
const path = join(process.env.DMEX_SUBGRAPH_BUILD_DIR ?? join(pkg, "build"), "subgraph.yaml");

try {
  const { networks, placeholders, absent } = buildNetworks(readConfigs(join(pkg, "config")), deploymentsDir);
  const entry = checkNetwork(networks, placeholders, network, absent);
  writeFileSync(path, retargetManifest(readFileSync(path, "utf8"), entry, network));
  console.log(
    `${path} now indexes ${network}: ${Object.entries(entry)
      .map(([n, e]) => `${n} ${e.address}@${e.startBlock}`)
      .join(", ")}`,
  );
} catch (error) {
  console.error(`retarget-build: ${error.message}`);
  process.exit(1);
}
