import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGraphHost } from "../src/index.js";
import { type Anvil, FIXTURE_BUILD, deployFixture, gql, sendInOneBlock, sendTx, startAnvil } from "./helpers/anvil.js";

const USER = "0x0000000000000000000000000000000000001001";
const OTHER = "0x0000000000000000000000000000000000002002";
const deposit = (user: string, amount: bigint, note: string): ["deposit", readonly unknown[]] => [
  "deposit",
  [user, amount, -1n, "0x01", note, true, `0x${"11".repeat(32)}`],
];
const probe = (id: string, a: bigint): ["probe", readonly unknown[]] => ["probe", [a, 3n, `{"id":"${id}","name":"n${a}","n":1,"big":2,"f":1.5}`]];

let anvil: Anvil;
let first = 0;
let last = 0;

/** Everything mutable at block `b` (and the head's immutable deposits), as the API answers it. */
async function stateAt(url: string, b: number): Promise<unknown> {
  const r = await gql(
    url,
    `{ accounts(first: 1000, orderBy: id, block: { number: ${b} }) { id total count lastNote tags kind removed }
       probes(first: 1000, orderBy: id, block: { number: ${b} }) { id sum }
       stats(first: 1000, orderBy: id, block: { number: ${b} }) { id count firstBlock lastBlock depositsInBlock }
       childs(first: 1000, orderBy: id, block: { number: ${b} }) { id name pings }
       deposits(first: 1000, orderBy: id, block: { number: ${b} }) { id amount account { id total } }
       _meta(block: { number: ${b} }) { block { number hash } } }`,
  );
  if (r.errors) throw new Error(r.errors[0]!.message);
  return r.data;
}

beforeAll(async () => {
  anvil = await startAnvil();
  await deployFixture(anvil.url);
  // Consecutive blocks that change the same entities: updated, removed, re-created, several
  // changes in one block, a data source created mid-way.
  first = (await sendTx(anvil.url, ...deposit(USER, 5n, "a"))).block;
  await sendTx(anvil.url, ...deposit(USER, 7n, "b"));
  await sendTx(anvil.url, ...probe("p1", 10n));
  await sendInOneBlock(anvil.url, [deposit(USER, 1n, "c"), deposit(OTHER, 2n, "d"), probe("p1", 20n)]);
  await sendTx(anvil.url, "remove", [USER, "p1"]);
  await sendTx(anvil.url, ...probe("p1", 30n));
  await sendTx(anvil.url, "createChild", ["batched"]);
  await sendTx(anvil.url, "depositMany", [12n, 3n]);
  await sendTx(anvil.url, ...deposit(USER, 11n, "e"));
  await sendTx(anvil.url, "remove", [USER, "p1"]);
  last = (await sendTx(anvil.url, ...deposit(OTHER, 13n, "f"))).block;
}, 120_000);

afterAll(async () => {
  await anvil?.stop();
});

describe("batched commits", () => {
  it("a batch of many blocks leaves exactly the per-block versions of one commit per block", async () => {
    // rangeSize 1: one block per transaction. 1000: every block above in one transaction.
    const single = await startGraphHost({ buildDir: FIXTURE_BUILD, rpcUrl: anvil.url, name: "single", port: 0, rangeSize: 1, logLevel: "silent", queryCache: false });
    const batched = await startGraphHost({ buildDir: FIXTURE_BUILD, rpcUrl: anvil.url, name: "batched", port: 0, rangeSize: 1000, logLevel: "silent", queryCache: false });
    try {
      await Promise.all([single.waitForBlock(last, 120_000), batched.waitForBlock(last, 120_000)]);
      for (let b = first - 1; b <= last; b++) {
        const [expected, actual] = await Promise.all([stateAt(single.url, b), stateAt(batched.url, b)]);
        expect(actual, `state at block ${b}`).toEqual(expected);
      }
      // The history is really there: the account changes between the blocks of the batch.
      const before = (await stateAt(batched.url, first)) as { accounts: { id: string; total: string }[] };
      const after = (await stateAt(batched.url, first + 1)) as { accounts: { id: string; total: string }[] };
      expect(before.accounts.find((a) => a.id === USER)?.total).toBe("5");
      expect(after.accounts.find((a) => a.id === USER)?.total).toBe("12");
    } finally {
      await Promise.all([single.stop(), batched.stop()]);
    }
  }, 240_000);
});
