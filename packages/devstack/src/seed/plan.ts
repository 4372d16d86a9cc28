/**
 * The seed's fixed scenario: who sells what at which price, who buys when, what the market paid
 * and how each miner behaves. Days are offsets from the seed's first day (day 0); nothing here
 * depends on the wall clock, so two seeds of the same anchor day produce the same state.
 */

export type AssetSymbol = "FIL" | "BTC";
/** `applicant`: a miner whose first application is still being voted on when the seed ends. */
export type Behaviour = "healthy" | "defaulting" | "applicant";

export const ASSET_ID: Record<AssetSymbol, number> = { FIL: 1, BTC: 2 };

/** Network average reward per hashpower unit per day, WAD-scaled reward-token base units. */
export const MARKET_BASE_WAD: Record<AssetSymbol, bigint> = {
  FIL: 450_000_000_000_000n * 10n ** 18n, // 0.00045 FIL per TiB per day (IFIL, 18 decimals)
  BTC: 50n * 10n ** 18n, // 50 sat per TH/s per day (WBTC, 8 decimals)
};

/** Day-to-day wobble of the market average: within +-3%, fixed per day. */
export function marketAverageWad(asset: AssetSymbol, day: number): bigint {
  const permille = 1_000 + ((day * 37 + (asset === "BTC" ? 11 : 0)) % 61) - 30;
  return (MARKET_BASE_WAD[asset] * BigInt(permille)) / 1_000n;
}

export interface MinerPlan {
  /** Index into MINER_INDICES. */
  readonly slot: number;
  readonly name: string;
  readonly behaviour: Behaviour;
  readonly disclosure: {
    readonly legalName: string;
    readonly jurisdiction: string;
    readonly registrationNumber: string;
    readonly website: string;
    readonly asset: AssetSymbol;
    readonly unit: string;
    readonly totalHashpower: number;
    readonly effectiveHashpower: number;
    readonly facilities: readonly {
      readonly location: string;
      readonly powerSource: string;
      readonly capacityMW: number;
    }[];
    readonly minerIds: readonly string[];
  };
}

export const MINERS: readonly MinerPlan[] = [
  {
    slot: 0,
    name: "Deepwell Storage",
    behaviour: "healthy",
    disclosure: {
      legalName: "Deepwell Storage Ltd.",
      jurisdiction: "Hong Kong SAR",
      registrationNumber: "HK-3187204",
      website: "https://deepwell.example",
      asset: "FIL",
      unit: "TiB",
      totalHashpower: 102_400,
      effectiveHashpower: 99_830,
      facilities: [
        { location: "Hong Kong, Tseung Kwan O", powerSource: "grid", capacityMW: 4.2 },
        { location: "Singapore, Jurong", powerSource: "grid + solar", capacityMW: 2.5 },
      ],
      minerIds: ["f01842213", "f02031177"],
    },
  },
  {
    slot: 1,
    name: "Nordic Hash",
    behaviour: "healthy",
    disclosure: {
      legalName: "Nordic Hash AS",
      jurisdiction: "Norway",
      registrationNumber: "NO-926 551 019",
      website: "https://nordichash.example",
      asset: "BTC",
      unit: "TH/s",
      totalHashpower: 250_000,
      effectiveHashpower: 241_300,
      facilities: [{ location: "Mo i Rana, Norway", powerSource: "hydro", capacityMW: 9.5 }],
      minerIds: ["pool:nordichash.worker01-48"],
    },
  },
  {
    slot: 2,
    name: "Quickfil Storage",
    behaviour: "defaulting",
    disclosure: {
      legalName: "Quickfil Storage Ltd.",
      jurisdiction: "Seychelles",
      registrationNumber: "SC-228410",
      website: "https://quickfil.example",
      asset: "FIL",
      unit: "TiB",
      totalHashpower: 20_480,
      effectiveHashpower: 19_950,
      facilities: [{ location: "undisclosed", powerSource: "grid", capacityMW: 1.1 }],
      minerIds: ["f02544901"],
    },
  },
  {
    slot: 3,
    name: "Aurora Hashworks",
    behaviour: "applicant",
    disclosure: {
      legalName: "Aurora Hashworks ehf.",
      jurisdiction: "Iceland",
      registrationNumber: "IS-540921-1180",
      website: "https://aurorahash.example",
      asset: "BTC",
      unit: "TH/s",
      totalHashpower: 64_000,
      effectiveHashpower: 61_750,
      facilities: [{ location: "Reykjanes, Iceland", powerSource: "geothermal", capacityMW: 3.8 }],
      minerIds: ["pool:aurorahash.rk01-12"],
    },
  },
];

export interface OfferingPlan {
  /** Offering id on a fresh deployment (created in this order). */
  readonly id: number;
  readonly label: string;
  readonly minerSlot: number;
  readonly asset: AssetSymbol;
  readonly unitsTotal: number;
  /** USDT base units (6 decimals) per hashpower unit. */
  readonly pricePerUnit: bigint;
  readonly termStartOffset: number;
  readonly termDays: number;
  /** Sale start as a day offset (its 00:00 UTC); undefined = day 0. The sale always ends when the term starts. */
  readonly saleStartOffset?: number;
  readonly expectedDailyRewardPerUnitWad: bigint;
}

/**
 * Prices: a buyer pays for the whole term (sales close when it starts), so an honest offering's
 * expected rewards over the term, at the seeded token prices (apps/web/lib/prices.seed.json: IFIL
 * $5.50, WBTC $98,000), come to a few percent more than its price: an estimated APR of ~8-12%.
 * Quickfil's cheap price and 107% promise look better on paper; what it actually pays (~64% of the
 * market) makes it the worst buy on the marketplace.
 */
export const OFFERINGS: readonly OfferingPlan[] = [
  {
    id: 1,
    label: "Deepwell FIL 180d",
    minerSlot: 0,
    asset: "FIL",
    unitsTotal: 20_000,
    pricePerUnit: 420_000n,
    termStartOffset: 2,
    termDays: 180,
    expectedDailyRewardPerUnitWad: MARKET_BASE_WAD.FIL,
  },
  {
    id: 2,
    label: "Nordic BTC 180d",
    minerSlot: 1,
    asset: "BTC",
    unitsTotal: 5_000,
    pricePerUnit: 8_500_000n,
    termStartOffset: 2,
    termDays: 180,
    expectedDailyRewardPerUnitWad: MARKET_BASE_WAD.BTC,
  },
  {
    id: 3,
    label: "Quickfil FIL 180d",
    minerSlot: 2,
    asset: "FIL",
    unitsTotal: 15_000,
    pricePerUnit: 360_000n,
    termStartOffset: 2,
    termDays: 180,
    expectedDailyRewardPerUnitWad: (MARKET_BASE_WAD.FIL * 107n) / 100n,
  },
  {
    id: 4,
    label: "Deepwell FIL 360d",
    minerSlot: 0,
    asset: "FIL",
    unitsTotal: 30_000,
    pricePerUnit: 800_000n,
    termStartOffset: 4,
    termDays: 360,
    expectedDailyRewardPerUnitWad: MARKET_BASE_WAD.FIL,
  },
  {
    id: 5,
    label: "Nordic BTC 90d",
    minerSlot: 1,
    asset: "BTC",
    unitsTotal: 2_000,
    pricePerUnit: 4_300_000n,
    termStartOffset: 2,
    termDays: 90,
    expectedDailyRewardPerUnitWad: MARKET_BASE_WAD.BTC,
  },
];

