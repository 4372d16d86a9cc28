#!/usr/bin/env node
// Full build for one network (default localhost): ABIs -> subgraph.yaml -> graph codegen -> graph build.
//   node scripts/build.mjs [network]
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const pkg = join(dirname(fileURLToPath(import.meta.url)), "..");
const network = process.argv[2] ?? "localhost";
const run = (command, args) => execFileSync(command, args, { cwd: pkg, stdio: "inherit" });
const graph = join(pkg, "node_modules/.bin/graph");

try {
  run(process.execPath, [join(pkg, "scripts/prepare-abis.mjs")]);
  run(process.execPath, [join(pkg, "scripts/render-manifest.mjs"), network]);
  run(graph, ["codegen", "subgraph.yaml", "--output-dir", "generated"]);
  run(graph, ["build", "subgraph.yaml", "--output-dir", "build"]);
} catch (error) {
  process.exit(typeof error.status === "number" ? error.status : 1);
}
