/**
 * Writes packages/contracts/test/vectors/exchange-scenarios.json: offering lives replayed by this
 * package's math (src/simulate.ts). forge replays the same events against HashpowerExchange
 * (test/unit/Vectors.t.sol) and vitest checks the package still produces the recorded figures.
 * Run: pnpm --filter @dmex/money-math gen:vectors (then run both test suites).
 *
 * Rules the scenarios respect (the contract would revert otherwise, and src/simulate.ts throws):
 * every buy before the term starts (day < 20002), no deposit under 50% of the market.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { DEFAULT_THRESHOLDS } from "../src/delinquency.js";
import { EVENT, simulate, type OfferingParams, type SimEvent } from "../src/simulate.js";

/** The file forge replays (packages/contracts/test/vectors/exchange-scenarios.json). */
export const VECTORS_FILE = fileURLToPath(
  new URL("../../contracts/test/vectors/exchange-scenarios.json", import.meta.url),
);

const START = 20_000; // the forge fixture's START_DAY
const E18 = 10n ** 18n;
export const fixture: OfferingParams = {
  termStartDay: START + 2,
  termEndDay: START + 2 + 180,
  pricePerUnit: 38_000_000n,
  feeBps: 500,
  marketAvgWad: ((2n * E18) / 1000n) * E18, // 0.002 IFIL per unit per day, WAD-scaled
  thresholds: DEFAULT_THRESHOLDS, // 7 missed days, 7-day window, 80%, 50% minimum, 10 post-term days
};
const END = fixture.termEndDay;
/** A day's deposit for `units` at `permille` of the market (0.002 IFIL per unit). */
const at = (units: number, permille: number) => (BigInt(units) * 2_000_000_000_000_000n * BigInt(permille)) / 1000n;

const buy = (d: number, units: number): SimEvent => ({ kind: EVENT.buy, day: START + d, value: BigInt(units) });
const dep = (d: number, amount: bigint): SimEvent => ({ kind: EVENT.deposit, day: START + d, value: amount });
const flag = (d: number): SimEvent => ({ kind: EVENT.flag, day: START + d, value: 0n });
const halt = (d: number): SimEvent => ({ kind: EVENT.halt, day: START + d, value: 0n });
const claim = (d: number, index: number): SimEvent => ({ kind: EVENT.claim, day: START + d, value: BigInt(index) });
const withdraw = (d: number): SimEvent => ({ kind: EVENT.withdraw, day: START + d, value: 0n });
/** Daily deposits covering the term days from the first uncovered one: the deposit on day d covers d - 1. */
const daily = (fromDay: number, amounts: readonly bigint[]): SimEvent[] =>
  amounts.map((a, i) => dep(fromDay - START + 1 + i, a));
const repeat = <T>(n: number, v: T): T[] => Array.from({ length: n }, () => v);
/** The events in day order (stable: same-day events keep the order they are listed in). */
const inOrder = (...events: SimEvent[]): SimEvent[] => [...events].sort((a, b) => a.day - b.day);

