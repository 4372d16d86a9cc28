// The integration path the app uses: @dmex/devstack deploys and seeds a chain, @dmex/deployments
// records it, and the stack's subgraph-host step serves the seeded history (as `npm run dev` does). Checks the indexed state against the
// seed summary and the contract's views at the head.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { anvilAddress } from "@dmex/deployments/dev-accounts";
import { freePort, type Stack, startStack } from "@dmex/devstack";
import { type Abi, type Address, createPublicClient, http } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { claimableRewards, dayOf, flaggable, releaseDay, releasedToDate } from "./indexed";
import { gql } from "./mapping/host";

const lower = (a: string) => a.toLowerCase();

let stack: Stack;
let graphUrl: string;
let exchange: Address;
let exchangeAbi: Abi;

// The store: PGlite as `npm run dev` has it, or the PostgreSQL database that scripts/test-postgres.mjs
// starts for this file (graph-host's DATABASE_URL path).
const databaseUrl = process.env.GRAPH_HOST_TEST_DATABASE_URL || undefined;
const store = databaseUrl ? "PostgreSQL" : "PGlite";

// Exactly what `npm run dev` runs, on free ports: startStack with its subgraph-host step.
describe(`the seeded devstack chain, served by the stack's own subgraph host (${store} store)`, () => {
  beforeAll(async () => {
    let graphPort = await freePort();
    while ([8545, 8000, 3000].includes(graphPort)) graphPort = await freePort();
    stack = await startStack({
      port: await freePort(),
      workDir: mkdtempSync(join(tmpdir(), "dmex-subgraph-stack-")),
      isolated: true,
      graph: { port: graphPort, name: "dmex", ...(databaseUrl !== undefined && { databaseUrl }) },
    });
    const graph = stack.services.find((service) => service.name === "graph");
    expect(graph?.url).toBe(`http://127.0.0.1:${graphPort}/subgraphs/name/dmex`);
    graphUrl = graph!.url!;
    exchange = stack.deployment.contracts.HashpowerExchange!.address as Address;
    exchangeAbi = (await import("@dmex/deployments")).abis.HashpowerExchange as Abi;
  }, 600_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it("answers the portfolio query (an account's positions by units, nested offering filter) as the chain says", async () => {
    const client = createPublicClient({ transport: http(stack.rpcUrl) });
    const read = (functionName: string, args: readonly unknown[]) =>
      client.readContract({ address: exchange, abi: exchangeAbi, functionName, args });
    const count = Number(await read("positionCount", []));
    const chain: { id: bigint; owner: string; units: bigint; assetId: number }[] = [];
    for (let id = 1n; id <= BigInt(count); id++) {
      const owner = ((await read("ownerOf", [id])) as string).toLowerCase();
      const position = (await read("getPosition", [id])) as { offeringId: number; units: bigint };
      const offering = (await read("getOffering", [BigInt(position.offeringId)])) as { assetId: number };
      chain.push({ id, owner, units: BigInt(position.units), assetId: Number(offering.assetId) });
    }
    // The buyer with the most FIL positions makes the ordering meaningful.
    const filOwners = chain.filter((p) => p.assetId === 1).map((p) => p.owner);
    const owner = filOwners.sort(
      (a, b) => filOwners.filter((x) => x === b).length - filOwners.filter((x) => x === a).length,
    )[0]!;
    const expected = chain
      .filter((p) => p.owner === owner && p.assetId === 1)
      .sort((a, b) => (a.units === b.units ? Number(b.id - a.id) : Number(b.units - a.units)))
      .map((p) => String(p.id));
    expect(expected.length).toBeGreaterThan(1);

    const { positions } = await gql(
      graphUrl,
      `query($owner: Bytes!) { positions(where: { owner: $owner, offering_: { asset: "1" } }, orderBy: units, orderDirection: desc) {
        id units owner { id } offering { asset { symbol } } } }`,
      { owner },
    );
    expect(positions.map((p: { id: string }) => p.id)).toEqual(expected);
    for (const p of positions)
      expect(p).toMatchObject({ owner: { id: owner }, offering: { asset: { symbol: "FIL" } } });
  });

  it("indexes every seeded offering with the seed's status, sales and coverage", async () => {
    const seed = stack.seed!;
    const { offerings, protocols } = await gql(
      graphUrl,
      `{ offerings(first: 1000, orderBy: offeringId) {
      id status unitsSold unitsTotal termStartDay termEndDay lastCoveredDay recentShares windowShare minerName positionCount miner { id } }
      protocols { missedDaysThreshold windowDays minRewardRatioBps postTermFlagDays } }`,
    );
    expect(offerings).toHaveLength(seed.offerings.length);
    const protocol = protocols[0];
    const seedDay = dayOf(seed.chainTimestamp);
    for (const s of seed.offerings) {
      const o = offerings.find((x: any) => x.id === String(s.id));
      expect(o, `offering ${s.id}`).toMatchObject({
        status: s.status,
        unitsSold: String(s.unitsSold),
        unitsTotal: String(s.unitsTotal),
        termStartDay: s.termStartDay,
        termEndDay: s.termEndDay,
        lastCoveredDay: s.lastCoveredDay,
        minerName: s.minerName,
        positionCount: s.positions,
        miner: { id: s.miner.toLowerCase() },
      });
      // The window's average is event-derived (null here while the window is not full, 0 in the contract's view);
      // flaggability depends on time: computed from the indexed state on the seed's last day, it is the seed's.
      expect(o.windowShare ?? 0, `offering ${s.id} window`).toBe(s.windowSharePerMille);
      expect(flaggable(o, protocol, seedDay).canFlag, `offering ${s.id} flaggable on the seed's last day`).toBe(
        s.flaggable,
      );
    }
    const { positions } = await gql(graphUrl, "{ positions(first: 1000) { id } }");
    expect(positions).toHaveLength(seed.positions);
    const { accounts } = await gql(graphUrl, "{ accounts(first: 1000, where: {purchaseCount_gt: 0}) { id } }");
    expect(accounts).toHaveLength(seed.distinctBuyers);
  });

  it("gives the app the contract's released escrow, flaggability and claimable rewards from indexed fields and chain time", async () => {
    const client = createPublicClient({ transport: http(stack.rpcUrl) });
    const block = await client.getBlock();
    const today = dayOf(block.timestamp);
    const { offerings, positions, protocols } = await gql(
      graphUrl,
      `{
      offerings(first: 1000) { id status frozenDay termStartDay termEndDay holdbackDays lastCoveredDay totalNet withdrawn unitsSold recentShares }
      positions(first: 1000) { id units rewardSnapshot offering { accRewardPerUnit } }
      protocols { missedDaysThreshold windowDays minRewardRatioBps postTermFlagDays } }`,
    );
    const view = (functionName: string, id: string) =>
      client.readContract({
        address: exchange,
        abi: exchangeAbi,
        functionName,
        args: [BigInt(id)],
        blockNumber: block.number,
      }) as Promise<any>;
    const REASON = ["None", "MissedDeposits", "LowRewards"];
    for (const o of offerings) {
      const [released, releasedDay] = (await view("releasedToDate", o.id)) as [bigint, bigint];
      expect(releasedToDate(o, today), `offering ${o.id}`).toBe(released);
      expect(releaseDay(o, today), `offering ${o.id}`).toBe(Number(releasedDay));
      const [canFlag, reason, missed, windowShare] = await view("flaggable", o.id);
      expect(flaggable(o, protocols[0], today), `offering ${o.id}`).toEqual({
        canFlag,
        reason: REASON[Number(reason)],
        missedDays: Number(missed),
        windowShare: Number(windowShare),
      });
    }
    for (const p of positions) {
      const claimable = await client.readContract({
        address: exchange,
        abi: exchangeAbi,
        functionName: "claimableRewards",
        args: [BigInt(p.id)],
        blockNumber: block.number,
      });
      expect(claimableRewards(p, p.offering), `position ${p.id}`).toBe(claimable);
    }
  });

  it("indexes the seeded DAO as the seed summary says: applications behind every offering, proposals, delegates, the halt", async () => {
    const dao = stack.seed!.dao;
    const { applications, proposals, delegates, daos, minerStakes } = await gql(
      graphUrl,
      `{
      applications(first: 100, orderBy: applicationId) { id miner minerName status offering { id } stake { amount state } proposal { id } }
      proposals(first: 100, orderBy: createdAtBlock) { id title state forVotes againstVotes abstainVotes proposer application { id } }
      delegates(first: 1000) { id balance votingPower delegatee { id } }
      daos { governor token council tradingFeeBps quorumNumerator totalSupply }
      minerStakes(first: 100) { id } }`,
    );
    expect(daos).toEqual([
      expect.objectContaining({
        governor: lower(dao.contracts.governor),
        token: lower(dao.contracts.dmc),
        council: lower(dao.contracts.councilSafe),
        tradingFeeBps: dao.tradingFeeBps,
      }),
    ]);
    expect(applications).toHaveLength(dao.applications.length);
    expect(minerStakes).toHaveLength(dao.applications.length);
    for (const a of dao.applications) {
      const indexed = applications.find((x: any) => x.id === String(a.id));
      expect(indexed, `application ${a.id}`).toMatchObject({
        miner: lower(a.miner),
        minerName: a.minerName,
        offering: a.offeringId === null ? null : { id: String(a.offeringId) },
        stake: { amount: a.stake },
        proposal: { id: a.proposalId },
      });
      // Event-derived stake states equal the chain's; Locked/Withdrawable may also change silently with time.
      if (a.stakeState === "Slashed" || a.stakeState === "Withdrawn")
        expect(indexed.stake.state, `stake ${a.id}`).toBe(a.stakeState);
    }
    // Every seeded offering came from an approved application.
    for (const o of stack.seed!.offerings) {
      expect(applications.find((x: any) => x.offering?.id === String(o.id))?.status, `offering ${o.id}`).toBe(
        "Approved",
      );
    }
    expect(proposals).toHaveLength(dao.proposals.length);
    for (const p of dao.proposals) {
      const indexed = proposals.find((x: any) => x.id === p.id);
      expect(indexed, p.title).toMatchObject({
        forVotes: p.forVotes,
        againstVotes: p.againstVotes,
        abstainVotes: p.abstainVotes,
        proposer: lower(p.proposer),
      });
      expect(indexed.application?.id ?? null, p.title).toBe(
        p.applicationId === undefined ? null : String(p.applicationId),
      );
      const eventState = ["Queued", "Executed", "Canceled"].includes(p.state) ? p.state : "Pending";
      expect(indexed.state, p.title).toBe(eventState);
    }
    if (dao.haltProposalId !== null)
      expect(proposals.find((x: any) => x.id === dao.haltProposalId)?.state).toBe("Executed");
    for (const h of dao.holders) {
      const d = delegates.find((x: any) => x.id === lower(h.address));
      expect(d, `holder ${h.account}`).toMatchObject({
        balance: h.balance,
        votingPower: h.votes,
        delegatee: h.delegate === null ? null : { id: lower(h.delegate) },
      });
    }
  });

  it("indexes the seeded DeFi as the seed summary says: pairs, pools, nodes and the insurance pool", async () => {
    const defi = stack.seed!.defi;
    const { pairs, stakingPools, nodes, insurancePools } = await gql(
      graphUrl,
      `{ pairs { id reserveDmc reserveQuote totalSupply }
      stakingPools { name ratePerSecond totalWeight }
      nodes(first: 100) { id kind stake recruits referrals mainNode { id } commissions { token earned claimed } }
      insurancePools { fund pot slashed unclaimed totalShares underwriterCount } }`,
    );
    for (const pair of defi.pairs) {
      expect(
        pairs.find((p: any) => p.id === lower(pair.address)),
        pair.quote,
      ).toEqual({
        id: lower(pair.address),
        reserveDmc: pair.reserveDmc,
        reserveQuote: pair.reserveQuote,
        totalSupply: pair.lpSupply,
      });
    }
    for (const pool of defi.pools) {
      expect(
        stakingPools.find((p: any) => p.name === pool.name),
        pool.name,
      ).toEqual({
        name: pool.name,
        ratePerSecond: pool.ratePerSecond,
        totalWeight: pool.totalWeight,
      });
    }
    const usdt = lower(stack.deployment.contracts.USDT!.address);
    for (const n of defi.nodes) {
      const indexed = nodes.find((x: any) => x.id === lower(anvilAddress(n.account)));
      expect(indexed, `node ${n.account}`).toMatchObject({
        kind: n.kind,
        stake: n.stake,
        recruits: n.recruits,
        referrals: n.referrals,
        mainNode: n.mainNode === null ? null : { id: lower(anvilAddress(n.mainNode)) },
      });
      const commission = indexed.commissions.find((x: any) => x.token === usdt) ?? { earned: "0", claimed: "0" };
      expect([commission.earned, commission.claimed], `node ${n.account} commission`).toEqual([
        n.commissionEarned,
        n.commissionClaimed,
      ]);
    }
    const i = defi.insurance;
    expect(insurancePools).toEqual([
      {
        fund: i.fund,
        pot: i.pot,
        slashed: i.slashed,
        unclaimed: i.unclaimedPayouts,
        totalShares: i.totalShares,
        underwriterCount: i.underwriters,
      },
    ]);
  });

  it("has no indexing errors", async () => {
    const { _meta } = await gql(graphUrl, "{ _meta { hasIndexingErrors block { number } } }");
    expect(_meta.hasIndexingErrors).toBe(false);
  });
});