/**
 * An offering approved late in the seed whose sale is open when the stack comes up (application
 * and offering 6): its term starts four days after the last simulated day.
 */
export const OPEN_SALE_OFFERING: OfferingPlan = {
  id: 6,
  label: "Deepwell FIL 270d",
  minerSlot: 0,
  asset: "FIL",
  unitsTotal: 25_000,
  pricePerUnit: 620_000n,
  termStartOffset: 36,
  termDays: 270,
  saleStartOffset: 26,
  expectedDailyRewardPerUnitWad: MARKET_BASE_WAD.FIL,
};
/** Every offering the seed's votes create, in id order. */
export const APPROVED_OFFERINGS: readonly OfferingPlan[] = [...OFFERINGS, OPEN_SALE_OFFERING];
/** The day the open sale's application is submitted, voted, queued and executed. */
export const OPEN_SALE_APPROVAL_DAY = 26;

/**
 * The application still in its voting period when the seed ends (application 7; offering 7 if the
 * DAO approves it). Its term starts two days after the last simulated day.
 */
export const PENDING_APPLICATION: OfferingPlan = {
  id: 7,
  label: "Aurora BTC 180d",
  minerSlot: 3,
  asset: "BTC",
  unitsTotal: 3_000,
  pricePerUnit: 8_200_000n,
  termStartOffset: 34,
  termDays: 180,
  expectedDailyRewardPerUnitWad: MARKET_BASE_WAD.BTC,
};

/** The offering whose miner under-pays, then stops; the DAO halts it by vote on HALT.dayOffset. */
export const DEFAULTING_OFFERING_ID = 3;
/** Days the defaulting miner deposits before it stops. */
export const UNDERPAID_DAYS = 10;
/**
 * What the defaulting miner pays on its `k`-th term day (0-based), in bps of the market: 60%, with
 * one day in seven at 85%. The old rule (seven consecutive days under 80%) never caught this, since
 * the 85% day reset its streak; the window (the last seven judged days average 64%) does.
 */
export function underpayRatioBps(k: number): bigint {
  return k % 7 === 6 ? 8_500n : 6_000n;
}

/** A healthy miner pays 99-107% of the market average, fixed per offering and day. */
export function healthyRatioBps(offeringId: number, day: number): bigint {
  return BigInt(9_900 + ((day * 53 + offeringId * 17) % 800));
}

export interface PurchasePlan {
  readonly dayOffset: number;
  /** Index into BUYER_INDICES. */
  readonly buyer: number;
  readonly offeringId: number;
  readonly units: number;
}

function unitsFor(offeringId: number, buyer: number, k: number): number {
  const asset = OFFERINGS[offeringId - 1]?.asset;
  return asset === "BTC" ? 10 + ((buyer * 3 + k * 5) % 7) * 5 : 200 + ((buyer * 7 + k * 13) % 9) * 100;
}

/**
 * 36 purchases by 8 buyers, every one before its offering's term starts (sales close then): 24 on
 * day 0, 6 on day 1, 2 on day 3 (offering 4, whose term starts on day 4), and 4 in the open sale of
 * offering 6 on days 28 and 30.
 */
export const PURCHASES: readonly PurchasePlan[] = [
  ...[0, 1, 2, 3, 4, 5, 6, 7].flatMap((buyer) =>
    [0, 1, 2].map((k) => {
      const offeringId = ((buyer + 2 * k) % 5) + 1;
      return { dayOffset: 0, buyer, offeringId, units: unitsFor(offeringId, buyer, k) };
    }),
  ),
  ...[0, 1, 2, 3, 4, 5].map((buyer) => ({
    dayOffset: 1,
    buyer,
    offeringId: (buyer % 5) + 1,
    units: unitsFor((buyer % 5) + 1, buyer, 3),
  })),
  { dayOffset: 3, buyer: 1, offeringId: 4, units: 700 },
  { dayOffset: 3, buyer: 6, offeringId: 4, units: 400 },
  { dayOffset: 28, buyer: 7, offeringId: 6, units: 600 },
  { dayOffset: 28, buyer: 2, offeringId: 6, units: 300 },
  { dayOffset: 30, buyer: 4, offeringId: 6, units: 800 },
  { dayOffset: 30, buyer: 0, offeringId: 6, units: 500 },
];

/** The simulated days: day offsets on which the previous day is reported and covered. */
export const FIRST_SIMULATED_DAY = 3;
export const SIMULATED_DAYS = 30;
/** Buyers 0-3 claim their rewards on these days. */
export const CLAIM_DAYS = [9, 16, 23, 30] as const;
export const CLAIMING_BUYERS = [0, 1, 2, 3] as const;
/** Healthy miners withdraw released escrow on these days. */
export const WITHDRAW_DAYS = [12, 22, 32] as const;
/** The treasury collects channel fees on this day. */
export const FEE_COLLECTION_DAY = 20;

export const USDT_PER_ACCOUNT = 20_000n * 10n ** 6n;

/** Disclosure document of an offering: JSON in a data: URI, readable without a network. */
export function metadataURI(offering: OfferingPlan, miner: MinerPlan): string {
  const d = miner.disclosure;
  const document = {
    schema: "dmex.miner-disclosure/v1",
    offering: offering.label,
    company: {
      name: miner.name,
      legalName: d.legalName,
      jurisdiction: d.jurisdiction,
      registrationNumber: d.registrationNumber,
      website: d.website,
    },
    hashpower: { asset: d.asset, unit: d.unit, total: d.totalHashpower, effective: d.effectiveHashpower },
    facilities: d.facilities,
    minerIds: d.minerIds,
  };
  return `data:application/json;base64,${Buffer.from(JSON.stringify(document)).toString("base64")}`;
}

// ------------------------------------------------------------------ DMC and the DAO

/** 1 DMC (18 decimals). */
export const DMC = 10n ** 18n;

