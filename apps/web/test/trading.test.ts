import { describe, expect, it } from "vitest";

import type { AuctionEntity, BidEntity, ListingEntity, TradingRewardEntity } from "~/lib/graphql/tradingTypes";
import type { OfferingEntity } from "~/lib/graphql/types";
import {
  auctionClock,
  bidChartPoints,
  extensionOf,
  extensionsOf,
  formatCountdown,
  outbidNotice,
} from "~/lib/trading/clock";
import {
  checkPrimaryDuration,
  datetimeLocalUtc,
  validateBid,
  validateDurationHours,
  validateExpiry,
  validateListingPrice,
  validateReserve,
} from "~/lib/trading/forms";
import {
  daysLeftOf,
  filterMarketItems,
  fromAuction,
  fromListing,
  fromOffering,
  isListingLive,
  NO_TRADE_FILTERS,
  parseTradeFilters,
  primaryPerUnitDayByOffering,
  sortMarketItems,
} from "~/lib/trading/market";
import { breakEvenText, epochRows, formulaInWords } from "~/lib/trading/rewards";

const USDT = 1_000_000n;
const E18 = 10n ** 18n;
const TODAY = 20_100;
const NOW = TODAY * 86_400 + 3_600;
const MINER_A = "0x00000000000000000000000000000000000000aa";
const MINER_B = "0x00000000000000000000000000000000000000bb";

const traded = (id: string, asset: string, miner: string) => ({
  id,
  offeringId: id,
  minerName: `Miner ${id}`,
  pricePerUnit: (180n * USDT).toString(),
  termStartDay: TODAY - 10,
  termEndDay: TODAY + 169,
  status: "Active" as const,
  saleEnd: String(NOW + 86_400),
  asset: { id: asset, symbol: asset === "1" ? "FIL" : "BTC", unitLabel: asset === "1" ? "TiB" : "TH/s" },
  miner: { id: miner, name: `Miner ${id}` },
});

function listing(id: string, price: bigint, units: bigint, over: Partial<ListingEntity> = {}): ListingEntity {
  return {
    id,
    listingId: id,
    units: units.toString(),
    price: price.toString(),
    pricePerUnit: (price / units).toString(),
    feeBps: 200,
    expiry: String(NOW + 7 * 86_400),
    status: "Live",
    voidReason: null,
    createdAtTimestamp: String(NOW - 100),
    updatedAtTimestamp: String(NOW - 100),
    seller: { id: "0x01" },
    paymentToken: { id: "0xusdt" },
    position: {
      id: `9${id}`,
      tokenId: `9${id}`,
      units: units.toString(),
      startDay: TODAY - 10,
      endDay: TODAY + 169,
      netPaid: "0",
      claimed: "0",
      rewardSnapshot: "0",
      refunded: false,
    },
    offering: traded("1", "1", MINER_A),
    ...over,
  };
}

function auction(id: string, over: Partial<AuctionEntity> = {}): AuctionEntity {
  return {
    id,
    auctionId: id,
    kind: "Secondary",
    units: "10",
    reservePrice: (1_000n * USDT).toString(),
    duration: "86400",
    minIncrementBps: 500,
    feeBps: 200,
    hardEnd: String(2n ** 40n - 1n),
    endTime: null,
    status: "Open",
    leadingBid: null,
    minNextBid: (1_000n * USDT).toString(),
    bidCount: 0,
    extensions: 0,
    settledAmount: null,
    fee: null,
    createdAtTimestamp: String(NOW - 1000),
    settledAtTimestamp: null,
    seller: { id: "0x02" },
    leader: null,
    winner: null,
    paymentToken: { id: "0xusdt" },
    position: { id: "77", tokenId: "77", units: "10", startDay: TODAY - 10, endDay: TODAY + 169 },
    offering: traded("2", "2", MINER_B),
    ...over,
  };
}

const offering = {
  id: "3",
  offeringId: "3",
  minerName: "Deepwell",
  unitsTotal: "1000",
  unitsSold: "400",
  pricePerUnit: (270n * USDT).toString(),
  termStartDay: TODAY + 5,
  termEndDay: TODAY + 274,
  saleEnd: String((TODAY + 5) * 86_400),
  asset: { id: "1", symbol: "FIL", unitLabel: "TiB" },
  miner: { id: MINER_A, name: "Deepwell" },
  paymentToken: { id: "0xusdt" },
} as unknown as OfferingEntity;

