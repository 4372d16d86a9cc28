#!/usr/bin/env node
// Installs the workspace with the pinned pnpm before any root script runs, so a fresh
// machine with only Node 20 + npm needs no global install. Cheap when already installed.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { packageManager } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
// pnpm freezes the lockfile by itself when CI=true.
const args = ["-y", packageManager, "install", "--prefer-offline"];

try {
  execFileSync("npx", args, {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, COREPACK_ENABLE_STRICT: "0" },
  });
} catch (error) {
  console.error(`\nDependency install failed (npx ${args.join(" ")}).`);
  process.exit(typeof error.status === "number" ? error.status : 1);
}
