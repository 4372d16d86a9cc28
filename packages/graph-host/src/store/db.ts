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
  /**
   * `query` through a server-side prepared statement kept per SQL text (PGlite only): the
   * GraphQL API repeats a few SQL texts with other parameters, and planning was most of a small
   * statement's cost. Same rows as `query`.
   */
  queryPrepared?<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
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
  const base = wrap(pg);
  const prepared = new PreparedStatements(
    async (sql) => {
      const results = await pg.exec(sql);
      return results[results.length - 1]?.rows ?? [];
    },
    (sql) => pg.exec(sql).then(() => {}),
  );
  const db: Db = {
    kind: "pglite",
    ...base,
    queryPrepared: <T>(sql: string, params?: unknown[]) =>
      prepared.query(sql, params, (s, p) => base.query(s, p)) as Promise<T[]>,
    transaction: <T>(fn: (tx: Db) => Promise<T>) =>
      pg.transaction(async (tx) =>
        fn({ ...wrap(tx), kind: "pglite", transaction: (f) => f(db), close: async () => {} } as Db),
      ),
    close: () => pg.close(),
  };
  return db;
}

/**
 * A literal for one parameter value, in the form Postgres reads it as a parameter's text (arrays as
 * array literals); undefined when the value is not one this covers (the caller then binds it).
 * Strings are standard-conforming ('' doubles a quote, backslashes are plain characters).
 */
export function sqlLiteral(value: unknown): string | undefined {
  const quote = (s: string) => (s.includes("\0") ? undefined : `'${s.replace(/'/g, "''")}'`);
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "string") return quote(value);
  if (typeof value === "number") return Number.isFinite(value) ? quote(String(value)) : undefined;
  if (typeof value === "bigint") return quote(String(value));
  if (typeof value === "boolean") return value ? "'true'" : "'false'";
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (const v of value) {
      if (v === null || v === undefined) items.push("NULL");
      else if (typeof v === "string" || typeof v === "bigint" || (typeof v === "number" && Number.isFinite(v))) {
        items.push(`"${String(v).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`);
      } else if (typeof v === "boolean") items.push(v ? "true" : "false");
      else return undefined;
    }
    return quote(`{${items.join(",")}}`);
  }
  return undefined;
}

/**
 * Server-side prepared statements by SQL text, for a single connection: `prepare` once (in the same
 * round trip as its first `execute`), then `execute name(literals)`; after five executions Postgres
 * may keep a generic plan and skip planning. At most `max` are kept (the oldest is deallocated).
 * Parameters go in as literals of the types the statement's casts give them; a value without a
 * literal form, or a statement that failed to prepare, runs through the plain query instead.
 */
export class PreparedStatements {
  private readonly names = new Map<string, { name: string; ready: Promise<boolean> }>();
  private seq = 0;
  private evicted: string[] = [];

  constructor(
    private readonly run: (sql: string) => Promise<unknown[]>,
    private readonly exec: (sql: string) => Promise<void>,
    private readonly max = 256,
  ) {}

  async query(
    sql: string,
    params: unknown[] | undefined,
    plain: (sql: string, params?: unknown[]) => Promise<unknown[]>,
  ): Promise<unknown[]> {
    const literals: string[] = [];
    for (const p of params ?? []) {
      const l = sqlLiteral(p);
      if (l === undefined) return plain(sql, params);
      literals.push(l);
    }
    const args = literals.length ? `(${literals.join(", ")})` : "";
    const known = this.names.get(sql);
    if (known) {
      // Most recently used last.
      this.names.delete(sql);
      this.names.set(sql, known);
      if (!(await known.ready)) return plain(sql, params);
      return this.run(`execute ${known.name}${args}`).catch((e: unknown) => {
        // Deallocated meanwhile (evicted while this call waited): run it plainly.
        if (e instanceof Error && /prepared statement .* does not exist/.test(e.message)) return plain(sql, params);
        throw e;
      });
    }
    const name = `gh_q${++this.seq}`;
    const drop = this.evicted.map((n) => `deallocate ${n};\n`).join("");
    this.evicted = [];
    let done!: (ok: boolean) => void;
    const entry = { name, ready: new Promise<boolean>((r) => (done = r)) };
    this.names.set(sql, entry);
    if (this.names.size > this.max) {
      const [oldest, old] = this.names.entries().next().value!;
      this.names.delete(oldest);
      // Deallocated with the next prepare, once its own pending execute has been queued.
      void old.ready.then((ok) => ok && this.evicted.push(old.name));
    }
    try {
      await this.exec(`${drop}prepare ${name} as ${sql}`);
      done(true);
    } catch {
      // The plain query gives the error (or answer) it always gave.
      this.names.delete(sql);
      done(false);
      return plain(sql, params);
    }
    return this.run(`execute ${name}${args}`);
  }
}

/** A real Postgres server (`DATABASE_URL`). The C collation is asked for explicitly in ORDER BY. */
export async function openPostgres(url: string): Promise<Db> {
  const { default: pgModule } = await import("pg");
  const pool = new pgModule.Pool({ connectionString: url, max: 8 });
  // A pooled connection the server closes (restart, idle timeout, pg_terminate_backend) is reported
  // here, outside any query; unhandled, the event would crash the process. The pool drops that
  // connection and opens a new one for the next query.
  pool.on("error", () => {});
  // Return int8/numeric as text: the store decides how to read them.
  const types = {
    getTypeParser: (oid: number, format?: string) =>
      oid === 20 || oid === 1700 ? (v: string) => v : pgModule.types.getTypeParser(oid, format as "text"),
  };
  const run = async <T>(
    client: { query: (cfg: object) => Promise<{ rows: unknown[] }> },
    sql: string,
    params?: unknown[],
  ) => (await client.query({ text: sql, values: params, types })).rows as T[];
  const db: Db = {
    kind: "postgres",
    query: (sql, params) => run(pool, sql, params),
    exec: async (sql) => {
      await pool.query(sql);
    },
    transaction: async (fn) => {
      const client = await pool.connect();
      // Between two statements the same can happen to the checked-out connection; the next statement fails.
      const ignore = () => {};
      client.on("error", ignore);
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
        client.off("error", ignore);
        client.release();
      }
    },
    close: () => pool.end(),
  };
  return db;
}
