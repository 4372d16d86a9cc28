#!/usr/bin/env node
// Runs forge and exits with forge's own status. The npm launcher of `@foundry-rs/forge` 1.7.1 (its bin.mjs)
// spawns the native binary but never passes its exit code on, so `forge fmt --check`, `forge build` or a failing
// `forge test` run through it exits 0. This resolves the platform package's native binary (as devstack's
// foundryBinary does) and falls back to the launcher only where no native package is installed.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The command (and leading arguments) that run forge on this machine. */
export function forgeCommand() {
  const require = createRequire(import.meta.url);
  const launcher = require.resolve("@foundry-rs/forge/package.json");
  const arch = { x64: "amd64", arm64: "arm64" }[process.arch];
  if (arch !== undefined) {
    try {
      const suffix = process.platform === "win32" ? ".exe" : "";
      const native = createRequire(launcher).resolve(
        `@foundry-rs/forge-${process.platform}-${arch}/bin/forge${suffix}`,
      );
      if (existsSync(native)) return { command: native, args: [] };
    } catch {
      // fall back to the launcher below
    }
  }
  return { command: process.execPath, args: [join(dirname(launcher), "bin.mjs")] };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const forge = forgeCommand();
  const run = spawnSync(forge.command, [...forge.args, ...process.argv.slice(2)], { stdio: "inherit" });
  if (run.error) {
    console.error(`forge could not start: ${run.error.message}`);
    process.exit(1);
  }
  if (run.signal) process.kill(process.pid, run.signal);
  process.exit(run.status ?? 1);
}