describe("market items", () => {
  it("counts the days left from today, or the whole term before it starts", () => {
    expect(daysLeftOf(100, 109, 95)).toBe(10);
    expect(daysLeftOf(100, 109, 105)).toBe(5);
    expect(daysLeftOf(100, 109, 110)).toBe(0);
  });

  it("prices a listing per remaining unit-day next to the primary price", () => {
    // 10 units for 1,800 USDT with 170 days left: 1,800 / 10 / 170 = 1.058823 USDT per unit-day.
    const l = fromListing(listing("1", 1_800n * USDT, 10n), TODAY);
    expect(l.daysLeft).toBe(170);
    expect(l.pricePerUnitDay).toBe(1_058_823n);
    const p = fromOffering(offering, TODAY);
    expect(p.daysLeft).toBe(270);
    expect(p.pricePerUnitDay).toBe(1n * USDT);
    expect(p.units).toBe(600n);
  });

  it("prices an auction at its minimum next bid and ends it at its end time (none before the first bid)", () => {
    const a = fromAuction(auction("4"), TODAY);
    expect(a.price).toBe(1_000n * USDT);
    expect(a.pricePerUnit).toBe(100n * USDT);
    expect(a.endsAt).toBeNull();
    expect(fromAuction(auction("5", { endTime: String(NOW + 60) }), TODAY).endsAt).toBe(NOW + 60);
  });

  it("drops expired listings", () => {
    expect(isListingLive(listing("1", 1n, 1n), NOW)).toBe(true);
    expect(isListingLive(listing("1", 1n, 1n, { expiry: String(NOW) }), NOW)).toBe(false);
    expect(isListingLive(listing("1", 1n, 1n, { status: "Void" }), NOW)).toBe(false);
  });
});

describe("market filters and sorting", () => {
  const items = [
    fromOffering(offering, TODAY),
    fromListing(listing("1", 1_800n * USDT, 10n), TODAY),
    fromListing(listing("2", 500n * USDT, 10n, { expiry: String(NOW + 600) }), TODAY),
    fromAuction(auction("4", { endTime: String(NOW + 300) }), TODAY),
    fromAuction(auction("5"), TODAY),
  ];

  it("filters by kind, asset, miner, price per unit and days left", () => {
    const run = (patch: Partial<typeof NO_TRADE_FILTERS>) =>
      filterMarketItems(items, { ...NO_TRADE_FILTERS, ...patch }, NOW, 6).items.map((i) => i.key);
    expect(run({ kind: "listing" })).toEqual(["listing-1", "listing-2"]);
    expect(run({ asset: "2" })).toEqual(["auction-4", "auction-5"]);
    expect(run({ miner: MINER_A.toUpperCase().replace("0X", "0x") })).toEqual(["primary-3", "listing-1", "listing-2"]);
    expect(run({ minPrice: "100", maxPrice: "180" })).toEqual(["listing-1", "auction-4", "auction-5"]);
    expect(run({ minDays: "200" })).toEqual(["primary-3"]);
    expect(run({ maxDays: "170" })).toEqual(["listing-1", "listing-2", "auction-4", "auction-5"]);
  });

  it("shows only auctions and listings ending within the hour when asked", () => {
    const r = filterMarketItems(items, { ...NO_TRADE_FILTERS, endingSoon: true }, NOW, 6);
    expect(r.items.map((i) => i.key)).toEqual(["listing-2", "auction-4"]);
  });

  it("reports a price filter it cannot read (7 decimals for a 6-decimal token)", () => {
    const r = filterMarketItems(items, { ...NO_TRADE_FILTERS, minPrice: "1.0000001" }, NOW, 6);
    expect(r.errors).toEqual(["Minimum price: At most 6 decimal places for this token."]);
    expect(r.items).toHaveLength(items.length);
  });

  it("sorts by price, price per unit-day, days left and end, with no end last", () => {
    expect(sortMarketItems(items, "price", "asc").map((i) => i.key)).toEqual([
      "listing-2",
      "auction-4",
      "auction-5",
      "listing-1",
      "primary-3",
    ]);
    expect(sortMarketItems(items, "unitDay", "desc")[0]?.key).toBe("listing-1");
    expect(sortMarketItems(items, "daysLeft", "desc")[0]?.key).toBe("primary-3");
    const ending = sortMarketItems(items, "ending", "asc").map((i) => i.key);
    expect(ending.slice(0, 2)).toEqual(["auction-4", "listing-2"]);
    expect(ending.at(-1)).toBe("auction-5");
    expect(sortMarketItems(items, "ending", "desc").at(-1)?.key).toBe("auction-5");
  });

  it("reads the filters from the URL and ignores junk", () => {
    const r = parseTradeFilters({ kind: "auction", endingSoon: "1", tsort: "ending", tdir: "desc", miner: "nope" });
    expect(r.filters.kind).toBe("auction");
    expect(r.filters.endingSoon).toBe(true);
    expect(r.filters.miner).toBe("");
    expect(r.sort).toBe("ending");
    expect(r.dir).toBe("desc");
    expect(parseTradeFilters({ kind: "x", tsort: "y" })).toMatchObject({
      filters: { kind: "" },
      sort: "price",
      dir: "asc",
    });
  });
});

