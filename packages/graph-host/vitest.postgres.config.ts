import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

/**
 * The tests that exercise the store, run by scripts/test-postgres.mjs against a real PostgreSQL
 * (GRAPH_HOST_TEST_DATABASE_URL). The others do not touch the store, or test PGlite only.
 */
export default defineConfig({
  test: {
    ...base.test,
    include: [
      "test/store.test.ts",
      "test/query-indexes.test.ts",
      "test/postgres.test.ts",
      "test/batch-commit.test.ts",
      "test/chain-reset.test.ts",
      "test/crash-restart.test.ts",
      "test/graphql.test.ts",
      "test/live.test.ts",
      "test/robustness.test.ts",
      "test/host-imports.test.ts",
    ],
  },
});
