import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Generous: the machine is shared and two files run at once.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Each file starts its own anvil; two cores, so at most two files at a time.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
