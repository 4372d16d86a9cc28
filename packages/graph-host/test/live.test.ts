import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GraphHost, startGraphHost } from "../src/index.js";
import { type Anvil, FIXTURE_BUILD, deployFixture, gql, sendTx, startAnvil } from "./helpers/anvil.js";
import { freshStore } from "./helpers/store-backend.js";

const USER = "0x00000000000000000000000000000000000000aa";
const TAG = `0x${"11".repeat(32)}`;

let anvil: Anvil;
let host: GraphHost;

beforeAll(async () => {
  anvil = await startAnvil();
  await deployFixture(anvil.rpcUrl);
  const first = await sendTx(anvil.rpcUrl, "deposit", [USER, 3n, 0n, "0x", "n", true, TAG]);
  host = await startGraphHost({
    buildDir: FIXTURE_BUILD,
    rpcUrl: anvil.rpcUrl,
    name: "live",
    port: 0,
    ...(await freshStore("live")),
    logLevel: "silent",
    pollIntervalMs: 20,
    queryCache: false,
  });
  await host.waitForBlock(first.block, 20_000);
});

afterAll(async () => {
  await host?.stop();
  await anvil?.stop();
});

describe("queries while blocks are being committed", () => {
  it("never lose an entity that every block updates, and read one block consistently", async () => {
    let sending = true;
    const seen: (number | null)[] = [];
    const read = async () => {
      while (sending) {
        const r = await gql<{ account: { count: number } | null; deposits: { id: string }[] }>(
          host.url,
          `{ account(id: "${USER}") { count } deposits(first: 1000) { id } }`,
        );
        expect(r.errors).toBeUndefined();
        seen.push(r.data!.account?.count ?? null);
        // Every deposit has its account: the two lists are read at the same block.
        if (r.data!.account) expect(r.data!.deposits.length).toBe(r.data!.account.count);
      }
    };
    const readers = [read(), read(), read()];
    let last = 0;
    for (let i = 0; i < 25; i++)
      last = (await sendTx(anvil.rpcUrl, "deposit", [USER, 3n, 0n, "0x", "n", true, TAG])).block;
    await host.waitForBlock(last, 20_000);
    sending = false;
    await Promise.all(readers);
    expect(seen.length).toBeGreaterThan(25);
    expect(seen).not.toContain(null);
    const final = await gql<{ account: { count: number } }>(host.url, `{ account(id: "${USER}") { count } }`);
    expect(final.data!.account.count).toBe(26);
  });
});
