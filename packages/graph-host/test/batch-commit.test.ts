import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGraphHost } from "../src/index.js";
import { type Anvil, FIXTURE_BUILD, deployFixture, gql, sendInOneBlock, sendTx, startAnvil } from "./helpers/anvil.js";
import { freshStore } from "./helpers/store-backend.js";

const USER = "0x0000000000000000000000000000000000001001";
const OTHER = "0x0000000000000000000000000000000000002002";
const deposit = (user: string, amount: bigint, note: string): ["deposit", readonly unknown[]] => [
  "deposit",
  [user, amount, -1n, "0x01", note, true, `0x${"11".repeat(32)}`],
];
const probe = (id: string, a: bigint): ["probe", readonly unknown[]] => [
  "probe",
  [a, 3n, `{"id":"${id}","name":"n${a}","n":1,"big":2,"f":1.5}`],
];

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
  await deployFixture(anvil.rpcUrl);
  // Consecutive blocks that change the same entities: updated, removed, re-created, several
  // changes in one block, a data source created mid-way.
  first = (await sendTx(anvil.rpcUrl, ...deposit(USER, 5n, "a"))).block;
  await sendTx(anvil.rpcUrl, ...deposit(USER, 7n, "b"));
  await sendTx(anvil.rpcUrl, ...probe("p1", 10n));
  await sendInOneBlock(anvil.rpcUrl, [deposit(USER, 1n, "c"), deposit(OTHER, 2n, "d"), probe("p1", 20n)]);
  await sendTx(anvil.rpcUrl, "remove", [USER, "p1"]);
  await sendTx(anvil.rpcUrl, ...probe("p1", 30n));
  await sendTx(anvil.rpcUrl, "createChild", ["batched"]);
  await sendTx(anvil.rpcUrl, "depositMany", [12n, 3n]);
  await sendTx(anvil.rpcUrl, ...deposit(USER, 11n, "e"));
  await sendTx(anvil.rpcUrl, "remove", [USER, "p1"]);
  last = (await sendTx(anvil.rpcUrl, ...deposit(OTHER, 13n, "f"))).block;
}, 120_000);

afterAll(async () => {
  await anvil?.stop();
});

describe("batched commits", () => {
  it("a batch of many blocks leaves exactly the per-block versions of one commit per block", async () => {
    // rangeSize 1: one block per transaction. 1000: every block above in one transaction.
    const single = await startGraphHost({
      buildDir: FIXTURE_BUILD,
      rpcUrl: anvil.rpcUrl,
      name: "single",
      port: 0,
      ...(await freshStore("single")),
      rangeSize: 1,
      logLevel: "silent",
      queryCache: false,
    });
    const batched = await startGraphHost({
      buildDir: FIXTURE_BUILD,
      rpcUrl: anvil.rpcUrl,
      name: "batched",
      port: 0,
      ...(await freshStore("batched")),
      rangeSize: 1000,
      logLevel: "silent",
      queryCache: false,
    });
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

  it("concurrent queries' loads merge into shared batches and each still gets its own answer", async () => {
    const host = await startGraphHost({
      buildDir: FIXTURE_BUILD,
      rpcUrl: anvil.rpcUrl,
      name: "shared",
      port: 0,
      ...(await freshStore("shared")),
      logLevel: "silent",
      queryCache: false,
    });
    try {
      await host.waitForBlock(last, 120_000);
      const list = await gql<{ deposits: { id: string }[] }>(host.url, "{ deposits(first: 30, orderBy: id) { id } }");
      const ids = [...list.data!.deposits.map((d) => d.id), "no-such-deposit"];
      const query = (id: string, block: number) =>
        `{ deposit(id: "${id}", block: { number: ${block} }) { id amount account { id total } } probe(id: "p1", block: { number: ${block} }) { id sum } }`;
      const asks = ids.flatMap((id) => [first + 1, last].map((b) => ({ id, b })));
      const alone: unknown[] = [];
      for (const a of asks) alone.push((await gql(host.url, query(a.id, a.b))).data);
      const together = await Promise.all(asks.map(async (a) => (await gql(host.url, query(a.id, a.b))).data));
      expect(together).toEqual(alone);
      expect(alone.filter((d) => (d as { deposit: unknown }).deposit === null).length).toBeGreaterThan(2);
    } finally {
      await host.stop();
    }
  }, 120_000);
});