/**
 * Who gets genesis DMC from the deployer (anvil account 0, which the deploy gives the 5M genesis
 * distribution on the local chain) and whom they delegate to: `"self"`, another anvil account, or
 * `null` (keeps an undelegated balance: 0 votes). Accounts are anvil indices.
 * Buyers 8 and 9 together hold 4.4M, above the 4M quorum (4% of 100M); miners get enough to stake.
 */
export interface DmcGrant {
  readonly account: number;
  readonly amount: bigint;
  readonly delegateTo: "self" | number | null;
}
export const DMC_GRANTS: readonly DmcGrant[] = [
  { account: 8, amount: 2_200_000n * DMC, delegateTo: "self" },
  { account: 9, amount: 2_200_000n * DMC, delegateTo: "self" },
  { account: 10, amount: 150_000n * DMC, delegateTo: "self" },
  { account: 11, amount: 100_000n * DMC, delegateTo: 10 }, // lends its votes to account 10
  { account: 12, amount: 60_000n * DMC, delegateTo: "self" },
  { account: 13, amount: 40_000n * DMC, delegateTo: "self" },
  { account: 14, amount: 25_000n * DMC, delegateTo: "self" },
  { account: 15, amount: 15_000n * DMC, delegateTo: null }, // holds DMC, never delegated: 0 votes
  { account: 5, amount: 60_000n * DMC, delegateTo: "self" }, // Deepwell: stakes 10,000 + 12,000 + 10,000 (offering 6), 28,000 left to apply again
  { account: 6, amount: 50_000n * DMC, delegateTo: "self" }, // Nordic Hash: stakes 21,250 + 10,000
  { account: 7, amount: 20_000n * DMC, delegateTo: "self" }, // Quickfil: stakes 10,000 (slashed)
  { account: 2, amount: 30_000n * DMC, delegateTo: "self" }, // Aurora Hashworks: stakes 12,300
  { account: 0, amount: 0n, delegateTo: "self" }, // the deployer keeps the rest (50,000) and votes with it
];
/** The holder left without a delegate (the app's "you hold DMC but have 0 votes" case). */
export const UNDELEGATED_HOLDER = 15;

/** Governor vote types (GovernorCountingSimple). */
export const AGAINST = 0;
export const FOR = 1;
export const ABSTAIN = 2;
export type Support = typeof AGAINST | typeof FOR | typeof ABSTAIN;

export interface VotePlan {
  /** anvil account index */
  readonly voter: number;
  readonly support: Support;
  readonly reason?: string;
}

/** Votes on the application of offering `offeringId` (all pass: buyers 8 and 9 alone make quorum). */
export function applicationVotes(offeringId: number): readonly VotePlan[] {
  const votes: VotePlan[] = [
    {
      voter: 8,
      support: FOR,
      ...(offeringId === 1 && { reason: "Audited facilities in HK and SG, clear disclosure." }),
    },
    { voter: 9, support: FOR, ...(offeringId === 2 && { reason: "Hydro-powered, long operating record." }) },
    { voter: 10, support: FOR },
  ];
  if (offeringId === 3)
    votes.push({
      voter: 13,
      support: AGAINST,
      reason: "Facility undisclosed and a Seychelles shell: too little to go on.",
    });
  if (offeringId === 5) votes.push({ voter: 12, support: ABSTAIN, reason: "Short term, fine either way." });
  return votes;
}

/** Votes already cast on the pending application when the seed ends: below quorum, still open. */
export const PENDING_APPLICATION_VOTES: readonly VotePlan[] = [
  { voter: 10, support: FOR, reason: "Geothermal power and a registered company: welcome." },
  { voter: 12, support: AGAINST, reason: "First application: I would like to see a track record." },
];

/** A DAO proposal changing ProtocolParameters' trading fee. */
export interface FeeProposalPlan {
  readonly dayOffset: number;
  readonly proposer: number;
  readonly tradingFeeBps: number;
  readonly title: string;
  readonly votes: readonly VotePlan[];
  /** What the votes make of it. */
  readonly outcome: "Defeated" | "Executed";
}
export const FEE_PROPOSALS: readonly FeeProposalPlan[] = [
  {
    dayOffset: 5,
    proposer: 10,
    tradingFeeBps: 500,
    title: "Raise the trading fee to 5%",
    votes: [
      { voter: 10, support: FOR, reason: "Fund the insurance pool faster." },
      { voter: 8, support: AGAINST, reason: "5% would kill secondary trading before it starts." },
      { voter: 9, support: AGAINST },
      { voter: 14, support: FOR },
    ],
    outcome: "Defeated",
  },
  {
    dayOffset: 6,
    proposer: 8,
    tradingFeeBps: 150,
    title: "Lower the trading fee to 1.5% for the launch",
    votes: [
      { voter: 8, support: FOR, reason: "Cheaper trades while the market is young." },
      { voter: 9, support: FOR },
      { voter: 12, support: FOR },
      { voter: 14, support: ABSTAIN },
    ],
    outcome: "Executed",
  },
];

/**
 * How Quickfil's default is resolved: on `dayOffset` account `flagger` flags offering 3, account
 * `proposer` proposes `halt(3)` plus slashing Quickfil's stake to the insurance fund, the holders
 * vote, the timelock executes, and the buyers (BUYER_INDICES slots) in `refundingBuyers` pull their
 * refunds; the other holders of offering 3 leave theirs to claim in the app.
 */
export const HALT = {
  dayOffset: 13,
  flagger: 13,
  proposer: 9,
  title: "Halt offering #3 (Quickfil Storage) and slash its stake",
  slashReason: "Offering #3 default: paid 64% of the market over its last 7 judged days, then stopped depositing",
  votes: [
    { voter: 8, support: FOR, reason: "64% of the market for a week: halt and refund the holders." },
    { voter: 9, support: FOR },
    { voter: 10, support: FOR },
    { voter: 13, support: FOR, reason: "As feared at the application vote." },
    { voter: 7, support: AGAINST, reason: "Payments resume next week, give us time." },
  ] satisfies readonly VotePlan[],
  refundingBuyers: [0, 2, 3, 5],
} as const;

/**
 * Seconds after the start of a proposal (propose or submit) at which the seed votes, queues and
 * executes. Local governance: 60 s voting delay, 600 s voting period, 60 s timelock delay.
 */
export const GOVERNANCE_STEPS = { vote: 120, queue: 720, execute: 800 } as const;
/** Time of day of the oracle's daily report. */
export const REPORT_TIME_OF_DAY = 2 * 3_600;
/**
 * Time of day of the deposits, purchases, claims and withdrawals: after the report became final
 * (one hour, the oracle's correction window).
 */
export const DEPOSIT_TIME_OF_DAY = 3 * 3_600 + 300;
/** Time of day of the governance actions on their day (after the day's deposits). */
export const GOVERNANCE_TIME_OF_DAY = 4 * 3_600;

