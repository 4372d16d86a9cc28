// DeFi mappings (issue 13) on graph-host: the compiled WASM indexes test/mapping/defi-scenario.ts (the deploy
// script's deployment on one anvil, unseeded) and the entities the stake, nodes, insurance and DMC pages read are
// compared with the contracts' own views at every checkpoint block (GraphQL time travel): the emission pools'
// accumulator (emitted() and every staker's earned() computed from the indexed fields at the block's time, also
// after the periods ended), stakes, nodes and commissions, the insurance pots, parameters, underwriters' premiums,
// claims and payouts, the splitter's and the buyback's totals, and the pairs' reserves, supply and price.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { freePort } from "@dmex/devstack";
import { type Address, createPublicClient, http, parseEventLogs, zeroAddress } from "viem";
import { foundry } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

import { type Contract, type DefiScenario, runDefiScenario } from "./mapping/defi-scenario";
import { buildFor, gql, loadGraphHost, type RunningHost, startHost } from "./mapping/host";

const graphHost = await loadGraphHost();
const missing = "missing" in graphHost ? graphHost.missing : undefined;
if (missing) console.warn(`[DeFi mapping tests SKIPPED] ${missing}`);

const DEFI_SOURCES = [
  "PositionStaking",
  "LiquidityMiningDmcUsdt",
  "LiquidityMiningDmcIfil",
  "NodeStakingRewards",
  "PromotionNodes",
  "MutualInsurance",
  "ProtocolFeeSplitter",
  "FeeBuyback",
  "DmcUsdtPair",
  "DmcIfilPair",
] as const;
const PRECISION = 10n ** 12n;
const PREMIUM_PRECISION = 10n ** 36n;
const lower = (a: string) => a.toLowerCase();

let s: DefiScenario;
let host: RunningHost;
let workDir: string;
let client: ReturnType<typeof createPublicClient>;
let started: number;

const read = async <T = any>(contract: Contract, functionName: string, args: unknown[], blockNumber: bigint) =>
  (await client.readContract({ address: contract.address, abi: contract.abi, functionName, args, blockNumber })) as T;
const timeOf = async (block: bigint) => (await client.getBlock({ blockNumber: block })).timestamp;
const q = <T = any>(query: string, block: bigint, variables: Record<string, unknown> = {}) =>
  gql<T>(host.url, query, { ...variables, b: Number(block) });

type IndexedPool = {
  id: string;
  ratePerSecond: string;
  periodStart: string;
  periodEnd: string;
  budget: string;
  totalWeight: string;
  emittedToDate: string;
  rewardPerWeight: string;
  remainder: string;
  lastUpdate: string;
  claimed: string;
  stakers: { account: string; weight: string; earnedStored: string; paidPerWeight: string; claimed: string }[];
};

/** The contract's _load at `now` from the indexed pool (the formula at the top of the schema's DeFi section). */
function streamAt(p: IndexedPool, now: bigint): { emitted: bigint; rewardPerWeight: bigint } {
  const end = BigInt(p.periodEnd);
  const to = now < end ? now : end;
  const last = BigInt(p.lastUpdate);
  const total = BigInt(p.totalWeight);
  let emitted = BigInt(p.emittedToDate);
  let rpw = BigInt(p.rewardPerWeight);
  if (to > last && total > 0n) {
    let amount = BigInt(p.ratePerSecond) * (to - last);
    const left = BigInt(p.budget) - emitted;
    if (amount > left) amount = left;
    if (amount > 0n) {
      rpw += (amount * PRECISION + BigInt(p.remainder)) / total;
      emitted += amount;
    }
  }
  return { emitted, rewardPerWeight: rpw };
}

