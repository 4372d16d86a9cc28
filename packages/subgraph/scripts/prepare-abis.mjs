#!/usr/bin/env node
// Copies the contracts' JSON ABIs into abis/ (gitignored) for graph codegen and graph build.
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

import { prepareAbis } from "./lib/abis.mjs";

const pkg = join(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = join(pkg, "../..");
try {
  const sources = prepareAbis(repoRoot, join(pkg, "abis"));
  for (const [contract, from] of Object.entries(sources)) {
    console.log(`abis/${contract}.json <- ${relative(repoRoot, from)}`);
  }
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
