import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * Path of a Foundry tool from its npm package (anvil comes from @dmex/testkit). Prefers the native binary of the platform package
 * (so signals reach the tool itself, not a node wrapper); falls back to the package's launcher.
 */
export function foundryBinary(tool: "forge"): { command: string; args: string[] } {
  const require = createRequire(import.meta.url);
  const launcher = require.resolve(`@foundry-rs/${tool}/package.json`);
  const arch = ({ x64: "amd64", arm64: "arm64" } as Record<string, string>)[process.arch];
  const platform = process.platform === "win32" ? "win32" : process.platform;
  if (arch !== undefined) {
    try {
      const fromLauncher = createRequire(launcher);
      const suffix = process.platform === "win32" ? ".exe" : "";
      const native = fromLauncher.resolve(`@foundry-rs/${tool}-${platform}-${arch}/bin/${tool}${suffix}`);
      if (existsSync(native)) return { command: native, args: [] };
    } catch {
      // fall back to the launcher below
    }
  }
  return { command: process.execPath, args: [join(dirname(launcher), "bin.mjs")] };
}
