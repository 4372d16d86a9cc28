// Trading mappings (issue 11) on graph-host: the real compiled WASM indexes test/mapping/trading-scenario.ts
// (the real exchange; the trading contracts' events from their interfaces) and the entities the web
// reads are checked at the blocks that changed them (GraphQL time travel): listing liveness, the floor
// price, auctions with their bids and pull balances, primary-auction reservations against the
// exchange's own views, trading epochs and rewards, and the daily trading totals.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { type Address, parseEventLogs, zeroAddress } from "viem";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type Anvil, artifact, clients, startAnvil } from "./mapping/chain";
import { buildFor, gql, loadGraphHost, type RunningHost, startHost } from "./mapping/host";
import {
  AUCTIONS,
  LISTINGS,
  REWARDS,
  runTradingScenario,
  type TradingScenario,
  USDC,
} from "./mapping/trading-scenario";

const HERE = dirname(fileURLToPath(import.meta.url));
const graphHost = await loadGraphHost();
const missing = "missing" in graphHost ? graphHost.missing : undefined;
if (missing) console.warn(`[trading mapping tests SKIPPED] ${missing}`);

let anvil: Anvil;
let s: TradingScenario;
let host: RunningHost;
const lower = (a: string) => a.toLowerCase();

type Listing = {
  id: string;
  status: string;
  voidReason: string | null;
  pricePerUnit: string;
  sale: { id: string } | null;
};
type OfferingTrading = {
  floorPricePerUnit: string | null;
  lastSalePricePerUnit: string | null;
  listingCount: number;
  liveListings: { id: string }[];
  unitsSold: string;
  reservedUnits: string;
};

async function offeringAt(id: string, block: bigint): Promise<OfferingTrading> {
  const { offering } = await gql(
    host.url,
    `query($id: ID!, $b: Int!) { offering(id: $id, block: {number: $b}) {
      floorPricePerUnit lastSalePricePerUnit listingCount liveListings { id } unitsSold reservedUnits } }`,
    { id, b: Number(block) },
  );
  return offering;
}

async function listingAt(id: string, block: bigint): Promise<Listing> {
  const { listing } = await gql(
    host.url,
    `query($id: ID!, $b: Int!) { listing(id: $id, block: {number: $b}) { id status voidReason pricePerUnit sale { id } } }`,
    { id, b: Number(block) },
  );
  return listing;
}

