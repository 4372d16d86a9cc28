import { postgresSchema } from "../../src/graph-host.js";
import { type Db, openPglite, openPostgres } from "../../src/store/db.js";

/**
 * The Postgres database the suite's stores use instead of PGlite; scripts/test-postgres.mjs sets
 * it to a throwaway server. Unset: PGlite.
 */
export const TEST_DATABASE_URL = process.env.GRAPH_HOST_TEST_DATABASE_URL || undefined;
export const STORE_BACKEND: "pglite" | "postgres" = TEST_DATABASE_URL ? "postgres" : "pglite";

async function dropSchema(schema: string): Promise<void> {
  const db = await openPostgres(TEST_DATABASE_URL!);
  try {
    await db.exec(`drop schema if exists "${schema}" cascade`);
  } finally {
    await db.close();
  }
}

/**
 * startGraphHost options that give the host served as `name` an empty store on the suite's
 * backend: PGlite in memory, or on Postgres its schema dropped first (a host resumes from what
 * its schema holds, and the test database may outlive a run).
 */
export async function freshStore(name: string): Promise<{ databaseUrl?: string }> {
  if (!TEST_DATABASE_URL) return {};
  await dropSchema(postgresSchema(name));
  return { databaseUrl: TEST_DATABASE_URL };
}

/** A database on the suite's backend for a Store in `schema` (dropped first on Postgres). */
export async function openTestDb(schema: string): Promise<Db> {
  if (!TEST_DATABASE_URL) return openPglite(undefined);
  await dropSchema(schema);
  return openPostgres(TEST_DATABASE_URL);
}