const scenarios: { name: string; events: SimEvent[]; checkDay: number }[] = [
  {
    name: "buyers before the term share every day exactly by units; a 150% day counts as 100%",
    events: [
      buy(0, 7),
      buy(0, 3),
      buy(1, 5),
      ...daily(START + 2, [at(15, 1000), at(15, 800), at(15, 1500)]),
      claim(6, 1),
    ],
    checkDay: START + 40,
  },
  {
    name: "indivisible nets, withdrawals mid-term",
    events: [buy(0, 7), buy(1, 3), buy(1, 13), withdraw(20), withdraw(50)],
    checkDay: START + 100,
  },
  {
    name: "deposits at exactly the 50% minimum cover their days",
    events: [buy(0, 7), buy(1, 2), ...daily(START + 2, [at(9, 500), at(9, 500) + 1n, at(9, 501)])],
    checkDay: START + 6,
  },
  {
    name: "six judged days under 80% are not yet a window",
    events: [buy(0, 10), ...daily(START + 2, repeat(6, at(10, 600)))],
    checkDay: START + 9,
  },
  {
    name: "low window: seven judged days averaging 63.5% become flaggable; flag, halt, refunds",
    events: [
      buy(0, 6),
      buy(1, 4),
      ...daily(START + 2, [...repeat(6, at(10, 600)), at(10, 850)]),
      flag(9),
      halt(9),
      claim(9, 0),
    ],
    checkDay: START + 10,
  },
  {
    name: "seven days at exactly 80% are not low",
    events: [buy(0, 10), ...daily(START + 2, repeat(7, at(10, 800)))],
    checkDay: START + 10,
  },
  {
    name: "a 300% day is capped at 100%: six 60% days keep the window low",
    events: [buy(0, 10), ...daily(START + 2, [at(10, 3000), ...repeat(6, at(10, 600))])],
    checkDay: START + 10,
  },
  {
    name: "missed deposits: flag freezes release, halt refunds rounded in the holders' favour",
    events: [buy(0, 11), buy(0, 6), buy(1, 1), ...daily(START + 2, [at(18, 1000), at(18, 1000)]), flag(12), halt(13)],
    checkDay: START + 30,
  },
  {
    name: "holdback: a miner stopping 3 days before the end is released only the covered days",
    events: inOrder(buy(0, 10), ...daily(START + 2, repeat(177, at(10, 1000))), withdraw(172)),
    checkDay: END + 3,
  },
  {
    name: "holdback: the last days are released as they are deposited after the term",
    events: [
      buy(0, 10),
      ...daily(START + 2, repeat(177, at(10, 1000))),
      withdraw(END - START + 1),
      ...repeat(3, dep(END - START + 1, at(10, 1000))),
    ],
    checkDay: END + 2,
  },
  {
    name: "post-term flag: stopped 3 days before the end, flagged 4 days after it, halted, refunds of the held-back days",
    events: [
      buy(0, 7),
      buy(1, 4),
      ...daily(START + 2, repeat(177, at(11, 1000))),
      withdraw(END - START),
      flag(END - START + 4),
      halt(END - START + 5),
      claim(END - START + 5, 1),
    ],
    checkDay: END + 6,
  },
  {
    name: "post-term window: a low last week is still flaggable 9 days after the term",
    events: [buy(0, 10), ...daily(START + 2, [...repeat(173, at(10, 1000)), ...repeat(7, at(10, 600))])],
    checkDay: END + 9,
  },
  {
    name: "no deposit at all: release stops at the holdback, the flag window closes 10 days after the term",
    events: [buy(0, 5), withdraw(END - START + 5)],
    checkDay: END + 10,
  },
];

const s = (v: bigint) => v.toString();
export function buildVectors() {
  return {
    _comment:
      "Generated by packages/money-math/scripts/gen-vectors.ts (@dmex/money-math); replayed against HashpowerExchange by test/unit/Vectors.t.sol. kinds: 0 buy(units) 1 deposit(amount) 2 flag 3 halt 4 claim(position index) 5 withdraw. Buyers rotate alice, bob, carol; every buy is before the term starts; every deposit is judged against the fixture's final market report. Days are UTC day numbers; the fixture offering: 38 USDT/unit, 5% fee, term [20002, 20182), market 0.002 IFIL/unit/day, thresholds 7 missed days / 7-day window / 80% / 50% minimum / 10 post-term days (holdback 7). windowShare: per-mille average of the newest 7 judged shares, 0 until 7 are judged; recentShares: Offering.recentShares as packed on chain.",
    offering: {
      termStartDay: fixture.termStartDay,
      termEndDay: fixture.termEndDay,
      pricePerUnit: s(fixture.pricePerUnit),
      feeBps: fixture.feeBps,
      marketAvgWad: s(fixture.marketAvgWad),
      missedDaysThreshold: fixture.thresholds.missedDaysThreshold,
      windowDays: fixture.thresholds.windowDays,
      minRewardRatioBps: fixture.thresholds.minRewardRatioBps,
      minCoverageBps: fixture.thresholds.minCoverageBps,
      postTermFlagDays: fixture.thresholds.postTermFlagDays,
    },
    scenarios: scenarios.map((sc) => {
      const r = simulate(fixture, sc.events, sc.checkDay);
      return {
        name: sc.name,
        kinds: sc.events.map((e) => e.kind),
        days: sc.events.map((e) => e.day),
        values: sc.events.map((e) => s(e.value)),
        checkDay: sc.checkDay,
        released: s(r.released),
        releasedDay: r.releasedDay,
        withdrawable: s(r.withdrawable),
        accRewardPerUnit: s(r.accRewardPerUnit),
        windowShare: r.windowShare,
        recentShares: s(r.recentShares),
        missedDays: r.missedDays,
        canFlag: r.canFlag,
        startDays: r.positions.map((p) => p.startDay),
        claimable: r.positions.map((p) => s(p.claimable)),
        claimed: r.positions.map((p) => s(p.claimed)),
        refundable: r.positions.map((p) => s(p.refundable)),
      };
    }),
  };
}

/** JSON with two-space indents, but arrays of numbers and strings on one line (the scenarios have ~180 events). */
export function formatVectors(v: unknown): string {
  return (
    JSON.stringify(v, null, 2).replace(
      /\[\n\s+([^[\]{}]*?)\n\s*\]/g,
      (_, body: string) => `[${body.split(/,\n\s*/).join(", ")}]`,
    ) + "\n"
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(VECTORS_FILE, formatVectors(buildVectors()));
  console.log(`wrote ${VECTORS_FILE}`);
}
