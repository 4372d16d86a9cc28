import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSchema } from "../src/manifest/schema.js";
import * as bd from "../src/runtime/bigdecimal.js";
import type { Db } from "../src/store/db.js";
import { OPEN } from "../src/store/layout.js";
import { type BlockCommit, type BlockWrites, type HeadBlock, Store } from "../src/store/store.js";
import { type Entity, type StoreValue, hexToBytes } from "../src/store/values.js";
import { STORE_BACKEND, openTestDb } from "./helpers/store-backend.js";

/** The Store itself on the suite's backend (PGlite, or Postgres under scripts/test-postgres.mjs). */

const schema = parseSchema(`
  enum Kind { Small Large }
  type Account @entity(immutable: false) {
    id: Bytes! name: String! balance: BigInt! ratio: BigDecimal seq: Int8! at: Timestamp count: Int! active: Boolean!
    kind: Kind tags: [Bytes!]! amounts: [BigInt!]! notes: [String] best: Deposit
    deposits: [Deposit!]! @derivedFrom(field: "account")
  }
  type Deposit @entity(immutable: true) { id: ID! account: Account! amount: BigInt! }
  type Item @entity(immutable: false) { id: Int8! owners: [Account!]! }
`);

const ACC = "0x00000000000000000000000000000000000000aa";
const OTHER = "0x00000000000000000000000000000000000000bb";
const str = (value: string): StoreValue => ({ kind: "String", value });
const int = (value: number): StoreValue => ({ kind: "Int", value });
const big = (value: bigint): StoreValue => ({ kind: "BigInt", value });
const bytes = (hex: string): StoreValue => ({ kind: "Bytes", value: hexToBytes(hex) });
const list = (...value: StoreValue[]): StoreValue => ({ kind: "Array", value });
const entity = (o: Record<string, StoreValue>): Entity => new Map(Object.entries(o));
const writes = (o: Record<string, [string, Entity | null][]>): BlockWrites =>
  new Map(Object.entries(o).map(([type, rows]) => [type, new Map(rows)]));
const block = (number: number, w: BlockWrites, dataSources: BlockCommit["dataSources"] = []): BlockCommit => ({
  number,
  hash: hash(number),
  writes: w,
  dataSources,
});
const hash = (n: number) => `0x${n.toString(16).padStart(64, "0")}`;
const head = (number: number): HeadBlock => ({
  number,
  hash: hash(number),
  timestamp: String(1_700_000_000 + number),
  parentHash: hash(number - 1),
});

/** Every kind of value at its edges: beyond 2^53, 2^63 and float precision, quotes, backslashes, non-ASCII. */
const account = (name: string, count: number): Entity =>
  entity({
    id: bytes(ACC),
    name: str(name),
    balance: big(-(2n ** 255n) + 1n),
    ratio: { kind: "BigDecimal", value: bd.parse("-1234567890123456789012345678.901234") },
    seq: { kind: "Int8", value: 9_223_372_036_854_775_807n },
    at: { kind: "Timestamp", value: -1n },
    count: int(count),
    active: { kind: "Bool", value: false },
    kind: str("Large"),
    tags: list(bytes("0x00ff"), bytes("0x")),
    amounts: list(big(2n ** 200n), big(-1n), big(0n)),
    notes: list(str(`it's "quoted" \\ {a,b} NULL ünï 🚀`), { kind: "Null" }, str("")),
    best: str("d1"),
  });

let db: Db;
beforeAll(async () => {
  db = await openTestDb("store_test");
});
afterAll(async () => {
  await db?.close();
});

async function fresh(deployment = "test"): Promise<Store> {
  const store = new Store(db, "store_test", schema, deployment);
  await store.create();
  return store;
}

