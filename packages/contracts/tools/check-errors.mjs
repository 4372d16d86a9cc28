#!/usr/bin/env node
// Errors the app can always explain (docs/decisions/0014-errors.md). Fails (exit 1) when:
// - two errors of the compiled ABIs share a name (with different parameters) or a selector;
// - an error declared in src/ is not `Prefix_Condition` with a prefix of PREFIXES, or takes a string;
// - src/ has a string reason anywhere: `require(...)` or `revert(...)` (only custom errors revert);
// - an error declared in src/ is in no compiled ABI of a src/ contract (the app could not decode it).
// Reads the artifacts of `forge build` from $FOUNDRY_OUT (default out/).
import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// keccak-256 from js-sha3, the hash solc-js itself depends on (pinned through `solc`).
const require = createRequire(realpathSync(join(root, "node_modules", "solc", "package.json")));
const { keccak256 } = require("js-sha3");

/** One prefix per contract (or library family); listed in the headers of src/errors/*.sol. */
export const PREFIXES = [
  "Exchange",
  "Oracle",
  "Governor",
  "Timelock",
  "Params",
  "Applications",
  "DMC",
  "Reserve",
  "Insurance",
  "PositionLocker",
  "Assets",
  "Listings",
  "Auctions",
  "Rewards",
  "Loans",
  "Mutual",
  "Nodes",
  "Splitter",
  "Buyback",
  "FeeVault",
  "Emission",
  "NftStaking",
  "LpMining",
  "NodeRewards",
];

function walk(dir, keep) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? walk(p, keep) : keep(p) ? [p] : [];
  });
}

/** Canonical type of an ABI parameter (tuples expanded). */
function typeOf(param) {
  if (!param.type.startsWith("tuple")) return param.type;
  return `(${param.components.map(typeOf).join(",")})${param.type.slice("tuple".length)}`;
}

export const signatureOf = (item) => `${item.name}(${(item.inputs ?? []).map(typeOf).join(",")})`;
export const selectorOf = (signature) => `0x${keccak256(signature).slice(0, 8)}`;

/** Problems with the custom errors of the artifacts (forge JSON) compiled from `src/`. */
export function checkAbis(artifacts) {
  const problems = [];
  const byName = new Map();
  const bySelector = new Map();
  for (const { source, abi } of artifacts) {
    for (const item of abi) {
      if (item.type !== "error") continue;
      const sig = signatureOf(item);
      const sel = selectorOf(sig);
      (byName.get(item.name) ?? byName.set(item.name, new Map()).get(item.name)).set(sig, source);
      (bySelector.get(sel) ?? bySelector.set(sel, new Map()).get(sel)).set(sig, source);
    }
  }
  for (const [name, sigs] of byName) {
    if (sigs.size > 1)
      problems.push(
        `error name ${name} has ${sigs.size} shapes: ${[...sigs].map(([s, f]) => `${s} in ${f}`).join("; ")}`,
      );
  }
  for (const [sel, sigs] of bySelector) {
    if (sigs.size > 1) problems.push(`selector ${sel} is shared by ${[...sigs.keys()].join(", ")}`);
  }
  return { problems, names: new Set(byName.keys()) };
}

const PREFIXED = new RegExp(`^(${PREFIXES.join("|")})_[A-Z][A-Za-z0-9]*$`);

/** Problems in the Solidity text of one src/ file: declarations, string reasons. */
export function checkSource(file, text) {
  const problems = [];
  const declared = [];
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
  for (const m of code.matchAll(/\berror\s+([A-Za-z_$][\w$]*)\s*\(([^)]*)\)/g)) {
    declared.push(m[1]);
    if (!PREFIXED.test(m[1]))
      problems.push(`${file}: error ${m[1]} is not Prefix_Condition with a prefix of ${PREFIXES.join(", ")}`);
    if (/\bstring\b/.test(m[2]))
      problems.push(`${file}: error ${m[1]} takes a string: one error per condition, with the offending values`);
  }
  for (const m of code.matchAll(/\b(require|revert)\s*\(/g)) {
    const line = code.slice(0, m.index).split("\n").length;
    problems.push(`${file}:${line}: ${m[1]}(...) reverts without a custom error`);
  }
  return { problems, declared };
}

function main() {
  const outDir = resolve(root, process.env.FOUNDRY_OUT ?? "out");
  if (!existsSync(outDir)) {
    console.error(`check-errors: no artifacts at ${outDir}: run forge build first`);
    process.exit(1);
  }
  const artifacts = walk(outDir, (p) => p.endsWith(".json") && !p.startsWith(join(outDir, "build-info"))).flatMap(
    (p) => {
      const json = JSON.parse(readFileSync(p, "utf8"));
      const target = Object.keys(json.metadata?.settings?.compilationTarget ?? {})[0];
      return target?.startsWith("src/") && Array.isArray(json.abi) ? [{ source: target, abi: json.abi }] : [];
    },
  );
  if (artifacts.length === 0) {
    console.error(`check-errors: no src/ artifacts in ${outDir}`);
    process.exit(1);
  }
  const abis = checkAbis(artifacts);
  const problems = [...abis.problems];
  for (const file of walk(join(root, "src"), (p) => p.endsWith(".sol"))) {
    const { problems: p, declared } = checkSource(relative(root, file), readFileSync(file, "utf8"));
    problems.push(...p);
    for (const name of declared)
      if (!abis.names.has(name)) problems.push(`${relative(root, file)}: error ${name} is in no compiled src/ ABI`);
  }
  if (problems.length > 0) {
    console.error(`check-errors: ${problems.length} problem(s)\n  ${problems.join("\n  ")}`);
    process.exit(1);
  }
  console.log(
    `check-errors: ${abis.names.size} errors in ${artifacts.length} src/ artifacts, names and selectors unique, all DMEX errors prefixed, no string reasons`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