// ====================================================================== trading (issue 11)

/** Time of day of the trading chapter's first action: after the deposits and claims, before governance. */
export const TRADING_TIME_OF_DAY = 3 * 3_600 + 1_800;

/** Listing price in bps of what the position's remaining term cost at the primary price. */
export type ListingOutcome =
  | { readonly kind: "sold"; readonly dayOffset: number; readonly buyer: number }
  | { readonly kind: "cancelled"; readonly dayOffset: number }
  | { readonly kind: "transferred"; readonly dayOffset: number; readonly spare: number }
  | { readonly kind: "live" };

export interface ListingPlan {
  readonly dayOffset: number;
  /** BUYER_INDICES slot of the seller (never one of CLAIMING_BUYERS: their claims name the tokens they bought). */
  readonly seller: number;
  readonly offeringId: number;
  /** Which of the seller's positions of that offering (in purchase order). */
  readonly nth: number;
  readonly priceBps: number;
  readonly expiryDays: number;
  readonly outcome: ListingOutcome;
}

/**
 * Six listings: one sold the next day (its buyer takes the rewards accrued in it), one cancelled, one voided by
 * the seller transferring the position away, and three live when the stack comes up (the floor of offering 4 is
 * the cheaper of two).
 */
export const LISTINGS: readonly ListingPlan[] = [
  {
    dayOffset: 5,
    seller: 4,
    offeringId: 2,
    nth: 0,
    priceBps: 9_600,
    expiryDays: 14,
    outcome: { kind: "sold", dayOffset: 6, buyer: 5 },
  },
  { dayOffset: 8, seller: 6, offeringId: 1, nth: 0, priceBps: 9_800, expiryDays: 60, outcome: { kind: "live" } },
  {
    dayOffset: 12,
    seller: 7,
    offeringId: 5,
    nth: 0,
    priceBps: 9_900,
    expiryDays: 30,
    outcome: { kind: "cancelled", dayOffset: 14 },
  },
  {
    dayOffset: 15,
    seller: 6,
    offeringId: 2,
    nth: 0,
    priceBps: 9_700,
    expiryDays: 30,
    outcome: { kind: "transferred", dayOffset: 16, spare: 0 },
  },
  { dayOffset: 30, seller: 7, offeringId: 2, nth: 0, priceBps: 9_500, expiryDays: 45, outcome: { kind: "live" } },
  { dayOffset: 31, seller: 6, offeringId: 4, nth: 0, priceBps: 9_400, expiryDays: 45, outcome: { kind: "live" } },
  { dayOffset: 31, seller: 4, offeringId: 4, nth: 0, priceBps: 9_900, expiryDays: 45, outcome: { kind: "live" } },
];

export interface BidPlan {
  /** Seconds after the auction was created (all within the half hour before governance's time of day). */
  readonly after: number;
  readonly bidder: number;
  /** Bps of the reserve price. */
  readonly amountBps: number;
}

export interface AuctionPlan {
  readonly label: string;
  readonly dayOffset: number;
  /** secondary: a holder's position (`seller` a BUYER_INDICES slot); primary: units of `offeringId` by its miner. */
  readonly kind: "secondary" | "primary";
  readonly seller: number;
  readonly offeringId: number;
  readonly nth?: number;
  readonly units?: number;
  /** Reserve in bps of the remaining term's primary price (primary: of units x price). */
  readonly reserveBps: number;
  readonly durationSeconds: number;
  readonly bids: readonly BidPlan[];
  /** When it is settled (day offset), if before the seed ends. */
  readonly settleDayOffset?: number;
  /** Outbid bidders that pull their refund on the settle day. */
  readonly withdrawingBidders?: readonly number[];
}

/**
 * A settled secondary auction (two bids; the outbid bidder pulls its refund), a settled primary auction of
 * offering 6 whose proceeds enter its escrow, and a running secondary auction with several bids whose outbid
 * bidder still holds its refund when the stack comes up. The auction "ending soon" and an unbid primary auction
 * (reserved units on the miner desk) are started at the end, on the final clock ({@link ENDING_SOON}).
 */
export const AUCTIONS: readonly AuctionPlan[] = [
  {
    label: "secondary, settled",
    dayOffset: 10,
    kind: "secondary",
    seller: 4,
    offeringId: 5,
    nth: 0,
    reserveBps: 9_000,
    durationSeconds: 6 * 3_600,
    bids: [
      { after: 300, bidder: 1, amountBps: 10_000 },
      { after: 600, bidder: 2, amountBps: 10_600 },
    ],
    settleDayOffset: 11,
    withdrawingBidders: [1],
  },
  {
    label: "primary, settled",
    dayOffset: 27,
    kind: "primary",
    seller: 0,
    offeringId: 6,
    units: 1_000,
    reserveBps: 9_500,
    durationSeconds: 12 * 3_600,
    bids: [
      { after: 300, bidder: 3, amountBps: 10_000 },
      { after: 600, bidder: 0, amountBps: 10_800 },
    ],
    settleDayOffset: 28,
    withdrawingBidders: [3],
  },
  {
    label: "secondary, running with an outbid refund held",
    dayOffset: 31,
    kind: "secondary",
    seller: 7,
    offeringId: 6,
    nth: 0,
    reserveBps: 9_000,
    durationSeconds: 3 * 86_400,
    bids: [
      { after: 300, bidder: 1, amountBps: 10_000 },
      { after: 600, bidder: 2, amountBps: 10_500 },
      { after: 900, bidder: 1, amountBps: 11_100 },
    ],
  },
];

/** Started on the seed's final clock: a secondary auction with a bid that ends within the hour, and an unbid primary auction. */
export const ENDING_SOON = {
  secondary: { seller: 6, offeringId: 4, nth: 1, reserveBps: 9_000, durationSeconds: 3_600, bidder: 3 },
  primary: { offeringId: 6, units: 500, reserveBps: 9_800, durationSeconds: 2 * 86_400 },
} as const;

/** Sellers' buyers-to-be and bidders get this much extra USDT from the bridge before trading starts. */
export const TRADING_USDT = 50_000n * 10n ** 6n;
/** Buyers that claim their DMC trading rewards (primary-sale fees of epoch 0) on TRADING_REWARD_CLAIM_DAY; the rest leave theirs to the app. */
export const TRADING_REWARD_CLAIMERS = [4, 5] as const;
export const TRADING_REWARD_CLAIM_DAY = 20;
/** The treasury sweeps the listings' and auctions' trading fees on this day. */
export const TRADING_FEE_SWEEP_DAY = 21;

// ====================================================================== lending (issue 12)

