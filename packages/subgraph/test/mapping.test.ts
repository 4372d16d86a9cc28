// Mapping tests: the real compiled WASM (build/) indexes the real contracts' events on anvil
// through @dmex/graph-host, and every derived field is compared with the contract's own views
// at every checkpoint block (GraphQL time travel), so a divergence in the replicated escrow,
// reward or status logic fails here.
//
// REQUIRES @dmex/graph-host's `startGraphHost`. Until it exists the suite is skipped with the
// reason printed (see loadGraphHost); test/scenario.test.ts already checks the chain side.
import { type Abi, type Address, parseEventLogs, zeroAddress } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { claimableRewards, dayOf, refundableOf, releasedToDate, withdrawableEscrow } from "../lib/escrow.js";
import { type Anvil, clients, startAnvil } from "./mapping/chain";
import { buildFor, gql, loadGraphHost, type RunningHost, startHost } from "./mapping/host";
import { runScenario, type Scenario } from "./mapping/scenario";

const graphHost = await loadGraphHost();
const missing = "missing" in graphHost ? graphHost.missing : undefined;
if (missing) console.warn(`[mapping tests SKIPPED] ${missing}`);

const STATUS = ["None", "Active", "Flagged", "Halted"];
const REASON = ["None", "MissedDeposits", "LowRewards"];
const lower = (a: string) => a.toLowerCase();

let anvil: Anvil;
let scenario: Scenario;
let host: RunningHost;
let read: <T = any>(address: Address, abi: Abi, functionName: string, args: unknown[], blockNumber: bigint) => Promise<T>;
type DecodedLog = { eventName: string; args: any; blockNumber: bigint; logIndex: number };
let logsOf: (address: Address, abi: Abi) => Promise<DecodedLog[]>;
let blockTime: (block: bigint) => Promise<bigint>;