describe.skipIf(missing !== undefined)("trading mappings on graph-host (real WASM)", () => {
  beforeAll(async () => {
    anvil = await startAnvil();
    s = await runTradingScenario(anvil.rpcUrl);
    const buildDir = buildFor({
      HashpowerExchange: { address: s.exchange, startBlock: 0n },
      AssetRegistry: { address: s.assets, startBlock: 0n },
      MarketRateOracle: { address: s.oracle, startBlock: 0n },
      PositionListings: { address: LISTINGS, startBlock: 0n },
      PositionAuctions: { address: AUCTIONS, startBlock: 0n },
      TradingRewards: { address: REWARDS, startBlock: 0n },
    });
    host = await startHost((graphHost as { start: any }).start, buildDir, anvil.rpcUrl);
    const { publicClient } = clients(anvil.rpcUrl);
    await host.waitForBlock(await publicClient.getBlockNumber());
  }, 240_000);

  afterAll(async () => {
    await host?.stop();
    await anvil?.stop();
  });

  it("moves the floor with the cheapest live, unexpired listing and replaces a relisted position", async () => {
    const floor = async (label: string) => (await offeringAt("1", s.at[label]!)).floorPricePerUnit;
    expect(await floor("listed 1")).toBe(USDC("100").toString());
    expect(await floor("listed 2")).toBe(USDC("50").toString());
    // The replaced listing is Cancelled with reason "replaced"; its replacement sets the floor.
    expect(await listingAt("2", s.at["listing 2 replaced by 3"]!)).toMatchObject({
      status: "Cancelled",
      voidReason: "replaced",
    });
    expect(await floor("listing 2 replaced by 3")).toBe(USDC("80").toString());
    // Expired at creation: Live but not the floor, and dropped from liveListings; revived by an update.
    expect(await floor("listing 4 already expired")).toBe(USDC("80").toString());
    const expired = await offeringAt("1", s.at["listing 4 already expired"]!);
    expect(expired.liveListings.map((l) => l.id).sort()).toEqual(["1", "3"]);
    expect((await offeringAt("1", s.at["listing 4 updated"]!)).liveListings.map((l) => l.id).sort()).toEqual([
      "1",
      "3",
      "4",
    ]);
    expect(await listingAt("4", s.at["listing 4 cancelled"]!)).toMatchObject({ status: "Cancelled", voidReason: null });
    const position = await gql(host.url, `{ position(id: "2") { listing { id } } }`);
    expect(position.position.listing).toBeNull();
  });

  it("sells a listing: Sold with its Sale (before the NFT Transfer, which must not void it), floor and last sale move", async () => {
    const block = s.at["listing 3 sold"]!;
    const listing = await listingAt("3", block);
    expect(listing.status).toBe("Sold");
    expect(listing.voidReason).toBeNull();
    expect(listing.sale).not.toBeNull();
    const { sale } = await gql(
      host.url,
      `query($id: ID!) { sale(id: $id) { price fee pricePerUnit buyer { id } seller { id } position { id owner { id } } offering { id } } }`,
      { id: listing.sale!.id },
    );
    expect(sale).toMatchObject({
      price: USDC("320").toString(),
      fee: USDC("6.4").toString(),
      pricePerUnit: USDC("80").toString(),
      buyer: { id: lower(s.accounts[3]!) },
      seller: { id: lower(s.accounts[2]!) },
      offering: { id: "1" },
    });
    const offering = await offeringAt("1", block);
    expect(offering.floorPricePerUnit).toBe(USDC("100").toString());
    expect(offering.lastSalePricePerUnit).toBe(USDC("80").toString());
  });

  it("voids a live listing by transfer, approval change, lock and halt; the floor is null with none live", async () => {
    expect(await listingAt("1", s.at["token 1 transferred"]!)).toMatchObject({
      status: "Void",
      voidReason: "transfer",
    });
    expect((await offeringAt("1", s.at["token 1 transferred"]!)).floorPricePerUnit).toBeNull();
    expect((await offeringAt("1", s.at["listed 5"]!)).floorPricePerUnit).toBe(USDC("100").toString());
    expect(await listingAt("5", s.at["token 3 approval changed"]!)).toMatchObject({
      status: "Void",
      voidReason: "approval",
    });
    expect((await offeringAt("1", s.at["token 3 approval changed"]!)).floorPricePerUnit).toBeNull();
    // setApprovalForAll leaves the per-token approval: still live.
    expect(await listingAt("6", s.at["operator approved"]!)).toMatchObject({ status: "Live" });
    expect(await listingAt("6", s.at["token 3 locked"]!)).toMatchObject({ status: "Void", voidReason: "lock" });
    expect((await offeringAt("2", s.at["listed 7"]!)).floorPricePerUnit).toBe(USDC("90").toString());
    expect(await listingAt("7", s.at["offering 2 halted"]!)).toMatchObject({ status: "Void", voidReason: "halt" });
    const halted = await offeringAt("2", s.at["offering 2 halted"]!);
    expect(halted.floorPricePerUnit).toBeNull();
    expect(halted.liveListings).toEqual([]);
    const { offering } = await gql(host.url, `{ offering(id: "1") { listingCount liveListings { id } } }`);
    expect(offering).toEqual({ listingCount: 6, liveListings: [] });
    const { positions } = await gql(host.url, `{ positions(orderBy: tokenId) { id listing { id } } }`);
    for (const p of positions) expect(p.listing, `position ${p.id}`).toBeNull();
  });

  it("revives a stale listing only as the contract does: its seller's approval while holding it, or after an unlock", async () => {
    const status = async (id: string, label: string) => {
      const l = await listingAt(id, s.at[label]!);
      return [l.status, l.voidReason];
    };
    const floor = async (label: string) => (await offeringAt("1", s.at[label]!)).floorPricePerUnit;
    expect(await status("1", "new owner approves the listings contract")).toEqual(["Void", "transfer"]);
    expect(await status("1", "token 1 back with alice")).toEqual(["Void", "transfer"]);
    expect(await status("1", "listing 1 revived by its seller's approval")).toEqual(["Live", null]);
    expect(await floor("listing 1 revived by its seller's approval")).toBe(USDC("100").toString());
    expect(await status("1", "listing 1 void again")).toEqual(["Void", "approval"]);
    expect(await floor("listing 1 void again")).toBeNull();
    // Cancelled while void: no longer stored, so a later approval brings nothing back.
    expect(await status("1", "approval after the cancel")).toEqual(["Void", "approval"]);
    expect(await floor("approval after the cancel")).toBeNull();
    expect(await status("6", "approved during a lock")).toEqual(["Void", "lock"]);
    expect(await status("6", "listing 6 revived by the unlock")).toEqual(["Live", null]);
    expect(await floor("listing 6 revived by the unlock")).toBe(USDC("120").toString());
    expect(await status("6", "listing 6 cancelled")).toEqual(["Cancelled", null]);
    const position = async (id: string, label: string) =>
      (
        await gql(
          host.url,
          `query($id: ID!, $b: Int!) { position(id: $id, block: {number: $b}) { listing { id } storedListing { id } listingsApproved } }`,
          { id, b: Number(s.at[label]!) },
        )
      ).position;
    expect(await position("1", "token 1 back with alice")).toEqual({
      listing: null,
      storedListing: { id: "1" },
      listingsApproved: false,
    });
    expect(await position("1", "approval after the cancel")).toEqual({
      listing: null,
      storedListing: null,
      listingsApproved: true,
    });
    expect(await position("3", "listing 6 revived by the unlock")).toEqual({
      listing: { id: "6" },
      storedListing: { id: "6" },
      listingsApproved: true,
    });
  });

  it("runs a secondary auction: bids, extensions, outbid refunds, self-raise, settle, pull balances", async () => {
    const { auction } = await gql(
      host.url,
      `{ auction(id: "1") { kind status seller { id } position { id } leader { id } leadingBid minNextBid bidCount
         extensions endTime winner { id } settledAmount fee bids(orderBy: amount) { bidder { id } amount status extended } } }`,
    );
    const [carol, dave, bob] = [lower(s.accounts[5]!), lower(s.accounts[6]!), lower(s.accounts[3]!)];
    expect(auction).toMatchObject({
      kind: "Secondary",
      status: "Settled",
      seller: { id: bob },
      position: { id: "3" },
      leader: { id: carol },
      leadingBid: USDC("130").toString(),
      // 130 + ceil(130 * 5%) = 136.5
      minNextBid: USDC("136.5").toString(),
      bidCount: 4,
      extensions: 2,
      winner: { id: carol },
      settledAmount: USDC("130").toString(),
      fee: USDC("2.6").toString(),
    });
    expect(auction.bids.map((b: any) => [b.bidder.id, b.amount, b.status, b.extended])).toEqual([
      [carol, USDC("100").toString(), "Refundable", false],
      [dave, USDC("105").toString(), "Refunded", false],
      [dave, USDC("120").toString(), "Refunded", true],
      [carol, USDC("130").toString(), "Won", true],
    ]);
    // Before the settle: dave's outbid 120 was refundable, then withdrawn.
    const before = await gql(
      host.url,
      `query($b: Int!) { auction(id: "1", block: {number: $b}) { status minNextBid bids { amount status } } }`,
      { b: Number(s.at["carol outbids dave late (extension)"]!) },
    );
    expect(before.auction.status).toBe("Open");
    expect(before.auction.bids.find((b: any) => b.amount === USDC("120").toString()).status).toBe("Refundable");
    const balance = async (who: Address, label: string) =>
      (
        await gql(
          host.url,
          `query($id: ID!, $b: Int!) { auctionBalance(id: $id, block: {number: $b}) { refundable proceeds withdrawn } }`,
          {
            id: `${lower(who)}-${lower(s.usdt)}`,
            b: Number(s.at[label]!),
          },
        )
      ).auctionBalance;
    expect(await balance(s.accounts[6]!, "dave's refund credited")).toEqual({
      refundable: USDC("120").toString(),
      proceeds: "0",
      withdrawn: "0",
    });
    expect(await balance(s.accounts[6]!, "dave withdraws")).toEqual({
      refundable: "0",
      proceeds: "0",
      withdrawn: USDC("120").toString(),
    });
    expect(await balance(s.accounts[3]!, "auction 1 settled")).toEqual({
      refundable: "0",
      proceeds: USDC("127.4").toString(),
      withdrawn: "0",
    });
    expect(await balance(s.accounts[3]!, "bob withdraws")).toMatchObject({
      proceeds: "0",
      withdrawn: USDC("127.4").toString(),
    });
    // A Withdrawn with no prior credit does not crash the indexer.
    expect(await balance(s.accounts[7]!, "withdrawn without credits")).toEqual({
      refundable: "0",
      proceeds: "0",
      withdrawn: "5",
    });
    const { bidRefunds } = await gql(
      host.url,
      `{ bidRefunds(where: {auction: "1"}, orderBy: amount) { bidder { id } amount } }`,
    );
    expect(bidRefunds).toEqual([
      { bidder: { id: carol }, amount: USDC("100").toString() },
      { bidder: { id: dave }, amount: USDC("120").toString() },
    ]);
    const { position } = await gql(host.url, `{ position(id: "3") { auction { id } owner { id } } }`);
    expect(position).toEqual({ auction: null, owner: { id: carol } });
    const cancelled = await gql(host.url, `{ auction(id: "4") { status position { id auction { id } } } }`);
    expect(cancelled.auction).toEqual({ status: "Cancelled", position: { id: "3", auction: null } });
  });

  it("settles a primary auction into a position and keeps reserved and sold units equal to the exchange", async () => {
    const { publicClient } = clients(anvil.rpcUrl);
    const read = (fn: string, block: bigint) =>
      publicClient.readContract({
        address: s.exchange,
        abi: s.exchangeAbi,
        functionName: fn,
        args: [1n],
        blockNumber: block,
      });
    for (const label of ["units reserved", "auction 2 settled", "auction 3 withdrawn"]) {
      const block = s.at[label]!;
      const offering = await offeringAt("1", block);
      const stored = (await read("getOffering", block)) as { unitsSold: bigint | number };
      expect(offering.reservedUnits, label).toBe(String(await read("reservedUnits", block)));
      expect(offering.unitsSold, label).toBe(String(stored.unitsSold));
    }
    const { auction } = await gql(
      host.url,
      `{ auction(id: "2") { kind status winner { id } settledAmount position { id owner { id } netPaid totalPrice } bids { status } } }`,
    );
    expect(auction).toMatchObject({
      kind: "Primary",
      status: "Settled",
      winner: { id: lower(s.accounts[5]!) },
      settledAmount: USDC("2500").toString(),
      position: {
        id: s.primaryTokenId.toString(),
        owner: { id: lower(s.accounts[5]!) },
        totalPrice: USDC("2500").toString(),
      },
      bids: [{ status: "Won" }],
    });
    const withdrawn = await gql(host.url, `{ auction(id: "3") { status bids { status } } }`);
    expect(withdrawn.auction).toEqual({ status: "Withdrawn", bids: [{ status: "Refundable" }] });
  });

  it("counts trades (listing sales and secondary settles, not primary) in ProtocolDay and OfferingDay", async () => {
    const { protocolDays } = await gql(
      host.url,
      `{ protocolDays(where: {trades_gt: 0}) { day tradingVolume tradingFees trades } }`,
    );
    expect(protocolDays).toEqual([
      {
        day: Number(s.day0),
        tradingVolume: USDC("450").toString(),
        tradingFees: USDC("9").toString(),
        trades: 2,
      },
    ]);
    const { offeringDay } = await gql(
      host.url,
      `query($id: ID!) { offeringDay(id: $id) { tradingVolume lastSalePricePerUnit floorPricePerUnit } }`,
      {
        id: `1-${s.day0}`,
      },
    );
    // The auction sold 5 units for 130: 26 per unit.
    expect(offeringDay).toEqual({
      tradingVolume: USDC("450").toString(),
      lastSalePricePerUnit: USDC("26").toString(),
      floorPricePerUnit: null,
    });
  });

  it("emits every trading handler's event and records the exchange's trading-rewards address", async () => {
    const { publicClient } = clients(anvil.rpcUrl);
    const manifest = parse(readFileSync(join(HERE, "../build/subgraph.yaml"), "utf8"));
    const emitted = new Set<string>();
    for (const [address, abi] of [
      [s.exchange, s.exchangeAbi],
      [LISTINGS, artifact("IPositionListings").abi],
      [AUCTIONS, artifact("IPositionAuctions").abi],
      [REWARDS, artifact("ITradingRewards").abi],
    ] as const) {
      const logs = await publicClient.getLogs({ address, fromBlock: 0n });
      for (const log of parseEventLogs({ abi, logs })) emitted.add(`${lower(address)}.${log.eventName}`);
    }
    const addresses: Record<string, Address> = {
      PositionListings: LISTINGS,
      PositionAuctions: AUCTIONS,
      TradingRewards: REWARDS,
    };
    const required: string[] = ["UnitsReserved", "ReservedUnitsReleased", "TradingRewardsSet", "Approval"].map(
      (name) => `${lower(s.exchange)}.${name}`,
    );
    for (const ds of manifest.dataSources.filter((d: { name: string }) => d.name in addresses)) {
      for (const { event } of ds.mapping.eventHandlers) {
        required.push(`${lower(addresses[ds.name]!)}.${event.slice(0, event.indexOf("("))}`);
      }
    }
    for (const key of required) expect(emitted, key).toContain(key);
    const parameter = async (id: string, label: string) =>
      (
        await gql(host.url, `query($id: ID!, $b: Int!) { parameter(id: $id, block: {number: $b}) { value } }`, {
          id,
          b: Number(s.at[label]!),
        })
      ).parameter?.value;
    expect(await parameter("exchange-tradingRewards", "trading rewards set")).toBe(lower(REWARDS));
    expect(await parameter("exchange-tradingRewards", "trading rewards cleared")).toBe(zeroAddress);
    expect(await parameter("listings-contract", "listed 1")).toBe(lower(LISTINGS));
    expect(await parameter("auctions-minIncrementBps", "min increment set")).toBe("500");
    expect(await parameter("rewards-feeTokenDecimals.".concat(lower(s.usdt)), "min increment set")).toBe("6");
    expect(await parameter("rewards-referrals", "min increment set")).toBe(lower(s.accounts[9]!));
    const { referralFailures } = await gql(host.url, "{ referralFailures { referrer account token fee } }");
    expect(referralFailures).toEqual([
      { referrer: lower(s.accounts[8]!), account: lower(s.accounts[2]!), token: lower(s.usdt), fee: "1234" },
    ]);
  });

  it("survives odd input: events about unknown listings, auctions and tokens, a settle without credits", async () => {
    const block = Number(s.at["odd input"]!);
    const data = await gql(
      host.url,
      `query($b: Int!) { l99: listing(id: "99", block: {number: $b}) { id } l98: listing(id: "98", block: {number: $b}) { id }
        a98: auction(id: "98", block: {number: $b}) { id } bids(where: {auction: "98"}, block: {number: $b}) { id }
        tradingReward(id: "${lower(s.accounts[8]!)}-5", block: {number: $b}) { settled reward credit fees }
        _meta { hasIndexingErrors } }`,
      { b: block },
    );
    expect(data).toEqual({
      l99: null,
      l98: null,
      a98: null,
      bids: [],
      tradingReward: { settled: true, reward: "0", credit: "0", fees: 0 },
      _meta: { hasIndexingErrors: false },
    });
  });

  it("follows trading epochs: opened, credited, settled and claimed", async () => {
    const { tradingEpoch } = await gql(
      host.url,
      `{ tradingEpoch(id: "0") { epoch startTime endTime dmcPerEpoch capDmcPerFeeUnit totalCredit accounts
         rewards(orderBy: credit) { account { id } credit fees reward settled } } }`,
    );
    const genesis = s.day0 * 86_400n;
    expect(tradingEpoch).toEqual({
      epoch: 0,
      startTime: genesis.toString(),
      endTime: (genesis + 7n * 86_400n).toString(),
      dmcPerEpoch: (10n ** 23n).toString(),
      capDmcPerFeeUnit: (10n ** 19n).toString(),
      totalCredit: (9n * 10n ** 18n).toString(),
      accounts: 2,
      rewards: [
        {
          account: { id: lower(s.accounts[5]!) },
          credit: (26n * 10n ** 17n).toString(),
          fees: 1,
          reward: null,
          settled: false,
        },
        {
          account: { id: lower(s.accounts[3]!) },
          credit: (64n * 10n ** 17n).toString(),
          fees: 1,
          reward: (64n * 10n ** 18n).toString(),
          settled: true,
        },
      ],
    });
    const { account } = await gql(host.url, `query($id: ID!) { account(id: $id) { tradingRewardsClaimed } }`, {
      id: lower(s.accounts[3]!),
    });
    expect(account.tradingRewardsClaimed).toBe((64n * 10n ** 18n).toString());
  });
});