/** Time of day of the lending chapter: after the trading chapter's last bid (03:45), before governance (04:00). */
export const LENDING_TIME_OF_DAY = 3 * 3_600 + 3_000;
/** 1 USDT (6 decimals). */
export const USDT = 10n ** 6n;
/** 1 IFIL (18 decimals). */
export const IFIL = 10n ** 18n;
/** What the lenders get from the bridge on day 0, on top of every account's USDT. */
export const LENDING_USDT = 10_000n * USDT;
/** IFIL the bridge gives the borrower of the open token request (its collateral, kept until a lender fills it). */
export const TOKEN_REQUEST_IFIL = 50n * IFIL;

/**
 * Who lends and who borrows, as anvil account indices. The lenders are buyers 2 and 3 (accounts 10 and 11): lending
 * moves only their USDT, never their positions, so their reward claims go on unchanged. The borrowers pledge only
 * positions no other chapter touches after the loan starts: buyer 4's (account 12) second BTC 90d position and its
 * open-sale position, buyer 5's (account 13), buyer 7's (account 15) BTC 90d position once its listing is cancelled,
 * and the position the trading chapter transferred to spare 0 (account 16).
 */
export const LENDERS = { first: 10, second: 11 } as const;
export const BORROWERS = { a: 12, b: 13, c: 15, spare: 16 } as const;

/**
 * Token ids of the positions the lending chapter uses (mint order is fixed: 24 purchases on day 0, 6 on day 1, 2
 * on day 3, 2 on day 28, the primary auction's winner on day 28, 2 on day 30). The seed checks each owner.
 */
export const LENDING_POSITIONS = {
  /** Buyer 4's second Nordic BTC 90d position (40 TH/s): foreclosed. */
  foreclosed: 29n,
  /** Buyer 5's first Deepwell FIL 180d position (1,000 TiB): self-repaying from its IFIL rewards. */
  selfRepaying: 16n,
  /** The Nordic BTC 180d position buyer 5 bought on buyer 4's listing (25 TH/s): borrowed on a request, refinanced. */
  refinanced: 14n,
  /** The Nordic BTC 180d position spare 0 received by transfer (day 16; 30 TH/s): repaid in two payments. */
  repaid: 19n,
  /** Buyer 7's Nordic BTC 90d position (35 TH/s): its loan is past its grace period, not foreclosed. */
  overdue: 23n,
  /** Buyer 4's Deepwell FIL 270d (open sale) position (800 TiB): an active loan from a collection offer. */
  active: 36n,
  /** Buyer 5's second Deepwell FIL 180d position (400 TiB): free, matched by open offers (the e2e borrows on it). */
  borrowable: 30n,
  /** Buyer 5's Nordic BTC 90d position (30 TH/s): free, matched by an offer with a reward price (e2e self-repays). */
  selfRepayable: 18n,
} as const;

export interface LoanTermsPlan {
  /** USDT base units. */
  readonly principal: bigint;
  readonly aprBps: number;
  readonly durationDays: number;
  /** USDT base units owed even if repaid at once. */
  readonly minInterest: bigint;
  /** USDT base units per 1e18 reward-token base units; 0: no self-repayment. */
  readonly rewardPriceWad: bigint;
}

export type LoanCollateralPlan =
  | { readonly kind: "position"; readonly tokenId: bigint }
  | {
      readonly kind: "offering";
      readonly offeringId: number;
      readonly minUnits: number;
      readonly minDaysLeft: number;
    }
  | { readonly kind: "asset"; readonly asset: AssetSymbol; readonly minUnits: number; readonly minDaysLeft: number }
  /** `amount` of the asset's reward token (IFIL, WBTC). */
  | { readonly kind: "token"; readonly asset: AssetSymbol; readonly amount: bigint };

export interface LoanOfferPlan {
  /** Offer id on a fresh deployment (made in this order). */
  readonly id: number;
  readonly dayOffset: number;
  readonly lender: number;
  readonly terms: LoanTermsPlan;
  readonly collateral: LoanCollateralPlan;
  readonly maxFills: number;
  readonly expiryDays: number;
}

export interface LoanRequestPlan {
  /** Request id on a fresh deployment. */
  readonly id: number;
  readonly dayOffset: number;
  readonly borrower: number;
  readonly terms: LoanTermsPlan;
  readonly collateral: Extract<LoanCollateralPlan, { kind: "position" | "token" }>;
  readonly expiryDays: number;
}

/** What happens to a live loan, on its day (in this order within a day). */
export type LoanStep =
  | { readonly kind: "repay"; readonly dayOffset: number; readonly amount: bigint | "full" }
  | { readonly kind: "claim"; readonly dayOffset: number; readonly account: number }
  | { readonly kind: "selfRepay"; readonly dayOffset: number }
  | { readonly kind: "applyRewards"; readonly dayOffset: number }
  | {
      readonly kind: "refinance";
      readonly dayOffset: number;
      readonly lender: number;
      readonly aprBps: number;
      readonly dueDayOffset: number;
    }
  | { readonly kind: "foreclose"; readonly dayOffset: number; readonly by: number };

export interface LoanPlan {
  readonly label: string;
  /** The pledged position's token id: a position loan's id. */
  readonly loanId: bigint;
  readonly borrower: number;
  /** The offer its borrower accepts, or the request its lender fills. */
  readonly source: { readonly offer: number } | { readonly request: number; readonly lender: number };
  readonly dayOffset: number;
  readonly steps: readonly LoanStep[];
}

const terms = (
  principalUsdt: bigint,
  aprBps: number,
  durationDays: number,
  minInterest = 0n,
  rewardPriceWad = 0n,
): LoanTermsPlan => ({ principal: principalUsdt * USDT, aprBps, durationDays, minInterest, rewardPriceWad });

/**
 * Reward prices of the self-repaying offers, a tenth under the seeded token prices (apps/web/lib/prices.seed.json):
 * IFIL $5.00 (1e18 base units = 1 IFIL = 5,000,000 USDT units), WBTC $90,000 (1e18 base units = 1e10 WBTC).
 */
export const REWARD_PRICE_WAD = { FIL: 5n * USDT, BTC: 90_000n * USDT * 10n ** 10n } as const;

