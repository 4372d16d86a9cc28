#!/usr/bin/env node
// A native-solc-compatible front for solc-js, so forge can compile without downloading
// a compiler binary (no network here). forge only needs `--version` and `--standard-json`.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const solc = require("solc");

const args = process.argv.slice(2);

if (args.includes("--version")) {
  const version = solc.version().replace(/\.Emscripten\.clang$/, "");
  process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${version}.Linux.g++\n`);
  process.exit(0);
}

if (!args.includes("--standard-json")) {
  process.stderr.write("solc-js wrapper: only --version and --standard-json are supported\n");
  process.exit(1);
}

const flagValue = (flag) => {
  const index = args.indexOf(flag);
  return index >= 0 ? args[index + 1] : undefined;
};
const roots = [flagValue("--base-path"), ...args.filter((_, i) => args[i - 1] === "--include-path"), process.cwd()]
  .filter(Boolean)
  .map((dir) => path.resolve(dir));

// forge inlines every source it knows; this only serves an import it did not inline.
function findImports(importPath) {
  for (const root of roots) {
    const candidate = path.resolve(root, importPath);
    if (fs.existsSync(candidate)) return { contents: fs.readFileSync(candidate, "utf8") };
  }
  return { error: `File not found: ${importPath}` };
}

const input = fs.readFileSync(0, "utf8");
process.stdout.write(solc.compile(input, { import: findImports }));