describe.skipIf(missing !== undefined)("DeFi mappings on graph-host (real WASM, the deploy script's DeFi)", () => {
  beforeAll(async () => {
    started = Date.now();
    workDir = mkdtempSync(join(tmpdir(), "dmex-subgraph-defi-"));
    s = await runDefiScenario(workDir, await freePort());
    console.log(`[defi] deploy + scenario: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const contracts = Object.fromEntries(
      Object.entries(s.stack.deployment.contracts).map(([name, d]) => [
        name,
        { address: d!.address, startBlock: BigInt(d!.startBlock) },
      ]),
    );
    host = await startHost((graphHost as { start: any }).start, buildFor(contracts), s.stack.rpcUrl);
    client = createPublicClient({ chain: foundry, transport: http(s.stack.rpcUrl) });
    await host.waitForBlock(await client.getBlockNumber());
    console.log(`[defi] indexed after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 900_000);

  afterAll(async () => {
    await host?.stop();
    await s?.stack.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
    if (started) console.log(`[defi] suite: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  it("drives every DeFi handler: each handled event is emitted by the scenario", async () => {
    const manifest = parse(readFileSync(new URL("../build/subgraph.yaml", import.meta.url), "utf8"));
    const contractOf: Record<(typeof DEFI_SOURCES)[number], Contract> = {
      PositionStaking: s.c.nftStaking,
      LiquidityMiningDmcUsdt: s.c.usdtMining,
      LiquidityMiningDmcIfil: s.c.ifilMining,
      NodeStakingRewards: s.c.nodeRewards,
      PromotionNodes: s.c.nodes,
      MutualInsurance: s.c.insurance,
      ProtocolFeeSplitter: s.c.splitter,
      FeeBuyback: s.c.buyback,
      DmcUsdtPair: s.c.usdtPair,
      DmcIfilPair: s.c.ifilPair,
    };
    for (const name of DEFI_SOURCES) {
      const ds = manifest.dataSources.find((d: { name: string }) => d.name === name);
      const { address, abi } = contractOf[name];
      const logs = await client.getLogs({ address, fromBlock: 0n });
      const emitted = new Set(parseEventLogs({ abi, logs }).map((l) => l.eventName));
      for (const { event } of ds.mapping.eventHandlers) {
        expect(emitted, `${name}.${event} never emitted`).toContain(event.slice(0, event.indexOf("(")));
      }
    }
  });

  it("keeps every emission pool and staker equal to the contract at every checkpoint", async () => {
    const pools = [s.c.nftStaking, s.c.usdtMining, s.c.ifilMining, s.c.nodeRewards];
    let compared = 0;
    for (const { label, block } of s.checkpoints) {
      const now = await timeOf(block);
      for (const pool of pools) {
        const { stakingPool: p } = await q<{ stakingPool: IndexedPool }>(
          `query($id: ID!, $b: Int!) { stakingPool(id: $id, block: {number: $b}) { id ratePerSecond periodStart
          periodEnd budget totalWeight emittedToDate rewardPerWeight remainder lastUpdate claimed
          stakers(first: 100) { account weight earnedStored paidPerWeight claimed } } }`,
          block,
          { id: lower(pool.address) },
        );
        const where = `${label} ${pool.address}`;
        const [start, end] = await read<[bigint, bigint]>(pool, "period", [], block);
        expect([p.periodStart, p.periodEnd, p.budget], where).toEqual([
          String(start),
          String(end),
          String(await read(pool, "budget", [], block)),
        ]);
        expect(p.ratePerSecond, where).toBe(String(await read(pool, "ratePerSecond", [], block)));
        expect(p.totalWeight, where).toBe(String(await read(pool, "totalWeight", [], block)));
        const stream = streamAt(p, now);
        expect(stream.emitted, `${where} emitted`).toBe(await read(pool, "emitted", [], block));
        const rate = now >= start && now < end && BigInt(p.emittedToDate) < BigInt(p.budget) ? p.ratePerSecond : "0";
        expect(rate, `${where} rewardRate`).toBe(String(await read(pool, "rewardRate", [], block)));
        for (const st of p.stakers) {
          const earned =
            BigInt(st.earnedStored) +
            (BigInt(st.weight) * (stream.rewardPerWeight - BigInt(st.paidPerWeight))) / PRECISION;
          expect(earned, `${where} earned(${st.account})`).toBe(await read(pool, "earned", [st.account], block));
          expect(st.weight, `${where} weightOf(${st.account})`).toBe(
            String(await read(pool, "weightOf", [st.account], block)),
          );
          compared++;
        }
        const claims = parseEventLogs({
          abi: pool.abi,
          eventName: "DmcClaimed",
          logs: await client.getLogs({ address: pool.address, fromBlock: 0n, toBlock: block }),
        }) as unknown as { args: { amount: bigint } }[];
        expect(p.claimed, `${where} claimed`).toBe(String(claims.reduce((sum, l) => sum + l.args.amount, 0n)));
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  it("keeps NFT and LP stakes equal to stakeOf and weightOf", async () => {
    for (const { label, block } of s.checkpoints) {
      for (const tokenId of [s.staked.good, s.staked.bad]) {
        const { position } = await q(
          `query($id: ID!, $b: Int!) { position(id: $id, block: {number: $b}) { nftStake { weight staker active }
          lastNftStake { weight active } } }`,
          block,
          { id: String(tokenId) },
        );
        const [staker, weight] = await read<[Address, bigint]>(s.c.nftStaking, "stakeOf", [tokenId], block);
        if (staker === zeroAddress) {
          expect(position.nftStake, `${label} ${tokenId}`).toBeNull();
        } else {
          expect(position.nftStake, `${label} ${tokenId}`).toEqual({
            weight: String(weight),
            staker: lower(staker),
            active: true,
          });
        }
      }
      const { lpStakes } = await q(
        `query($b: Int!) { lpStakes(first: 100, block: {number: $b}) { pool { id } account staked } }`,
        block,
      );
      for (const lp of lpStakes) {
        const pool = [s.c.usdtMining, s.c.ifilMining].find((x) => lower(x.address) === lp.pool.id)!;
        expect(lp.staked, `${label} ${lp.account}`).toBe(String(await read(pool, "weightOf", [lp.account], block)));
      }
      if (label !== "referrals") expect(lpStakes.length, label).toBe(3);
    }
  });

  it("keeps nodes, their commissions and the ledgers equal to PromotionNodes", async () => {
    const KINDS = ["None", "Main", "Light"];
    for (const { label, block } of s.checkpoints) {
      const { nodes, nodeCommissionLedgers, nodeProgram } = await q(
        `query($b: Int!, $id: ID!) { nodes(first: 100, block: {number: $b}) { id kind status stake cooldown exitReadyAt
        referrals recruits mainNode { id } delegatee commissions { token earned claimed } }
        nodeCommissionLedgers(block: {number: $b}) { id recorded funded paid }
        nodeProgram(id: $id, block: {number: $b}) { mainStake lightStake cooldown commissionBps mainShareBps maxRecruits
          feeHook weightSink } }`,
        block,
        { id: lower(s.c.nodes.address) },
      );
      for (const n of nodes) {
        const v = await read<any>(s.c.nodes, "nodeOf", [n.id], block);
        const withdrawn = KINDS[v.kind] === "None";
        expect(
          {
            kind: withdrawn ? n.kind : KINDS[v.kind],
            status: withdrawn ? "Withdrawn" : v.exitReadyAt === 0 ? "Live" : "Exiting",
            stake: String(v.stake),
            cooldown: withdrawn ? n.cooldown : String(v.cooldown),
            exitReadyAt: v.exitReadyAt === 0 ? null : String(v.exitReadyAt),
            referrals: Number(v.referrals),
            recruits: Number(v.recruits),
            mainNode: withdrawn ? n.mainNode : v.mainNode === zeroAddress ? null : { id: lower(v.mainNode) },
          },
          `${label} ${n.id}`,
        ).toEqual({
          kind: n.kind,
          status: n.status,
          stake: n.stake,
          cooldown: n.cooldown,
          exitReadyAt: n.exitReadyAt,
          referrals: n.referrals,
          recruits: n.recruits,
          mainNode: n.mainNode,
        });
        for (const cm of n.commissions) {
          const v2 = await read<{ earned: bigint; claimed: bigint }>(
            s.c.nodes,
            "commissionOf",
            [n.id, cm.token],
            block,
          );
          expect([cm.earned, cm.claimed]).toEqual([String(v2.earned), String(v2.claimed)]);
        }
      }
      expect(nodes.length).toBe(3);
      for (const l of nodeCommissionLedgers) {
        const v = await read<any>(s.c.nodes, "ledgerOf", [l.id], block);
        expect([l.recorded, l.funded, l.paid], label).toEqual([String(v.recorded), String(v.funded), String(v.paid)]);
      }
      const views = ["mainStake", "lightStake", "cooldown", "commissionBps", "mainShareBps", "maxRecruits"];
      const values = await Promise.all(views.map((f) => read(s.c.nodes, f, [], block)));
      expect(
        [
          nodeProgram.mainStake,
          nodeProgram.lightStake,
          nodeProgram.cooldown,
          nodeProgram.commissionBps,
          nodeProgram.mainShareBps,
          nodeProgram.maxRecruits,
        ].map(String),
        label,
      ).toEqual(values.map(String));
      expect([nodeProgram.feeHook, nodeProgram.weightSink]).toEqual([
        lower(await read(s.c.nodes, "feeHook", [], block)),
        lower(await read(s.c.nodes, "weightSink", [], block)),
      ]);
    }
    const { main1 } = s.who;
    const { node } = await gql(host.url, `query($id: ID!) { node(id: $id) { delegatee lightNodes { id } } }`, {
      id: lower(main1),
    });
    expect(node).toEqual({ delegatee: expect.any(String), lightNodes: [{ id: lower(s.who.light1) }] });
  });

  it("keeps the insurance pool, underwriters, claims and payouts equal to MutualInsurance", async () => {
    for (const { label, block } of s.checkpoints) {
      const now = await timeOf(block);
      const {
        insurancePool: p,
        underwriters,
        insuranceClaims,
        insurancePoolPayouts,
        premiumTokens,
      } = await q(
        `query($id: ID!, $b: Int!) { insurancePool(id: $id, block: {number: $b}) { fund pot slashed unclaimed totalShares
          cooldown window claimDuration maxPotShareBps nextCooldown nextWindow nextClaimDuration nextMaxPotShareBps
          paramsEffectiveAt openClaims freezeEnd claimCount }
        underwriters(block: {number: $b}) { id shares requestShares requestReadyAt requestExpiresAt
          premiums { token { id accPerShare } owed debt } }
        insuranceClaims(block: {number: $b}) { claimId status openedAt expiresAt offering { id } }
        insurancePoolPayouts(block: {number: $b}) { payoutId perUnit claimed returnedToFund claimDeadline total units }
        premiumTokens(block: {number: $b}) { id listed accPerShare carry deposited paid } }`,
        block,
        { id: lower(s.c.insurance.address) },
      );
      if (p === null) continue;
      const pools = await read<bigint[]>(s.c.insurance, "pools", [], block);
      expect([p.fund, p.pot, p.slashed, p.unclaimed, p.totalShares], label).toEqual(pools.map(String));
      const params = await read<any>(s.c.insurance, "params", [], block);
      const inForce = now >= BigInt(p.paramsEffectiveAt);
      expect(
        inForce
          ? [p.nextCooldown, p.nextWindow, p.nextClaimDuration, p.nextMaxPotShareBps]
          : [p.cooldown, p.window, p.claimDuration, p.maxPotShareBps],
        `${label} params`,
      ).toEqual([String(params.cooldown), String(params.window), String(params.claimDuration), params.maxPotShareBps]);
      const [isFrozen, until] = await read<[boolean, bigint]>(s.c.insurance, "frozen", [], block);
      expect([p.openClaims > 0 && now < BigInt(p.freezeEnd), p.freezeEnd], `${label} frozen`).toEqual([
        isFrozen,
        String(until),
      ]);
      expect(p.claimCount).toBe(Number(await read(s.c.insurance, "claimCount", [], block)));
      for (const u of underwriters) {
        const [shares] = await read<[bigint, bigint]>(s.c.insurance, "underwriterOf", [u.id], block);
        expect(u.shares, `${label} ${u.id}`).toBe(String(shares));
        const r = await read<any>(s.c.insurance, "requestOf", [u.id], block);
        expect([u.requestShares, u.requestReadyAt, u.requestExpiresAt], `${label} request ${u.id}`).toEqual(
          r.shares === 0n ? ["0", null, null] : [String(r.shares), String(r.readyAt), String(r.expiresAt)],
        );
        for (const t of premiumTokens) {
          const slot = u.premiums.find((x: any) => x.token.id === t.id) ?? { owed: "0", debt: "0" };
          const owed =
            BigInt(slot.owed) + (BigInt(u.shares) * (BigInt(t.accPerShare) - BigInt(slot.debt))) / PREMIUM_PRECISION;
          expect(owed, `${label} premiumOf(${u.id}, ${t.id})`).toBe(
            await read(s.c.insurance, "premiumOf", [u.id, t.id], block),
          );
        }
      }
      for (const t of premiumTokens) {
        const [listed, acc, carry, deposited, paid] = await read<any[]>(s.c.insurance, "premiumToken", [t.id], block);
        expect([t.listed, t.accPerShare, t.carry, t.deposited, t.paid], `${label} ${t.id}`).toEqual([
          listed,
          String(acc),
          String(carry),
          String(deposited),
          String(paid),
        ]);
      }
      const STATUS = ["None", "Open", "Executed", "Rejected", "Closed"];
      for (const cl of insuranceClaims) {
        const v = await read<any>(s.c.insurance, "getClaim", [cl.claimId], block);
        expect([cl.status, cl.openedAt, cl.expiresAt, cl.offering.id], `${label} claim ${cl.claimId}`).toEqual([
          STATUS[v.status],
          String(v.openedAt),
          String(v.expiresAt),
          String(v.offeringId),
        ]);
      }
      for (const py of insurancePoolPayouts) {
        const v = await read<any>(s.c.insurance, "getPayout", [py.payoutId], block);
        const claimed = String(BigInt(py.claimed) + BigInt(py.returnedToFund));
        expect([py.perUnit, claimed, py.claimDeadline, py.total, py.units], `${label} payout`).toEqual(
          [v.perUnit, v.claimed, v.claimDeadline, v.total, v.units].map(String),
        );
      }
    }
    const { insurancePoolPayout } = await gql(
      host.url,
      `query($id: ID!) { insurancePoolPayout(id: $id) { expired fromSlashed fromPot fromFund claims { amount } claim { status } } }`,
      { id: String(s.payoutId) },
    );
    expect(insurancePoolPayout.expired).toBe(true);
    expect(insurancePoolPayout.claims).toHaveLength(2);
    expect(insurancePoolPayout.claim.status).toBe("Executed");
    expect(BigInt(insurancePoolPayout.fromSlashed)).toBe(2_000n * 10n ** 18n);
  });

  it("keeps the splitter's and the buyback's totals equal to sent(), totals() and markets()", async () => {
    for (const { label, block } of s.checkpoints) {
      const { feeSplitterTokens, buybackTokens, buybackProgram, buybacks } = await q(
        `query($b: Int!, $id: ID!) { feeSplitterTokens(block: {number: $b}) { id listed commission premium buyback }
        buybackTokens(block: {number: $b}) { id pair amountIn dmcOut dmcAtTwap conversions prevObservedAt lastObservedAt }
        buybackProgram(id: $id, block: {number: $b}) { totalDmcBought maxSlippageBps maxInputBps minWindow maxAge }
        buybacks(block: {number: $b}) { amountIn dmcOut dmcAtTwap minOut pricePaidWad twapPriceWad } }`,
        block,
        { id: lower(s.c.buyback.address) },
      );
      for (const t of feeSplitterTokens) {
        const sent = await read<bigint[]>(s.c.splitter, "sent", [t.id], block);
        expect([t.commission, t.premium, t.buyback], `${label} ${t.id}`).toEqual(sent.map(String));
        expect(t.listed).toBe(await read(s.c.splitter, "isFeeToken", [t.id], block));
      }
      for (const t of buybackTokens) {
        const totals = await read<bigint[]>(s.c.buyback, "totals", [t.id], block);
        expect([t.amountIn, t.dmcOut, t.dmcAtTwap, String(t.conversions)], `${label} ${t.id}`).toEqual(
          totals.map(String),
        );
        const [pair, , prev, last] = await read<any[]>(s.c.buyback, "markets", [t.id], block);
        expect([t.pair ?? zeroAddress, t.prevObservedAt, t.lastObservedAt]).toEqual([
          lower(pair),
          String(prev),
          String(last),
        ]);
      }
      expect(buybackProgram.totalDmcBought, label).toBe(String(await read(s.c.buyback, "totalDmcBought", [], block)));
      const params = await read<any[]>(s.c.buyback, "parameters", [], block);
      expect(
        [
          buybackProgram.maxSlippageBps,
          buybackProgram.maxInputBps,
          buybackProgram.minWindow,
          buybackProgram.maxAge,
        ].map(String),
      ).toEqual(params.map(String));
      for (const b of buybacks) {
        expect(BigInt(b.dmcOut) >= BigInt(b.minOut)).toBe(true);
        expect(BigInt(b.pricePaidWad)).toBe((BigInt(b.amountIn) * 10n ** 18n) / BigInt(b.dmcOut));
      }
    }
    const { buybacks } = await gql(host.url, "{ buybacks { id } }");
    expect(buybacks).toHaveLength(2);
  });

  it("keeps the pairs' reserves, LP supply, price and candles equal to the pair", async () => {
    for (const { label, block } of s.checkpoints) {
      for (const pair of [s.c.usdtPair, s.c.ifilPair]) {
        const { pair: p } = await q(
          `query($id: ID!, $b: Int!) { pair(id: $id, block: {number: $b}) { reserve0 reserve1 reserveDmc reserveQuote
          priceWad totalSupply dmcIsToken0 quoteDecimals swapCount
          pricePoints(where: {interval: Day}, orderBy: start, orderDirection: desc, first: 1) { close } } }`,
          block,
          { id: lower(pair.address) },
        );
        if (p === null) continue; // no liquidity yet
        const [r0, r1] = await read<[bigint, bigint, number]>(pair, "getReserves", [], block);
        expect([p.reserve0, p.reserve1], `${label} ${pair.address}`).toEqual([String(r0), String(r1)]);
        expect(p.totalSupply).toBe(String(await read(pair, "totalSupply", [], block)));
        const dmc = p.dmcIsToken0 ? r0 : r1;
        const quote = p.dmcIsToken0 ? r1 : r0;
        expect(p.priceWad).toBe(String((quote * 10n ** BigInt(18 - p.quoteDecimals) * 10n ** 18n) / dmc));
        expect(p.pricePoints[0].close).toBe(p.priceWad);
        const swaps = parseEventLogs({
          abi: pair.abi,
          eventName: "Swap",
          logs: await client.getLogs({ address: pair.address, fromBlock: 0n, toBlock: block }),
        });
        expect(p.swapCount).toBe(swaps.length);
      }
    }
    const { stakingPools } = await gql(host.url, "{ stakingPools { name lpPair { id } pricePair { id } } }");
    for (const pool of stakingPools) expect(pool.pricePair, pool.name).not.toBeNull();
  });
});