/** Every lending offer, in id order; the first four are filled up, the last five open when the stack comes up. */
export const LOAN_OFFERS: readonly LoanOfferPlan[] = [
  {
    id: 1,
    dayOffset: 4,
    lender: LENDERS.first,
    terms: terms(80n, 1_000, 7),
    collateral: { kind: "position", tokenId: LENDING_POSITIONS.foreclosed },
    maxFills: 1,
    expiryDays: 14,
  },
  {
    id: 2,
    dayOffset: 5,
    lender: LENDERS.second,
    terms: terms(200n, 1_200, 90, 1n * USDT, REWARD_PRICE_WAD.FIL),
    collateral: { kind: "position", tokenId: LENDING_POSITIONS.selfRepaying },
    maxFills: 1,
    expiryDays: 14,
  },
  {
    id: 3,
    dayOffset: 17,
    lender: LENDERS.first,
    terms: terms(70n, 1_200, 30, 300_000n),
    collateral: { kind: "position", tokenId: LENDING_POSITIONS.repaid },
    maxFills: 1,
    expiryDays: 14,
  },
  {
    id: 4,
    dayOffset: 20,
    lender: LENDERS.first,
    terms: terms(60n, 1_500, 7),
    collateral: { kind: "position", tokenId: LENDING_POSITIONS.overdue },
    maxFills: 1,
    expiryDays: 14,
  },
  {
    id: 5,
    dayOffset: 31,
    lender: LENDERS.second,
    terms: terms(150n, 1_100, 60),
    collateral: { kind: "asset", asset: "FIL", minUnits: 300, minDaysLeft: 30 },
    maxFills: 5,
    expiryDays: 60,
  },
  {
    id: 6,
    dayOffset: 31,
    lender: LENDERS.second,
    terms: terms(120n, 1_000, 30, 500_000n),
    collateral: { kind: "offering", offeringId: 1, minUnits: 300, minDaysLeft: 60 },
    maxFills: 3,
    expiryDays: 60,
  },
  {
    id: 7,
    dayOffset: 31,
    lender: LENDERS.first,
    terms: terms(80n, 900, 30),
    collateral: { kind: "position", tokenId: LENDING_POSITIONS.borrowable },
    maxFills: 1,
    expiryDays: 60,
  },
  {
    id: 8,
    dayOffset: 31,
    lender: LENDERS.first,
    terms: terms(60n, 1_200, 30, 0n, REWARD_PRICE_WAD.BTC),
    collateral: { kind: "position", tokenId: LENDING_POSITIONS.selfRepayable },
    maxFills: 1,
    expiryDays: 60,
  },
  {
    id: 9,
    dayOffset: 31,
    lender: LENDERS.second,
    terms: terms(300n, 1_200, 30),
    collateral: { kind: "token", asset: "FIL", amount: 100n * IFIL },
    maxFills: 2,
    expiryDays: 60,
  },
];

/** Borrowers' requests: one filled (the refinanced loan), one open when the stack comes up. */
export const LOAN_REQUESTS: readonly LoanRequestPlan[] = [
  {
    id: 1,
    dayOffset: 7,
    borrower: BORROWERS.b,
    terms: terms(100n, 1_400, 20),
    collateral: { kind: "position", tokenId: LENDING_POSITIONS.refinanced },
    expiryDays: 7,
  },
  {
    id: 2,
    dayOffset: 31,
    borrower: BORROWERS.c,
    terms: terms(150n, 1_500, 30),
    collateral: { kind: "token", asset: "FIL", amount: TOKEN_REQUEST_IFIL },
    expiryDays: 30,
  },
];

/**
 * The loans the seed starts (each on its day, after that day's offers and requests) and what happens to them. At
 * the end: one foreclosed, one repaid (a partial payment first) whose lender claimed, one refinanced by a second
 * lender (active), one self-repaying whose debt its rewards paid down (active), one past its grace period and not
 * foreclosed, and one active from a collection offer.
 */
export const LOANS: readonly LoanPlan[] = [
  {
    label: "foreclosed",
    loanId: LENDING_POSITIONS.foreclosed,
    borrower: BORROWERS.a,
    source: { offer: 1 },
    dayOffset: 4,
    // due day 11, grace over on day 12
    steps: [{ kind: "foreclose", dayOffset: 13, by: LENDERS.first }],
  },
  {
    label: "self-repaying",
    loanId: LENDING_POSITIONS.selfRepaying,
    borrower: BORROWERS.b,
    source: { offer: 2 },
    dayOffset: 5,
    steps: [
      { kind: "selfRepay", dayOffset: 5 },
      { kind: "applyRewards", dayOffset: 15 },
      { kind: "applyRewards", dayOffset: 25 },
      { kind: "applyRewards", dayOffset: 32 },
    ],
  },
  {
    label: "refinanced",
    loanId: LENDING_POSITIONS.refinanced,
    borrower: BORROWERS.b,
    source: { request: 1, lender: LENDERS.first },
    dayOffset: 8,
    // 14% due day 28 taken over at 10% due day 60
    steps: [{ kind: "refinance", dayOffset: 12, lender: LENDERS.second, aprBps: 1_000, dueDayOffset: 60 }],
  },
  {
    label: "repaid",
    loanId: LENDING_POSITIONS.repaid,
    borrower: BORROWERS.spare,
    source: { offer: 3 },
    dayOffset: 17,
    steps: [
      { kind: "repay", dayOffset: 19, amount: 30n * USDT },
      { kind: "repay", dayOffset: 21, amount: "full" },
      { kind: "claim", dayOffset: 21, account: LENDERS.first },
    ],
  },
  {
    label: "overdue",
    loanId: LENDING_POSITIONS.overdue,
    borrower: BORROWERS.c,
    source: { offer: 4 },
    // due day 27, grace over on day 28: the e2e's lender forecloses it
    dayOffset: 20,
    steps: [],
  },
  {
    label: "active",
    loanId: LENDING_POSITIONS.active,
    borrower: BORROWERS.a,
    source: { offer: 5 },
    dayOffset: 31,
    steps: [],
  },
];

/** What the e2e scenarios start from (accounts are anvil indices; ids as on a fresh deployment). */
export const LENDING_E2E = {
  /** A free position matched by an open single-position offer and by both open collection offers. */
  borrow: {
    borrower: BORROWERS.b,
    tokenId: LENDING_POSITIONS.borrowable,
    singleOfferId: 7,
    collectionOfferIds: [5, 6],
  },
  /** A second free position with an open single-position offer that gives a reward price (self-repayment). */
  selfRepaying: { borrower: BORROWERS.b, tokenId: LENDING_POSITIONS.selfRepayable, offerId: 8 },
  /** An active loan another lender may take over (refinance) before its due date (day 91). */
  refinance: {
    loanId: LENDING_POSITIONS.active,
    borrower: BORROWERS.a,
    lender: LENDERS.second,
    newLender: LENDERS.first,
  },
  /** A loan past its grace period, not foreclosed: its lender forecloses it. */
  foreclose: { loanId: LENDING_POSITIONS.overdue, borrower: BORROWERS.c, lender: LENDERS.first },
  /** The live self-repaying loan (debt already paid down by applyRewards). */
  selfRepayingLoan: { loanId: LENDING_POSITIONS.selfRepaying, borrower: BORROWERS.b, lender: LENDERS.second },
  /** The open token (IFIL) offer and the open token request. */
  tokenOfferId: 9,
  openRequestId: 2,
} as const;

