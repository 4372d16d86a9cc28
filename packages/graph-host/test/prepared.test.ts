import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, PreparedStatements, openPglite, sqlLiteral } from "../src/store/db.js";

/**
 * Queries of the GraphQL API go through prepared statements with their parameters as literals
 * (PGlite): every statement of this table must answer exactly as the plain bound query does,
 * errors included.
 */
const tricky = [
  "plain",
  "it's",
  "back\\slash",
  'dou"ble',
  "{brace}",
  "a,b",
  "NULL",
  "null",
  " spaced ",
  "ünïcødé 🚀",
  "",
  "\\\\x00",
  "'; drop table t; --",
];

const cases: [string, string, unknown[]][] = [
  ["text equality", `select id, s from t where s = $1::text order by id`, [tricky[1]]],
  ...tricky.map((v, i): [string, string, unknown[]] => [
    `text value ${i}`,
    `select id from t where s = $1::text order by id`,
    [v],
  ]),
  ["text array", `select id, s from t where s = any($1::text[]) order by id`, [tricky]],
  ["text array with null", `select id from t where s = any($1::text[]) order by id`, [["plain", null]]],
  ["empty array", `select id from t where s = any($1::text[]) order by id`, [[]]],
  ["array echo", `select $1::text[] as a, array_length($1::text[], 1) as n`, [tricky]],
  ["int4", `select id from t where n > $1::int4 order by id`, [2]],
  ["int4 array", `select id from t where n = any($1::int4[]) order by id`, [[1, 3]]],
  ["numeric text", `select id, big::text as big from t where big >= $1::numeric order by id`, ["12345678901234567890"]],
  ["int8", `select id from t where big > $1::int8 order by id`, ["5"]],
  ["bool", `select id from t where flag = $1::bool order by id`, [true]],
  ["bool false", `select id from t where flag = $1::bool order by id`, [false]],
  [
    "bytea",
    `select id, '0x' || encode(b, 'hex') as b from t where b = decode($1::text, 'hex') order by id`,
    ["deadbeef"],
  ],
  [
    "bytea array",
    `select id from t where b = any(array(select decode(x, 'hex') from unnest($1::text[]) x)) order by id`,
    [["deadbeef", "00"]],
  ],
  ["null param", `select id from t where s is not distinct from $1::text order by id`, [null]],
  ["two params", `select id from t where s = $1::text or n = $2::int4 order by id`, ["plain", 3]],
  ["ordinality", `select p.ord as "__ord", p.v from unnest($1::text[]) with ordinality as p(v, ord)`, [["x", "y"]]],
  ["no params", `select count(*)::text as n from t`, []],
  ["bad hex", `select id from t where b = decode($1::text, 'hex')`, ["zz"]],
  ["bad int", `select id from t where n = $1::int4`, ["x"]],
  ["nul byte", `select id from t where s = $1::text`, ["a\u0000b"]],
];

async function outcome(f: () => Promise<unknown[]>): Promise<unknown> {
  try {
    return { rows: await f() };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

describe("prepared statements", () => {
  let db: Db;
  beforeAll(async () => {
    db = await openPglite(undefined);
    await db.exec(`create table t (id int primary key, s text collate "C", n int4, big numeric, flag bool, b bytea)`);
    for (const [i, s] of tricky.entries()) {
      await db.query(`insert into t values ($1, $2, $3, $4, $5, decode($6, 'hex'))`, [
        i,
        s,
        i % 4,
        String(10n ** BigInt(i)),
        i % 2 === 0,
        i % 3 === 0 ? "deadbeef" : "00",
      ]);
    }
  });
  afterAll(() => db.close());

  it("answer as the bound query, also once a generic plan is kept", async () => {
    expect(db.queryPrepared).toBeDefined();
    for (let round = 0; round < 7; round++) {
      for (const [name, sql, params] of cases) {
        const plain = await outcome(() => db.query(sql, params));
        const prepared = await outcome(() => db.queryPrepared!(sql, params));
        expect(prepared, `${name}, round ${round}`).toEqual(plain);
      }
    }
  });

  it("answer concurrent calls of one text, and keep at most `max` (oldest deallocated)", async () => {
    const names = async () =>
      (
        await db.query<{ name: string }>(
          `select name from pg_prepared_statements where name like 'gh_q%' order by name`,
        )
      ).map((r) => r.name);
    const before = new Set(await names());
    const ps = new PreparedStatements(
      (sql) => db.query(sql),
      (sql) => db.exec(sql),
      2,
    );
    const plain = (sql: string, params?: unknown[]) => db.query(sql, params);
    const texts = [1, 2, 3, 4].map((k) => `select $1::int4 + ${k} as v`);
    const answers = await Promise.all(texts.flatMap((sql) => [1, 2, 3].map((p) => ps.query(sql, [p], plain))));
    expect(answers.map((r) => (r[0] as { v: number }).v)).toEqual([2, 3, 4, 3, 4, 5, 4, 5, 6, 5, 6, 7]);
    await ps.query(`select 1 as one`, [], plain); // deallocates what was evicted meanwhile
    const kept = (await names()).filter((n) => !before.has(n));
    expect(kept.length).toBeLessThanOrEqual(3);
    // A text that does not prepare falls back to the plain query's error.
    expect(await outcome(() => ps.query(`select nope from t`, [], plain))).toEqual(
      await outcome(() => db.query(`select nope from t`)),
    );
  });

  it("write literals Postgres reads back as the values", () => {
    expect(sqlLiteral("it's")).toBe("'it''s'");
    expect(sqlLiteral(null)).toBe("NULL");
    expect(sqlLiteral(["a", null, 'b"\\'])).toBe(`'{"a",NULL,"b\\"\\\\"}'`);
    expect(sqlLiteral("a\u0000")).toBeUndefined();
    expect(sqlLiteral({})).toBeUndefined();
    expect(sqlLiteral(Number.NaN)).toBeUndefined();
  });
});
