// Lending in the app: the order book's rows and filters, which offers fit a position, the loan clock and the
// due-soon banner's choice, health and the debt table, the forms' validation, and the figures' wording.
import { describe, expect, it } from "vitest";

import type { LoanEntity, LoanOfferEntity, LoanOffering, MarketRateRow } from "~/lib/graphql/lendingTypes";
import {
  bestOffersFor,
  bookRow,
  daysLeftAfter,
  NO_FILTERS,
  offerMismatch,
  parseFilters,
  passesFilters,
} from "~/lib/lending/book";
import {
  rewardPricePerToken,
  validateAprPercent,
  validateDurationDays,
  validateMinInterest,
  validatePrincipal,
  validateRewardPrice,
  validateWhole,
} from "~/lib/lending/forms";
import { aprText, clockText, collateralText, durationText, ltvText, utcText } from "~/lib/lending/format";
import {
  debtChartPoints,
  debtRows,
  dueWarnings,
  latestMarketRate,
  loanHealth,
  loanPhase,
  loanStateOf,
  positionCollateralOf,
} from "~/lib/lending/loans";

const DAY = 86_400;
const NOW = 1_800_000_000; // day 20833
const TODAY = Math.floor(NOW / DAY);
const USDT = { address: "0x00000000000000000000000000000000000000a1", symbol: "USDT", decimals: 6 } as const;
const IFIL = { address: "0x00000000000000000000000000000000000000b2", symbol: "IFIL", decimals: 18 } as const;
const USD = { USDT: 1, IFIL: 4 };

const offering: LoanOffering = {
  id: "1",
  offeringId: "1",
  minerName: "Deepwell",
  termStartDay: TODAY - 50,
  termEndDay: TODAY + 50,
  status: "Active",
  expectedDailyRewardPerUnitWad: (10n ** 16n * 10n ** 18n).toString(),
  asset: { id: "1", symbol: "FIL", unitLabel: "TiB" },
  paymentToken: { id: USDT.address },
  rewardToken: { id: IFIL.address },
};

function offer(over: Partial<LoanOfferEntity> = {}): LoanOfferEntity {
  return {
    id: "1",
    offerId: "1",
    principal: "100000000",
    aprBps: 1_000,
    duration: String(30 * DAY),
    minInterest: "0",
    rewardPriceWad: "0",
    currency: { id: USDT.address },
    collateralKind: "Position",
    target: "7",
    collateralAmount: "0",
    minUnits: "0",
    minDaysLeft: 0,
    maxFills: 1,
    fills: 0,
    nonce: "0",
    expiry: String(NOW + DAY),
    status: "Open",
    createdAtTimestamp: String(NOW - DAY),
    lender: { id: "0xlender" },
    position: null,
    offering,
    asset: null,
    collateralToken: null,
    ...over,
  };
}

const position = {
  tokenId: "7",
  owner: "0xBorrower",
  units: 10n,
  locked: false,
  offeringId: "1",
  assetId: "1",
  termEndDay: TODAY + 50,
  offeringActive: true,
};

function loan(over: Partial<LoanEntity> = {}): LoanEntity {
  return {
    id: "7-0",
    loanId: "7",
    status: "Active",
    principalOriginal: "100000000",
    principal: "100000000",
    aprBps: 3_650,
    minInterest: "0",
    rewardPriceWad: "4000000",
    feeBps: 200,
    startTime: String(NOW),
    lastAccrualTime: String(NOW),
    dueTime: String(NOW + 30 * DAY),
    graceEnd: String(NOW + 31 * DAY),
    gracePeriod: String(DAY),
    interestOwed: "0",
    minInterestLeft: "0",
    repaid: "0",
    interestPaid: "0",
    principalPaid: "0",
    selfRepaying: true,
    rewardsApplied: "0",
    collateralAmount: "0",
    createdAtTimestamp: String(NOW),
    closedAtTimestamp: null,
    borrower: { id: "0xborrower" },
    lender: { id: "0xlender" },
    originalLender: { id: "0xlender" },
    currency: { id: USDT.address },
    collateralToken: null,
    position: {
      id: "7",
      tokenId: "7",
      units: "10",
      startDay: offering.termStartDay,
      endDay: offering.termEndDay,
      netPaid: "100000000",
      refunded: false,
      locked: true,
      owner: { id: "0xborrower" },
    },
    offering,
    repayments: [],
    ...over,
  };
}