// ====================================================================== DeFi (issue 13)
//
// Accounts are anvil indices. The DeFi chapters run after governance (04:00-04:13:20) on their days, each at its
// own time of day, and never on the last simulated day (the chain clock then ends where it did before, so it can
// still catch up to the wall clock). DMC for all of it comes from the seeded holders' grants (DMC_GRANTS). Buyers 8
// and 9 (BUYER_1, BUYER_2) only stake as main nodes, whose vaults delegate back: they keep exactly 2.2M votes each
// (the e2e votes with them and reads that figure), so every later proposal still reaches the 4M quorum.

/** Times of day of the DeFi chapters: liquidity and swaps, position staking, nodes, insurance, then the fee flow. */
export const DEFI_TIME_OF_DAY = {
  liquidity: 4 * 3_600 + 1_800,
  staking: 4 * 3_600 + 2_100,
  nodes: 4 * 3_600 + 2_400,
  insurance: 4 * 3_600 + 2_700,
  /** distribute, observe; the conversion follows BUYBACK_WAIT_SECONDS later. */
  fees: 5 * 3_600,
} as const;

/** The quote token of a DMC pair (DmcUsdtPair, DmcIfilPair). */
export type PairQuote = "USDT" | "IFIL";

/**
 * Launch prices of the pairs: 1 DMC = 0.25 USDT, and from the seeded IFIL price ($5.50) 1 IFIL = 22 DMC. The
 * first provider of each pair sets it; later liquidity follows the pair's price at the time.
 */
export const DMC_PRICE = { USDT: "0.25 USDT", IFIL: "1/22 IFIL" } as const;

export interface LiquidityPlan {
  readonly dayOffset: number;
  readonly provider: number;
  readonly pair: PairQuote;
  /** Desired amounts (the router takes the pair's ratio, at most these). */
  readonly dmc: bigint;
  readonly quote: bigint;
  /** Share of the LP tokens received that the provider stakes in the pair's liquidity mining, bps. */
  readonly stakeBps: number;
}

/**
 * Liquidity added through UniswapV2Router02.addLiquidity: account 11 opens DMC/USDT with 80,000 DMC + 20,000 USDT
 * and account 10 DMC/IFIL with 44,000 DMC + 2,000 IFIL on day 7, both staking all their LP; on day 10 account 12
 * adds 8,000 DMC (and the USDT the price then asks, at most 2,200) and stakes half, keeping half unstaked.
 */
export const LIQUIDITY: readonly LiquidityPlan[] = [
  { dayOffset: 7, provider: 11, pair: "USDT", dmc: 80_000n * DMC, quote: 20_000n * 10n ** 6n, stakeBps: 10_000 },
  { dayOffset: 7, provider: 10, pair: "IFIL", dmc: 44_000n * DMC, quote: 2_000n * 10n ** 18n, stakeBps: 10_000 },
  { dayOffset: 10, provider: 12, pair: "USDT", dmc: 8_000n * DMC, quote: 2_200n * 10n ** 6n, stakeBps: 5_000 },
];

export interface SwapPlan {
  readonly dayOffset: number;
  readonly trader: number;
  readonly pair: PairQuote;
  /** What the trader sells: DMC for the quote token, or the quote token for DMC. */
  readonly sell: "DMC" | "quote";
  /** Base units of what it sells. */
  readonly amountIn: bigint;
}

/** Swaps through the router on seven days, so the DMC price chart has points on both pairs. */
export const SWAPS: readonly SwapPlan[] = [
  { dayOffset: 9, trader: 13, pair: "USDT", sell: "quote", amountIn: 600n * 10n ** 6n },
  { dayOffset: 12, trader: 14, pair: "USDT", sell: "DMC", amountIn: 4_000n * DMC },
  { dayOffset: 16, trader: 12, pair: "USDT", sell: "quote", amountIn: 900n * 10n ** 6n },
  { dayOffset: 19, trader: 13, pair: "IFIL", sell: "DMC", amountIn: 2_000n * DMC },
  { dayOffset: 24, trader: 14, pair: "USDT", sell: "quote", amountIn: 500n * 10n ** 6n },
  { dayOffset: 27, trader: 12, pair: "USDT", sell: "DMC", amountIn: 3_000n * DMC },
  { dayOffset: 29, trader: 10, pair: "IFIL", sell: "quote", amountIn: 60n * 10n ** 18n },
];

/** What the bridge gives the liquidity providers and traders on day 0, beyond every buyer's 20,000 USDT. */
export const DEFI_MINTS: readonly { readonly account: number; readonly token: PairQuote; readonly amount: bigint }[] = [
  { account: 11, token: "USDT", amount: 20_000n * 10n ** 6n },
  { account: 10, token: "IFIL", amount: 2_100n * 10n ** 18n },
];

/** The liquidity-mining claim: account 10 takes the DMC its DMC/IFIL LP earned. */
export const LP_CLAIM = { dayOffset: 29, account: 10, pair: "IFIL" } as const satisfies {
  dayOffset: number;
  account: number;
  pair: PairQuote;
};

/**
 * Positions staked in PositionStaking (token ids as on a fresh deployment; see the purchase order above). Only
 * positions no other chapter or e2e scenario touches: accounts 10 and 11 (the lenders, whose positions never
 * move) stake theirs, and keep claiming the positions' daily rewards while staked (CLAIM_DAYS).
 */
export const POSITION_STAKES: readonly {
  readonly dayOffset: number;
  readonly staker: number;
  readonly tokenIds: readonly bigint[];
}[] = [
  // account 11: Deepwell FIL 360d (500 TiB) and Deepwell FIL 180d (900 TiB)
  { dayOffset: 7, staker: 11, tokenIds: [10n, 11n] },
  // account 10: Nordic BTC 90d (30 TH/s) and Nordic BTC 180d (20 TH/s)
  { dayOffset: 7, staker: 10, tokenIds: [8n, 9n] },
  // account 11: Deepwell FIL 360d (800 TiB), later
  { dayOffset: 20, staker: 11, tokenIds: [28n] },
];
/** Anyone re-weights a stake to its days left: account 12 pokes the BTC 90d position (staked with 86 days left). */
export const POSITION_POKE = { dayOffset: 24, by: 12, tokenIds: [8n] } as const;
/** Account 11 claims the DMC its staked positions earned. */
export const POSITION_STAKING_CLAIM = { dayOffset: 27, staker: 11 } as const;
/** Account 10 unstakes one position (it stays its own, unlocked). */
export const POSITION_UNSTAKE = { dayOffset: 29, staker: 10, tokenIds: [9n] } as const;

