#!/usr/bin/env node
// The store tests on a real PostgreSQL server (the DATABASE_URL path) instead of PGlite: a
// throwaway server (scripts/postgres-server.mjs) runs vitest.postgres.config.ts with
// GRAPH_HOST_TEST_DATABASE_URL and DATABASE_URL pointing at it, and is stopped and deleted after
// it, also when the tests fail or this script gets SIGINT/SIGTERM/SIGHUP. Without server binaries
// the tests are skipped with a message, unless CI=true: then Debian's `postgresql` is installed.
// Arguments are passed to vitest (e.g. a test file).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runWithPostgres } from "./postgres-server.mjs";

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
process.exit(
  await runWithPostgres({
    command: join(PACKAGE_DIR, "node_modules", ".bin", "vitest"),
    args: ["run", "--config", "vitest.postgres.config.ts", ...process.argv.slice(2)],
    cwd: PACKAGE_DIR,
    database: "graph_host_test",
    label: "test-postgres",
    what: "the Postgres variant of the store tests",
  }),
);
