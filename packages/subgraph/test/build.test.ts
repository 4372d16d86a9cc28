// Consistency of the build output (run `pnpm build` first; turbo's test task depends on build).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

const HERE = dirname(fileURLToPath(import.meta.url));

const PKG = join(HERE, "..");
const BUILD = join(PKG, "build");

/** ABI events deliberately not indexed, and why. A new ABI event must be handled or listed here. */
const UNHANDLED: Record<string, Record<string, string>> = {
  HashpowerExchange: {
    ApprovalForAll: "operator approvals are wallet state, read from the chain when needed",
    RoleAdminChanged: "never emitted: the contract does not call _setRoleAdmin",
  },
  AssetRegistry: {
    RoleAdminChanged: "never emitted: the contract does not call _setRoleAdmin",
  },
  MarketRateOracle: {
    RoleAdminChanged: "never emitted: the contract does not call _setRoleAdmin",
  },
  DMCToken: {
    Approval: "allowances are wallet state, read from the chain when needed",
    EIP712DomainChanged: "never emitted: the EIP-712 domain is fixed at deployment",
  },
  DmexGovernor: {
    EIP712DomainChanged: "never emitted: the EIP-712 domain is fixed at deployment",
  },
  DmexTimelock: {
    CallSalt: "only distinguishes operations with the same calls; the operation id it belongs to is indexed",
    RoleAdminChanged: "never emitted: TimelockController 5.0 does not call _setRoleAdmin",
  },
  MinerApplications: {},
  CouncilSafe: {
    ApproveHash: "a signature step, not a change of the council",
    ChangedFallbackHandler: "no fallback handler is used; not shown by the app",
    ChangedGuard: "no transaction guard is used; not shown by the app",
    ExecutionFromModuleSuccess: "the module's (the timelock's) effects are indexed from the events they cause",
    ExecutionFromModuleFailure: "a failed module call changes nothing",
    SafeModuleTransaction: "the DAO proposal that caused it is decoded in ProposalAction",
    SafeMultiSigTransaction: "ExecutionSuccess/ExecutionFailure record the execution; calldata not shown by the app",
    SafeReceived: "native-token receipts are not part of the DAO state",
    SignMsg: "off-chain message signatures are not part of the DAO state",
  },
  ProtocolParameters: {},
  InsuranceFund: {},
  MiningReserve: {},
  TradingRewards: {},
  PositionListings: {
    FeesSwept:
      "trading fees are counted at the sale (ProtocolDay.tradingFees); the sweep moves them to the fee recipient",
  },
  PositionAuctions: {
    FeesSwept:
      "trading fees are counted at the settle (ProtocolDay.tradingFees); the sweep moves them to the fee recipient",
  },
  PositionLoans: {},
  PositionStaking: {
    OwnershipTransferred: "the owner is the DAO timelock; not shown by the app",
    LockedValueClaimed:
      "PositionLocker's event; staking locks with payouts bits 0, so the staker keeps every payout and the pool never claims",
  },
  LiquidityMiningDmcUsdt: { OwnershipTransferred: "the owner is the DAO timelock; not shown by the app" },
  LiquidityMiningDmcIfil: { OwnershipTransferred: "the owner is the DAO timelock; not shown by the app" },
  NodeStakingRewards: { OwnershipTransferred: "the owner is the DAO timelock; not shown by the app" },
  PromotionNodes: { OwnershipTransferred: "the owner is the DAO timelock; not shown by the app" },
  MutualInsurance: { OwnershipTransferred: "the owner is the DAO timelock; not shown by the app" },
  ProtocolFeeSplitter: { OwnershipTransferred: "the owner is the DAO timelock; not shown by the app" },
  FeeBuyback: { OwnershipTransferred: "the owner is the DAO timelock; not shown by the app" },
  DmcUsdtPair: { Approval: "LP allowances are wallet state, read from the chain when needed" },
  DmcIfilPair: { Approval: "LP allowances are wallet state, read from the chain when needed" },
};

