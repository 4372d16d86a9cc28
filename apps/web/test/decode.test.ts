import { describe, expect, it } from "vitest";

import { decodeTokenUri } from "~/app/offerings/[id]/_components/NftPreview";
import type { OfferingEntity } from "~/lib/graphql/types";
import {
  decodeDisclosure,
  escrowStateOf,
  offeringApr,
  offeringDelinquency,
  offeringHoldback,
  offeringPricePerDay,
  salePhase,
  termDaysLeft,
  thresholdsOf,
  windowOf,
} from "~/lib/offering";
import { encodeRecentShares, releasedToDate } from "@dmex/money-math";
import { SEED_PRICES } from "~/lib/prices";

const b64 = (s: string) => Buffer.from(s).toString("base64");

describe("decoding on-chain and disclosure documents", () => {
  it("reads the renderer's base64 JSON tokenURI", () => {
    const uri = `data:application/json;base64,${b64(JSON.stringify({ name: "DMEX Hashpower #1", image: "data:image/svg+xml;base64,AAAA" }))}`;
    expect(decodeTokenUri(uri)).toEqual({ name: "DMEX Hashpower #1", image: "data:image/svg+xml;base64,AAAA" });
    expect(decodeTokenUri("data:application/json;base64,!!!")).toBeNull();
  });
  it("decodes inline disclosures and refuses to fetch others", () => {
    expect(decodeDisclosure(`data:application/json;base64,${b64('{"company":{"name":"X"}}')}`)).toEqual({
      company: { name: "X" },
    });
    expect(decodeDisclosure("ipfs://disclosure")).toBeNull();
  });
});

describe("indexed offering -> contract figures", () => {
  const o = {
    termStartDay: 100,
    termEndDay: 280,
    totalNet: "180000000",
    status: "Active",
    frozenDay: 0,
    flaggedOnDay: 0,
    holdbackDays: 7,
    refunded: "0",
    unitsSold: "10",
    unitsTotal: "20",
    lastCoveredDay: 104,
    recentShares: String(encodeRecentShares({ shares: [850, 600, 600, 600, 600, 600, 600, 990] })),
    saleStart: "0",
    saleEnd: String(100 * 86_400),
    pricePerUnit: "420000",
    expectedDailyRewardPerUnitWad: String(450_000_000_000_000n * 10n ** 18n),
    accRewardPerUnit: String(5n * 270_000_000_000_000n * 10n ** 12n), // five days at 60% of 0.00045 IFIL per unit
  } as unknown as OfferingEntity;
  const usdt = { address: "0x0000000000000000000000000000000000000001", symbol: "USDT", decimals: 6 } as const;
  const ifil = { address: "0x0000000000000000000000000000000000000002", symbol: "IFIL", decimals: 18 } as const;
  it("maps the subgraph's escrow fields onto the contract formula", () => {
    expect(releasedToDate(escrowStateOf(o), 110).released).toBe(10_000_000n);
    expect(offeringHoldback(o, 279)).toMatchObject({ zoneStart: 273, heldDays: 6, releasedDay: 273 });
  });
  it("decodes the packed window the subgraph stores", () => {
    expect(windowOf(o).shares.slice(0, 2)).toEqual([850, 600]);
    const d = offeringDelinquency(o, 106, thresholdsOf(undefined));
    expect(d).toMatchObject({
      canFlag: true,
      reason: "LowRewards",
      windowShare: 635,
      missedDays: 1,
      missedFlagDay: 112,
    });
  });
  it("derives term days left, the sale phase, the price per day and the APR over the term", () => {
    expect(termDaysLeft(o, 50)).toBe(180);
    expect(termDaysLeft(o, 270)).toBe(10);
    expect(salePhase(o, 50 * 86_400)).toBe("open");
    expect(salePhase(o, 100 * 86_400)).toBe("term-running");
    expect(salePhase(o, 300 * 86_400)).toBe("closed");
    expect(salePhase({ ...o, unitsSold: "20" }, 50 * 86_400)).toBe("sold-out");
    expect(salePhase({ ...o, status: "Halted" }, 50 * 86_400)).toBe("inactive");
    expect(offeringPricePerDay(o)).toBe(2_333n);
    const apr = offeringApr(o, usdt, ifil, SEED_PRICES);
    expect(apr.termDays).toBe(180);
    expect(apr.coveredDays).toBe(5);
    expect(apr.expected.apr).toBeGreaterThan(0);
    // Paid 60% of the expectation: 0.00027 x 180 x price against 0.42 USDT.
    expect(apr.actual?.dailyReward).toBeCloseTo(0.00027, 12);
    expect(apr.actual?.apr ?? 0).toBeLessThan(apr.expected.apr ?? 0);
  });
});