function bid(
  id: string,
  bidder: string,
  amount: bigint,
  endTimeAfter: number,
  over: Partial<BidEntity> = {},
): BidEntity {
  return {
    id,
    amount: amount.toString(),
    endTimeAfter: String(endTimeAfter),
    extended: false,
    status: "Refundable",
    timestamp: String(endTimeAfter - 100),
    transactionHash: `0x${id}`,
    bidder: { id: bidder },
    ...over,
  };
}

describe("auction clock", () => {
  it("waits for the first bid, runs, warns in the last 15 minutes, ends and closes", () => {
    expect(auctionClock({ status: "Open", endTime: null, hardEnd: String(NOW + 10) }, NOW)).toEqual({
      phase: "awaiting-bid",
      secondsLeft: null,
    });
    expect(auctionClock({ status: "Open", endTime: null, hardEnd: String(NOW) }, NOW).phase).toBe("ended");
    expect(auctionClock({ status: "Open", endTime: String(NOW + 900), hardEnd: "0" }, NOW)).toEqual({
      phase: "running",
      secondsLeft: 900,
    });
    expect(auctionClock({ status: "Open", endTime: String(NOW + 899), hardEnd: "0" }, NOW).phase).toBe("ending-soon");
    expect(auctionClock({ status: "Open", endTime: String(NOW), hardEnd: "0" }, NOW).phase).toBe("ended");
    expect(auctionClock({ status: "Settled", endTime: String(NOW + 50), hardEnd: "0" }, NOW).phase).toBe("closed");
  });

  it("formats the countdown", () => {
    expect(formatCountdown(59)).toBe("00:59");
    expect(formatCountdown(15 * 60)).toBe("15:00");
    expect(formatCountdown(3_600 + 62)).toBe("01:01:02");
    expect(formatCountdown(2 * 86_400 + 3_600)).toBe("2d 01:00:00");
    expect(formatCountdown(-5)).toBe("00:00");
  });

  it("sees a late bid's extension, from two end times or from the bid history", () => {
    expect(extensionOf(NOW + 30, NOW + 30 + 870)).toBe(870);
    expect(extensionOf(NOW + 30, NOW + 30)).toBeNull();
    expect(extensionOf(null, NOW)).toBeNull();
    const end = NOW + 86_400;
    const bids = [
      bid("a", "0x01", 1_000n * USDT, end),
      bid("b", "0x02", 1_050n * USDT, end),
      bid("c", "0x01", 1_103n * USDT, end + 840, { extended: true }),
    ];
    expect(extensionsOf(bids)).toEqual([{ bidId: "c", by: 840, to: end + 840 }]);
  });

  it("tells the connected account it was outbid and what it can withdraw", () => {
    const bids = [bid("a", "0x01", 1_000n * USDT, NOW), bid("b", "0x02", 1_050n * USDT, NOW, { status: "Leading" })];
    expect(outbidNotice("0x01", { status: "Open", leader: { id: "0x02" } }, bids)).toEqual({
      outbid: true,
      refundable: 1_000n * USDT,
    });
    expect(outbidNotice("0x02", { status: "Open", leader: { id: "0x02" } }, bids).outbid).toBe(false);
    expect(outbidNotice("0x03", { status: "Open", leader: { id: "0x02" } }, bids).outbid).toBe(false);
    expect(outbidNotice(undefined, { status: "Open", leader: null }, bids).outbid).toBe(false);
  });
});

describe("bid chart", () => {
  it("places bids by time and amount, reserve at the bottom, the top bid at the top", () => {
    const t = NOW - 1_000;
    const bids = [
      bid("a", "0x01", 1_000n * USDT, t, { timestamp: String(t) }),
      bid("b", "0x02", 1_050n * USDT, t, { timestamp: String(t + 500) }),
      bid("c", "0x01", 1_200n * USDT, t, { timestamp: String(t + 1_000), extended: true }),
    ];
    const points = bidChartPoints(bids, 1_000n * USDT, t + 1_000, 100, 50);
    expect(points.map((p) => [p.x, p.y, p.extended])).toEqual([
      [0, 50, false],
      [50, 37.5, false],
      [100, 0, true],
    ]);
    expect(bidChartPoints([], 1n, NOW, 100, 50)).toEqual([]);
  });

  it("compares with the primary price per unit-day over the full term", () => {
    const m = primaryPerUnitDayByOffering([{ id: "1", pricePerUnit: "180000000", termStartDay: 1, termEndDay: 180 }]);
    expect(m.get("1")).toBe(1_000_000n);
  });
});

