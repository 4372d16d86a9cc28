import { existsSync, readFileSync, readdirSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** The little of a Postgres client the store needs; implemented by PGlite and by `pg`. */
export interface Db {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs several `;`-separated statements without parameters. */
  exec(sql: string): Promise<void>;
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly kind: "pglite" | "postgres";
}

/**
 * Where a pristine PGlite cluster (what initdb leaves, before any schema) is kept, per PGlite
 * version: restoring it takes ~0.6 s where initdb takes ~4 s on this machine, and a fresh store is
 * what every `npm run dev`, bench and test run starts from. Undefined when the version is unknown.
 */
function templatePath(): string | undefined {
  try {
    const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
    let dir = dirname(entry);
    while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
    const { version } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string };
    return join(tmpdir(), `graph-host-pglite-${version}-initdb.tar`);
  } catch {
    return undefined;
  }
}

/** Embedded Postgres (PGlite), persisted under `dataDir` (in memory when `dataDir` is undefined). */
export async function openPglite(dataDir: string | undefined): Promise<Db> {
  const { PGlite } = await import("@electric-sql/pglite");
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const fresh = !dataDir || readdirSync(dataDir).length === 0;
  const template = fresh ? templatePath() : undefined;
  let pg: InstanceType<typeof PGlite> | undefined;
  if (template && existsSync(template)) {
    try {
      const loadDataDir = new Blob([await readFile(template)]);
      pg = await PGlite.create(dataDir ? { dataDir, loadDataDir } : { loadDataDir });
    } catch {
      pg = undefined; // a damaged template: initdb as usual below
    }
  }
  if (!pg) {
    pg = await PGlite.create(dataDir ? { dataDir } : {});
    if (template) {
      // Kept for the next fresh store; written aside and renamed so readers never see half a file.
      const partial = `${template}.${process.pid}.partial`;
      await writeFile(partial, new Uint8Array(await (await pg.dumpDataDir("none")).arrayBuffer()))
        .then(() => rename(partial, template))
        .catch(() => {});
    }
  }
  const wrap = (q: { query: typeof pg.query; exec: typeof pg.exec }): Omit<Db, "transaction" | "close" | "kind"> => ({
    async query<T>(sql: string, params?: unknown[]) {
      return (await q.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const db: Db = {
    kind: "pglite",
    ...wrap(pg),
    transaction: <T>(fn: (tx: Db) => Promise<T>) =>
      pg.transaction(async (tx) => fn({ ...wrap(tx), kind: "pglite", transaction: (f) => f(db), close: async () => {} } as Db)),
    close: () => pg.close(),
  };
  return db;
}

/** A real Postgres server (`DATABASE_URL`). The C collation is asked for explicitly in ORDER BY. */
export async function openPostgres(url: string): Promise<Db> {
  const { default: pgModule } = await import("pg");
  const pool = new pgModule.Pool({ connectionString: url, max: 8 });
  // Return int8/numeric as text: the store decides how to read them.
  const types = { getTypeParser: (oid: number, format?: string) => (oid === 20 || oid === 1700 ? (v: string) => v : pgModule.types.getTypeParser(oid, format as "text")) };
  const run = async <T>(client: { query: (cfg: object) => Promise<{ rows: unknown[] }> }, sql: string, params?: unknown[]) =>
    (await client.query({ text: sql, values: params, types })).rows as T[];
  const db: Db = {
    kind: "postgres",
    query: (sql, params) => run(pool, sql, params),
    exec: async (sql) => {
      await pool.query(sql);
    },
    transaction: async (fn) => {
      const client = await pool.connect();
      const tx: Db = {
        kind: "postgres",
        query: (sql, params) => run(client, sql, params),
        exec: async (sql) => {
          await client.query(sql);
        },
        transaction: (f) => f(tx),
        close: async () => {},
      };
      try {
        await client.query("BEGIN");
        const result = await fn(tx);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
  return db;
}