/**
 * Promotion nodes, registered on NODES_DAY: buyers 8 (BUYER_1) and 9 (BUYER_2) stake 20,000 DMC each as main nodes
 * (the vaults delegate back to them: their votes stay 2.2M); 8 recruits 12, 9 recruits 13 and 14, who stake 2,000
 * DMC each as light nodes. Account 8 has room for 49 more light nodes (the e2e recruits one).
 */
export const NODES_DAY = 7;
export const MAIN_NODES = [8, 9] as const;
export const LIGHT_NODES: readonly { readonly account: number; readonly mainNode: number }[] = [
  { account: 12, mainNode: 8 },
  { account: 13, mainNode: 9 },
  { account: 14, mainNode: 9 },
];

export interface ReferralPurchasePlan {
  readonly dayOffset: number;
  readonly buyer: number;
  readonly offeringId: number;
  readonly units: number;
  /** The node the purchase names as `referrer`. */
  readonly referrer: number;
}

/**
 * Purchases of the open sale (offering 6) naming a node as `referrer`, on day 30 after that day's planned purchases
 * (so they mint positions 38-40 and every earlier token id stays as it was): through light node 12 (its main node
 * 8 shares the commission), through main node 9 directly, and through light node 13 (under 9).
 */
export const REFERRAL_PURCHASES: readonly ReferralPurchasePlan[] = [
  { dayOffset: 30, buyer: 11, offeringId: 6, units: 1_000, referrer: 12 },
  { dayOffset: 30, buyer: 10, offeringId: 6, units: 500, referrer: 9 },
  { dayOffset: 30, buyer: 14, offeringId: 6, units: 400, referrer: 13 },
];
/** The first token id the referral purchases mint. */
export const FIRST_REFERRAL_TOKEN_ID = 38n;
/**
 * Light node 12 claims its USDT commission, light node 13 its node-staking DMC; the others (the main nodes among
 * them: a DMC claim would move BUYER_1's or BUYER_2's votes off 2.2M) leave theirs to the app.
 */
export const COMMISSION_CLAIM = { dayOffset: 31, node: 12 } as const;
export const NODE_STAKING_CLAIM = { dayOffset: 31, node: 13 } as const;

/**
 * The mutual insurance pool. On `funding.dayOffset` a DAO proposal moves the 10M DMC insurance allocation from
 * InsuranceFund into the pool's fund (InsuranceDeployment.fundingCalls: InsuranceFund.pay, then syncFund); the
 * underwriters stake DMC the next day. After Quickfil's halt (HALT.dayOffset) account `payout.opener` opens a claim
 * for offering 3 (exits freeze), and a second proposal moves Quickfil's slashed stake from InsuranceFund into the
 * pool as that offering's slashed stake and executes a payout of `perUnit` DMC per unit: the slashed stake bears it
 * first, the underwriters' pot the rest (the fund is not reached). Holders of offering 3 pull their payout; BUYER_1
 * (account 8) keeps position 2's UNCLAIMED for the e2e, and account 15's position 22 is left unclaimed too.
 */
export const INSURANCE = {
  funding: {
    dayOffset: 8,
    proposer: 9,
    amount: 10_000_000n * DMC,
    title: "Fund the mutual insurance pool with the 10M DMC insurance allocation",
    votes: [
      { voter: 8, support: FOR, reason: "Underwriters need a fund behind them before the first default." },
      { voter: 9, support: FOR },
      { voter: 10, support: FOR },
    ] satisfies readonly VotePlan[],
  },
  underwriters: [
    { dayOffset: 9, account: 10, amount: 50_000n * DMC },
    { dayOffset: 9, account: 12, amount: 20_000n * DMC },
    { dayOffset: 9, account: 14, amount: 5_000n * DMC },
  ],
  payout: {
    dayOffset: 14,
    opener: 13,
    proposer: 9,
    perUnit: 3n * DMC,
    title: "Insurance payout to the holders of offering #3 (Quickfil Storage): 3 DMC per TiB",
    votes: [
      { voter: 8, support: FOR, reason: "Quickfil's slashed stake pays first, as the rules say." },
      { voter: 9, support: FOR },
      { voter: 10, support: FOR },
    ] satisfies readonly VotePlan[],
    claims: [
      { account: 10, tokenIds: [7n, 27n] },
      { account: 11, tokenIds: [12n] },
      { account: 13, tokenIds: [17n] },
    ],
  },
  /** Account 12 claims its USDT premiums (after the first distribution, FEE_FLOW[0]). */
  premiumClaim: { dayOffset: 22, account: 12 },
  /** Account 14 asks to exit with all its shares: still in its 14-day cooldown when the stack comes up. */
  unstakeRequest: { dayOffset: 25, account: 14 },
} as const;

/**
 * The fee flow: on each of these days (after the day's fee collections and sweeps) anyone collects the listed
 * offerings' channel fees to the fee splitter (the exchange's fee recipient) and distributes the splitter's USDT:
 * the nodes' owed commission first, then the insurance premium share (20% of the rest), the rest to FeeBuyback,
 * which records a checkpoint of the DMC/USDT pair and BUYBACK_WAIT_SECONDS later converts against the pair's TWAP.
 * Day 21 follows the treasury's channel-fee collection of offerings 1-5 (day 20) and the trading-fee sweep (day
 * 21); day 30 collects offering 6's fees, the referral purchases' included.
 */
export const FEE_FLOW: readonly { readonly dayOffset: number; readonly collectOfferings: readonly number[] }[] = [
  { dayOffset: 21, collectOfferings: [] },
  { dayOffset: 30, collectOfferings: [OPEN_SALE_OFFERING.id] },
];
/** Past FeeBuyback's 30-minute minimum TWAP window. */
export const BUYBACK_WAIT_SECONDS = 31 * 60;

/** What the e2e scenarios of issue 13 start from (anvil indices; ids as on a fresh deployment). */
export const DEFI_E2E = {
  /** BUYER_1's position of the defaulted offering whose payout is unclaimed (payout id = claim id 1). */
  unclaimedPayout: { account: 8, tokenId: 2n, payoutId: 1n, offeringId: DEFAULTING_OFFERING_ID },
  /** A main node with room to recruit more light nodes. */
  mainNode: 8,
  lightNodes: LIGHT_NODES,
  /** Free positions of staking-eligible offerings are left with BUYER_1 and BUYER_2 (none of theirs is staked). */
  stakedPositions: POSITION_STAKES.flatMap((s) => s.tokenIds),
  /** The underwriter whose exit is in its cooldown. */
  unstakingUnderwriter: INSURANCE.unstakeRequest.account,
} as const;
