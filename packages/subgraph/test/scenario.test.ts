// The anvil scenario the mapping tests index must emit every event the manifest handles, so
// every handler runs against real logs. Runs without graph-host.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { parseEventLogs } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

import { dayOf, flaggable, releaseDay, releasedToDate } from "./indexed";
import { type Anvil, clients, startAnvil } from "./mapping/chain";
import { applyLog, type OfferingState, type Thresholds } from "./mapping/replay";
import { runScenario, type Scenario } from "./mapping/scenario";

const HERE = dirname(fileURLToPath(import.meta.url));

let anvil: Anvil;
let scenario: Scenario;

beforeAll(async () => {
  anvil = await startAnvil();
  scenario = await runScenario(anvil.rpcUrl);
});

afterAll(async () => {
  await anvil?.stop();
});

/** Exchange events of trading (issue 11): test/trading.test.ts drives them (and checks they were emitted). */
const TRADING_EXCHANGE_EVENTS = ["TradingRewardsSet", "UnitsReserved", "ReservedUnitsReleased"];

describe("anvil scenario", () => {
  it("emits every event that has a handler, from the addresses the manifest will index", async () => {
    const { publicClient } = clients(anvil.rpcUrl);
    const manifest = parse(readFileSync(join(HERE, "../build/subgraph.yaml"), "utf8"));
    const sources = {
      HashpowerExchange: {
        address: scenario.exchange,
        abi: scenario.exchangeAbi,
        fromBlock: scenario.startBlock.exchange,
      },
      MarketRateOracle: { address: scenario.oracle, abi: scenario.oracleAbi, fromBlock: scenario.startBlock.oracle },
    };
    // The DAO's data sources: test/dao.test.ts drives them with the deploy script's own wiring.
    for (const ds of manifest.dataSources.filter((d: { name: string }) => d.name in sources)) {
      const source = sources[ds.name as keyof typeof sources];
      const logs = await publicClient.getLogs({ address: source.address, fromBlock: source.fromBlock });
      const emitted = new Set(parseEventLogs({ abi: source.abi, logs }).map((l) => l.eventName));
      for (const { event } of ds.mapping.eventHandlers) {
        const name = event.slice(0, event.indexOf("("));
        if (ds.name === "HashpowerExchange" && TRADING_EXCHANGE_EVENTS.includes(name)) continue;
        expect(emitted, `${ds.name}.${name} never emitted by the scenario`).toContain(name);
      }
    }
  });

  it("records a checkpoint per step in increasing block order", () => {
    const blocks = scenario.checkpoints.map((c) => c.block);
    expect(blocks.length).toBeGreaterThanOrEqual(60);
    expect([...blocks].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(blocks);
  });
});

describe("anvil scenario history (what the mapping tests expect the subgraph to record)", () => {
  const exchangeLogs = async () => {
    const { publicClient } = clients(anvil.rpcUrl);
    return parseEventLogs({
      abi: scenario.exchangeAbi,
      logs: await publicClient.getLogs({ address: scenario.exchange, fromBlock: 0n }),
    }) as any[];
  };
  const rel = (day: bigint | number) => Number(BigInt(day) - scenario.day0);

  it("flags offering 1 for low rewards and offering 2 for missed deposits twice, the second time after its term, then halts offering 2", async () => {
    const logs = await exchangeLogs();
    const history = logs
      .filter((l) => ["OfferingFlagged", "OfferingResumed", "OfferingHalted"].includes(l.eventName))
      .map((l) => {
        const a = l.args;
        if (l.eventName === "OfferingFlagged")
          return `${a.offeringId}:Flagged:${a.reason}:D+${rel(a.day)}:frozen D+${rel(a.frozenDay)}:share ${a.windowSharePerMille}`;
        if (l.eventName === "OfferingHalted") return `${a.offeringId}:Halted:frozen D+${rel(a.frozenDay)}`;
        return `${a.offeringId}:Resumed:D+${rel(a.day)}`;
      });
    expect(history).toEqual([
      "1:Flagged:2:D+5:frozen D+5:share 766",
      "1:Resumed:D+6",
      "2:Flagged:1:D+6:frozen D+6:share 0",
      "2:Resumed:D+7",
      "2:Flagged:1:D+10:frozen D+7:share 1000",
      "2:Halted:frozen D+7",
    ]);
    const created = logs.find((l) => l.eventName === "OfferingCreated" && l.args.offeringId === 2n)!.args;
    const halted = logs.find((l) => l.eventName === "OfferingHalted")!.args;
    const totalNet = logs
      .filter((l) => l.eventName === "PositionPurchased" && l.args.offeringId === 2n)
      .reduce((s, l) => s + l.args.netAmount, 0n);
    const termDays = BigInt(created.terms.termEndDay - created.terms.termStartDay);
    expect(halted.releasedAtHalt).toBe((totalNet * 4n) / termDays);
    expect(halted.unreleasedEscrow).toBe(totalNet - halted.releasedAtHalt);
    const holdbacks = logs
      .filter((l) => l.eventName === "HoldbackSet")
      .map((l) => [l.args.offeringId, l.args.holdbackDays]);
    expect(holdbacks).toEqual([
      [1n, 7n],
      [2n, 3n],
    ]);
  });

  it("sets every governance parameter kind, the token listings and both threshold sets", async () => {
    const logs = await exchangeLogs();
    const parameters = logs
      .filter((l) =>
        [
          "ChannelFeeSet",
          "FeeRecipientSet",
          "DefaultThresholdsSet",
          "LockerSet",
          "RendererSet",
          "OracleSet",
          "PaymentTokenSet",
        ].includes(l.eventName),
      )
      .map((l) => l.eventName);
    expect(parameters).toEqual([
      "FeeRecipientSet",
      "OracleSet",
      "ChannelFeeSet",
      "DefaultThresholdsSet",
      "PaymentTokenSet",
      "PaymentTokenSet",
      "PaymentTokenSet",
      "DefaultThresholdsSet",
      "LockerSet",
      "RendererSet",
      "ChannelFeeSet",
      "FeeRecipientSet",
      "OracleSet",
    ]);
    const thresholds = logs
      .filter((l) => l.eventName === "DefaultThresholdsSet")
      .map((l) => Object.values(l.args).map(Number));
    expect(thresholds).toEqual([
      [7, 7, 8000, 5000, 10],
      [3, 3, 8000, 5000, 5],
    ]);
    expect(
      logs
        .filter((l) => l.eventName === "DepositorSet")
        .map((l) => [l.args.offeringId, l.args.depositor, l.args.approved]),
    ).toEqual([
      [1n, scenario.depositor, true],
      [1n, scenario.depositor, false],
    ]);
    // Assets and their reward tokens are the asset registry's.
    const { publicClient } = clients(anvil.rpcUrl);
    const registryLogs = parseEventLogs({
      abi: scenario.assetsAbi,
      logs: await publicClient.getLogs({ address: scenario.assets, fromBlock: 0n }),
    }) as any[];
    expect(
      registryLogs.filter((l) => ["AssetRegistered", "RewardTokenSet"].includes(l.eventName)).map((l) => l.eventName),
    ).toEqual(["AssetRegistered", "RewardTokenSet"]);
  });

  it("judges every deposit: shares, the corrected and the late rates, the depositor", async () => {
    const logs = await exchangeLogs();
    const deposits = logs
      .filter((l) => l.eventName === "RewardDeposited")
      .map((l) => {
        const a = l.args;
        const who =
          a.depositor === scenario.accounts[1]
            ? "miner"
            : a.depositor === scenario.depositor
              ? "depositor"
              : a.depositor;
        return `${a.offeringId}:D+${rel(a.day)}:${a.exactRate ? "exact" : "late"}:${a.sharePerMille}:${who}`;
      });
    expect(deposits).toEqual([
      "1:D+2:exact:1000:miner",
      "1:D+3:exact:600:miner",
      "1:D+4:exact:700:depositor",
      "1:D+5:late:1000:miner",
      "1:D+6:exact:1000:miner",
      "2:D+3:exact:1000:miner",
      "2:D+4:exact:1000:miner",
      "2:D+5:exact:1000:miner",
      "2:D+6:exact:1000:miner",
      "1:D+7:exact:1000:miner",
      "1:D+8:exact:1000:miner",
      "1:D+9:exact:1000:miner",
      "1:D+10:exact:1000:miner",
      "1:D+11:exact:1000:miner",
      "1:D+12:exact:1000:miner",
      "1:D+13:exact:1000:miner",
    ]);
    // The late day was judged against the latest final report (D+4's), the corrected day against the correction.
    const late = logs.find((l) => l.eventName === "RewardDeposited" && !l.args.exactRate)!.args;
    expect(late.marketAvgPerUnitWad).toBe(10n ** 33n);
    const corrected = logs.find(
      (l) => l.eventName === "RewardDeposited" && rel(l.args.day) === 3 && l.args.offeringId === 1n,
    )!.args;
    expect(corrected.marketAvgPerUnitWad).toBe(2n * 10n ** 33n);
    const withdrawals = logs
      .filter((l) => l.eventName === "EscrowWithdrawn" && l.args.offeringId === 1n)
      .map((l) => `D+${rel(l.args.releasedDay)}`);
    expect(withdrawals).toEqual(["D+4", "D+9", "D+13", "D+14"]);
    const { publicClient } = clients(anvil.rpcUrl);
    const oracleLogs = parseEventLogs({
      abi: scenario.oracleAbi,
      logs: await publicClient.getLogs({ address: scenario.oracle, fromBlock: 0n }),
    }) as any[];
    expect(
      oracleLogs
        .filter((l) => l.eventName === "MarketRateCorrected")
        .map((l) => [rel(l.args.day), l.args.oldAvgRewardPerUnitWad, l.args.newAvgRewardPerUnitWad]),
    ).toEqual([[3, 10n ** 33n, 2n * 10n ** 33n]]);
  });
});

describe("the handlers' state rules, replayed over the scenario's logs", () => {
  it("reproduce the contract's offering storage, releasedToDate and flaggable at every checkpoint", async () => {
    const { publicClient } = clients(anvil.rpcUrl);
    const logs = parseEventLogs({
      abi: scenario.exchangeAbi,
      logs: await publicClient.getLogs({ address: scenario.exchange, fromBlock: 0n }),
    });
    const offerings = new Map<bigint, OfferingState>();
    const thresholds: Thresholds = {
      missedDaysThreshold: 0,
      windowDays: 0,
      minRewardRatioBps: 0,
      minCoverageBps: 0,
      postTermFlagDays: 0,
    };
    const STATUS = ["None", "Active", "Flagged", "Halted"];
    const REASON = ["None", "MissedDeposits", "LowRewards"];
    const read = (functionName: string, args: unknown[], blockNumber: bigint) =>
      publicClient.readContract({
        address: scenario.exchange,
        abi: scenario.exchangeAbi,
        functionName,
        args,
        blockNumber,
      }) as Promise<any>;
    let next = 0;
    let compared = 0;
    const reasons = new Set<string>();
    for (const { label, block } of scenario.checkpoints) {
      while (next < logs.length && logs[next].blockNumber <= block)
        applyLog(offerings, logs[next++] as any, thresholds);
      const today = dayOf((await publicClient.getBlock({ blockNumber: block })).timestamp);
      expect(thresholds, label).toEqual(
        Object.fromEntries(Object.entries(await read("defaultThresholds", [], block)).map(([k, v]) => [k, Number(v)])),
      );
      for (const [id, mine] of offerings) {
        const c = await read("getOffering", [id], block);
        const at = `${label}: offering ${id}`;
        expect(mine.status, at).toBe(STATUS[c.status]);
        expect(
          [mine.flagReason, mine.frozenDay, mine.flaggedOnDay, mine.lastCoveredDay, mine.holdbackDays],
          at,
        ).toEqual([
          Number(c.flagReason),
          Number(c.frozenDay),
          Number(c.flaggedOnDay),
          Number(c.lastCoveredDay),
          Number(c.holdbackDays),
        ]);
        for (const f of [
          "totalNet",
          "withdrawn",
          "refunded",
          "feesAccrued",
          "accRewardPerUnit",
          "unitsSold",
          "recentShares",
        ] as const) {
          expect(mine[f], `${at} ${f}`).toBe(BigInt(c[f]));
        }
        const [released, releasedDay] = await read("releasedToDate", [id], block);
        expect(releasedToDate(mine, today), `${at} releasedToDate`).toBe(released);
        expect(releaseDay(mine, today), `${at} releasedDay`).toBe(Number(releasedDay));
        const [canFlag, reason, missed, windowShare] = await read("flaggable", [id], block);
        const f = flaggable(mine, thresholds, today);
        expect(f, `${at} flaggable`).toEqual({
          canFlag,
          reason: REASON[Number(reason)],
          missedDays: Number(missed),
          windowShare: Number(windowShare),
        });
        if (f.canFlag) reasons.add(f.reason);
        compared++;
      }
    }
    expect(next).toBe(logs.length);
    expect(compared).toBeGreaterThanOrEqual(100);
    // Both rules were met at some checkpoint (and flaggable agreed with the contract there).
    expect([...reasons].sort()).toEqual(["LowRewards", "MissedDeposits"]);
  });
});
