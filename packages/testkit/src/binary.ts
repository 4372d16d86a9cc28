import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * anvil from its npm package. Prefers the platform package's native binary, so the pid we hold is
 * anvil's own and a signal reaches anvil itself; the package's node launcher is only a fallback
 * (a SIGTERM to that launcher would leave the binary it started running).
 */
export function anvilBinary(): { command: string; args: string[] } {
  const require = createRequire(import.meta.url);
  const launcher = require.resolve("@foundry-rs/anvil/package.json");
  const arch = ({ x64: "amd64", arm64: "arm64" } as Record<string, string>)[process.arch];
  if (arch !== undefined) {
    try {
      const suffix = process.platform === "win32" ? ".exe" : "";
      const native = createRequire(launcher).resolve(
        `@foundry-rs/anvil-${process.platform}-${arch}/bin/anvil${suffix}`,
      );
      if (existsSync(native)) return { command: native, args: [] };
    } catch {
      // fall back to the launcher below
    }
  }
  return { command: process.execPath, args: [join(dirname(launcher), "bin.mjs")] };
}
