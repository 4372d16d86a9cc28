import { describe, expect, it } from "vitest";

import { decodeTokenUri } from "~/app/offerings/[id]/_components/NftPreview";
import type { OfferingEntity } from "~/lib/graphql/types";
import { decodeDisclosure, escrowStateOf, offeringDelinquency, saleOpen, termDaysLeft } from "~/lib/offering";
import { releasedToDate } from "~/lib/escrow";

const b64 = (s: string) => Buffer.from(s).toString("base64");

describe("decoding on-chain and disclosure documents", () => {
  it("reads the renderer's base64 JSON tokenURI", () => {
    const uri = `data:application/json;base64,${b64(JSON.stringify({ name: "DMEX Hashpower #1", image: "data:image/svg+xml;base64,AAAA" }))}`;
    expect(decodeTokenUri(uri)).toEqual({ name: "DMEX Hashpower #1", image: "data:image/svg+xml;base64,AAAA" });
    expect(decodeTokenUri("data:application/json;base64,!!!")).toBeNull();
  });
  it("decodes inline disclosures and refuses to fetch others", () => {
    expect(decodeDisclosure(`data:application/json;base64,${b64('{"company":{"name":"X"}}')}`)).toEqual({ company: { name: "X" } });
    expect(decodeDisclosure("ipfs://disclosure")).toBeNull();
  });
});

describe("indexed offering -> contract figures", () => {
  const o = {
    termStartDay: 100, termEndDay: 280, totalNet: "180000000", pendingNet: "180000000", pendingDay: 100, rateSum: "0", rateDayProduct: "0",
    status: "Active", flaggedDay: 0, refunded: "0", unitsSold: "10", unitsTotal: "20", lastCoveredDay: 99, lowStreak: 0,
    saleStart: "0", saleEnd: String(200 * 86_400),
  } as unknown as OfferingEntity;
  it("maps the subgraph's escrow fields onto the contract formula", () => {
    expect(releasedToDate(escrowStateOf(o), 110).released).toBe(10_000_000n);
  });
  it("derives term days left, sale window and the flag day", () => {
    expect(termDaysLeft(o, 50)).toBe(180);
    expect(termDaysLeft(o, 270)).toBe(10);
    expect(saleOpen(o, 150 * 86_400)).toBe(true);
    expect(saleOpen(o, 200 * 86_400)).toBe(false);
    expect(offeringDelinquency(o, 105, { missedDaysThreshold: 7, lowStreakThreshold: 7, minRewardRatioBps: 8000 }).missedFlagDay).toBe(107);
  });
});