describe("trading forms", () => {
  it("reads 6-decimal prices exactly and refuses zero and a seventh decimal", () => {
    expect(validateListingPrice("1,234.567891", 6)).toEqual({ ok: true, value: 1_234_567_891n });
    expect(validateListingPrice("1.0000001", 6)).toEqual({
      ok: false,
      error: "At most 6 decimal places for this token.",
    });
    expect(validateListingPrice("0", 6).ok).toBe(false);
    expect(validateListingPrice("100000000000000000000000000000", 6)).toEqual({
      ok: false,
      error: "The price is too large for a listing.",
    });
    expect(validateReserve("500", 6)).toEqual({ ok: true, value: 500n * USDT });
    // 96 bits (PositionAuctions.MAX_AMOUNT) is about 7.9e22 USDT.
    expect(validateReserve("100000000000000000000000000000", 6)).toEqual({
      ok: false,
      error: "The reserve is too large.",
    });
  });

  it("wants an expiry in the future (UTC) and within the term", () => {
    expect(validateExpiry(datetimeLocalUtc(NOW + 3_600), NOW)).toEqual({ ok: true, value: BigInt(NOW + 3_600) });
    expect(validateExpiry(datetimeLocalUtc(NOW), NOW)).toEqual({
      ok: false,
      error: "The expiry must be in the future.",
    });
    expect(validateExpiry("tomorrow", NOW).ok).toBe(false);
    expect(validateExpiry(datetimeLocalUtc(NOW + 7_200), NOW, NOW + 3_600).ok).toBe(false);
  });

  it("wants a bid of at least the minimum next bid, within the balance (a leader pays only the difference)", () => {
    const min = 1_050n * USDT;
    expect(validateBid("1050", 6, min)).toEqual({ ok: true, value: min });
    expect(validateBid("1049.999999", 6, min, { symbol: "USDT" })).toEqual({
      ok: false,
      error: "The minimum bid is 1,050 USDT.",
    });
    expect(validateBid("1100", 6, min, { balance: 1_000n * USDT, symbol: "USDT" })).toEqual({
      ok: false,
      error: "Insufficient USDT balance.",
    });
    expect(validateBid("1100", 6, min, { balance: 100n * USDT, alreadyLeading: 1_000n * USDT }).ok).toBe(true);
  });

  it("bounds the duration to 1 hour .. 30 days and keeps a primary auction inside the sale", () => {
    expect(validateDurationHours("24")).toEqual({ ok: true, value: 86_400n });
    expect(validateDurationHours("0").ok).toBe(false);
    expect(validateDurationHours("721").ok).toBe(false);
    expect(validateDurationHours("1.5")).toEqual({ ok: false, error: "Whole hours only." });
    expect(checkPrimaryDuration(86_400n, NOW, NOW + 86_400)).toBeNull();
    expect(checkPrimaryDuration(86_401n, NOW, NOW + 86_400)).toMatch(/before the offering's sale closes/);
  });
});

describe("trading rewards", () => {
  const epoch = (n: number, total: bigint) => ({
    id: String(n),
    epoch: n,
    startTime: String(NOW - 13 * 86_400 + n * 7 * 86_400),
    endTime: String(NOW - 6 * 86_400 + n * 7 * 86_400),
    totalCredit: total.toString(),
    dmcPerEpoch: (100_000n * E18).toString(),
    capDmcPerFeeUnit: (10n * E18).toString(),
  });
  const rewards: TradingRewardEntity[] = [
    {
      id: "a-0",
      credit: (2n * E18).toString(),
      fees: 1,
      reward: (20n * E18).toString(),
      settled: true,
      epoch: epoch(0, 2n * E18),
    },
    {
      id: "a-1",
      credit: (100n * E18).toString(),
      fees: 3,
      reward: null,
      settled: false,
      epoch: epoch(1, 1_000_000n * E18),
    },
  ];

  it("lists epochs newest first with the settled reward or the estimate, and says when the cap binds", () => {
    const rows = epochRows(rewards, NOW);
    expect(rows.map((r) => r.epoch)).toEqual([1, 0]);
    expect(rows[0]).toMatchObject({ reward: 10n * E18, settled: false, finished: false, capped: false });
    expect(rows[1]).toMatchObject({ reward: 20n * E18, settled: true, finished: true, capped: true });
  });

  it("states the formula and the $0.10 break-even in words", () => {
    expect(breakEvenText(10n * E18)).toBe("$0.10");
    expect(breakEvenText(E18)).toBe("$1.00");
    expect(formulaInWords(100_000n * E18, 10n * E18)).toMatch(
      /shares 100,000 DMC .* in proportion to the fees paid .* more than 10 DMC per \$1 of fees .* below \$0\.10\.$/,
    );
  });
});
