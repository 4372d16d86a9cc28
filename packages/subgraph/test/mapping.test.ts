// Mapping tests: the real compiled WASM (build/) indexes the real contracts' events on anvil
// through @dmex/graph-host, and every derived field is compared with the contract's own views
// at every checkpoint block (GraphQL time travel), so a divergence in the replicated escrow,
// reward or status logic fails here.
//
// REQUIRES @dmex/graph-host's `startGraphHost`. Until it exists the suite is skipped with the
// reason printed (see loadGraphHost); test/scenario.test.ts already checks the chain side.
import { type Abi, type Address, parseEventLogs, zeroAddress } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  claimableRewards,
  dayOf,
  flaggable,
  isRateFinal,
  refundableOf,
  releaseDay,
  releasedToDate,
  withdrawableEscrow,
} from "./indexed";
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
let read: <T = any>(
  address: Address,
  abi: Abi,
  functionName: string,
  args: unknown[],
  blockNumber: bigint,
) => Promise<T>;
type DecodedLog = { eventName: string; args: any; blockNumber: bigint; logIndex: number };
let logsOf: (address: Address, abi: Abi) => Promise<DecodedLog[]>;
let blockTime: (block: bigint) => Promise<bigint>;

describe.skipIf(missing !== undefined)("mappings on graph-host (real WASM, real contracts)", () => {
  beforeAll(async () => {
    anvil = await startAnvil();
    scenario = await runScenario(anvil.rpcUrl);
    const buildDir = buildFor({
      HashpowerExchange: { address: scenario.exchange, startBlock: scenario.startBlock.exchange },
      AssetRegistry: { address: scenario.assets, startBlock: scenario.startBlock.assets },
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

  it("mirrors every offering's storage at every checkpoint, and the app's formulas equal the contract's views", async () => {
    const reasons = new Set<string>();
    for (const { label, block } of scenario.checkpoints) {
      const { offerings, protocols } = await gql(
        host.url,
        `query($b: Int!) { offerings(block: {number: $b}, orderBy: offeringId) {
        id offeringId status flagReason frozenDay flaggedOnDay lastCoveredDay holdbackDays recentShares windowShares judgedDays
        windowSum windowShare windowLow approvedDepositors totalNet withdrawn refunded feesAccrued accRewardPerUnit unitsSold
        unitsTotal pricePerUnit netPricePerUnit feeBps termStartDay termEndDay saleStart saleEnd expectedDailyRewardPerUnitWad
        minerName metadataURI releasedAtHalt unreleasedEscrow miner { id } asset { id } paymentToken { id } rewardToken { id } }
        protocols(block: {number: $b}) { missedDaysThreshold windowDays minRewardRatioBps minCoverageBps postTermFlagDays } }`,
        { b: Number(block) },
      );
      const count = await read<bigint>(scenario.exchange, scenario.exchangeAbi, "offeringCount", [], block);
      expect(offerings.length, label).toBe(Number(count));
      const thresholds = await read<any>(scenario.exchange, scenario.exchangeAbi, "defaultThresholds", [], block);
      const protocol = protocols[0];
      expect(protocol, label).toEqual(Object.fromEntries(Object.entries(thresholds).map(([k, v]) => [k, Number(v)])));
      const today = dayOf(await blockTime(block));
      for (const o of offerings) {
        const id = BigInt(o.id);
        const c = await read<any>(scenario.exchange, scenario.exchangeAbi, "getOffering", [id], block);
        const at = `${label}: offering ${o.id}`;
        expect(o.status, at).toBe(STATUS[c.status]);
        expect(o.flagReason, at).toBe(REASON[c.flagReason]);
        expect([o.frozenDay, o.flaggedOnDay, o.lastCoveredDay, o.holdbackDays], at).toEqual([
          Number(c.frozenDay),
          Number(c.flaggedOnDay),
          Number(c.lastCoveredDay),
          Number(c.holdbackDays),
        ]);
        for (const field of [
          "totalNet",
          "withdrawn",
          "refunded",
          "feesAccrued",
          "accRewardPerUnit",
          "unitsSold",
          "unitsTotal",
          "pricePerUnit",
          "netPricePerUnit",
          "saleStart",
          "saleEnd",
          "expectedDailyRewardPerUnitWad",
          "recentShares",
        ]) {
          expect(o[field], `${at} ${field}`).toBe(String(c[field]));
        }
        expect(o.feeBps, at).toBe(Number(c.feeBps));
        expect([o.termStartDay, o.termEndDay], at).toEqual([Number(c.termStartDay), Number(c.termEndDay)]);
        expect([o.minerName, o.metadataURI], at).toEqual([c.minerName, c.metadataURI]);
        expect(o.miner.id, at).toBe(lower(c.miner));
        expect(o.asset.id, at).toBe(String(c.assetId));
        expect([o.paymentToken.id, o.rewardToken.id], at).toEqual([lower(c.paymentToken), lower(c.rewardToken)]);
        expect([o.releasedAtHalt === null, o.unreleasedEscrow === null], at).toEqual([c.status !== 3, c.status !== 3]);

        // The window, decoded here bit by bit (DelinquencyMath's layout), and judged with the thresholds of the block.
        const recent = BigInt(c.recentShares);
        const judged = Number(recent & 15n);
        const shares = Array.from({ length: judged }, (_, i) => Number((recent >> BigInt(4 + 10 * i)) & 1023n));
        expect([o.judgedDays, o.windowShares], at).toEqual([judged, shares]);
        const windowDays = Number(thresholds.windowDays);
        const full = judged >= windowDays;
        const sum = shares.slice(0, Math.min(judged, windowDays)).reduce((a, b) => a + b, 0);
        expect([o.windowSum, o.windowShare, o.windowLow], at).toEqual([
          sum,
          full ? Math.floor(sum / windowDays) : null,
          full && sum * 10 < Number(thresholds.minRewardRatioBps) * windowDays,
        ]);
        const [canFlag, reason, missed, windowShare] = await read<[boolean, number, bigint, bigint]>(
          scenario.exchange,
          scenario.exchangeAbi,
          "flaggable",
          [id],
          block,
        );
        expect(o.windowShare ?? 0, at).toBe(Number(windowShare));
        const isDepositor = await read<boolean>(
          scenario.exchange,
          scenario.exchangeAbi,
          "isDepositor",
          [id, scenario.depositor],
          block,
        );
        expect(o.approvedDepositors, at).toEqual(isDepositor ? [lower(scenario.depositor)] : []);

        // The app's formulas on indexed fields and chain time equal the contract's views in the same block.
        const [released, releasedDay] = await read<[bigint, bigint]>(
          scenario.exchange,
          scenario.exchangeAbi,
          "releasedToDate",
          [id],
          block,
        );
        expect(releasedToDate(o, today), `${at} releasedToDate`).toBe(released);
        expect(releaseDay(o, today), `${at} releasedDay`).toBe(Number(releasedDay));
        const withdrawable = await read<bigint>(
          scenario.exchange,
          scenario.exchangeAbi,
          "withdrawableEscrow",
          [id],
          block,
        );
        expect(withdrawableEscrow(o, today), `${at} withdrawable`).toBe(withdrawable);
        expect(flaggable(o, protocol, today), `${at} flaggable`).toEqual({
          canFlag,
          reason: REASON[Number(reason)],
          missedDays: Number(missed),
          windowShare: Number(windowShare),
        });
        if (canFlag) reasons.add(REASON[Number(reason)]!);
      }
    }
    expect([...reasons].sort()).toEqual(["LowRewards", "MissedDeposits"]);
  });

  it("mirrors every position at every checkpoint: owner, lock, rewards, refunds", async () => {
    let refundables = 0;
    for (const { label, block } of scenario.checkpoints) {
      const { positions } = await gql(
        host.url,
        `query($b: Int!) { positions(block: {number: $b}, orderBy: tokenId) {
        id units purchaseDay startDay endDay netPaid rewardSnapshot claimed refunded refundedAmount lockedBy locked rewardsToLocker refundToLocker status
        owner { id } offering { id status frozenDay termStartDay termEndDay accRewardPerUnit } currentLock { locker { id } active payouts } } }`,
        { b: Number(block) },
      );
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
        const o = await read<any>(scenario.exchange, scenario.exchangeAbi, "getOffering", [c.offeringId], block);
        expect(p.netPaid, at).toBe(String(BigInt(c.units) * o.netPricePerUnit));
        expect(p.startDay, at).toBe(Number(o.termStartDay));
        expect(p.startDay, at).toBe(p.offering.termStartDay);
        expect(p.endDay, at).toBe(p.offering.termEndDay);
        expect(p.owner.id, at).toBe(lower(await read(scenario.exchange, scenario.exchangeAbi, "ownerOf", [id], block)));
        const locker = await read<Address>(scenario.exchange, scenario.exchangeAbi, "lockedBy", [id], block);
        expect(p.lockedBy, at).toBe(locker === zeroAddress ? null : lower(locker));
        expect(p.locked, at).toBe(locker !== zeroAddress);
        expect(p.rewardsToLocker, at).toBe((c.lockPayouts & 1) !== 0);
        expect(p.refundToLocker, at).toBe((c.lockPayouts & 2) !== 0);
        expect(p.currentLock?.payouts ?? 0, at).toBe(c.lockPayouts);
        expect(p.currentLock?.locker.id ?? null, at).toBe(locker === zeroAddress ? null : lower(locker));
        expect(p.status, at).toBe(c.refunded ? "Refunded" : locker !== zeroAddress ? "Locked" : "Active");
        const claimable = await read<bigint>(scenario.exchange, scenario.exchangeAbi, "claimableRewards", [id], block);
        expect(claimableRewards(p, p.offering), `${at} claimable`).toBe(claimable);
        const refundable = await read<bigint>(scenario.exchange, scenario.exchangeAbi, "refundableOf", [id], block);
        expect(refundableOf(p, p.offering), `${at} refundable`).toBe(refundable);
        if (refundable > 0n) refundables++;
      }
    }
    expect(refundables).toBeGreaterThan(0);
  });

  it("snapshots OfferingDay.escrowReleased as the contract's view in the blocks that touch the offering", async () => {
    let checked = 0;
    for (const { label, block } of scenario.checkpoints) {
      const day = dayOf(await blockTime(block));
      const { offerings } = await gql(
        host.url,
        `query($b: Int!) { offerings(block: {number: $b}) { id updatedAtBlock } }`,
        { b: Number(block) },
      );
      for (const o of offerings.filter((x: any) => BigInt(x.updatedAtBlock) === block)) {
        const { offeringDay } = await gql(
          host.url,
          `query($id: ID!, $b: Int!) { offeringDay(id: $id, block: {number: $b}) {
          escrowReleased escrowReleasedDay unitsOutstanding status } }`,
          { id: `${o.id}-${day}`, b: Number(block) },
        );
        const [released, releasedDay] = await read<[bigint, bigint]>(
          scenario.exchange,
          scenario.exchangeAbi,
          "releasedToDate",
          [BigInt(o.id)],
          block,
        );
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

  it("records every reward deposit on its covered day: share, exactness, the report it was judged against, the depositor", async () => {
    const deposits = (await logsOf(scenario.exchange, scenario.exchangeAbi)).filter(
      (l) => l.eventName === "RewardDeposited",
    );
    const { rewardDeposits } = await gql(
      host.url,
      `{
      rewardDeposits(orderBy: blockNumber, first: 1000) { offering { id } day amount unitsOutstanding accRewardPerUnit dayRewardPerUnitWad
        marketAvgPerUnitWad exactRate sharePerMille recentShares depositor byMiner approvedDepositor { id account } rateDay
        marketRate { day avgRewardPerUnitWad } blockNumber
        offeringDay { id covered rewardAmount rewardPerUnitWad marketAvgPerUnitWad exactRate sharePerMille rewardUnits } } }`,
    );
    expect(rewardDeposits).toHaveLength(deposits.length);
    const latestReportedDay = async (block: bigint) => {
      const reports = (await logsOf(scenario.oracle, scenario.oracleAbi)).filter(
        (l) => l.eventName === "MarketRateReported" && l.blockNumber <= block,
      );
      return Math.max(...reports.map((l) => Number(l.args.day)));
    };
    let late = 0;
    deposits.forEach((log: any, i: number) => {
      const a = log.args;
      const d = rewardDeposits[i];
      expect(d.offering.id).toBe(String(a.offeringId));
      expect(d.day).toBe(Number(a.day));
      for (const f of [
        "amount",
        "unitsOutstanding",
        "accRewardPerUnit",
        "dayRewardPerUnitWad",
        "marketAvgPerUnitWad",
        "recentShares",
      ]) {
        expect(d[f], f).toBe(String(a[f]));
      }
      expect([d.exactRate, d.sharePerMille, d.depositor]).toEqual([
        a.exactRate,
        Number(a.sharePerMille),
        lower(a.depositor),
      ]);
      const byMiner = lower(a.depositor) === lower(scenario.accounts[1]!);
      expect(d.byMiner).toBe(byMiner);
      expect(d.approvedDepositor).toEqual(
        byMiner ? null : { id: `${a.offeringId}-${lower(a.depositor)}`, account: lower(a.depositor) },
      );
      expect(d.offeringDay).toEqual({
        id: `${a.offeringId}-${a.day}`,
        covered: true,
        rewardAmount: String(a.amount),
        rewardPerUnitWad: String(a.dayRewardPerUnitWad),
        marketAvgPerUnitWad: String(a.marketAvgPerUnitWad),
        exactRate: a.exactRate,
        sharePerMille: Number(a.sharePerMille),
        rewardUnits: String(a.unitsOutstanding),
      });
      // Judged against the day's report, or (late oracle) the latest one; either way the value used is that report's.
      expect(d.marketRate.avgRewardPerUnitWad).toBe(String(a.marketAvgPerUnitWad));
      expect(d.marketRate.day).toBe(d.rateDay);
      if (a.exactRate) expect(d.rateDay).toBe(Number(a.day));
      else late++;
    });
    expect(late).toBe(1);
    const lateDeposit = rewardDeposits.find((d: any) => !d.exactRate);
    expect(lateDeposit.rateDay).toBe(await latestReportedDay(BigInt(lateDeposit.blockNumber)));
    expect(lateDeposit.rateDay).toBe(lateDeposit.day - 1);
    expect(rewardDeposits.filter((d: any) => !d.byMiner)).toHaveLength(1);
  });

  it("follows the oracle's reports, their correction and finality, and the latest day per feed", async () => {
    const oracleLogs = await logsOf(scenario.oracle, scenario.oracleAbi);
    const reports = oracleLogs.filter((l) => l.eventName === "MarketRateReported");
    const corrections = oracleLogs.filter((l) => l.eventName === "MarketRateCorrected");
    const { marketRates, marketRateCorrections, marketRateFeeds } = await gql(
      host.url,
      `{
      marketRates(orderBy: day, first: 1000) { id assetId day oracle avgRewardPerUnitWad reportedAvgRewardPerUnitWad reportedAt finalAt
        correctionCount lastCorrectedAt asset { symbol } corrections { oldAvgRewardPerUnitWad newAvgRewardPerUnitWad reporter } }
      marketRateCorrections { day oldAvgRewardPerUnitWad newAvgRewardPerUnitWad marketRate { id } }
      marketRateFeeds { id oracle assetId latestDay latest { day } reportCount correctionCount asset { id } } }`,
    );
    expect(marketRates).toHaveLength(reports.length);
    expect(marketRateCorrections).toHaveLength(corrections.length);
    const latest = await clients(anvil.rpcUrl).publicClient.getBlockNumber();
    const now = await blockTime(latest);
    for (const r of marketRates) {
      const log = reports.find((l) => Number(l.args.day) === r.day)!;
      const reportedAt = await blockTime(log.blockNumber);
      expect([r.reportedAt, r.finalAt]).toEqual([String(reportedAt), String(reportedAt + 3600n)]);
      expect(r.reportedAvgRewardPerUnitWad).toBe(String(log.args.avgRewardPerUnitWad));
      const [avg, final] = await read<[bigint, boolean]>(
        scenario.oracle,
        scenario.oracleAbi,
        "rateOf",
        [r.assetId, BigInt(r.day)],
        latest,
      );
      expect(final).toBe(isRateFinal(r, now));
      expect(r.avgRewardPerUnitWad).toBe(String(avg));
      expect(r.oracle).toBe(lower(scenario.oracle));
      expect(r.asset.symbol).toBe("FIL");
      const mine = corrections.filter((l) => Number(l.args.day) === r.day);
      expect(r.correctionCount).toBe(mine.length);
      expect(r.corrections).toEqual(
        mine.map((l) => ({
          oldAvgRewardPerUnitWad: String(l.args.oldAvgRewardPerUnitWad),
          newAvgRewardPerUnitWad: String(l.args.newAvgRewardPerUnitWad),
          reporter: lower(l.args.reporter),
        })),
      );
    }
    const corrected = marketRates.find((r: any) => r.correctionCount === 1);
    expect(corrected.avgRewardPerUnitWad).toBe(String(2n * BigInt(corrected.reportedAvgRewardPerUnitWad)));
    // Within the correction window the rate is not final; at the correction's block it had the reported value before.
    const correctedLog = corrections[0]!;
    const before = await gql(
      host.url,
      `query($id: ID!, $b: Int!) { marketRate(id: $id, block: {number: $b}) { avgRewardPerUnitWad finalAt } }`,
      { id: corrected.id, b: Number(correctedLog.blockNumber) - 1 },
    );
    expect(before.marketRate.avgRewardPerUnitWad).toBe(corrected.reportedAvgRewardPerUnitWad);
    expect(isRateFinal(before.marketRate, await blockTime(correctedLog.blockNumber))).toBe(false);
    const [latestAvg, latestDay, known] = await read<[bigint, bigint, boolean]>(
      scenario.oracle,
      scenario.oracleAbi,
      "latestRate",
      [1],
      latest,
    );
    expect(known).toBe(true);
    expect(marketRateFeeds).toEqual([
      {
        id: `${lower(scenario.oracle)}-1`,
        oracle: lower(scenario.oracle),
        assetId: 1,
        latestDay: Number(latestDay),
        latest: { day: Number(latestDay) },
        reportCount: reports.length,
        correctionCount: corrections.length,
        asset: { id: "1" },
      },
    ]);
    expect(marketRates.find((r: any) => r.day === Number(latestDay)).avgRewardPerUnitWad).toBe(String(latestAvg));
  });

  it("keeps one immutable record per event, with the history the app shows", async () => {
    const logs = await logsOf(scenario.exchange, scenario.exchangeAbi);
    const count = (name: string) => logs.filter((l) => l.eventName === name).length;
    const data = await gql(
      host.url,
      `{
      purchases(first: 1000) { id } rewardClaims(first: 1000) { amount position { id claimed } }
      escrowWithdrawals(first: 1000) { amount releasedToDate } refunds(first: 1000) { amount position { refundedAmount } }
      feeCollections(first: 1000) { amount } flags(first: 1000) { offering { id } action reason day frozenDay lastCoveredDay
        windowSharePerMille releasedAtHalt unreleasedEscrow blockNumber logIndex }
      positionTransfers(first: 1000) { from to } parameterChanges(first: 1000) { kind address listed assetId approved missedDaysThreshold
        windowDays minRewardRatioBps minCoverageBps postTermFlagDays blockNumber logIndex }
      metadataUpdates(first: 1000) { fromTokenId toTokenId } positionLocks(first: 1000, orderBy: lockedAtBlock) { active seizedTo position { id } }
      lockers { id approved activeLocks } assets { id symbol unitLabel offeringCount } }`,
    );
    expect(data.purchases).toHaveLength(count("PositionPurchased"));
    expect(data.rewardClaims).toHaveLength(count("RewardClaimed"));
    expect(data.escrowWithdrawals).toHaveLength(count("EscrowWithdrawn"));
    expect(data.refunds).toHaveLength(count("RefundClaimed"));
    expect(data.feeCollections).toHaveLength(count("FeesCollected"));
    expect(data.positionTransfers).toHaveLength(count("Transfer"));
    expect(data.metadataUpdates).toHaveLength(count("MetadataUpdate") + count("BatchMetadataUpdate"));
    expect(data.positionLocks).toHaveLength(count("PositionLocked"));
    const chronological = (a: any, b: any) =>
      Number(BigInt(a.blockNumber) - BigInt(b.blockNumber)) || Number(a.logIndex) - Number(b.logIndex);
    data.flags.sort(chronological);
    data.parameterChanges.sort(chronological);
    expect(data.parameterChanges.map((p: any) => p.kind)).toEqual([
      "FeeRecipient",
      "Oracle",
      "ChannelFee",
      "DefaultThresholds",
      "PaymentToken",
      "RewardToken",
      "PaymentToken",
      "PaymentToken",
      "DefaultThresholds",
      "Locker",
      "Renderer",
      "ChannelFee",
      "FeeRecipient",
      "Oracle",
    ]);
    const thresholds = (p: any) => [
      p.missedDaysThreshold,
      p.windowDays,
      p.minRewardRatioBps,
      p.minCoverageBps,
      p.postTermFlagDays,
    ];
    expect(data.parameterChanges.filter((p: any) => p.kind === "DefaultThresholds").map(thresholds)).toEqual([
      [7, 7, 8000, 5000, 10],
      [3, 3, 8000, 5000, 5],
    ]);
    expect(
      data.parameterChanges
        .filter((p: any) => p.kind === "PaymentToken" || p.kind === "RewardToken")
        .map((p: any) => [p.kind, p.address, p.listed, p.assetId]),
    ).toEqual([
      ["PaymentToken", lower(scenario.usdt), true, null],
      ["RewardToken", lower(scenario.ifil), true, 1],
      ["PaymentToken", lower(scenario.ifil), true, null],
      ["PaymentToken", lower(scenario.ifil), false, null],
    ]);
    const D = (day: number | null) => (day === null ? null : day - Number(scenario.day0));
    expect(
      data.flags.map(
        (f: any) =>
          `${f.offering.id}:${f.action}:${f.reason}:D+${D(f.day)}:${f.frozenDay === null ? "-" : `frozen D+${D(f.frozenDay)}`}`,
      ),
    ).toEqual([
      "1:Flagged:LowRewards:D+5:frozen D+5",
      "1:Resumed:None:D+6:-",
      "2:Flagged:MissedDeposits:D+6:frozen D+6",
      "2:Resumed:None:D+7:-",
      "2:Flagged:MissedDeposits:D+10:frozen D+7",
      "2:Halted:MissedDeposits:D+7:frozen D+7",
    ]);
    const flagLogs = logs.filter((l) => l.eventName === "OfferingFlagged");
    expect(
      data.flags.filter((f: any) => f.action === "Flagged").map((f: any) => [f.lastCoveredDay, f.windowSharePerMille]),
    ).toEqual(flagLogs.map((l) => [Number(l.args.lastCoveredDay), Number(l.args.windowSharePerMille)]));
    // The post-term flag froze release before the flag day (the holdback was holding it back).
    const postTerm = data.flags.find((f: any) => f.action === "Flagged" && D(f.day) === 10);
    expect(postTerm.frozenDay).toBeLessThan(postTerm.day);
    const halt = logs.find((l) => l.eventName === "OfferingHalted")!.args;
    const halted = data.flags.find((f: any) => f.action === "Halted");
    expect([halted.releasedAtHalt, halted.unreleasedEscrow]).toEqual([
      String(halt.releasedAtHalt),
      String(halt.unreleasedEscrow),
    ]);
    const { offering: two } = await gql(
      host.url,
      `{ offering(id: "2") { status totalNet releasedAtHalt unreleasedEscrow frozenDay flaggedOnDay
      termStartDay termEndDay positions { units netPaid refunded refundedAmount } } }`,
    );
    expect([two.status, two.releasedAtHalt, two.unreleasedEscrow]).toEqual([
      "Halted",
      String(halt.releasedAtHalt),
      String(halt.unreleasedEscrow),
    ]);
    expect(BigInt(two.unreleasedEscrow)).toBe(BigInt(two.totalNet) - BigInt(two.releasedAtHalt));
    const haltBlock = logs.find((l) => l.eventName === "OfferingHalted")!.blockNumber;
    const atHalt = await gql(
      host.url,
      `query($b: Int!) { offering(id: "2", block: {number: $b}) { lastReportedReleased lastReportedReleasedDay } }`,
      { b: Number(haltBlock) },
    );
    const [releasedAtHalt, releasedDayAtHalt] = await read<[bigint, bigint]>(
      scenario.exchange,
      scenario.exchangeAbi,
      "releasedToDate",
      [2n],
      haltBlock,
    );
    expect(atHalt.offering).toEqual({
      lastReportedReleased: String(releasedAtHalt),
      lastReportedReleasedDay: Number(releasedDayAtHalt),
    });
    // What holders can pull (pulled or not) never exceeds what release left in escrow.
    const owed = two.positions.reduce(
      (sum: bigint, p: any) => sum + (p.refunded ? BigInt(p.refundedAmount) : refundableOf(p, two)),
      0n,
    );
    expect(owed <= BigInt(two.unreleasedEscrow)).toBe(true);
    expect(BigInt(two.unreleasedEscrow) - owed <= BigInt(two.positions.length)).toBe(true);
    expect(data.positionLocks.map((l: any) => [l.position.id, l.active, l.seizedTo])).toEqual([
      ["2", false, null],
      ["2", false, lower(scenario.accounts[2])],
      ["4", true, null],
    ]);
    expect(data.lockers).toEqual([{ id: lower(scenario.locker), approved: true, activeLocks: 1 }]);
    const { marketRateCorrections } = await gql(host.url, "{ marketRateCorrections { id } }");
    const oracleLogs = await logsOf(scenario.oracle, scenario.oracleAbi);
    expect(marketRateCorrections).toHaveLength(oracleLogs.filter((l) => l.eventName === "MarketRateCorrected").length);
    expect(data.assets).toEqual([{ id: "1", symbol: "FIL", unitLabel: "TiB", offeringCount: 2 }]);
    const claimedByPosition = new Map<string, bigint>();
    for (const c of data.rewardClaims)
      claimedByPosition.set(c.position.id, (claimedByPosition.get(c.position.id) ?? 0n) + BigInt(c.amount));
    for (const c of data.rewardClaims) expect(c.position.claimed).toBe(String(claimedByPosition.get(c.position.id)));
    for (const r of data.refunds) expect(r.position.refundedAmount).toBe(r.amount);
  });

  it("serves the derived lists the app reads (holdings, claims, history, per-day data)", async () => {
    const latest = await clients(anvil.rpcUrl).publicClient.getBlockNumber();
    const logs = await logsOf(scenario.exchange, scenario.exchangeAbi);
    for (const holder of [scenario.accounts[2], scenario.accounts[3]]) {
      const { account } = await gql(
        host.url,
        `query($id: ID!) { account(id: $id) {
        positions(orderBy: tokenId) { id } purchases { id } claims { amount } transfersIn { id } transfersOut { id } } }`,
        { id: lower(holder) },
      );
      const owned: string[] = [];
      for (const id of scenario.tokenIds) {
        const owner = await read<Address>(scenario.exchange, scenario.exchangeAbi, "ownerOf", [id], latest);
        if (lower(owner) === lower(holder)) owned.push(String(id));
      }
      expect(
        account.positions.map((p: any) => p.id),
        holder,
      ).toEqual(owned);
      const bought = logs.filter((l) => l.eventName === "PositionPurchased" && lower(l.args.buyer) === lower(holder));
      expect(account.purchases).toHaveLength(bought.length);
      const received = logs.filter((l) => l.eventName === "Transfer" && lower(l.args.to) === lower(holder));
      const sent = logs.filter((l) => l.eventName === "Transfer" && lower(l.args.from) === lower(holder));
      expect([account.transfersIn.length, account.transfersOut.length], holder).toEqual([received.length, sent.length]);
    }
    const { offering } = await gql(
      host.url,
      `{ offering(id: "1") {
      positions(orderBy: tokenId) { id } purchases { id } rewardDeposits { id } withdrawals { id } flags { id } feeCollections { id }
      days(orderBy: day) { day covered purchases rewardsClaimed escrowWithdrawn } } }`,
    );
    const forOffering = (name: string) => logs.filter((l) => l.eventName === name && l.args.offeringId === 1n).length;
    expect(offering.positions.map((p: any) => p.id)).toEqual(["1", "2", "3", "4"]);
    expect(offering.purchases).toHaveLength(forOffering("PositionPurchased"));
    expect(offering.rewardDeposits).toHaveLength(forOffering("RewardDeposited"));
    expect(offering.withdrawals).toHaveLength(forOffering("EscrowWithdrawn"));
    expect(offering.feeCollections).toHaveLength(forOffering("FeesCollected"));
    expect(offering.flags).toHaveLength(forOffering("OfferingFlagged") + forOffering("OfferingResumed"));
    expect(offering.days.filter((d: any) => d.covered)).toHaveLength(forOffering("RewardDeposited"));
    expect(offering.days.reduce((n: number, d: any) => n + d.purchases, 0)).toBe(forOffering("PositionPurchased"));
    const { position } = await gql(
      host.url,
      `{ position(id: "2") { referrer metadataUpdatedAtBlock transfers { from sender { id } } locks { id } purchase { units } } }`,
    );
    expect(position.referrer).toBe(lower(scenario.accounts[6]));
    const lastUpdate = logs.filter((l) => l.eventName === "MetadataUpdate" && l.args._tokenId === 2n).at(-1)!;
    expect(position.metadataUpdatedAtBlock).toBe(String(lastUpdate.blockNumber));
    expect(position.transfers.filter((t: any) => t.sender === null)).toEqual([{ from: zeroAddress, sender: null }]);
    expect(position.locks).toHaveLength(2);
    expect(position.purchase.units).toBe("3");

    // The depositor of offering 1: approved, one deposit, revoked; the token listings per asset.
    const { offering: one } = await gql(
      host.url,
      `{ offering(id: "1") { approvedDepositors depositors { id account approved depositCount
      rewardsDeposited approvedAt revokedAt deposits { amount depositor } } } }`,
    );
    const byDepositor = logs.filter(
      (l) => l.eventName === "RewardDeposited" && lower(l.args.depositor) === lower(scenario.depositor),
    );
    const setLogs = logs.filter((l) => l.eventName === "DepositorSet");
    expect(one.approvedDepositors).toEqual([]);
    expect(one.depositors).toEqual([
      {
        id: `1-${lower(scenario.depositor)}`,
        account: lower(scenario.depositor),
        approved: false,
        depositCount: byDepositor.length,
        rewardsDeposited: String(byDepositor.reduce((sum, l) => sum + l.args.amount, 0n)),
        approvedAt: String(await blockTime(setLogs[0]!.blockNumber)),
        revokedAt: String(await blockTime(setLogs[1]!.blockNumber)),
        deposits: byDepositor.map((l) => ({ amount: String(l.args.amount), depositor: lower(scenario.depositor) })),
      },
    ]);
    const { tokens, asset, rewardTokenListings } = await gql(
      host.url,
      `{ tokens(orderBy: id) { id listedForPayment rewardListings { id } }
      asset(id: "1") { rewardTokens { token { id } listed } } rewardTokenListings { id listed asset { id } token { id } } }`,
    );
    for (const t of tokens) {
      expect(t.listedForPayment, t.id).toBe(
        await read<boolean>(scenario.exchange, scenario.exchangeAbi, "isPaymentToken", [t.id], latest),
      );
    }
    expect(tokens.filter((t: any) => t.listedForPayment).map((t: any) => t.id)).toEqual([lower(scenario.usdt)]);
    expect(asset.rewardTokens).toEqual([{ token: { id: lower(scenario.ifil) }, listed: true }]);
    expect(rewardTokenListings).toEqual([
      { id: `1-${lower(scenario.ifil)}`, listed: true, asset: { id: "1" }, token: { id: lower(scenario.ifil) } },
    ]);
    expect(await read<boolean>(scenario.assets, scenario.assetsAbi, "isRewardToken", [1, scenario.ifil], latest)).toBe(
      true,
    );
  });

  it("sums every running total from the logs (offerings, miners, accounts, positions, days)", async () => {
    const logs = await logsOf(scenario.exchange, scenario.exchangeAbi);
    const sum = (name: string, field: string, where: (a: any) => boolean = () => true) =>
      String(
        logs.filter((l) => l.eventName === name && where(l.args)).reduce((acc, l) => acc + BigInt(l.args[field]), 0n),
      );
    const n = (name: string, where: (a: any) => boolean = () => true) =>
      logs.filter((l) => l.eventName === name && where(l.args)).length;
    const data = await gql(
      host.url,
      `{
      offerings { id volume rewardsDeposited rewardsClaimed feesCollected positionCount lastReportedReleased lastReportedReleasedDay
        days(first: 1000) { volume fees feesCollected refunded rewardsClaimed escrowWithdrawn unitsSold } }
      miners { id name offeringCount escrowWithdrawn rewardsDeposited }
      accounts(first: 1000) { id purchaseCount rewardsClaimed refunded }
      positions(first: 1000) { id totalPrice fee buyer { id } transferCount }
      protocols { accountCount minerCount purchaseCount }
      protocolDays(first: 1000) { purchases newPositions transfers unitsSold fees feesCollected escrowWithdrawn refunded rewardsDeposited }
      tokenDays(first: 1000) { token { id } volume rewardsDeposited rewardsClaimed } }`,
    );
    for (const o of data.offerings) {
      const of = (a: any) => String(a.offeringId) === o.id;
      expect(o.volume, o.id).toBe(sum("PositionPurchased", "totalPrice", of));
      expect(o.rewardsDeposited, o.id).toBe(sum("RewardDeposited", "amount", of));
      expect(o.rewardsClaimed, o.id).toBe(sum("RewardClaimed", "amount", of));
      expect(o.feesCollected, o.id).toBe(sum("FeesCollected", "amount", of));
      expect(o.positionCount, o.id).toBe(n("PositionPurchased", of));
      const lastWithdrawal = logs.filter((l) => l.eventName === "EscrowWithdrawn" && of(l.args)).at(-1)!;
      expect([o.lastReportedReleased, o.lastReportedReleasedDay], o.id).toEqual([
        String(lastWithdrawal.args.releasedToDate),
        Number(lastWithdrawal.args.releasedDay),
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
    expect(data.miners).toEqual([
      {
        id: lower(scenario.accounts[1]),
        name: "Miner Two",
        offeringCount: 2,
        escrowWithdrawn: sum("EscrowWithdrawn", "amount"),
        rewardsDeposited: sum("RewardDeposited", "amount"),
      },
    ]);
    for (const a of data.accounts) {
      const by = (field: string) => (args: any) => lower(args[field]) === a.id;
      expect([a.purchaseCount, a.rewardsClaimed, a.refunded], a.id).toEqual([
        n("PositionPurchased", by("buyer")),
        sum("RewardClaimed", "amount", by("owner")),
        sum("RefundClaimed", "amount", by("owner")),
      ]);
    }
    for (const p of data.positions) {
      const bought = logs.find((l) => l.eventName === "PositionPurchased" && String(l.args.tokenId) === p.id)!.args;
      expect([p.totalPrice, p.fee, p.buyer.id], p.id).toEqual([
        String(bought.totalPrice),
        String(bought.fee),
        lower(bought.buyer),
      ]);
      expect(p.transferCount, p.id).toBe(n("Transfer", (a) => String(a.tokenId) === p.id && a.from !== zeroAddress));
    }
    const buyersAndReceivers = new Set(logs.filter((l) => l.eventName === "Transfer").map((l) => lower(l.args.to)));
    expect(data.protocols[0]).toEqual({
      accountCount: buyersAndReceivers.size,
      minerCount: 1,
      purchaseCount: n("PositionPurchased"),
    });
    const pd = (f: string) => data.protocolDays.reduce((acc: bigint, d: any) => acc + BigInt(d[f]), 0n);
    expect([pd("purchases"), pd("newPositions")]).toEqual([
      BigInt(n("PositionPurchased")),
      BigInt(n("PositionPurchased")),
    ]);
    expect(pd("transfers")).toBe(BigInt(n("Transfer", (a) => a.from !== zeroAddress)));
    expect(String(pd("refunded"))).toBe(sum("RefundClaimed", "amount"));
    expect(String(pd("rewardsDeposited"))).toBe(sum("RewardDeposited", "amount"));
    const td = (token: string, f: string) =>
      String(
        data.tokenDays
          .filter((d: any) => d.token.id === lower(token))
          .reduce((acc: bigint, d: any) => acc + BigInt(d[f]), 0n),
      );
    expect(td(scenario.usdt, "volume")).toBe(sum("PositionPurchased", "totalPrice"));
    expect(td(scenario.ifil, "rewardsClaimed")).toBe(sum("RewardClaimed", "amount"));
  });

  it("knows who holds which role on the exchange, the asset registry and the oracle", async () => {
    const { roleMembers, roleChanges } = await gql(
      host.url,
      `{
      roleMembers(first: 1000) { contract role roleName account active changes { granted } }
      roleChanges(first: 1000) { id } }`,
    );
    const latest = await clients(anvil.rpcUrl).publicClient.getBlockNumber();
    const grants = (await logsOf(scenario.exchange, scenario.exchangeAbi))
      .concat(await logsOf(scenario.assets, scenario.assetsAbi), await logsOf(scenario.oracle, scenario.oracleAbi))
      .filter((l) => l.eventName === "RoleGranted" || l.eventName === "RoleRevoked");
    expect(roleChanges).toHaveLength(grants.length);
    const names = new Set(roleMembers.map((m: any) => m.roleName));
    for (const name of ["DEFAULT_ADMIN_ROLE", "GOVERNOR_ROLE", "REGISTRAR_ROLE", "HALT_GUARDIAN_ROLE", "REPORTER_ROLE"])
      expect(names).toContain(name);
    for (const m of roleMembers) {
      const [address, abi] =
        m.contract === lower(scenario.exchange)
          ? [scenario.exchange, scenario.exchangeAbi]
          : m.contract === lower(scenario.assets)
            ? [scenario.assets, scenario.assetsAbi]
            : [scenario.oracle, scenario.oracleAbi];
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
    const { protocols, protocolDays, tokens, accounts } = await gql(
      host.url,
      `{
      protocols { id channelFeeBps feeRecipient oracle renderer missedDaysThreshold windowDays minRewardRatioBps minCoverageBps postTermFlagDays
        offeringCount positionCount purchaseCount offeringsFlagged offeringsHalted unitsSold volume fees feesCollected
        totalNet escrowWithdrawn refunded rewardsDeposited rewardsClaimed lastBatchMetadataUpdate { toTokenId } }
      protocolDays(first: 1000) { volume fees rewardsClaimed purchases }
      tokens { id volume rewardsDeposited }
      accounts(first: 1000) { id positionCount } }`,
    );
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
    expect([p.missedDaysThreshold, p.windowDays, p.minRewardRatioBps, p.minCoverageBps, p.postTermFlagDays]).toEqual([
      t.missedDaysThreshold,
      t.windowDays,
      t.minRewardRatioBps,
      t.minCoverageBps,
      t.postTermFlagDays,
    ]);
    expect([p.offeringCount, p.positionCount]).toEqual([
      Number(await r("offeringCount")),
      Number(await r("positionCount")),
    ]);
    const { assets } = await gql(host.url, `{ assets { assetId symbol unitLabel } }`);
    const assetCount = Number(await read(scenario.assets, scenario.assetsAbi, "assetCount", [], latest));
    expect(assets).toHaveLength(assetCount);
    for (const a of assets) {
      expect(await read(scenario.assets, scenario.assetsAbi, "getAsset", [a.assetId], latest)).toEqual({
        symbol: a.symbol,
        unitLabel: a.unitLabel,
      });
    }
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

  it("mirrors the exchange's and the asset registry's governance setters into Parameter, one update per change", async () => {
    const latest = await clients(anvil.rpcUrl).publicClient.getBlockNumber();
    const r = (fn: string, args: unknown[] = []) =>
      read<any>(scenario.exchange, scenario.exchangeAbi, fn, args, latest);
    const { parameters } = await gql(
      host.url,
      `{ parameters(first: 100, where: {contract: "${lower(scenario.exchange)}"}) {
      id name value history(orderBy: blockNumber) { oldValue newValue } } }`,
    );
    const value = (id: string) => parameters.find((p: any) => p.id === id)?.value;
    const t = await r("defaultThresholds");
    const perAddress = /^(locker|paymentToken|rewardToken)\./;
    expect(
      Object.fromEntries(parameters.filter((p: any) => !perAddress.test(p.name)).map((p: any) => [p.id, p.value])),
    ).toEqual({
      "exchange-channelFeeBps": String(await r("channelFeeBps")),
      "exchange-feeRecipient": lower(await r("feeRecipient")),
      "exchange-oracle": lower(await r("oracle")),
      "exchange-renderer": lower(await r("renderer")),
      "exchange-missedDaysThreshold": String(t.missedDaysThreshold),
      "exchange-windowDays": String(t.windowDays),
      "exchange-minRewardRatioBps": String(t.minRewardRatioBps),
      "exchange-minCoverageBps": String(t.minCoverageBps),
      "exchange-postTermFlagDays": String(t.postTermFlagDays),
    });
    expect(value(`exchange-locker.${lower(scenario.locker)}`)).toBe(String(await r("isLocker", [scenario.locker])));
    // The token listings, one parameter per token (and asset), as exchange-locker.<address>.
    expect(
      Object.fromEntries(
        parameters.filter((p: any) => /^(paymentToken|rewardToken)\./.test(p.name)).map((p: any) => [p.id, p.value]),
      ),
    ).toEqual({
      [`exchange-paymentToken.${lower(scenario.usdt)}`]: String(await r("isPaymentToken", [scenario.usdt])),
      [`exchange-paymentToken.${lower(scenario.ifil)}`]: String(await r("isPaymentToken", [scenario.ifil])),
    });
    // Reward-token listings are the asset registry's parameters.
    const { parameters: registryParameters } = await gql(
      host.url,
      `{ parameters(first: 100, where: {contract: "${lower(scenario.assets)}"}) { id value } }`,
    );
    expect(Object.fromEntries(registryParameters.map((p: any) => [p.id, p.value]))).toEqual({
      [`assets-rewardToken.1.${lower(scenario.ifil)}`]: String(
        await read(scenario.assets, scenario.assetsAbi, "isRewardToken", [1, scenario.ifil], latest),
      ),
    });
    expect(parameters.find((p: any) => p.id === `exchange-paymentToken.${lower(scenario.ifil)}`).history).toEqual([
      { oldValue: null, newValue: "true" },
      { oldValue: "true", newValue: "false" },
    ]);
    // Both threshold sets changed windowDays; minRewardRatioBps was set once (the second set left it as it was).
    expect(parameters.find((p: any) => p.id === "exchange-windowDays").history).toEqual([
      { oldValue: null, newValue: "7" },
      { oldValue: "7", newValue: "3" },
    ]);
    expect(parameters.find((p: any) => p.id === "exchange-minRewardRatioBps").history).toHaveLength(1);
    const fee = parameters.find((p: any) => p.id === "exchange-channelFeeBps");
    expect(fee.history).toEqual([
      { oldValue: null, newValue: "500" },
      { oldValue: "500", newValue: "300" },
    ]);
    // setOracle to the same oracle changed nothing: no second update.
    expect(parameters.find((p: any) => p.id === "exchange-oracle").history).toHaveLength(1);
  });
});
