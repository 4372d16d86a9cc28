import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL(".", import.meta.url)) } },
  // CPU-bound suites (every ABI error encoded and explained) take seconds on a loaded 2-core runner: a limit that
  // flakes there tests the machine, not the code.
  test: { include: ["test/**/*.test.ts"], environment: "node", testTimeout: 60_000 },
});