/**
 * Events the implementations may add to the interface ABIs the trading data sources are built from
 * until the contracts exist (inherited from OpenZeppelin): allowed unhandled, not required.
 */
const UNHANDLED_IF_PRESENT: Record<string, Record<string, string>> = {
  TradingRewards: {
    OwnershipTransferred: "the owner is the DAO timelock; not shown by the app",
  },
  PositionListings: {
    OwnershipTransferred: "the owner is the DAO timelock; not shown by the app",
    LockedValueClaimed: "PositionLocker's event; the listings contract never locks, so never claims",
  },
  PositionAuctions: {
    OwnershipTransferred: "the owner is the DAO timelock; not shown by the app",
    LockedValueClaimed: "PositionLocker's event; auctions leave a locked position's payouts in it (never claimed)",
  },
  PositionLoans: {
    OwnershipTransferred: "the owner is the DAO timelock; not shown by the app",
    LockedValueClaimed:
      "PositionLocker's event; the rewards applyRewards claims are indexed by the LoanPayment and Credited that follow",
  },
};

const DATA_SOURCES = [
  "HashpowerExchange",
  "AssetRegistry",
  "MarketRateOracle",
  "DMCToken",
  "DmexGovernor",
  "DmexTimelock",
  "MinerApplications",
  "CouncilSafe",
  "ProtocolParameters",
  "InsuranceFund",
  "MiningReserve",
  "TradingRewards",
  "PositionListings",
  "PositionAuctions",
  "PositionLoans",
  "PositionStaking",
  "LiquidityMiningDmcUsdt",
  "LiquidityMiningDmcIfil",
  "NodeStakingRewards",
  "PromotionNodes",
  "MutualInsurance",
  "ProtocolFeeSplitter",
  "FeeBuyback",
  "DmcUsdtPair",
  "DmcIfilPair",
];

/** Entity names the web app and the checks depend on. */
const REQUIRED_ENTITIES = [
  "Miner",
  "Offering",
  "Position",
  "Account",
  "Purchase",
  "RewardDeposit",
  "RewardClaim",
  "EscrowWithdrawal",
  "Refund",
  "OfferingDay",
  "ProtocolDay",
  "Protocol",
  "Asset",
  "MarketRate",
  "PositionTransfer",
  "Flag",
  "PositionLock",
  "FeeCollection",
  "ParameterChange",
  "Depositor",
  "RewardTokenListing",
  "MarketRateCorrection",
  "MarketRateFeed",
  // DAO (issue D)
  "Dao",
  "Proposal",
  "ProposalAction",
  "Vote",
  "Delegate",
  "VotingPowerChange",
  "Application",
  "MinerStake",
  "Council",
  "CouncilChange",
  "Parameter",
  "ParameterUpdate",
  "DmcAllocation",
  "InsurancePayout",
  "TimelockProposer",
  "TimelockOperation",
  "TimelockCall",
  // Trading (issue 11)
  "Listing",
  "Sale",
  "Auction",
  "Bid",
  "BidRefund",
  "AuctionBalance",
  "TradingEpoch",
  "TradingReward",
  // Lending (issue 12)
  "LoanOffer",
  "LoanRequest",
  "Loan",
  "Repayment",
  "Refinancing",
  "Foreclosure",
  "LoanCredit",
  // DeFi (issue 13): the names the stake, nodes, insurance and DMC pages query
  "StakingPool",
  "PoolStaker",
  "NftStake",
  "LpStake",
  "DmcClaim",
  "Node",
  "NodeCommission",
  "Referral",
  "InsurancePool",
  "Underwriter",
  "InsuranceClaim",
  "InsurancePoolPayout",
  "PayoutClaim",
  "Buyback",
  "FeeDistribution",
  "Pair",
  "PairSwap",
  "PricePoint",
];