describe("order book", () => {
  it("turns an offer into a row: interest at due, term days left after due", () => {
    const r = bookRow(offer(), NOW);
    expect(r.side).toBe("offer");
    // 100 USDT at 10% for 30 days: ceil(1e8 * 1000 * 2,592,000 / 3.1536e11) = 821,918
    expect(r.interestAtDue).toBe(821_918n);
    // due in 30 days; the term ends at the start of day TODAY + 50, 49.67 days from NOW (mid-day): 19 whole days left
    expect(r.daysLeftAfterDue).toBe(19);
    expect(r.assetSymbol).toBe("FIL");
    expect(daysLeftAfter((TODAY + 30) * DAY, TODAY + 50)).toBe(20);
  });

  it("filters by asset, APR, duration, LTV and days left (unknown LTV fails an LTV filter)", () => {
    const r = { ...bookRow(offer(), NOW), ltvBps: 4_000n };
    expect(passesFilters(r, NO_FILTERS)).toBe(true);
    const f = parseFilters({
      asset: "FIL",
      maxApr: "10",
      minDuration: "30",
      maxDuration: "30",
      maxLtv: "40",
      minDaysLeft: "19",
    });
    expect(f).toEqual({
      asset: "FIL",
      maxAprBps: 1_000,
      minDurationDays: 30,
      maxDurationDays: 30,
      maxLtvBps: 4_000,
      minDaysLeft: 19,
    });
    expect(passesFilters(r, f)).toBe(true);
    expect(passesFilters(r, { ...f, asset: "BTC" })).toBe(false);
    expect(passesFilters(r, { ...f, maxAprBps: 999 })).toBe(false);
    expect(passesFilters(r, { ...f, minDurationDays: 31 })).toBe(false);
    expect(passesFilters(r, { ...f, maxLtvBps: 3_999 })).toBe(false);
    expect(passesFilters({ ...r, ltvBps: null }, f)).toBe(false);
    expect(passesFilters(r, { ...f, minDaysLeft: 20 })).toBe(false);
    expect(
      parseFilters({ asset: "", maxApr: "x", minDuration: "", maxDuration: "", maxLtv: "", minDaysLeft: "" }),
    ).toEqual(NO_FILTERS);
  });

  it("matches a position by the contract's rules and ranks the fitting offers", () => {
    expect(offerMismatch(offer(), position, NOW)).toBeNull();
    expect(offerMismatch(offer({ target: "8" }), position, NOW)).toBe("The offer is for other collateral.");
    expect(offerMismatch(offer({ collateralKind: "Offering", target: "1", minUnits: "11" }), position, NOW)).toBe(
      "It needs at least 11 units.",
    );
    expect(offerMismatch(offer({ collateralKind: "Asset", target: "1", minDaysLeft: 21 }), position, NOW)).toMatch(
      /leave 21 term days/,
    );
    expect(offerMismatch(offer({ duration: String(60 * DAY) }), position, NOW)).toMatch(
      /after the position's term ends/,
    );
    expect(offerMismatch(offer({ expiry: String(NOW) }), position, NOW)).toBe("The offer is no longer open.");
    expect(offerMismatch(offer({ lender: { id: "0xborrower" } }), position, NOW)).toBe("It is your own offer.");
    expect(offerMismatch(offer(), { ...position, locked: true }, NOW)).toMatch(/locked/);
    expect(offerMismatch(offer(), { ...position, offeringActive: false }, NOW)).toBe("The offering is not active.");
    const best = bestOffersFor(
      [
        offer({ id: "1", offerId: "1", aprBps: 1_200 }),
        offer({ id: "2", offerId: "2", aprBps: 900, collateralKind: "Offering", target: "1" }),
        offer({ id: "3", offerId: "3", aprBps: 900, principal: "200000000", collateralKind: "Asset", target: "1" }),
        offer({ id: "3", offerId: "3", aprBps: 900, principal: "200000000", collateralKind: "Asset", target: "1" }),
        offer({ id: "4", offerId: "4", target: "9" }),
      ],
      position,
      NOW,
    );
    expect(best.map((o) => o.offerId)).toEqual(["3", "2", "1"]);
  });
});