describe(`the store on ${STORE_BACKEND}`, () => {
  it("reads back every value exactly as written", async () => {
    const store = await fresh();
    const a = account(`it's "quoted" \\ ünï 🚀`, 7);
    await store.commit([block(1, writes({ Account: [[ACC, a]] }))], head(1));
    expect((await store.loadLatest("Account", [ACC, OTHER])).get(ACC)).toEqual(a);
    expect(await store.head()).toEqual(head(1));
  });

  it("keeps one version per change, closed at the block that replaces or removes it, across batches", async () => {
    const store = await fresh();
    await store.commit(
      [
        block(1, writes({ Account: [[ACC, account("v1", 1)]] })),
        block(2, writes({ Account: [[ACC, account("v2", 2)]] })),
        block(3, writes({ Account: [[ACC, null]] })),
      ],
      head(3),
    );
    expect((await store.loadLatest("Account", [ACC])).size).toBe(0);
    await store.commit([block(5, writes({ Account: [[ACC, account("v5", 5)]] }))], head(6));
    await store.commit([block(7, writes({ Account: [[ACC, account("v7", 7)]] }))], head(7));
    const rows = await db.query<{ name: string; _from: number; _to: number }>(
      `select name, _from, _to from ${store.table("Account")} order by _from`,
    );
    expect(rows.map((r) => [r.name, r._from, r._to])).toEqual([
      ["v1", 1, 2],
      ["v2", 2, 3],
      ["v5", 5, 7],
      ["v7", 7, OPEN],
    ]);
    expect((await store.loadLatest("Account", [ACC])).get(ACC)!.get("name")).toEqual(str("v7"));
    expect(await store.blockNumberByHash(hash(6).toUpperCase().replace("0X", "0x"))).toBe(6);
    expect(await store.blockHashByNumber(2)).toBe(hash(2));
    expect(await store.blockHashByNumber(4)).toBeNull();
  });

  it("finds references (scalar and list) and existing immutable ids", async () => {
    const store = await fresh();
    const deposit = (id: string, acc: string) => entity({ id: str(id), account: bytes(acc), amount: big(10n ** 30n) });
    await store.commit(
      [
        block(
          1,
          writes({
            Deposit: [
              ["d1", deposit("d1", ACC)],
              ["d2", deposit("d2", OTHER)],
              ["d3", deposit("d3", ACC)],
            ],
          }),
        ),
        block(
          2,
          writes({
            Item: [
              [
                "9007199254740993",
                entity({ id: { kind: "Int8", value: 9_007_199_254_740_993n }, owners: list(bytes(OTHER), bytes(ACC)) }),
              ],
            ],
          }),
        ),
      ],
      head(2),
    );
    const ids = (es: Entity[]) => es.map((e) => (e.get("id") as { value: string }).value).sort();
    expect(ids(await store.loadReferencing("Deposit", "account", ACC))).toEqual(["d1", "d3"]);
    expect((await store.loadReferencing("Item", "owners", ACC)).map((e) => e.get("id"))).toEqual([
      { kind: "Int8", value: 9_007_199_254_740_993n },
    ]);
    expect(await store.loadReferencing("Item", "owners", "0x00000000000000000000000000000000000000cc")).toEqual([]);
    expect([...(await store.existing("Deposit", ["d3", "d4", "d1"]))].sort()).toEqual(["d1", "d3"]);
    expect((await store.loadLatest("Item", ["9007199254740993"])).get("9007199254740993")!.get("owners")).toEqual(
      list(bytes(OTHER), bytes(ACC)),
    );
  });

  it("records created data sources and a failure with the head", async () => {
    const store = await fresh();
    const context = entity({ label: str("x'y"), n: { kind: "Int8", value: -5n }, b: bytes("0x01") });
    await store.commit(
      [block(4, new Map(), [{ template: "Child", address: OTHER, context, createdBlock: 4 }])],
      head(4),
    );
    expect(await store.status()).toEqual({ failed: false, error: null, errorBlock: null });
    await store.commit([], head(5), { error: "boom at 'six'", block: 6 });
    expect(await store.dataSources()).toEqual([{ template: "Child", address: OTHER, context, createdBlock: 4 }]);
    expect(await store.status()).toEqual({ failed: true, error: "boom at 'six'", errorBlock: 6 });
    expect(await store.head()).toEqual(head(5));
  });

  it("is kept by a restart of the same build and rebuilt for another one", async () => {
    const store = await fresh("build-a");
    await store.commit([block(1, writes({ Account: [[ACC, account("kept", 1)]] }))], head(1));
    const restarted = new Store(db, "store_test", schema, "build-a");
    await restarted.init();
    expect(await restarted.head()).toEqual(head(1));
    const other = new Store(db, "store_test", schema, "build-b");
    await other.init();
    expect(await other.head()).toBeNull();
    expect((await other.loadLatest("Account", [ACC])).size).toBe(0);
  });
});
