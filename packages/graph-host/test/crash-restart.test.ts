import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGraphHost } from "../src/index.js";
import { type Anvil, FIXTURE_BUILD, deployFixture, freePort, sendTx, startAnvil } from "./helpers/anvil.js";
import { spawnCli, until } from "./helpers/cli.js";
import { dumpFixture } from "./helpers/dump.js";
import { freshStore } from "./helpers/store-backend.js";

const TXS = 40;
const PER_TX = 75n;

let anvil: Anvil;
let dataDir: string;
let last = 0;

beforeAll(async () => {
  anvil = await startAnvil();
  dataDir = await mkdtemp(join(tmpdir(), "graph-host-crash-"));
  await deployFixture(anvil.rpcUrl);
  for (let i = 0; i < TXS; i++) last = (await sendTx(anvil.rpcUrl, "depositMany", [PER_TX, 25n])).block;
  // Some mutable and template state too, so the dump covers every table.
  await sendTx(anvil.rpcUrl, "createChild", ["after-bulk"]);
  last = (await sendTx(anvil.rpcUrl, "remove", ["0x0000000000000000000000000000000000001003", "none"])).block;
});

afterAll(async () => {
  await anvil?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

let reference: Record<string, unknown> | undefined;

/** The dump of an uninterrupted run from scratch (computed once). */
async function expectedDump(): Promise<Record<string, unknown>> {
  if (reference) return reference;
  const host = await startGraphHost({
    buildDir: FIXTURE_BUILD,
    rpcUrl: anvil.rpcUrl,
    name: "reference",
    port: 0,
    ...(await freshStore("reference")),
    logLevel: "silent",
  });
  try {
    await host.waitForBlock(last, 120_000);
    reference = await dumpFixture(host.url, [5, 20, 40]);
    expect((reference.deposits as unknown[]).length).toBe(TXS * Number(PER_TX));
    return reference;
  } finally {
    await host.stop();
  }
}

describe("kill -9 mid-sync, then restart", () => {
  // Range 3: batches of a few blocks. Range 1000: the first batch ends at the 2,500-trigger cap
  // (~34 blocks), and the kill lands while the next batch is being built or committed.
  it.each([3, 1000])(
    "resumes from the persisted head and ends in exactly the state of an uninterrupted run (range %i)",
    async (range) => {
      await rm(dataDir, { recursive: true, force: true });
      const store = await freshStore("crash");
      const args = [
        "--build-dir",
        FIXTURE_BUILD,
        "--rpc",
        anvil.rpcUrl,
        "--data-dir",
        dataDir,
        "--range-size",
        String(range),
        "--log-level",
        "warn",
      ];
      const port = await freePort();
      const first = spawnCli(args, port, "crash", store);
      // Kill as soon as some, but not all, blocks are committed.
      const seen = await until(
        "partial progress",
        async () => {
          const h = await first.health();
          return h && h.block !== null && h.block >= 8 ? h.block : null;
        },
        120_000,
        10,
      );
      first.proc.kill("SIGKILL");
      await first.exited;
      expect(seen).toBeLessThan(last);

      const second = spawnCli(args, port, "crash", store);
      try {
        const resumed = await until("restart", () => second.health(), 120_000);
        // The store kept what was committed before the kill: no re-indexing from scratch.
        expect(resumed.block).toBeGreaterThanOrEqual(seen);
        await until("catch up", async () => (await second.health())?.block === last, 120_000);
        const restarted = await dumpFixture(second.url, [5, 20, 40]);
        expect(restarted).toEqual(await expectedDump());
      } finally {
        second.proc.kill("SIGTERM");
        await second.exited;
      }
    },
    300_000,
  );
});