describe("loan clock and banner", () => {
  const clock = { dueTime: String(NOW + 100 * 3_600), graceEnd: String(NOW + 124 * 3_600) };
  it("tells active, due soon (72 h), grace and foreclosable apart", () => {
    expect(loanPhase(clock, NOW)).toBe("active");
    expect(loanPhase(clock, NOW + 28 * 3_600)).toBe("due-soon");
    expect(loanPhase(clock, NOW + 100 * 3_600)).toBe("grace");
    expect(loanPhase(clock, NOW + 124 * 3_600 - 1)).toBe("grace");
    expect(loanPhase(clock, NOW + 124 * 3_600)).toBe("foreclosable");
    expect(loanPhase({ ...clock, status: "Repaid" }, NOW)).toBe("closed");
  });

  it("warns about loans due within 72 hours or in grace, soonest first", () => {
    const w = dueWarnings(
      {
        borrowed: [
          { id: "1-0", loanId: "1", ...clock },
          { id: "2-0", loanId: "2", dueTime: String(NOW + 3_600), graceEnd: String(NOW + 25 * 3_600) },
        ],
        lent: [{ id: "3-0", loanId: "3", dueTime: String(NOW - 3_600), graceEnd: String(NOW + 7_200) }],
      },
      NOW,
    );
    expect(w).toEqual([
      { loanId: "2", role: "borrower", phase: "due-soon", secondsLeft: 3_600 },
      { loanId: "3", role: "lender", phase: "grace", secondsLeft: 7_200 },
    ]);
  });

  it("words the clock", () => {
    expect(clockText("active", NOW + 2 * DAY, NOW + 3 * DAY, NOW)).toMatch(
      /^due in 2d 00:00:00 \(.*\), then 1d 00:00:00 of grace$/,
    );
    expect(clockText("grace", NOW, NOW + 3_600, NOW)).toMatch(/repayable for 01:00:00 more/);
    expect(clockText("foreclosable", NOW - DAY, NOW - 1, NOW)).toMatch(/the lender may foreclose/);
  });
});