const EVENT_RECORDS = [
  "Purchase",
  "RewardDeposit",
  "RewardClaim",
  "EscrowWithdrawal",
  "Refund",
  "FeeCollection",
  "Flag",
  "PositionTransfer",
  "ParameterChange",
  "MetadataUpdate",
  "RoleChange",
  "Vote",
  "VotingPowerChange",
  "CouncilChange",
  "ParameterUpdate",
  "DmcAllocation",
  "InsurancePayout",
  "MarketRateCorrection",
  "LoanFeeSweep",
  "DmcClaim",
  "StakingRateChange",
  "NftStakeReweight",
  "Referral",
  "CommissionClaim",
  "ReferralFailure",
  "PremiumDeposit",
  "PayoutClaim",
  "FeeDistribution",
  "Buyback",
  "PairSwap",
  "PairLiquidity",
];

type AbiInput = { type: string; indexed?: boolean; components?: AbiInput[] };
type AbiItem = { type: string; name?: string; inputs?: AbiInput[] };
type Handler = { event: string; handler: string };
type DataSource = {
  name: string;
  network: string;
  source: { address: string; abi: string; startBlock: number };
  mapping: {
    apiVersion: string;
    file: string;
    entities: string[];
    abis: { name: string; file: string }[];
    eventHandlers: Handler[];
  };
};

function canonicalType(input: AbiInput): string {
  if (input.type.startsWith("tuple")) {
    return `(${(input.components ?? []).map(canonicalType).join(",")})${input.type.slice("tuple".length)}`;
  }
  return input.type;
}

