import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGraphHost } from "../src/index.js";
import { openPostgres } from "../src/store/db.js";
import { type Anvil, FIXTURE_BUILD, deployFixture, sendTx, startAnvil } from "./helpers/anvil.js";
import { dumpFixture } from "./helpers/dump.js";
import { TEST_DATABASE_URL, freshStore } from "./helpers/store-backend.js";

/**
 * What only a real Postgres server has: compared with PGlite, and connections that can break.
 * Runs when GRAPH_HOST_TEST_DATABASE_URL names a database this test may write to (see
 * scripts/test-postgres.mjs); it drops and creates the schemas `graph_host_pgtest` and `graph_host_pgdrop`.
 */
describe.skipIf(!TEST_DATABASE_URL)("DATABASE_URL: Postgres instead of PGlite", () => {
  let anvil: Anvil;
  let last = 0;

  beforeAll(async () => {
    anvil = await startAnvil();
    await deployFixture(anvil.rpcUrl);
    for (let i = 0; i < 5; i++) last = (await sendTx(anvil.rpcUrl, "depositMany", [40n, 7n])).block;
    await sendTx(anvil.rpcUrl, "createChild", ["pg"]);
    last = (await sendTx(anvil.rpcUrl, "remove", ["0x0000000000000000000000000000000000001002", "x"])).block;
  });

  afterAll(async () => {
    await anvil?.stop();
  });

  it("indexes to the same state as PGlite", async () => {
    const pg = await startGraphHost({
      buildDir: FIXTURE_BUILD,
      rpcUrl: anvil.rpcUrl,
      name: "pgtest",
      port: 0,
      ...(await freshStore("pgtest")),
      logLevel: "silent",
    });
    const lite = await startGraphHost({
      buildDir: FIXTURE_BUILD,
      rpcUrl: anvil.rpcUrl,
      name: "lite",
      port: 0,
      logLevel: "silent",
    });
    try {
      await Promise.all([pg.waitForBlock(last, 60_000), lite.waitForBlock(last, 60_000)]);
      const a = await dumpFixture(pg.url, [3, 5]);
      const b = await dumpFixture(lite.url, [3, 5]);
      expect((a.deposits as unknown[]).length).toBe(200);
      expect(a).toEqual(b);
    } finally {
      await pg.stop();
      await lite.stop();
    }
  });

  it("keeps running when the server closes its connections, and indexes on", async () => {
    const host = await startGraphHost({
      buildDir: FIXTURE_BUILD,
      rpcUrl: anvil.rpcUrl,
      name: "pgdrop",
      port: 0,
      ...(await freshStore("pgdrop")),
      logLevel: "silent",
    });
    const admin = await openPostgres(TEST_DATABASE_URL!);
    try {
      await host.waitForBlock(last, 60_000);
      // As a server restart or an idle-session timeout does: the host's pooled connections die.
      const killed = await admin.query<{ ok: boolean }>(
        `select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and application_name = ''`,
      );
      expect(killed.length).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 200));
      last = (await sendTx(anvil.rpcUrl, "depositMany", [3n, 1n])).block;
      await host.waitForBlock(last, 60_000);
      const dump = await dumpFixture(host.url, []);
      expect((dump.deposits as unknown[]).length).toBe(203);
    } finally {
      await admin.close();
      await host.stop();
    }
  });
});