describe("health and the debt table", () => {
  const rates: MarketRateRow[] = [
    { id: "a", assetId: 1, day: TODAY - 2, avgRewardPerUnitWad: "1" },
    { id: "b", assetId: 1, day: TODAY - 1, avgRewardPerUnitWad: (10n ** 16n * 10n ** 18n).toString() },
    { id: "c", assetId: 2, day: TODAY, avgRewardPerUnitWad: "5" },
  ];

  it("takes the latest oracle rate of the asset", () => {
    expect(latestMarketRate(rates, "1")).toBe(10n ** 34n);
    expect(latestMarketRate(rates, 3)).toBeNull();
  });

  it("values the position and gives the LTV with its inputs", () => {
    const l = loan();
    const valued = positionCollateralOf(l.position!, offering, rates, USD, USDT, IFIL);
    expect(valued?.rateSource).toBe("oracle");
    const h = loanHealth({
      loan: loanStateOf(l),
      now: BigInt(NOW),
      currency: USDT,
      usd: USD,
      position: valued?.collateral,
    });
    // refund right: 100 - ceil(100 * 50 / 100) = 50 USDT; 51 days x 0.1 IFIL x $4 = $20.4; debt 100 USDT
    expect(h?.collateral?.refundRight).toBe(50_000_000n);
    expect(h?.collateral?.daysLeft).toBe(51);
    expect(h?.collateralUsd).toBe(704n * 10n ** 17n);
    expect(h?.ltvBps).toBe(14_205n); // ceil(100 / 70.4 * 1e4) = 14204.5 -> 14205
    expect(h?.crossing?.time).toBe(BigInt(NOW)); // already past the 80% line
    // no price for the reward token: no valuation rather than a made-up one
    expect(positionCollateralOf(l.position!, offering, rates, { USDT: 1 }, USDT, IFIL)).toBeNull();
    expect(positionCollateralOf(l.position!, offering, [], USD, USDT, IFIL)?.rateSource).toBe("offering");
  });

  it("lists the indexed payments, then the self-repaying forecast", () => {
    const l = loan({
      repayments: [
        {
          id: "r1",
          amount: "100000000000000000",
          interestPaid: "0",
          principalPaid: "400000",
          fee: "0",
          principalLeft: "99600000",
          selfRepayment: true,
          refinancing: false,
          timestamp: String(NOW),
          transactionHash: "0x1",
          token: { id: IFIL.address },
          payer: { id: "0xborrower" },
        },
      ],
    });
    const { rows, payoffTime } = debtRows({
      loan: l,
      repayments: l.repayments ?? [],
      now: BigInt(NOW),
      dailyRewardPerUnitWad: 10n ** 34n,
      forecastDays: 3,
    });
    expect(rows.map((r) => r.kind)).toEqual(["start", "self-repayment", "forecast", "forecast", "forecast"]);
    // 0.1 IFIL a day at 4 USDT pays 0.4; 36.5% APR on 100 USDT is 0.1 a day: 99.7 after day 1
    expect(rows[2]?.debt).toBe(99_700_000n);
    expect(payoffTime).toBeNull(); // 0.3 a day does not clear 100 USDT before the grace period ends
    expect(
      debtRows({ loan: loan({ selfRepaying: false }), repayments: [], now: BigInt(NOW), dailyRewardPerUnitWad: 1n })
        .rows,
    ).toHaveLength(1);
  });
});

describe("debt chart", () => {
  it("scales time and debt, and starts the dashed forecast at the last indexed point", () => {
    const { past, forecast } = debtChartPoints(
      [
        { time: 0, debt: 100n, paid: 0n, kind: "start" },
        { time: 50, debt: 50n, paid: 50n, kind: "repayment" },
        { time: 100, debt: 0n, paid: 50n, kind: "forecast" },
      ],
      200,
      100,
    );
    expect(past).toEqual([
      { x: 0, y: 0 },
      { x: 100, y: 50 },
    ]);
    expect(forecast).toEqual([
      { x: 100, y: 50 },
      { x: 200, y: 100 },
    ]);
    expect(debtChartPoints([], 10, 10)).toEqual({ past: [], forecast: [] });
  });
});

