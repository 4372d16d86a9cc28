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

// One solc-js (WebAssembly) run over the whole tree crashes ("memory access out of bounds") once it holds enough
// sources (~180 files with the trading tests). So a large input is compiled in chunks, each in a fresh process: a
// chunk generates code for a few files and sees only the sources they import (transitively). Source ids are per
// compilation (the index in the sorted source names), so each chunk's ids and source maps are renumbered to the
// ids the whole input would have had, and the outputs are merged: forge sees one consistent compilation.
const CHUNK_FILES = Number(process.env.DMEX_SOLC_CHUNK_FILES ?? 24);
const CHUNK_ABOVE_SOURCES = Number(process.env.DMEX_SOLC_CHUNK_ABOVE ?? 120);

const parsed = JSON.parse(input);
const selection = parsed.settings?.outputSelection ?? {};
const files = Object.keys(selection);
const single =
  args.includes("--single") ||
  Object.keys(parsed.sources ?? {}).length <= CHUNK_ABOVE_SOURCES ||
  files.includes("*") ||
  Object.values(parsed.sources ?? {}).some((source) => typeof source.content !== "string");
if (single) {
  // No process.exit after a write: stdout to a pipe is asynchronous and exiting would cut it short.
  process.stdout.write(solc.compile(input, { import: findImports }));
} else {
  compileInChunks(parsed, selection, files).then(
    (merged) => process.stdout.write(JSON.stringify(merged)),
    (error) => {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    },
  );
}

/** The source names `name` imports, resolved like solc does (relative paths, then remappings). */
function importsOf(name, sources, remappings) {
  const found = [];
  const code = sources[name].content.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
  for (const m of code.matchAll(/\bimport\s+(?:[^"';]*?\bfrom\s+)?["']([^"']+)["']/g)) {
    let target = m[1];
    if (target.startsWith("./") || target.startsWith("../"))
      target = path.posix.normalize(path.posix.join(path.posix.dirname(name), target));
    else {
      const remap = remappings.find(([prefix]) => target.startsWith(prefix));
      if (remap) target = remap[1] + target.slice(remap[0].length);
    }
    if (sources[target] !== undefined) found.push(target);
  }
  return found;
}

function closureOf(roots, sources, remappings) {
  const seen = new Set();
  const stack = [...roots];
  while (stack.length > 0) {
    const name = stack.pop();
    if (seen.has(name)) continue;
    seen.add(name);
    stack.push(...importsOf(name, sources, remappings));
  }
  return seen;
}

/** Rewrites the file index (third field) of every entry of a compressed source map. */
function renumberSourceMap(map, toGlobal) {
  if (typeof map !== "string" || map === "") return map;
  return map
    .split(";")
    .map((entry) => {
      const fields = entry.split(":");
      if (fields.length > 2 && fields[2] !== "" && fields[2] !== "-1") fields[2] = String(toGlobal(Number(fields[2])));
      return fields.join(":");
    })
    .join(";");
}

/** Runs one chunk in a fresh process (its WebAssembly memory dies with it). */
function compileChunk(chunkInput) {
  const { spawn } = require("node:child_process");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [__filename, ...args, "--single"], { stdio: ["pipe", "pipe", "pipe"] });
    const out = [];
    const err = [];
    child.stdout.on("data", (b) => out.push(b));
    child.stderr.on("data", (b) => err.push(b));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(JSON.parse(Buffer.concat(out).toString("utf8")));
      else
        reject(
          new Error(
            `solc-js failed on a chunk starting at ${Object.keys(chunkInput.settings.outputSelection)[0]}:\n${Buffer.concat(err)}`,
          ),
        );
    });
    child.stdin.end(JSON.stringify(chunkInput));
  });
}

async function compileInChunks(parsed, selection, files) {
  const sources = parsed.sources;
  const remappings = (parsed.settings.remappings ?? []).map((r) => {
    const [prefix, target] = r.replace(/^[^:]*:/, "").split("=");
    return [prefix, target];
  });
  const globalId = new Map(
    Object.keys(sources)
      .sort()
      .map((name, i) => [name, i]),
  );
  const ordered = [...files].sort();
  const chunks = [];
  for (let start = 0; start < ordered.length; start += CHUNK_FILES) {
    const chunk = ordered.slice(start, start + CHUNK_FILES);
    const needed = [...closureOf(chunk, sources, remappings)].sort();
    chunks.push({
      needed,
      input: {
        ...parsed,
        sources: Object.fromEntries(needed.map((name) => [name, sources[name]])),
        settings: { ...parsed.settings, outputSelection: Object.fromEntries(chunk.map((f) => [f, selection[f]])) },
      },
    });
  }
  // Two at a time: each chunk is one busy core and up to a few GiB.
  const outputs = new Array(chunks.length);
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const i = next++;
      outputs[i] = await compileChunk(chunks[i].input);
    }
  };
  const parallel = Math.max(
    1,
    Math.min(Number(process.env.DMEX_SOLC_JOBS ?? 2), require("node:os").availableParallelism()),
  );
  await Promise.all(Array.from({ length: parallel }, worker));

  const merged = { contracts: {}, sources: {}, errors: [] };
  const seenErrors = new Set();
  chunks.forEach(({ needed }, i) => {
    const output = outputs[i];
    const toGlobal = (id) => globalId.get(needed[id]) ?? id;
    for (const [file, contracts] of Object.entries(output.contracts ?? {})) {
      for (const contract of Object.values(contracts)) {
        for (const key of ["bytecode", "deployedBytecode"]) {
          const code = contract.evm?.[key];
          if (code?.sourceMap !== undefined) code.sourceMap = renumberSourceMap(code.sourceMap, toGlobal);
        }
      }
      merged.contracts[file] = contracts;
    }
    for (const error of output.errors ?? []) {
      const key = error.formattedMessage ?? JSON.stringify(error);
      if (seenErrors.has(key)) continue;
      seenErrors.add(key);
      merged.errors.push(error);
    }
  });
  for (const [name, id] of globalId) merged.sources[name] = { id };
  return merged;
}
