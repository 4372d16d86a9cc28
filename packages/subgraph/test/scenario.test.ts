// The anvil scenario the mapping tests index must emit every event the manifest handles, so
// every handler runs against real logs. Runs without graph-host.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { parseEventLogs } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

import { dayOf, releasedToDate } from "../lib/escrow.js";
import { type Anvil, clients, startAnvil } from "./mapping/chain";
import { applyLog, type OfferingState } from "./mapping/replay";
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

describe("anvil scenario", () => {
  it("emits every event that has a handler, from the addresses the manifest will index", async () => {
    const { publicClient } = clients(anvil.rpcUrl);
    const manifest = parse(readFileSync(join(HERE, "../build/subgraph.yaml"), "utf8"));
    const sources = {
      HashpowerExchange: { address: scenario.exchange, abi: scenario.exchangeAbi, fromBlock: scenario.startBlock.exchange },
      MarketRateOracle: { address: scenario.oracle, abi: scenario.oracleAbi, fromBlock: scenario.startBlock.oracle },
    };
    // The DAO's data sources: test/dao.test.ts drives them with the deploy script's own wiring.
    for (const ds of manifest.dataSources.filter((d: { name: string }) => d.name in sources)) {
      const source = sources[ds.name as keyof typeof sources];
      const logs = await publicClient.getLogs({ address: source.address, fromBlock: source.fromBlock });
      const emitted = new Set(parseEventLogs({ abi: source.abi, logs }).map((l) => l.eventName));
      for (const { event } of ds.mapping.eventHandlers) {
        const name = event.slice(0, event.indexOf("("));
        expect(emitted, `${ds.name}.${name} never emitted by the scenario`).toContain(name);
      }
    }
  });

  it("records a checkpoint per step in increasing block order", () => {
    const blocks = scenario.checkpoints.map((c) => c.block);
    expect(blocks.length).toBeGreaterThanOrEqual(35);
    expect([...blocks].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(blocks);
  });
});

describe("anvil scenario history (what the mapping tests expect the subgraph to record)", () => {
  it("flags offering 1 for low rewards and offering 2 for missed deposits, then halts offering 2", async () => {
    const { publicClient } = clients(anvil.rpcUrl);
    const logs = parseEventLogs({ abi: scenario.exchangeAbi, logs: await publicClient.getLogs({ address: scenario.exchange, fromBlock: 0n }) });
    const history = logs
      .filter((l) => ["OfferingFlagged", "OfferingResumed", "OfferingHalted"].includes(l.eventName))
      .map((l: any) => `${l.args.offeringId}:${l.eventName}${l.eventName === "OfferingFlagged" ? `:${l.args.reason}` : ""}`);
    expect(history).toEqual([
      "1:OfferingFlagged:2", "1:OfferingResumed", "2:OfferingFlagged:1", "2:OfferingResumed", "2:OfferingFlagged:1", "2:OfferingHalted",
    ]);
    const parameters = logs
      .filter((l) => ["ChannelFeeSet", "FeeRecipientSet", "DefaultThresholdsSet", "LockerSet", "RendererSet", "OracleSet"].includes(l.eventName))
      .map((l) => l.eventName);
    expect(parameters).toEqual([
      "FeeRecipientSet", "OracleSet", "ChannelFeeSet", "DefaultThresholdsSet", "LockerSet", "RendererSet", "ChannelFeeSet",
      "FeeRecipientSet", "DefaultThresholdsSet", "OracleSet",
    ]);
    const deposits = logs.filter((l) => l.eventName === "RewardDeposited").map((l: any) => [l.args.judged, l.args.belowThreshold]);
    expect(deposits).toEqual([[true, false], [true, true]]);
  });
});

describe("the handlers' state rules, replayed over the scenario's logs", () => {
  it("reproduce the contract's offering storage and releasedToDate at every checkpoint", async () => {
    const { publicClient } = clients(anvil.rpcUrl);
    const logs = parseEventLogs({ abi: scenario.exchangeAbi, logs: await publicClient.getLogs({ address: scenario.exchange, fromBlock: 0n }) });
    const offerings = new Map<bigint, OfferingState>();
    const STATUS = ["None", "Active", "Flagged", "Halted"];
    let next = 0;
    let compared = 0;
    for (const { label, block } of scenario.checkpoints) {
      while (next < logs.length && logs[next].blockNumber <= block) applyLog(offerings, logs[next++] as any);
      const today = dayOf((await publicClient.getBlock({ blockNumber: block })).timestamp);
      for (const [id, mine] of offerings) {
        const c: any = await publicClient.readContract({ address: scenario.exchange, abi: scenario.exchangeAbi, functionName: "getOffering", args: [id], blockNumber: block });
        const at = `${label}: offering ${id}`;
        expect(mine.status, at).toBe(STATUS[c.status]);
        expect([mine.flagReason, mine.flaggedDay, mine.lastCoveredDay, mine.lowStreak, mine.pendingDay], at).toEqual([
          Number(c.flagReason), Number(c.flaggedDay), Number(c.lastCoveredDay), Number(c.lowStreak), Number(c.pendingDay),
        ]);
        for (const f of ["totalNet", "pendingNet", "rateSum", "rateDayProduct", "withdrawn", "refunded", "feesAccrued", "accRewardPerUnit"] as const) {
          expect(mine[f], `${at} ${f}`).toBe(BigInt(c[f]));
        }
        expect(mine.unitsSold, at).toBe(BigInt(c.unitsSold));
        const [released] = (await publicClient.readContract({ address: scenario.exchange, abi: scenario.exchangeAbi, functionName: "releasedToDate", args: [id], blockNumber: block })) as [bigint, bigint];
        expect(releasedToDate(mine, today), `${at} releasedToDate`).toBe(released);
        compared++;
      }
    }
    expect(next).toBe(logs.length);
    expect(compared).toBeGreaterThanOrEqual(50);
  });
});
