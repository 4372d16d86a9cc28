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

// solc-js's own `compile` passes the input through emscripten's `ccall`, which copies a string argument onto the
// WebAssembly *stack* (4 bytes per character, a ~5 MiB stack): an input over ~1.3 MB (about 180 of this tree's
// sources) crashes with "memory access out of bounds" before compiling anything. `compileOnHeap` copies the input
// into the heap instead and calls `solidity_compile` itself, so any input size works up to the 2 GiB heap.
//
// The tree is still split, in as many chunks as there are compiler processes (DMEX_SOLC_JOBS, default 2: one per
// core), each a contiguous slice of the sorted files with about the same amount of work, compiled in a fresh
// process that sees only the sources its files import (transitively). Few large chunks matter: a test that deploys
// the protocol with `new` makes its chunk generate (and optimise) the protocol's bytecode again, so every extra chunk
// repeats that work (with 24-file chunks, 6 of the 12 chunks did). Source ids are per compilation (the index in the
// sorted source names), so each chunk's ids and source maps are renumbered to the ids the whole input would have
// had, and the outputs are merged: forge sees one consistent compilation.
const CHUNK_ABOVE_SOURCES = Number(process.env.DMEX_SOLC_CHUNK_ABOVE ?? 120);
const JOBS = Math.max(1, Math.min(Number(process.env.DMEX_SOLC_JOBS ?? 2), require("node:os").availableParallelism()));

const parsed = JSON.parse(input);
const selection = parsed.settings?.outputSelection ?? {};
const files = Object.keys(selection);
const single =
  args.includes("--single") ||
  Object.keys(parsed.sources ?? {}).length <= CHUNK_ABOVE_SOURCES ||
  JOBS === 1 ||
  files.includes("*") ||
  Object.values(parsed.sources ?? {}).some((source) => typeof source.content !== "string");
if (single) {
  // No process.exit after a write: stdout to a pipe is asynchronous and exiting would cut it short.
  process.stdout.write(compileOnHeap(input));
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
  // A chunk's cost is mostly code generation. Library sources (node_modules) are compiled wherever they are
  // imported; a test or script contract embeds and optimises more code per byte of source than a protocol contract
  // (measured: all of src/ 48 CPU-s for 524 kB, 24 unit tests 159 CPU-s for 297 kB, the protocol included).
  const weight = (name) =>
    name.startsWith("node_modules/") ? 0 : sources[name].content.length * (name.startsWith("src/") ? 1 : 4);
  const total = ordered.reduce((sum, name) => sum + weight(name), 0);
  const chunks = [];
  let chunk = [];
  let taken = 0;
  for (const name of ordered) {
    chunk.push(name);
    taken += weight(name);
    // Close a chunk once it holds its share of the source (the last chunk takes the rest).
    if (chunks.length < JOBS - 1 && taken >= (total * (chunks.length + 1)) / JOBS) {
      chunks.push(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) chunks.push(chunk);
  const inputs = chunks.map((selected) => {
    const needed = [...closureOf(selected, sources, remappings)].sort();
    return {
      needed,
      input: {
        ...parsed,
        sources: Object.fromEntries(needed.map((name) => [name, sources[name]])),
        settings: { ...parsed.settings, outputSelection: Object.fromEntries(selected.map((f) => [f, selection[f]])) },
      },
    };
  });
  // All at once: one chunk per process, one process per core, each up to a few GiB.
  const outputs = await Promise.all(inputs.map((chunk) => compileChunk(chunk.input)));

  const merged = { contracts: {}, sources: {}, errors: [] };
  const seenErrors = new Set();
  inputs.forEach(({ needed }, i) => {
    const output = outputs[i];
    // Ids past the chunk's sources are the compiler's generated (Yul) sources, numbered after the sources.
    const toGlobal = (id) => (id < needed.length ? globalId.get(needed[id]) : id - needed.length + globalId.size);
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

/** `solc.compile(input)` without the stack copy of the input (see above); imports resolved by `findImports`. */
function compileOnHeap(input) {
  const soljson = require("solc/soljson.js");
  const copyToHeap = (text) => {
    const length = soljson.lengthBytesUTF8(text);
    const pointer = soljson._solidity_alloc(length + 1);
    soljson.stringToUTF8(text, pointer, length + 1);
    return pointer;
  };
  // solidity_compile's read callback: (context, kind, path, *contents, *error), the strings freed by solidity_reset.
  const callback = soljson.addFunction((_context, kindPointer, pathPointer, contentsPointer, errorPointer) => {
    const kind = soljson.UTF8ToString(kindPointer);
    const result =
      kind === "source" ? findImports(soljson.UTF8ToString(pathPointer)) : { error: `${kind} callback not supported` };
    if (result.contents !== undefined) soljson.setValue(contentsPointer, copyToHeap(result.contents), "*");
    if (result.error !== undefined) soljson.setValue(errorPointer, copyToHeap(result.error), "*");
  }, "viiiii");
  try {
    return soljson.UTF8ToString(soljson._solidity_compile(copyToHeap(input), callback, 0));
  } finally {
    soljson.removeFunction(callback);
    soljson._solidity_reset();
  }
}
