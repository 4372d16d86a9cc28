#!/usr/bin/env node
// The devstack test (the seeded history indexed by the stack's graph-host) once more with the
// store on a real PostgreSQL server instead of PGlite: graph-host's throwaway server helper starts
// it in a temporary directory, the test reads GRAPH_HOST_TEST_DATABASE_URL, and the server is
// stopped and deleted after it. Skipped with a message without server binaries, unless CI=true
// (then Debian's `postgresql` is installed with apt-get, as for graph-host's store tests).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runWithPostgres } from "@dmex/graph-host/postgres-server";

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
process.exit(
  await runWithPostgres({
    command: join(PACKAGE_DIR, "node_modules", ".bin", "vitest"),
    args: ["run", "test/devstack.test.ts", ...process.argv.slice(2)],
    cwd: PACKAGE_DIR,
    database: "dmex_subgraph_test",
    label: "subgraph test-postgres",
    what: "the devstack test on a PostgreSQL store",
  }),
);
