import { afterAll, describe, expect, it } from "vitest";
import { type GraphHost, startGraphHost } from "../src/index.js";
import { type Anvil, FIXTURE_BUILD, deployFixture, freePort, gql, sendTx, startAnvil } from "./helpers/anvil.js";
import { until } from "./helpers/cli.js";
import { freshStore } from "./helpers/store-backend.js";

const TAG = `0x${"11".repeat(32)}`;
const user = (n: number) => `0x${n.toString(16).padStart(40, "0")}`;

let anvil: Anvil | undefined;
let host: GraphHost | undefined;

afterAll(async () => {
  await host?.stop();
  await anvil?.stop();
});

async function accounts(url: string): Promise<string[]> {
  const r = await gql<{ accounts: { id: string }[] }>(url, "{ accounts { id } }");
  return r.data?.accounts.map((a) => a.id) ?? [];
}

/** Restarts anvil on the same port (a new chain with the same chain id) and replays `deposits` users. */
async function newChain(port: number, users: number[]): Promise<number> {
  await anvil?.stop();
  anvil = await startAnvil({ port });
  await deployFixture(anvil.rpcUrl);
  let last = 1;
  for (const u of users) last = (await sendTx(anvil.rpcUrl, "deposit", [user(u), 3n, 0n, "0x", "n", true, TAG])).block;
  return last;
}

describe("anvil restarted under the host", () => {
  it("rebuilds from scratch when the indexed head's hash changes, and when the head goes backwards", async () => {
    const port = await freePort();
    let last = await newChain(port, [1, 2, 3]);
    host = await startGraphHost({
      buildDir: FIXTURE_BUILD,
      rpcUrl: `http://127.0.0.1:${port}`,
      name: "reset",
      port: 0,
      ...(await freshStore("reset")),
      logLevel: "silent",
      pollIntervalMs: 100,
    });
    await host.waitForBlock(last, 20_000);
    expect(await accounts(host.url)).toEqual([user(1), user(2), user(3)]);

    // New chain, more blocks than before: block numbers exist again but with other hashes.
    last = await newChain(port, [4, 5, 6, 7, 8]);
    await until(
      "rebuild after hash change",
      async () => JSON.stringify(await accounts(host!.url)) === JSON.stringify([4, 5, 6, 7, 8].map(user)),
      30_000,
      100,
    );
    await host.waitForBlock(last, 20_000);

    // New chain, fewer blocks: the indexed head is now beyond the chain tip.
    last = await newChain(port, [9]);
    await until(
      "rebuild after the head went backwards",
      async () => JSON.stringify(await accounts(host!.url)) === JSON.stringify([user(9)]),
      30_000,
      100,
    );
    const meta = await gql<{ _meta: { block: { number: number }; hasIndexingErrors: boolean } }>(
      host.url,
      "{ _meta { block { number } hasIndexingErrors } }",
    );
    expect(meta.data!._meta).toEqual({ block: { number: last }, hasIndexingErrors: false });
  });
});