/** graph-cli's event signature: indexed markers, tuples expanded. */
function eventSignature(event: AbiItem): string {
  const params = (event.inputs ?? []).map((i) => `${i.indexed ? "indexed " : ""}${canonicalType(i)}`);
  return `${event.name}(${params.join(",")})`;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

function schemaEntities(schema: string): Map<string, { immutable: boolean; idType: string; body: string }> {
  const entities = new Map();
  for (const match of schema.matchAll(/^type (\w+) @entity\(immutable: (true|false)\) \{\n([\s\S]*?)^\}/gm)) {
    const idType = /^\s+id: (\w+)!/m.exec(match[3])?.[1];
    entities.set(match[1], { immutable: match[2] === "true", idType, body: match[3] });
  }
  return entities;
}

let manifest: { specVersion: string; dataSources: DataSource[] };
let schema: string;
let entities: ReturnType<typeof schemaEntities>;

beforeAll(() => {
  if (!existsSync(join(BUILD, "subgraph.yaml"))) {
    throw new Error("build/subgraph.yaml missing: run `pnpm --filter @dmex/subgraph build` first");
  }
  manifest = parse(readFileSync(join(BUILD, "subgraph.yaml"), "utf8"));
  schema = readFileSync(join(BUILD, "schema.graphql"), "utf8");
  entities = schemaEntities(schema);
});

describe("build output", () => {
  it("has every data source, apiVersion 0.0.9 and a spec version graph-cli 0.98 supports", () => {
    expect(manifest.specVersion).toBe("1.2.0");
    expect(manifest.dataSources.map((d) => d.name)).toEqual(DATA_SOURCES);
    for (const ds of manifest.dataSources) expect(ds.mapping.apiVersion).toBe("0.0.9");
  });

  it("compiles every data source to a wasm module exporting each of its handlers", async () => {
    for (const ds of manifest.dataSources) {
      const bytes = readFileSync(join(BUILD, ds.mapping.file));
      const module = await WebAssembly.compile(bytes);
      const exported = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
      for (const { handler } of ds.mapping.eventHandlers) expect(exported, `${ds.name}.${handler}`).toContain(handler);
      for (const name of ["memory", "allocate", "id_of_type", "_start"]) expect(exported).toContain(name);
    }
  });

  it("handles every ABI event except the ones deliberately left out", () => {
    for (const ds of manifest.dataSources) {
      const abiFile = ds.mapping.abis.find((a) => a.name === ds.source.abi)!.file;
      const abi: AbiItem[] = JSON.parse(readFileSync(join(BUILD, abiFile), "utf8"));
      const events = abi.filter((item) => item.type === "event");
      const bySignature = new Map(events.map((e) => [eventSignature(e), e.name!]));
      const handled = new Set<string>();
      for (const { event } of ds.mapping.eventHandlers) {
        expect(bySignature.has(event), `${ds.name}: ${event} is not an event of the ABI`).toBe(true);
        handled.add(bySignature.get(event)!);
      }
      const unhandled = events
        .map((e) => e.name!)
        .filter((name) => !handled.has(name) && !(name in (UNHANDLED_IF_PRESENT[ds.name] ?? {})))
        .sort();
      expect(unhandled, ds.name).toEqual(Object.keys(UNHANDLED[ds.name]).sort());
    }
  });

  it("has one handler per event, in src/mappings/<contract>/<event>.ts", () => {
    for (const ds of manifest.dataSources) {
      // HashpowerExchange -> hashpower-exchange, DMCToken -> dmc-token
      const folder = ds.name
        .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
        .replace(/([a-z])([A-Z])/g, "$1-$2")
        .toLowerCase();
      for (const { event, handler } of ds.mapping.eventHandlers) {
        const name = event.slice(0, event.indexOf("("));
        expect(handler).toBe(`handle${name}`);
        const file = join(PKG, "src/mappings", folder, `${name[0].toLowerCase()}${name.slice(1)}.ts`);
        expect(existsSync(file), file).toBe(true);
        expect(readFileSync(file, "utf8")).toContain(`export function ${handler}(event: ${name}): void`);
      }
    }
  });
});

describe("schema", () => {
  it("defines the entities the app depends on", () => {
    for (const name of REQUIRED_ENTITIES) expect(entities.has(name), name).toBe(true);
  });

  it("stores event records as immutable entities keyed by tx hash and log index", () => {
    for (const name of EVENT_RECORDS) {
      expect(entities.get(name), name).toMatchObject({ immutable: true, idType: "Bytes" });
    }
    // Reports can be corrected within their hour: MarketRate takes the corrected value.
    for (const name of [
      "Offering",
      "Position",
      "Account",
      "Protocol",
      "OfferingDay",
      "ProtocolDay",
      "Miner",
      "MarketRate",
      "MarketRateFeed",
      "Depositor",
      "RewardTokenListing",
    ]) {
      expect(entities.get(name)!.immutable, name).toBe(false);
    }
  });

  it("keeps the contract's escrow and reward state on Offering and Position", () => {
    const offering = entities.get("Offering")!.body;
    for (const field of [
      "totalNet",
      "withdrawn",
      "refunded",
      "feesAccrued",
      "accRewardPerUnit",
      "status",
      "flagReason",
      "frozenDay",
      "flaggedOnDay",
      "lastCoveredDay",
      "holdbackDays",
      "recentShares",
      "windowShares",
      "judgedDays",
      "windowSum",
      "windowShare",
      "windowLow",
      "approvedDepositors",
      "depositors",
      "releasedAtHalt",
      "unreleasedEscrow",
    ]) {
      expect(offering, field).toMatch(new RegExp(`^  ${field}: `, "m"));
    }
    // The single-cohort escrow and the judged window replaced these (no such storage any more).
    for (const field of [
      "pendingNet",
      "pendingDay",
      "rateSum",
      "rateDayProduct",
      "lowStreak",
      "flaggedDay",
      "refundable",
    ]) {
      expect(offering, field).not.toMatch(new RegExp(`^  ${field}: `, "m"));
    }
    for (const [entity, gone] of [
      ["Protocol", "lowStreakThreshold"],
      ["RewardDeposit", "lowStreak"],
      ["RewardDeposit", "belowThreshold"],
      ["OfferingDay", "judged"],
      ["Flag", "lowStreak"],
      ["ParameterChange", "lowStreakThreshold"],
    ] as const) {
      expect(entities.get(entity)!.body, `${entity}.${gone}`).not.toMatch(new RegExp(`^  ${gone}: `, "m"));
    }
    for (const field of [
      "missedDaysThreshold",
      "windowDays",
      "minRewardRatioBps",
      "minCoverageBps",
      "postTermFlagDays",
    ]) {
      expect(entities.get("Protocol")!.body, field).toMatch(new RegExp(`^  ${field}: Int!`, "m"));
    }
    for (const field of ["sharePerMille", "exactRate", "marketAvgPerUnitWad", "recentShares"]) {
      expect(entities.get("RewardDeposit")!.body, field).toMatch(new RegExp(`^  ${field}: `, "m"));
    }
    const position = entities.get("Position")!.body;
    for (const field of [
      "owner",
      "units",
      "purchaseDay",
      "startDay",
      "netPaid",
      "rewardSnapshot",
      "claimed",
      "refundedAmount",
      "lockedBy",
      "status",
    ]) {
      expect(position, field).toMatch(new RegExp(`^  ${field}: `, "m"));
    }
    expect(entities.get("Account")!.body).toContain('positions: [Position!]! @derivedFrom(field: "owner")');
    expect(entities.get("Offering")!.body).toContain('positions: [Position!]! @derivedFrom(field: "offering")');
    expect(position).toContain('claims: [RewardClaim!]! @derivedFrom(field: "position")');
  });

  it("has the trading fields the web app queries (TRADING_SPEC.md)", () => {
    const fields: Record<string, string[]> = {
      Account: [
        "tradingRewardsClaimed: BigInt!",
        'listings: [Listing!]! @derivedFrom(field: "seller")',
        'bids: [Bid!]! @derivedFrom(field: "bidder")',
      ],
      Position: ["listing: Listing", "auction: Auction"],
      Offering: [
        "floorPricePerUnit: BigInt",
        "lastSalePricePerUnit: BigInt",
        "reservedUnits: BigInt!",
        "listingCount: Int!",
        "liveListings: [Listing!]!",
      ],
      OfferingDay: ["floorPricePerUnit: BigInt", "lastSalePricePerUnit: BigInt", "tradingVolume: BigInt!"],
      ProtocolDay: ["tradingVolume: BigInt!", "tradingFees: BigInt!", "trades: Int!"],
      Listing: [
        "status: ListingStatus!",
        "voidReason: String",
        "sale: Sale",
        "pricePerUnit: BigInt!",
        "expiry: BigInt!",
      ],
      Auction: [
        "kind: AuctionKind!",
        "status: AuctionStatus!",
        "minNextBid: BigInt!",
        "endTime: BigInt",
        "position: Position",
      ],
      Bid: ["status: BidStatus!", "endTimeAfter: BigInt!", "extended: Boolean!"],
      AuctionBalance: ["refundable: BigInt!", "proceeds: BigInt!", "withdrawn: BigInt!"],
      TradingEpoch: [
        "totalCredit: BigInt!",
        "accounts: Int!",
        'rewards: [TradingReward!]! @derivedFrom(field: "epoch")',
      ],
      TradingReward: ["credit: BigInt!", "fees: Int!", "reward: BigInt", "settled: Boolean!"],
    };
    for (const [entity, list] of Object.entries(fields)) {
      for (const field of list)
        expect(entities.get(entity)!.body, `${entity}.${field}`).toMatch(
          new RegExp(`^  ${field.replace(/[[\]()!]/g, "\\$&")}$`, "m"),
        );
    }
    expect(entities.get("Sale")!.immutable).toBe(true);
    expect(entities.get("BidRefund")!.immutable).toBe(true);
    for (const [name, values] of [
      ["ListingStatus", "Live Sold Cancelled Void"],
      ["AuctionKind", "Secondary Primary"],
      ["AuctionStatus", "Open Settled Cancelled Withdrawn"],
      ["BidStatus", "Leading Refundable Refunded Won"],
    ] as const) {
      const body = new RegExp(`^enum ${name} \\{\\n([\\s\\S]*?)^\\}`, "m").exec(schema)?.[1] ?? "";
      expect(body.split(/\s+/).filter(Boolean).join(" "), name).toBe(values);
    }
  });

  it("has the lending fields the web app queries (LENDING_SPEC.md)", () => {
    const fields: Record<string, string[]> = {
      Account: [
        'loansBorrowed: [Loan!]! @derivedFrom(field: "borrower")',
        'loansLent: [Loan!]! @derivedFrom(field: "lender")',
        'loanOffers: [LoanOffer!]! @derivedFrom(field: "lender")',
        'loanRequests: [LoanRequest!]! @derivedFrom(field: "borrower")',
        'loanCredits: [LoanCredit!]! @derivedFrom(field: "account")',
      ],
      Position: ["loan: Loan", 'loans: [Loan!]! @derivedFrom(field: "position")'],
      ProtocolDay: [
        "lendingVolume: BigInt!",
        "loansStarted: Int!",
        "lendingInterest: BigInt!",
        "lendingFees: BigInt!",
        "foreclosures: Int!",
      ],
      Loan: [
        "status: LoanStatus!",
        "principal: BigInt!",
        "interestOwed: BigInt!",
        "minInterestLeft: BigInt!",
        "lastAccrualTime: BigInt!",
        "dueTime: BigInt!",
        "graceEnd: BigInt!",
        "selfRepaying: Boolean!",
      ],
      LoanOffer: ["status: LoanOfferStatus!", "fills: Int!", "maxFills: Int!", "nonce: BigInt!", "expiry: BigInt!"],
      Repayment: ["selfRepayment: Boolean!", "refinancing: Boolean!"],
    };
    for (const [entity, list] of Object.entries(fields)) {
      for (const field of list)
        expect(entities.get(entity)!.body, `${entity}.${field}`).toMatch(
          new RegExp(`^  ${field.replace(/[[\]()!]/g, "\\$&")}$`, "m"),
        );
    }
    for (const name of ["Repayment", "Refinancing", "Foreclosure"]) expect(entities.get(name)!.immutable).toBe(true);
    for (const [name, values] of [
      ["LoanCollateralKind", "Position Offering Asset Token"],
      ["LoanOfferStatus", "Open Filled Cancelled NonceCancelled"],
      ["LoanRequestStatus", "Open Filled Cancelled"],
      ["LoanStatus", "Active Repaid Foreclosed"],
    ] as const) {
      const body = new RegExp(`^enum ${name} \\{\\n([\\s\\S]*?)^\\}`, "m").exec(schema)?.[1] ?? "";
      const declared = body
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith('"'));
      expect(declared.join(" "), name).toBe(values);
    }
  });

  it("lists every entity in a data source and writes every entity from some handler", () => {
    const listed = new Set(manifest.dataSources.flatMap((ds) => ds.mapping.entities));
    for (const name of listed) expect(entities.has(name), `manifest lists unknown entity ${name}`).toBe(true);
    const sources = sourceFiles(join(PKG, "src")).map((file) => readFileSync(file, "utf8"));
    for (const name of entities.keys()) {
      expect(listed.has(name), `${name} is in no data source's entities`).toBe(true);
      const constructed = sources.some((src) => {
        const imported = /import \{([^}]*)\} from "[./]*generated\/schema"/.exec(src)?.[1] ?? "";
        const alias = imported
          .split(",")
          .map((s) => s.trim().split(/\s+as\s+/))
          .find(([original]) => original === name);
        return alias !== undefined && src.includes(`new ${alias[1] ?? alias[0]}(`);
      });
      expect(constructed, `no handler creates ${name}`).toBe(true);
    }
  });
});