describe("lending forms", () => {
  it("reads APRs as percentages with 2 decimals, up to 200%", () => {
    expect(validateAprPercent("12.5")).toEqual({ ok: true, value: 1_250n });
    expect(validateAprPercent("0")).toEqual({ ok: true, value: 0n });
    expect(validateAprPercent("200%")).toEqual({ ok: true, value: 20_000n });
    expect(validateAprPercent("200.01").ok).toBe(false);
    expect(validateAprPercent("1.234").ok).toBe(false);
    expect(validateAprPercent("").ok).toBe(false);
  });

  it("reads durations in days, 1 hour to 365 days", () => {
    expect(validateDurationDays("30")).toEqual({ ok: true, value: 2_592_000n });
    expect(validateDurationDays("0.05")).toEqual({ ok: true, value: 4_320n });
    expect(validateDurationDays("0.04").ok).toBe(false); // 57.6 minutes
    expect(validateDurationDays("365.01").ok).toBe(false);
    expect(validateDurationDays("1,5").ok).toBe(false);
  });

  it("checks amounts with the token's decimals and the loan's bounds", () => {
    expect(validatePrincipal("100.5", 6)).toEqual({ ok: true, value: 100_500_000n });
    expect(validatePrincipal("1.0000001", 6)).toEqual({ ok: false, error: "At most 6 decimal places for this token." });
    expect(validatePrincipal("0.00000001", 8)).toEqual({ ok: true, value: 1n });
    expect(validatePrincipal("0", 18).ok).toBe(false);
    expect(validatePrincipal("100000000000000000000000000000", 6).ok).toBe(false);
    expect(validatePrincipal("5", 6, { balance: 4_000_000n, symbol: "USDT" })).toEqual({
      ok: false,
      error: "Insufficient USDT balance.",
    });
    // minimum interest: blank is 0, never more than the whole duration's interest (821,918 on 100 USDT, 10%, 30 d)
    const terms = { principal: 100_000_000n, aprBps: 1_000n, duration: 2_592_000n };
    expect(validateMinInterest("", 6, terms)).toEqual({ ok: true, value: 0n });
    expect(validateMinInterest("0.821918", 6, terms)).toEqual({ ok: true, value: 821_918n });
    expect(validateMinInterest("0.821919", 6, terms).ok).toBe(false);
    expect(validateWhole("3", 1n, 10n, "Loans")).toEqual({ ok: true, value: 3n });
    expect(validateWhole("0", 1n, 10n, "Loans")).toEqual({ ok: false, error: "Loans: between 1 and 10." });
  });

  it("stores a reward price per 1e18 reward base units", () => {
    // 4 USDT per IFIL (18 decimals): 4e6 per 1e18
    expect(validateRewardPrice("4", 6, 18)).toEqual({ ok: true, value: 4_000_000n });
    // 60,000 USDT per WBTC (8 decimals): 6e10 USDT units per 1e8 WBTC units = 6e20 per 1e18
    expect(validateRewardPrice("60000", 6, 8)).toEqual({ ok: true, value: 600_000_000_000_000_000_000n });
    expect(validateRewardPrice("", 6, 18)).toEqual({ ok: true, value: 0n });
    expect(rewardPricePerToken(600_000_000_000_000_000_000n, 8)).toBe(60_000_000_000n);
  });
});

describe("lending wording", () => {
  it("formats APR, durations, LTV and times", () => {
    expect(aprText(1_250)).toBe("12.5% APR");
    expect(durationText(2_592_000)).toBe("30 days");
    expect(durationText(86_400)).toBe("1 day");
    expect(durationText(7_200)).toBe("2 h");
    expect(durationText(129_600)).toBe("1.5 days");
    expect(ltvText(4_317n)).toBe("43.2%");
    expect(ltvText(null)).toBe("n/a");
    expect(utcText(1_800_000_000)).toBe("2027-01-15 08:00 UTC");
  });

  it("describes the collateral", () => {
    expect(collateralText(offer())).toBe("Position #7 of offering #1");
    expect(collateralText(offer({ collateralKind: "Offering", target: "1", minUnits: "5", minDaysLeft: 10 }))).toBe(
      "Any position of offering #1 Deepwell (at least 5 units, 10 term days left after due)",
    );
    expect(
      collateralText(
        offer({ collateralKind: "Asset", target: "1", asset: { id: "1", symbol: "FIL", unitLabel: "TiB" } }),
      ),
    ).toBe("Any FIL position");
    expect(collateralText(offer({ collateralKind: "Token", collateralAmount: "2500000000000000000" }), IFIL)).toBe(
      "2.5 IFIL",
    );
  });
});
