// The integration path the app uses: @dmex/devstack deploys and seeds a chain, @dmex/deployments
// records it, the subgraph's network config turns that record into data source addresses, and
// graph-host indexes the seeded history without an error. Checks the indexed state against the
// seed summary and the contract's views at the head.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { freePort, type Stack, startStack } from "@dmex/devstack";
import { type Abi, type Address, createPublicClient, http } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { claimableRewards, dayOf, releasedToDate } from "../lib/escrow.js";
import { buildNetworks, checkNetwork, readConfigs } from "../scripts/lib/manifest.mjs";
import { buildFor, gql, loadGraphHost, type RunningHost, startHost } from "./mapping/host";

const HERE = dirname(fileURLToPath(import.meta.url));
const graphHost = await loadGraphHost();
const missing = "missing" in graphHost ? graphHost.missing : undefined;
if (missing) console.warn(`[devstack indexing test SKIPPED] ${missing}`);

let stack: Stack;
let host: RunningHost;
let exchange: Address;
let exchangeAbi: Abi;

describe.skipIf(missing !== undefined)("the seeded devstack chain, indexed through the generated deployment", () => {
  beforeAll(async () => {
    stack = await startStack({ port: await freePort(), workDir: mkdtempSync(join(tmpdir(), "dmex-subgraph-stack-")), isolated: true });
    const { networks, placeholders } = buildNetworks(readConfigs(join(HERE, "../config")), join(stack.deploymentsDir!, "deployments"));
    expect(placeholders.localhost).toBe(false);
    const entry = checkNetwork(networks, placeholders, "localhost");
    const buildDir = buildFor({
      HashpowerExchange: { address: entry.HashpowerExchange.address, startBlock: BigInt(entry.HashpowerExchange.startBlock) },
      MarketRateOracle: { address: entry.MarketRateOracle.address, startBlock: BigInt(entry.MarketRateOracle.startBlock) },
    });
    host = await startHost((graphHost as { start: any }).start, buildDir, stack.rpcUrl);
    exchange = entry.HashpowerExchange.address as Address;
    exchangeAbi = (await import("@dmex/deployments")).abis.HashpowerExchange as Abi;
    const head = await createPublicClient({ transport: http(stack.rpcUrl) }).getBlockNumber();
    await host.waitForBlock(head);
  }, 600_000);

  afterAll(async () => {
    await host?.stop();
    await stack?.stop();
  });

  it("indexes every seeded offering with the seed's status, sales and coverage", async () => {
    const seed = stack.seed!;
    const { offerings } = await gql(host.url, `{ offerings(first: 1000, orderBy: offeringId) {
      id status unitsSold unitsTotal termStartDay termEndDay lastCoveredDay lowStreak minerName positionCount miner { id } } }`);
    expect(offerings).toHaveLength(seed.offerings.length);
    for (const s of seed.offerings) {
      const o = offerings.find((x: any) => x.id === String(s.id));
      expect(o, `offering ${s.id}`).toMatchObject({
        status: s.status,
        unitsSold: String(s.unitsSold),
        unitsTotal: String(s.unitsTotal),
        termStartDay: s.termStartDay,
        termEndDay: s.termEndDay,
        lastCoveredDay: s.lastCoveredDay,
        lowStreak: s.lowStreak,
        minerName: s.minerName,
        positionCount: s.positions,
        miner: { id: s.miner.toLowerCase() },
      });
    }
    const { positions } = await gql(host.url, "{ positions(first: 1000) { id } }");
    expect(positions).toHaveLength(seed.positions);
    const { accounts } = await gql(host.url, "{ accounts(first: 1000, where: {purchaseCount_gt: 0}) { id } }");
    expect(accounts).toHaveLength(seed.distinctBuyers);
  });

  it("gives the app the contract's released escrow and claimable rewards from indexed fields", async () => {
    const client = createPublicClient({ transport: http(stack.rpcUrl) });
    const block = await client.getBlock();
    const today = dayOf(block.timestamp);
    const { offerings, positions } = await gql(host.url, `{
      offerings(first: 1000) { id status flaggedDay termStartDay termEndDay totalNet pendingNet pendingDay rateSum rateDayProduct withdrawn }
      positions(first: 1000) { id units rewardSnapshot offering { accRewardPerUnit } } }`);
    for (const o of offerings) {
      const [released] = (await client.readContract({ address: exchange, abi: exchangeAbi, functionName: "releasedToDate", args: [BigInt(o.id)], blockNumber: block.number })) as [bigint, bigint];
      expect(releasedToDate(o, today), `offering ${o.id}`).toBe(released);
    }
    for (const p of positions) {
      const claimable = await client.readContract({ address: exchange, abi: exchangeAbi, functionName: "claimableRewards", args: [BigInt(p.id)], blockNumber: block.number });
      expect(claimableRewards(p, p.offering), `position ${p.id}`).toBe(claimable);
    }
  });

  it("has no indexing errors", async () => {
    const { _meta } = await gql(host.url, "{ _meta { hasIndexingErrors block { number } } }");
    expect(_meta.hasIndexingErrors).toBe(false);
  });
});