describe.skipIf(missing !== undefined)("mappings on graph-host (real WASM, real contracts)", () => {
  beforeAll(async () => {
    anvil = await startAnvil();
    scenario = await runScenario(anvil.rpcUrl);
    const buildDir = buildFor({
      HashpowerExchange: { address: scenario.exchange, startBlock: scenario.startBlock.exchange },
      MarketRateOracle: { address: scenario.oracle, startBlock: scenario.startBlock.oracle },
    });
    host = await startHost((graphHost as { start: any }).start, buildDir, anvil.rpcUrl);
    const { publicClient } = clients(anvil.rpcUrl);
    read = (address, abi, functionName, args, blockNumber) =>
      publicClient.readContract({ address, abi, functionName, args, blockNumber }) as Promise<any>;
    logsOf = async (address, abi) =>
      parseEventLogs({ abi, logs: await publicClient.getLogs({ address, fromBlock: 0n }) }) as unknown as DecodedLog[];
    blockTime = async (block) => (await publicClient.getBlock({ blockNumber: block })).timestamp;
    await host.waitForBlock(await publicClient.getBlockNumber());
  });

  afterAll(async () => {
    await host?.stop();
    await anvil?.stop();
  });

  it("mirrors every offering's storage at every checkpoint", async () => {
    for (const { label, block } of scenario.checkpoints) {
      const { offerings } = await gql(host.url, `query($b: Int!) { offerings(block: {number: $b}, orderBy: offeringId) {
        id offeringId status flagReason flaggedDay lastCoveredDay lowStreak totalNet pendingNet pendingDay rateSum
        rateDayProduct withdrawn refunded feesAccrued accRewardPerUnit unitsSold unitsTotal pricePerUnit netPricePerUnit
        feeBps termStartDay termEndDay saleStart saleEnd expectedDailyRewardPerUnitWad minerName metadataURI
        miner { id } asset { id } paymentToken { id } rewardToken { id } } }`, { b: Number(block) });
      const count = await read<bigint>(scenario.exchange, scenario.exchangeAbi, "offeringCount", [], block);
      expect(offerings.length, label).toBe(Number(count));
      for (const o of offerings) {
        const c = await read<any>(scenario.exchange, scenario.exchangeAbi, "getOffering", [BigInt(o.id)], block);
        const at = `${label}: offering ${o.id}`;
        expect(o.status, at).toBe(STATUS[c.status]);
        expect(o.flagReason, at).toBe(REASON[c.flagReason]);
        expect(o.flaggedDay, at).toBe(Number(c.flaggedDay));
        expect(o.lastCoveredDay, at).toBe(Number(c.lastCoveredDay));
        expect(o.lowStreak, at).toBe(Number(c.lowStreak));
        for (const field of ["totalNet", "pendingNet", "rateSum", "rateDayProduct", "withdrawn", "refunded", "feesAccrued",
          "accRewardPerUnit", "unitsSold", "unitsTotal", "pricePerUnit", "netPricePerUnit", "saleStart", "saleEnd",
          "expectedDailyRewardPerUnitWad"]) {
          expect(o[field], `${at} ${field}`).toBe(String(c[field]));
        }
        expect(o.pendingDay, at).toBe(Number(c.pendingDay));
        expect(o.feeBps, at).toBe(Number(c.feeBps));
        expect([o.termStartDay, o.termEndDay], at).toEqual([Number(c.termStartDay), Number(c.termEndDay)]);
        expect([o.minerName, o.metadataURI], at).toEqual([c.minerName, c.metadataURI]);
        expect(o.miner.id, at).toBe(lower(c.miner));
        expect(o.asset.id, at).toBe(String(c.assetId));
        expect([o.paymentToken.id, o.rewardToken.id], at).toEqual([lower(c.paymentToken), lower(c.rewardToken)]);

        // The app's formulas on indexed fields equal the contract's views in the same block.
        const today = dayOf(await blockTime(block));
        const [released] = await read<[bigint, bigint]>(scenario.exchange, scenario.exchangeAbi, "releasedToDate", [BigInt(o.id)], block);
        expect(releasedToDate(o, today), `${at} releasedToDate`).toBe(released);
        const withdrawable = await read<bigint>(scenario.exchange, scenario.exchangeAbi, "withdrawableEscrow", [BigInt(o.id)], block);
        expect(withdrawableEscrow(o, today), `${at} withdrawable`).toBe(withdrawable);
      }
    }
  });

  it("mirrors every position at every checkpoint: owner, lock, rewards, refunds", async () => {
    for (const { label, block } of scenario.checkpoints) {
      const { positions } = await gql(host.url, `query($b: Int!) { positions(block: {number: $b}, orderBy: tokenId) {
        id units purchaseDay startDay endDay netPaid rewardSnapshot claimed refunded refundedAmount lockedBy locked status
        owner { id } offering { id status flaggedDay termEndDay accRewardPerUnit } currentLock { locker { id } active } } }`,
        { b: Number(block) });
      const count = await read<bigint>(scenario.exchange, scenario.exchangeAbi, "positionCount", [], block);
      expect(positions.length, label).toBe(Number(count));
      for (const p of positions) {
        const id = BigInt(p.id);
        const at = `${label}: position ${p.id}`;
        const c = await read<any>(scenario.exchange, scenario.exchangeAbi, "getPosition", [id], block);
        expect(p.offering.id, at).toBe(String(c.offeringId));
        expect(p.units, at).toBe(String(c.units));
        expect(p.purchaseDay, at).toBe(Number(c.purchaseDay));
        expect(p.refunded, at).toBe(c.refunded);
        expect(p.rewardSnapshot, at).toBe(String(c.rewardSnapshot));
        expect(p.netPaid, at).toBe(String(await read(scenario.exchange, scenario.exchangeAbi, "netPaidOf", [id], block)));
        expect(p.startDay, at).toBe(Number(await read(scenario.exchange, scenario.exchangeAbi, "startDayOf", [id], block)));
        expect(p.endDay, at).toBe(p.offering.termEndDay);
        expect(p.owner.id, at).toBe(lower(await read(scenario.exchange, scenario.exchangeAbi, "ownerOf", [id], block)));
        const locker = await read<Address>(scenario.exchange, scenario.exchangeAbi, "lockedBy", [id], block);
        expect(p.lockedBy, at).toBe(locker === zeroAddress ? null : lower(locker));
        expect(p.locked, at).toBe(locker !== zeroAddress);
        expect(p.currentLock?.locker.id ?? null, at).toBe(locker === zeroAddress ? null : lower(locker));
        expect(p.status, at).toBe(c.refunded ? "Refunded" : locker !== zeroAddress ? "Locked" : "Active");
        const claimable = await read<bigint>(scenario.exchange, scenario.exchangeAbi, "claimableRewards", [id], block);
        expect(claimableRewards(p, p.offering), `${at} claimable`).toBe(claimable);
        const refundable = await read<bigint>(scenario.exchange, scenario.exchangeAbi, "refundableOf", [id], block);
        expect(refundableOf(p, p.offering), `${at} refundable`).toBe(refundable);
      }
    }
  });

  it("snapshots OfferingDay.escrowReleased as the contract's view in the blocks that touch the offering", async () => {
    let checked = 0;
    for (const { label, block } of scenario.checkpoints) {
      const day = dayOf(await blockTime(block));
      const { offerings } = await gql(host.url, `query($b: Int!) { offerings(block: {number: $b}) { id updatedAtBlock } }`, { b: Number(block) });
      for (const o of offerings.filter((x: any) => BigInt(x.updatedAtBlock) === block)) {
        const { offeringDay } = await gql(host.url, `query($id: ID!, $b: Int!) { offeringDay(id: $id, block: {number: $b}) {
          escrowReleased escrowReleasedDay unitsOutstanding status } }`, { id: `${o.id}-${day}`, b: Number(block) });
        const [released, releasedDay] = await read<[bigint, bigint]>(scenario.exchange, scenario.exchangeAbi, "releasedToDate", [BigInt(o.id)], block);
        const c = await read<any>(scenario.exchange, scenario.exchangeAbi, "getOffering", [BigInt(o.id)], block);
        const at = `${label}: offering ${o.id} day ${day}`;
        expect(offeringDay, at).not.toBeNull();
        expect(offeringDay.escrowReleased, at).toBe(String(released));
        expect(offeringDay.escrowReleasedDay, at).toBe(Number(releasedDay));
        expect(offeringDay.unitsOutstanding, at).toBe(String(c.unitsSold));
        expect(offeringDay.status, at).toBe(STATUS[c.status]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("records every reward deposit on its covered day, with the market rate", async () => {
    const deposits = (await logsOf(scenario.exchange, scenario.exchangeAbi)).filter((l) => l.eventName === "RewardDeposited");
    const { rewardDeposits, marketRates } = await gql(host.url, `{
      rewardDeposits(orderBy: blockNumber) { offering { id } day amount unitsOutstanding accRewardPerUnit dayRewardPerUnitWad
        marketAvgPerUnitWad judged belowThreshold lowStreak offeringDay { id covered rewardPerUnitWad marketAvgPerUnitWad rewardUnits belowThreshold } }
      marketRates(orderBy: day) { assetId day avgRewardPerUnitWad oracle asset { symbol } } }`);
    expect(rewardDeposits).toHaveLength(deposits.length);
    deposits.forEach((log: any, i: number) => {
      const a = log.args;
      const d = rewardDeposits[i];
      expect(d.offering.id).toBe(String(a.offeringId));
      expect(d.day).toBe(Number(a.day));
      for (const f of ["amount", "unitsOutstanding", "accRewardPerUnit", "dayRewardPerUnitWad", "marketAvgPerUnitWad", "lowStreak"]) {
        expect(d[f], f).toBe(String(a[f]));
      }
      expect([d.judged, d.belowThreshold]).toEqual([a.judged, a.belowThreshold]);
      expect(d.offeringDay).toMatchObject({
        id: `${a.offeringId}-${a.day}`,
        covered: true,
        rewardPerUnitWad: String(a.dayRewardPerUnitWad),
        marketAvgPerUnitWad: String(a.marketAvgPerUnitWad),
        rewardUnits: String(a.unitsOutstanding),
        belowThreshold: a.belowThreshold,
      });
    });
    const reports = (await logsOf(scenario.oracle, scenario.oracleAbi)).filter((l) => l.eventName === "MarketRateReported");
    expect(marketRates).toHaveLength(reports.length);
    const latest = await clients(anvil.rpcUrl).publicClient.getBlockNumber();
    for (const r of marketRates) {
      const [avg, reported] = await read<[bigint, boolean]>(scenario.oracle, scenario.oracleAbi, "rateOf", [r.assetId, BigInt(r.day)], latest);
      expect(reported).toBe(true);
      expect(r.avgRewardPerUnitWad).toBe(String(avg));
      expect(r.oracle).toBe(lower(scenario.oracle));
      expect(r.asset.symbol).toBe("FIL");
    }
  });

  it("keeps one immutable record per event, with the history the app shows", async () => {
    const logs = await logsOf(scenario.exchange, scenario.exchangeAbi);
    const count = (name: string) => logs.filter((l) => l.eventName === name).length;
    const data = await gql(host.url, `{
      purchases(first: 1000) { id } rewardClaims(first: 1000) { amount position { id claimed } }
      escrowWithdrawals(first: 1000) { amount releasedToDate } refunds(first: 1000) { amount position { refundedAmount } }
      feeCollections(first: 1000) { amount } flags(first: 1000) { offering { id } action reason day blockNumber logIndex }
      positionTransfers(first: 1000) { from to } parameterChanges(first: 1000) { kind blockNumber logIndex }
      metadataUpdates(first: 1000) { fromTokenId toTokenId } positionLocks(first: 1000, orderBy: lockedAtBlock) { active seizedTo position { id } }
      lockers { id approved activeLocks } assets { id symbol unitLabel offeringCount } }`);
    expect(data.purchases).toHaveLength(count("PositionPurchased"));
    expect(data.rewardClaims).toHaveLength(count("RewardClaimed"));
    expect(data.escrowWithdrawals).toHaveLength(count("EscrowWithdrawn"));
    expect(data.refunds).toHaveLength(count("RefundClaimed"));
    expect(data.feeCollections).toHaveLength(count("FeesCollected"));
    expect(data.positionTransfers).toHaveLength(count("Transfer"));
    expect(data.metadataUpdates).toHaveLength(count("MetadataUpdate") + count("BatchMetadataUpdate"));
    expect(data.positionLocks).toHaveLength(count("PositionLocked"));
    const chronological = (a: any, b: any) => Number(BigInt(a.blockNumber) - BigInt(b.blockNumber)) || Number(a.logIndex) - Number(b.logIndex);
    data.flags.sort(chronological);
    data.parameterChanges.sort(chronological);
    expect(data.parameterChanges.map((p: any) => p.kind)).toEqual([
      "FeeRecipient", "Oracle", "ChannelFee", "DefaultThresholds", "Locker", "Renderer", "ChannelFee", "FeeRecipient",
      "DefaultThresholds", "Oracle",
    ]);
    expect(data.flags.map((f: any) => `${f.offering.id}:${f.action}:${f.reason}`)).toEqual([
      "1:Flagged:LowRewards", "1:Resumed:None", "2:Flagged:MissedDeposits", "2:Resumed:None", "2:Flagged:MissedDeposits",
      "2:Halted:MissedDeposits",
    ]);
    expect(data.positionLocks.map((l: any) => [l.position.id, l.active, l.seizedTo])).toEqual([
      ["2", false, null], ["2", false, lower(scenario.accounts[2])], ["4", true, null],
    ]);
    expect(data.lockers).toEqual([{ id: lower(scenario.locker), approved: true, activeLocks: 1 }]);
    expect(data.assets).toEqual([{ id: "1", symbol: "FIL", unitLabel: "TiB", offeringCount: 2 }]);
    const claimedByPosition = new Map<string, bigint>();
    for (const c of data.rewardClaims) claimedByPosition.set(c.position.id, (claimedByPosition.get(c.position.id) ?? 0n) + BigInt(c.amount));
    for (const c of data.rewardClaims) expect(c.position.claimed).toBe(String(claimedByPosition.get(c.position.id)));
    for (const r of data.refunds) expect(r.position.refundedAmount).toBe(r.amount);
  });

  it("serves the derived lists the app reads (holdings, claims, history, per-day data)", async () => {
    const latest = await clients(anvil.rpcUrl).publicClient.getBlockNumber();
    const logs = await logsOf(scenario.exchange, scenario.exchangeAbi);
    for (const holder of [scenario.accounts[2], scenario.accounts[3]]) {
      const { account } = await gql(host.url, `query($id: ID!) { account(id: $id) {
        positions(orderBy: tokenId) { id } purchases { id } claims { amount } transfersIn { id } transfersOut { id } } }`, { id: lower(holder) });
      const owned: string[] = [];
      for (const id of scenario.tokenIds) {
        const owner = await read<Address>(scenario.exchange, scenario.exchangeAbi, "ownerOf", [id], latest);
        if (lower(owner) === lower(holder)) owned.push(String(id));
      }
      expect(account.positions.map((p: any) => p.id), holder).toEqual(owned);
      const bought = logs.filter((l) => l.eventName === "PositionPurchased" && lower(l.args.buyer) === lower(holder));
      expect(account.purchases).toHaveLength(bought.length);
      const received = logs.filter((l) => l.eventName === "Transfer" && lower(l.args.to) === lower(holder));
      const sent = logs.filter((l) => l.eventName === "Transfer" && lower(l.args.from) === lower(holder));
      expect([account.transfersIn.length, account.transfersOut.length], holder).toEqual([received.length, sent.length]);
    }
    const { offering } = await gql(host.url, `{ offering(id: "1") {
      positions(orderBy: tokenId) { id } purchases { id } rewardDeposits { id } withdrawals { id } flags { id } feeCollections { id }
      days(orderBy: day) { day covered purchases rewardsClaimed escrowWithdrawn } } }`);
    const forOffering = (name: string) => logs.filter((l) => l.eventName === name && l.args.offeringId === 1n).length;
    expect(offering.positions.map((p: any) => p.id)).toEqual(["1", "2", "3", "4"]);
    expect(offering.purchases).toHaveLength(forOffering("PositionPurchased"));
    expect(offering.rewardDeposits).toHaveLength(forOffering("RewardDeposited"));
    expect(offering.withdrawals).toHaveLength(forOffering("EscrowWithdrawn"));
    expect(offering.feeCollections).toHaveLength(forOffering("FeesCollected"));
    expect(offering.flags).toHaveLength(forOffering("OfferingFlagged") + forOffering("OfferingResumed"));
    expect(offering.days.filter((d: any) => d.covered)).toHaveLength(forOffering("RewardDeposited"));
    expect(offering.days.reduce((n: number, d: any) => n + d.purchases, 0)).toBe(forOffering("PositionPurchased"));
    const { position } = await gql(host.url, `{ position(id: "2") { referrer metadataUpdatedAtBlock transfers { from sender { id } } locks { id } purchase { units } } }`);
    expect(position.referrer).toBe(lower(scenario.accounts[6]));
    const lastUpdate = logs.filter((l) => l.eventName === "MetadataUpdate" && l.args._tokenId === 2n).at(-1)!;
    expect(position.metadataUpdatedAtBlock).toBe(String(lastUpdate.blockNumber));
    expect(position.transfers.filter((t: any) => t.sender === null)).toEqual([{ from: zeroAddress, sender: null }]);
    expect(position.locks).toHaveLength(2);
    expect(position.purchase.units).toBe("3");
  });

  it("sums every running total from the logs (offerings, miners, accounts, positions, days)", async () => {
    const logs = await logsOf(scenario.exchange, scenario.exchangeAbi);
    const sum = (name: string, field: string, where: (a: any) => boolean = () => true) =>
      String(logs.filter((l) => l.eventName === name && where(l.args)).reduce((acc, l) => acc + BigInt(l.args[field]), 0n));
    const n = (name: string, where: (a: any) => boolean = () => true) => logs.filter((l) => l.eventName === name && where(l.args)).length;
    const data = await gql(host.url, `{
      offerings { id volume rewardsDeposited rewardsClaimed feesCollected positionCount lastReportedReleased lastReportedReleasedDay
        days(first: 1000) { volume fees feesCollected refunded rewardsClaimed escrowWithdrawn unitsSold } }
      miners { id name offeringCount escrowWithdrawn rewardsDeposited }
      accounts(first: 1000) { id purchaseCount rewardsClaimed refunded }
      positions(first: 1000) { id totalPrice fee buyer { id } transferCount }
      protocols { accountCount minerCount purchaseCount }
      protocolDays(first: 1000) { purchases newPositions transfers unitsSold fees feesCollected escrowWithdrawn refunded rewardsDeposited }
      tokenDays(first: 1000) { token { id } volume rewardsDeposited rewardsClaimed } }`);
    for (const o of data.offerings) {
      const of = (a: any) => String(a.offeringId) === o.id;
      expect(o.volume, o.id).toBe(sum("PositionPurchased", "totalPrice", of));
      expect(o.rewardsDeposited, o.id).toBe(sum("RewardDeposited", "amount", of));
      expect(o.rewardsClaimed, o.id).toBe(sum("RewardClaimed", "amount", of));
      expect(o.feesCollected, o.id).toBe(sum("FeesCollected", "amount", of));
      expect(o.positionCount, o.id).toBe(n("PositionPurchased", of));
      const lastWithdrawal = logs.filter((l) => l.eventName === "EscrowWithdrawn" && of(l.args)).at(-1)!;
      expect([o.lastReportedReleased, o.lastReportedReleasedDay], o.id).toEqual([
        String(lastWithdrawal.args.releasedToDate), Number(lastWithdrawal.args.releasedDay),
      ]);
      const daySum = (f: string) => String(o.days.reduce((acc: bigint, d: any) => acc + BigInt(d[f]), 0n));
      expect(daySum("volume"), o.id).toBe(o.volume);
      expect(daySum("fees"), o.id).toBe(sum("PositionPurchased", "fee", of));
      expect(daySum("unitsSold"), o.id).toBe(sum("PositionPurchased", "units", of));
      expect(daySum("feesCollected"), o.id).toBe(o.feesCollected);
      expect(daySum("refunded"), o.id).toBe(sum("RefundClaimed", "amount", of));
      expect(daySum("rewardsClaimed"), o.id).toBe(o.rewardsClaimed);
      expect(daySum("escrowWithdrawn"), o.id).toBe(sum("EscrowWithdrawn", "amount", of));
    }
    expect(data.miners).toEqual([{
      id: lower(scenario.accounts[1]), name: "Miner Two", offeringCount: 2,
      escrowWithdrawn: sum("EscrowWithdrawn", "amount"), rewardsDeposited: sum("RewardDeposited", "amount"),
    }]);
    for (const a of data.accounts) {
      const by = (field: string) => (args: any) => lower(args[field]) === a.id;
      expect([a.purchaseCount, a.rewardsClaimed, a.refunded], a.id).toEqual([
        n("PositionPurchased", by("buyer")), sum("RewardClaimed", "amount", by("owner")), sum("RefundClaimed", "amount", by("owner")),
      ]);
    }
    for (const p of data.positions) {
      const bought = logs.find((l) => l.eventName === "PositionPurchased" && String(l.args.tokenId) === p.id)!.args;
      expect([p.totalPrice, p.fee, p.buyer.id], p.id).toEqual([String(bought.totalPrice), String(bought.fee), lower(bought.buyer)]);
      expect(p.transferCount, p.id).toBe(n("Transfer", (a) => String(a.tokenId) === p.id && a.from !== zeroAddress));
    }
    const buyersAndReceivers = new Set(logs.filter((l) => l.eventName === "Transfer").map((l) => lower(l.args.to)));
    expect(data.protocols[0]).toEqual({ accountCount: buyersAndReceivers.size, minerCount: 1, purchaseCount: n("PositionPurchased") });
    const pd = (f: string) => data.protocolDays.reduce((acc: bigint, d: any) => acc + BigInt(d[f]), 0n);
    expect([pd("purchases"), pd("newPositions")]).toEqual([BigInt(n("PositionPurchased")), BigInt(n("PositionPurchased"))]);
    expect(pd("transfers")).toBe(BigInt(n("Transfer", (a) => a.from !== zeroAddress)));
    expect(String(pd("refunded"))).toBe(sum("RefundClaimed", "amount"));
    expect(String(pd("rewardsDeposited"))).toBe(sum("RewardDeposited", "amount"));
    const td = (token: string, f: string) =>
      String(data.tokenDays.filter((d: any) => d.token.id === lower(token)).reduce((acc: bigint, d: any) => acc + BigInt(d[f]), 0n));
    expect(td(scenario.usdt, "volume")).toBe(sum("PositionPurchased", "totalPrice"));
    expect(td(scenario.ifil, "rewardsClaimed")).toBe(sum("RewardClaimed", "amount"));
  });

  it("knows who holds which role on the exchange and the oracle", async () => {
    const { roleMembers, roleChanges } = await gql(host.url, `{
      roleMembers(first: 1000) { contract role roleName account active changes { granted } }
      roleChanges(first: 1000) { id } }`);
    const latest = await clients(anvil.rpcUrl).publicClient.getBlockNumber();
    const grants = (await logsOf(scenario.exchange, scenario.exchangeAbi)).concat(await logsOf(scenario.oracle, scenario.oracleAbi))
      .filter((l) => l.eventName === "RoleGranted" || l.eventName === "RoleRevoked");
    expect(roleChanges).toHaveLength(grants.length);
    const names = new Set(roleMembers.map((m: any) => m.roleName));
    for (const name of ["DEFAULT_ADMIN_ROLE", "GOVERNOR_ROLE", "REGISTRAR_ROLE", "HALT_GUARDIAN_ROLE", "REPORTER_ROLE"]) expect(names).toContain(name);
    for (const m of roleMembers) {
      const [address, abi] = m.contract === lower(scenario.exchange) ? [scenario.exchange, scenario.exchangeAbi] : [scenario.oracle, scenario.oracleAbi];
      const has = await read<boolean>(address, abi, "hasRole", [m.role, m.account], latest);
      expect(m.active, `${m.roleName} ${m.account}`).toBe(has);
    }
    const guardian = roleMembers.find((m: any) => m.roleName === "HALT_GUARDIAN_ROLE");
    expect(guardian.changes.map((c: any) => c.granted).sort()).toEqual([false, true]);
  });

  it("keeps protocol parameters and totals equal to the contract and the logs", async () => {
    const logs = await logsOf(scenario.exchange, scenario.exchangeAbi);
    const sum = (name: string, field: string) =>
      logs.filter((l) => l.eventName === name).reduce((acc, l: any) => acc + BigInt(l.args[field]), 0n);
    const { protocols, protocolDays, tokens, accounts } = await gql(host.url, `{
      protocols { id channelFeeBps feeRecipient oracle renderer missedDaysThreshold lowStreakThreshold minRewardRatioBps
        assetCount offeringCount positionCount purchaseCount offeringsFlagged offeringsHalted unitsSold volume fees feesCollected
        totalNet escrowWithdrawn refunded rewardsDeposited rewardsClaimed lastBatchMetadataUpdate { toTokenId } }
      protocolDays(first: 1000) { volume fees rewardsClaimed purchases }
      tokens { id volume rewardsDeposited }
      accounts(first: 1000) { id positionCount } }`);
    expect(protocols).toHaveLength(1);
    const p = protocols[0];
    const latest = await clients(anvil.rpcUrl).publicClient.getBlockNumber();
    const r = (fn: string) => read<any>(scenario.exchange, scenario.exchangeAbi, fn, [], latest);
    expect(p.id).toBe(lower(scenario.exchange));
    expect(p.channelFeeBps).toBe(Number(await r("channelFeeBps")));
    expect(p.feeRecipient).toBe(lower(await r("feeRecipient")));
    expect(p.oracle).toBe(lower(await r("oracle")));
    expect(p.renderer).toBe(lower(await r("renderer")));
    const t = await r("defaultThresholds");
    expect([p.missedDaysThreshold, p.lowStreakThreshold, p.minRewardRatioBps]).toEqual([
      t.missedDaysThreshold, t.lowStreakThreshold, t.minRewardRatioBps,
    ]);
    expect([p.assetCount, p.offeringCount, p.positionCount]).toEqual([
      Number(await r("assetCount")), Number(await r("offeringCount")), Number(await r("positionCount")),
    ]);
    expect([p.offeringsFlagged, p.offeringsHalted]).toEqual([0, 1]);
    expect(p.volume).toBe(String(sum("PositionPurchased", "totalPrice")));
    expect(p.fees).toBe(String(sum("PositionPurchased", "fee")));
    expect(p.totalNet).toBe(String(sum("PositionPurchased", "netAmount")));
    expect(p.unitsSold).toBe(String(sum("PositionPurchased", "units")));
    expect(p.feesCollected).toBe(String(sum("FeesCollected", "amount")));
    expect(p.escrowWithdrawn).toBe(String(sum("EscrowWithdrawn", "amount")));
    expect(p.refunded).toBe(String(sum("RefundClaimed", "amount")));
    expect(p.rewardsDeposited).toBe(String(sum("RewardDeposited", "amount")));
    expect(p.rewardsClaimed).toBe(String(sum("RewardClaimed", "amount")));
    expect(p.lastBatchMetadataUpdate.toTokenId).toBe(String(await r("positionCount")));
    const daySum = (f: string) => protocolDays.reduce((acc: bigint, d: any) => acc + BigInt(d[f]), 0n);
    expect(daySum("volume")).toBe(BigInt(p.volume));
    expect(daySum("rewardsClaimed")).toBe(BigInt(p.rewardsClaimed));
    expect(tokens.find((x: any) => x.id === lower(scenario.usdt)).volume).toBe(p.volume);
    expect(tokens.find((x: any) => x.id === lower(scenario.ifil)).rewardsDeposited).toBe(p.rewardsDeposited);
    for (const a of accounts) {
      const balance = await read<bigint>(scenario.exchange, scenario.exchangeAbi, "balanceOf", [a.id], latest);
      expect(a.positionCount, a.id).toBe(Number(balance));
    }
  });

  it("mirrors the exchange's governance setters into Parameter, one update per change", async () => {
    const latest = await clients(anvil.rpcUrl).publicClient.getBlockNumber();
    const r = (fn: string, args: unknown[] = []) => read<any>(scenario.exchange, scenario.exchangeAbi, fn, args, latest);
    const { parameters } = await gql(host.url, `{ parameters(first: 100, where: {contract: "${lower(scenario.exchange)}"}) {
      id name value history(orderBy: blockNumber) { oldValue newValue } } }`);
    const value = (id: string) => parameters.find((p: any) => p.id === id)?.value;
    const t = await r("defaultThresholds");
    expect(Object.fromEntries(parameters.filter((p: any) => !p.name.startsWith("locker.")).map((p: any) => [p.id, p.value]))).toEqual({
      "exchange-channelFeeBps": String(await r("channelFeeBps")),
      "exchange-feeRecipient": lower(await r("feeRecipient")),
      "exchange-oracle": lower(await r("oracle")),
      "exchange-renderer": lower(await r("renderer")),
      "exchange-missedDaysThreshold": String(t.missedDaysThreshold),
      "exchange-lowStreakThreshold": String(t.lowStreakThreshold),
      "exchange-minRewardRatioBps": String(t.minRewardRatioBps),
    });
    expect(value(`exchange-locker.${lower(scenario.locker)}`)).toBe(String(await r("isLocker", [scenario.locker])));
    const fee = parameters.find((p: any) => p.id === "exchange-channelFeeBps");
    expect(fee.history).toEqual([{ oldValue: null, newValue: "500" }, { oldValue: "500", newValue: "300" }]);
    // setOracle to the same oracle changed nothing: no second update.
    expect(parameters.find((p: any) => p.id === "exchange-oracle").history).toHaveLength(1);
  });
});
