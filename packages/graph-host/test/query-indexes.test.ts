import { describe, expect, it } from "vitest";
import { parseSchema } from "../src/manifest/schema.js";
import { Store } from "../src/store/store.js";
import { openTestDb } from "./helpers/store-backend.js";

const schema = parseSchema(`
  type Account @entity(immutable: false) { id: Bytes! name: String! count: Int! deposits: [Deposit!]! @derivedFrom(field: "account") }
  type Deposit @entity(immutable: true) { id: ID! account: Account! amount: BigInt! }
`);

describe("query indexes", () => {
  it("are left out of a new store and built once, which the store remembers", async () => {
    const db = await openTestDb("query_indexes");
    try {
      const count = async () =>
        Number(
          (
            await db.query<{ n: string }>(
              `select count(*)::text as n from pg_indexes where schemaname = 'query_indexes'`,
            )
          )[0]!.n,
        );
      const store = new Store(db, "query_indexes", schema, "test");
      await store.init();
      const bare = await count();
      expect(await store.buildQueryIndexes()).toBe(true);
      // _from on both tables; name, count, id-less columns: Account name+count, Deposit account+amount.
      expect((await count()) - bare).toBe(2 + 4);
      expect(await store.buildQueryIndexes()).toBe(false);
      // Another process opening the same store (a restart) does not build them twice.
      const again = new Store(db, "query_indexes", schema, "test");
      await again.init();
      expect(await again.buildQueryIndexes()).toBe(false);
      // A rebuilt store (chain reset) starts without them again.
      await again.create();
      expect(await count()).toBe(bare);
      expect(await again.buildQueryIndexes()).toBe(true);
    } finally {
      await db.close();
    }
  });
});
