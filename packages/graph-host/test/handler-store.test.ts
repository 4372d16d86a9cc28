import { describe, expect, it } from "vitest";
import { parseSchema } from "../src/manifest/schema.js";
import { DeterministicError, MissingData } from "../src/internal/errors.js";
import { EntityCache } from "../src/store/entity-cache.js";
import { HandlerStoreImpl } from "../src/store/handler-store.js";
import type { Store, BlockWrites } from "../src/store/store.js";
import type { Entity, StoreValue } from "../src/store/values.js";

const schema = parseSchema(`
  enum Kind { Small Large }
  type Account @entity(immutable: false) { id: Bytes! name: String! count: Int! kind: Kind note: String deposits: [Deposit!]! @derivedFrom(field: "account") }
  type Deposit @entity(immutable: true) { id: ID! account: Account! amount: BigInt! }
`);
const ACC = "0x00000000000000000000000000000000000000aa";
const str = (value: string): StoreValue => ({ kind: "String", value });
const int = (value: number): StoreValue => ({ kind: "Int", value });
const big = (value: bigint): StoreValue => ({ kind: "BigInt", value });
const bytes = (hex: string): StoreValue => ({
  kind: "Bytes",
  value: Uint8Array.from(Buffer.from(hex.slice(2), "hex")),
});
const entity = (o: Record<string, StoreValue>): Entity => new Map(Object.entries(o));

/** A store whose committed state is whatever the test puts in the cache; misses are real misses. */
function setup(batch: BlockWrites = new Map()) {
  const fake = { schema, loadLatest: async () => new Map(), loadReferencing: async () => [] } as unknown as Store;
  const cache = new EntityCache(fake);
  const block: BlockWrites = new Map();
  const make = () =>
    new HandlerStoreImpl(schema, cache, batch, block, new Set(["Account", "Deposit"]), 10, () => false);
  return { cache, block, make };
}

describe("store.set / remove / loadRelated semantics", () => {
  it("merges into the stored entity; Null removes a field", () => {
    const { cache, make } = setup();
    cache.put("Account", ACC, entity({ id: bytes(ACC), name: str("a"), count: int(1), note: str("keep me?") }));
    const s = make();
    s.set("Account", ACC, entity({ count: int(2), note: { kind: "Null" } }));
    expect(Object.fromEntries(s.get("Account", ACC)!)).toEqual({ id: bytes(ACC), name: str("a"), count: int(2) });
  });

  it("inserts the id when the data has none and rejects a conflicting one", () => {
    const { cache, make } = setup();
    cache.put("Account", ACC, null);
    const s = make();
    s.set("Account", ACC, entity({ name: str("a"), count: int(0) }));
    expect(s.get("Account", ACC)!.get("id")).toEqual(bytes(ACC));
    expect(() => s.set("Account", ACC, entity({ id: bytes("0x01"), name: str("a"), count: int(0) }))).toThrow(
      /conflicts with ID/,
    );
  });

  it("rejects missing non-null fields, unknown fields, derived fields, wrong types and unknown enum values", () => {
    const { cache, make } = setup();
    cache.put("Account", ACC, null);
    const s = make();
    expect(() => s.set("Account", ACC, entity({ name: str("a") }))).toThrow(
      "Entity Account[0x00000000000000000000000000000000000000aa]: missing value for non-nullable field `count`",
    );
    expect(() => s.set("Account", ACC, entity({ name: str("a"), count: int(1), nope: int(1) }))).toThrow(
      /unknown field `nope`/,
    );
    expect(() =>
      s.set("Account", ACC, entity({ name: str("a"), count: int(1), deposits: { kind: "Array", value: [] } })),
    ).toThrow(/derived/);
    expect(() => s.set("Account", ACC, entity({ name: int(1), count: int(1) }))).toThrow(/must have type String/);
    expect(() => s.set("Account", ACC, entity({ name: str("a"), count: int(1), kind: str("Huge") }))).toThrow(
      /must have type Kind/,
    );
    expect(() => s.set("Nope", "x", entity({}))).toThrow(DeterministicError);
  });

  it("immutable entities: written once, never removed", () => {
    const batch: BlockWrites = new Map([
      ["Deposit", new Map([["d1", entity({ id: str("d1"), account: bytes(ACC), amount: big(1n) })]])],
    ]);
    const { make } = setup(batch);
    const s = make();
    expect(() => s.set("Deposit", "d1", entity({ account: bytes(ACC), amount: big(2n) }))).toThrow(/immutable/);
    expect(() => s.remove("Deposit", "d1")).toThrow(/immutable/);
    // A new immutable entity needs no store lookup.
    s.set("Deposit", "d2", entity({ account: bytes(ACC), amount: big(2n) }));
    expect(s.getInBlock("Deposit", "d2")!.get("amount")).toEqual(big(2n));
  });

  it("a miss in the committed store asks for a load instead of answering", () => {
    const { make } = setup();
    expect(() => make().get("Account", ACC)).toThrow(MissingData);
  });

  it("get_in_block sees only this block; loadRelated applies this block's writes over the committed list", async () => {
    const { cache, block, make } = setup();
    cache.put("Account", ACC, entity({ id: bytes(ACC), name: str("a"), count: int(1) }));
    expect(make().getInBlock("Account", ACC)).toBeNull();
    const s = make();
    expect(() => s.loadRelated("Account", ACC, "deposits")).toThrow(MissingData);
    try {
      s.loadRelated("Account", ACC, "deposits");
    } catch (e) {
      await (e as MissingData).load();
    }
    s.set("Deposit", "b", entity({ account: bytes(ACC), amount: big(1n) }));
    s.set("Deposit", "a", entity({ account: bytes(ACC), amount: big(2n) }));
    s.set("Deposit", "c", entity({ account: bytes("0x00000000000000000000000000000000000000bb"), amount: big(3n) }));
    expect(s.loadRelated("Account", ACC, "deposits").map((e) => e.get("id"))).toEqual([str("a"), str("b")]);
    expect(block.size).toBe(0);
    s.remove("Account", ACC);
    expect(s.get("Account", ACC)).toBeNull();
  });
});

describe("the indexer's entity cache", () => {
  it("keeps a committed immutable entity as a marker and loads its data when a handler asks", async () => {
    const stored = entity({ id: str("d1"), account: bytes(ACC), amount: big(5n) });
    const loads: string[] = [];
    const fake = {
      schema,
      loadLatest: async (type: string, ids: string[]) => {
        loads.push(`${type}:${ids.join(",")}`);
        return new Map([["d1", stored]]);
      },
    } as unknown as Store;
    const cache = new EntityCache(fake);
    cache.startEmpty();
    cache.applyCommitted(new Map([["Deposit", new Map([["d1", stored]])]]));
    // Known to exist (a second write would be refused) without holding its data.
    expect(cache.peek("Deposit", "d1")).not.toBe(stored);
    expect(cache.peek("Deposit", "d1")).toBeTruthy();
    const miss = (() => {
      try {
        cache.get("Deposit", "d1");
      } catch (e) {
        return e;
      }
    })();
    expect(miss).toBeInstanceOf(MissingData);
    await (miss as MissingData).load();
    expect(cache.get("Deposit", "d1")).toBe(stored);
    expect(loads).toEqual(["Deposit:d1"]);
    // Complete from an empty store: an unknown id does not exist, no load needed.
    expect(cache.get("Deposit", "d2")).toBeNull();
    expect(cache.get("Account", ACC)).toBeNull();
  });
});
