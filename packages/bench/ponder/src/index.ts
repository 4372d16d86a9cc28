/**
 * The subgraph's handlers for the events of the bench history, restated for Ponder: AssetRegistered
 * of the AssetRegistry data source (packages/subgraph/src/mappings/asset-registry), and
 * OfferingCreated, HoldbackSet, PositionPurchased, Transfer, RewardDeposited, RewardClaimed of the
 * HashpowerExchange one (mappings/hashpower-exchange and utils/loaders.ts): the same entities read
 * and written per event, the escrow snapshot from @dmex/money-math. Market rates, reward-token
 * listings and depositors (other data sources and events) are not in this subset, as they are not
 * in graph-host's subset run.
 */
import { ponder, type Context } from "ponder:registry";
import {
  account,
  asset,
  miner,
  offering,
  offeringDay,
  position,
  positionTransfer,
  protocol,
  protocolDay,
  purchase,
  rewardClaim,
  rewardDeposit,
  token,
  tokenDay,
} from "ponder:schema";
import { judgedDays, releaseDay, releasedToDate, windowSum, windowShares } from "./math";

type Db = Context["db"];
type Hex = `0x${string}`;
type Offering = typeof offering.$inferSelect;
type OfferingDay = typeof offeringDay.$inferSelect;
type Flow = "volume" | "fees" | "rewardsDeposited" | "rewardsClaimed";
interface EventMeta {
  block: { number: bigint; timestamp: bigint };
  transaction: { hash: Hex };
  log: { logIndex: number; address: Hex };
}

const DAY = 86_400n;
const ZERO_ADDRESS: Hex = "0x0000000000000000000000000000000000000000";
const dayOf = (timestamp: bigint) => Number(timestamp / DAY);
const dateOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const eventId = (event: EventMeta) => `${event.transaction.hash}-${event.log.logIndex}`;
const offeringDayId = (offeringId: bigint, day: number) => `${offeringId}-${day}`;
const lower = (address: Hex) => address.toLowerCase() as Hex;

async function getOrCreateProtocol(db: Db, exchange: Hex) {
  const id = lower(exchange);
  const found = await db.find(protocol, { id });
  if (found) return found;
  // Not written yet: the caller saves it (as the subgraph's loader).
  return {
    id,
    windowDays: 0,
    offeringCount: 0,
    positionCount: 0,
    accountCount: 0,
    minerCount: 0,
    purchaseCount: 0,
    unitsSold: 0n,
    volume: 0n,
    fees: 0n,
    totalNet: 0n,
    rewardsDeposited: 0n,
    rewardsClaimed: 0n,
  };
}

async function getOrCreateProtocolDay(db: Db, timestamp: bigint) {
  const day = dayOf(timestamp);
  const found = await db.find(protocolDay, { id: day });
  if (found) return found;
  return {
    id: day,
    day,
    date: dateOf(day),
    purchases: 0,
    newPositions: 0,
    transfers: 0,
    unitsSold: 0n,
    volume: 0n,
    fees: 0n,
    rewardsDeposited: 0n,
    rewardsClaimed: 0n,
  };
}

/** Account of `address`, written when new; counts it on `p` (which the caller saves). */
async function getOrCreateAccount(db: Db, p: { accountCount: number }, address: Hex, block: bigint) {
  const id = lower(address);
  const found = await db.find(account, { id });
  if (found) return found;
  const created = { id, positionCount: 0, purchaseCount: 0, rewardsClaimed: 0n, createdAtBlock: block };
  await db.insert(account).values(created);
  p.accountCount += 1;
  return created;
}

async function getOrCreateToken(db: Db, address: Hex) {
  const id = lower(address);
  const found = await db.find(token, { id });
  if (found) return found;
  const created = { id, volume: 0n, fees: 0n, totalNet: 0n, rewardsDeposited: 0n, rewardsClaimed: 0n };
  await db.insert(token).values(created);
  return created;
}

async function getOrCreateOfferingDay(db: Db, offeringId: bigint, day: number): Promise<OfferingDay> {
  const id = offeringDayId(offeringId, day);
  const found = await db.find(offeringDay, { id });
  if (found) return found;
  return {
    id,
    offering: offeringId,
    day,
    date: dateOf(day),
    covered: false,
    rewardAmount: 0n,
    rewardPerUnitWad: null,
    marketAvgPerUnitWad: null,
    exactRate: null,
    sharePerMille: null,
    rewardUnits: null,
    rewardDeposit: null,
    purchases: 0,
    unitsSold: 0n,
    volume: 0n,
    fees: 0n,
    rewardsClaimed: 0n,
    unitsOutstanding: null,
    status: null,
    accRewardPerUnit: null,
    escrowReleased: null,
    escrowReleasedDay: null,
  };
}

async function loadOffering(db: Db, id: bigint): Promise<Offering> {
  const o = await db.find(offering, { id });
  if (!o) throw new Error(`Offering ${id} not indexed`);
  return o;
}

/** saveOfferingWithDay: the offering, and its end-of-day snapshot for the block's day. */
async function saveOfferingWithDay(db: Db, o: Offering, d: OfferingDay, event: EventMeta) {
  o.updatedAtBlock = event.block.number;
  o.updatedAtTimestamp = event.block.timestamp;
  await db.insert(offering).values(o).onConflictDoUpdate(o);
  d.unitsOutstanding = o.unitsSold;
  d.status = o.status;
  d.accRewardPerUnit = o.accRewardPerUnit;
  d.escrowReleased = releasedToDate(o, d.day);
  d.escrowReleasedDay = releaseDay(o, d.day);
  await db.insert(offeringDay).values(d).onConflictDoUpdate(d);
}

/** recordFlow: `amount` of `tokenAddress` added to `field` of the protocol and its day (saved by the caller), the token and its day. */
async function recordFlow(
  db: Db,
  p: Record<Flow, bigint>,
  pd: Record<Flow, bigint> & { day: number },
  tokenAddress: Hex,
  field: Flow,
  amount: bigint,
) {
  p[field] += amount;
  pd[field] += amount;
  const t = await getOrCreateToken(db, tokenAddress);
  await db.update(token, { id: t.id }).set({ [field]: t[field] + amount });
  const id = `${t.id}-${pd.day}`;
  const td = (await db.find(tokenDay, { id })) ?? {
    id,
    token: t.id,
    protocolDay: pd.day,
    day: pd.day,
    date: dateOf(pd.day),
    volume: 0n,
    fees: 0n,
    rewardsDeposited: 0n,
    rewardsClaimed: 0n,
  };
  td[field] += amount;
  await db.insert(tokenDay).values(td).onConflictDoUpdate(td);
}

function setWindow(o: Offering, recent: bigint, windowDays: number) {
  o.recentShares = recent;
  o.windowShares = windowShares(recent);
  o.judgedDays = judgedDays(recent);
  o.windowSum =
    windowDays > 0 ? windowSum(recent, windowDays).sum : o.windowShares.reduce((a: number, b: number) => a + b, 0);
}

const saveProtocol = (db: Db, p: typeof protocol.$inferSelect) => db.insert(protocol).values(p).onConflictDoUpdate(p);
const saveProtocolDay = (db: Db, d: typeof protocolDay.$inferSelect) =>
  db.insert(protocolDay).values(d).onConflictDoUpdate(d);

ponder.on("AssetRegistry:AssetRegistered", async ({ event, context }) => {
  // As the subgraph's handler: the asset alone (the protocol entity is the exchange's).
  const values = {
    id: event.args.assetId,
    assetId: event.args.assetId,
    symbol: event.args.symbol,
    unitLabel: event.args.unitLabel,
    offeringCount: 0,
    createdAtBlock: event.block.number,
    createdAtTimestamp: event.block.timestamp,
  };
  await context.db.insert(asset).values(values).onConflictDoUpdate(values);
});

ponder.on("HashpowerExchange:OfferingCreated", async ({ event, context }) => {
  const { db } = context;
  const { terms } = event.args;
  const p = await getOrCreateProtocol(db, event.log.address);
  const minerId = lower(event.args.miner);
  const m = await db.find(miner, { id: minerId });
  if (m) await db.update(miner, { id: minerId }).set({ name: terms.minerName, offeringCount: m.offeringCount + 1 });
  else {
    await db.insert(miner).values({ id: minerId, name: terms.minerName, offeringCount: 1, rewardsDeposited: 0n });
    p.minerCount += 1;
  }
  const assetId = event.args.assetId;
  const a = await db.find(asset, { id: assetId });
  if (!a) throw new Error(`Asset ${assetId} not registered`);
  await db.update(asset, { id: assetId }).set({ offeringCount: a.offeringCount + 1 });
  await getOrCreateToken(db, terms.paymentToken);
  await getOrCreateToken(db, terms.rewardToken);

  const o: Offering = {
    id: event.args.offeringId,
    offeringId: event.args.offeringId,
    miner: minerId,
    asset: assetId,
    paymentToken: lower(terms.paymentToken),
    rewardToken: lower(terms.rewardToken),
    minerName: terms.minerName,
    metadataURI: terms.metadataURI,
    unitsTotal: BigInt(terms.unitsTotal),
    unitsSold: 0n,
    pricePerUnit: terms.pricePerUnit,
    netPricePerUnit: event.args.netPricePerUnit,
    feeBps: Number(event.args.feeBps),
    saleStart: BigInt(terms.saleStart),
    saleEnd: BigInt(terms.saleEnd),
    termStartDay: terms.termStartDay,
    termEndDay: terms.termEndDay,
    expectedDailyRewardPerUnitWad: terms.expectedDailyRewardPerUnitWad,
    holdbackDays: 0,
    status: "Active",
    frozenDay: 0,
    lastCoveredDay: terms.termStartDay - 1,
    recentShares: 0n,
    windowShares: [],
    judgedDays: 0,
    windowSum: 0,
    totalNet: 0n,
    feesAccrued: 0n,
    accRewardPerUnit: 0n,
    rewardsDeposited: 0n,
    rewardsClaimed: 0n,
    volume: 0n,
    positionCount: 0,
    createdAtBlock: event.block.number,
    createdAtTimestamp: event.block.timestamp,
    createdAtTransaction: event.transaction.hash,
    updatedAtBlock: event.block.number,
    updatedAtTimestamp: event.block.timestamp,
  };
  setWindow(o, 0n, p.windowDays);
  await saveOfferingWithDay(db, o, await getOrCreateOfferingDay(db, o.id, dayOf(event.block.timestamp)), event);
  p.offeringCount += 1;
  await saveProtocol(db, p);
});

ponder.on("HashpowerExchange:HoldbackSet", async ({ event, context }) => {
  const o = await loadOffering(context.db, event.args.offeringId);
  o.holdbackDays = Number(event.args.holdbackDays);
  await saveOfferingWithDay(
    context.db,
    o,
    await getOrCreateOfferingDay(context.db, o.id, dayOf(event.block.timestamp)),
    event,
  );
});

ponder.on("HashpowerExchange:PositionPurchased", async ({ event, context }) => {
  const { db } = context;
  const args = event.args;
  const p = await getOrCreateProtocol(db, event.log.address);
  const pd = await getOrCreateProtocolDay(db, event.block.timestamp);
  const o = await loadOffering(db, args.offeringId);
  o.totalNet += args.netAmount;
  o.feesAccrued += args.fee;
  o.unitsSold += args.units;
  o.volume += args.totalPrice;
  o.positionCount += 1;

  const buyer = await getOrCreateAccount(db, p, args.buyer, event.block.number);
  await db.update(account, { id: buyer.id }).set({ purchaseCount: buyer.purchaseCount + 1 });

  const id = eventId(event);
  const positionId = args.tokenId;
  const purchaseDay = Number(args.purchaseDay);
  const startDay = Number(args.startDay);
  await db.insert(purchase).values({
    id,
    position: positionId,
    offering: o.id,
    buyer: buyer.id,
    referrer: lower(args.referrer),
    units: args.units,
    totalPrice: args.totalPrice,
    fee: args.fee,
    netAmount: args.netAmount,
    purchaseDay,
    startDay,
    rewardSnapshot: args.rewardSnapshot,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
    logIndex: event.log.logIndex,
  });
  await db.insert(position).values({
    id: positionId,
    tokenId: args.tokenId,
    offering: o.id,
    owner: buyer.id,
    buyer: buyer.id,
    referrer: lower(args.referrer),
    units: args.units,
    purchaseDay,
    startDay,
    endDay: o.termEndDay,
    netPaid: args.netAmount,
    totalPrice: args.totalPrice,
    fee: args.fee,
    rewardSnapshot: args.rewardSnapshot,
    claimed: 0n,
    status: "Active",
    transferCount: 0,
    purchase: id,
    createdAtBlock: event.block.number,
    createdAtTimestamp: event.block.timestamp,
    updatedAtBlock: event.block.number,
  });

  const day = await getOrCreateOfferingDay(db, o.id, dayOf(event.block.timestamp));
  day.purchases += 1;
  day.unitsSold += args.units;
  day.volume += args.totalPrice;
  day.fees += args.fee;
  await saveOfferingWithDay(db, o, day, event);

  p.positionCount += 1;
  p.purchaseCount += 1;
  p.unitsSold += args.units;
  p.totalNet += args.netAmount;
  pd.purchases += 1;
  pd.newPositions += 1;
  pd.unitsSold += args.units;
  await recordFlow(db, p, pd, o.paymentToken, "volume", args.totalPrice);
  await recordFlow(db, p, pd, o.paymentToken, "fees", args.fee);
  const t = await getOrCreateToken(db, o.paymentToken);
  await db.update(token, { id: t.id }).set({ totalNet: t.totalNet + args.netAmount });
  await saveProtocol(db, p);
  await saveProtocolDay(db, pd);
});

ponder.on("HashpowerExchange:Transfer", async ({ event, context }) => {
  const { db } = context;
  const args = event.args;
  const p = await getOrCreateProtocol(db, event.log.address);
  const pd = await getOrCreateProtocolDay(db, event.block.timestamp);
  const positionId = args.tokenId;
  const isMint = lower(args.from) === ZERO_ADDRESS;

  const to = await getOrCreateAccount(db, p, args.to, event.block.number);
  await db.update(account, { id: to.id }).set({ positionCount: to.positionCount + 1 });
  let sender: Hex | null = null;
  if (!isMint) {
    const from = await getOrCreateAccount(db, p, args.from, event.block.number);
    await db.update(account, { id: from.id }).set({ positionCount: from.positionCount - 1 });
    sender = from.id;
    const pos = await db.find(position, { id: positionId });
    if (!pos) throw new Error(`Position ${positionId} not indexed`);
    await db
      .update(position, { id: positionId })
      .set({ owner: to.id, transferCount: pos.transferCount + 1, updatedAtBlock: event.block.number });
    pd.transfers += 1;
  }
  await db.insert(positionTransfer).values({
    id: eventId(event),
    position: positionId,
    from: lower(args.from),
    to: lower(args.to),
    sender,
    receiver: to.id,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
    logIndex: event.log.logIndex,
  });
  await saveProtocol(db, p);
  await saveProtocolDay(db, pd);
});

ponder.on("HashpowerExchange:RewardDeposited", async ({ event, context }) => {
  const { db } = context;
  const args = event.args;
  const p = await getOrCreateProtocol(db, event.log.address);
  const o = await loadOffering(db, args.offeringId);
  const coveredDay = Number(args.day);
  const share = Number(args.sharePerMille);
  o.accRewardPerUnit = args.accRewardPerUnit;
  o.lastCoveredDay = coveredDay;
  setWindow(o, args.recentShares, p.windowDays);
  o.rewardsDeposited += args.amount;

  const id = eventId(event);
  const covered = await getOrCreateOfferingDay(db, o.id, coveredDay);
  await db.insert(rewardDeposit).values({
    id,
    offering: o.id,
    offeringDay: covered.id,
    depositor: lower(args.depositor),
    byMiner: lower(args.depositor) === o.miner,
    day: coveredDay,
    amount: args.amount,
    unitsOutstanding: args.unitsOutstanding,
    accRewardPerUnit: args.accRewardPerUnit,
    dayRewardPerUnitWad: args.dayRewardPerUnitWad,
    marketAvgPerUnitWad: args.marketAvgPerUnitWad,
    exactRate: args.exactRate,
    sharePerMille: share,
    recentShares: args.recentShares,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
    logIndex: event.log.logIndex,
  });
  Object.assign(covered, {
    covered: true,
    rewardAmount: args.amount,
    rewardPerUnitWad: args.dayRewardPerUnitWad,
    marketAvgPerUnitWad: args.marketAvgPerUnitWad,
    exactRate: args.exactRate,
    sharePerMille: share,
    rewardUnits: args.unitsOutstanding,
    rewardDeposit: id,
  });
  await db.insert(offeringDay).values(covered).onConflictDoUpdate(covered);
  await saveOfferingWithDay(db, o, await getOrCreateOfferingDay(db, o.id, dayOf(event.block.timestamp)), event);

  const m = await db.find(miner, { id: o.miner });
  if (m) await db.update(miner, { id: m.id }).set({ rewardsDeposited: m.rewardsDeposited + args.amount });
  const pd = await getOrCreateProtocolDay(db, event.block.timestamp);
  await recordFlow(db, p, pd, o.rewardToken, "rewardsDeposited", args.amount);
  await saveProtocol(db, p);
  await saveProtocolDay(db, pd);
});

ponder.on("HashpowerExchange:RewardClaimed", async ({ event, context }) => {
  const { db } = context;
  const args = event.args;
  const p = await getOrCreateProtocol(db, event.log.address);
  const pd = await getOrCreateProtocolDay(db, event.block.timestamp);
  const positionId = args.tokenId;
  const pos = await db.find(position, { id: positionId });
  if (!pos) throw new Error(`Position ${positionId} not indexed`);
  const o = await loadOffering(db, args.offeringId);
  const owner = await getOrCreateAccount(db, p, args.owner, event.block.number);

  await db.update(position, { id: positionId }).set({
    rewardSnapshot: args.accRewardPerUnit,
    claimed: pos.claimed + args.amount,
    updatedAtBlock: event.block.number,
  });
  await db.update(account, { id: owner.id }).set({ rewardsClaimed: owner.rewardsClaimed + args.amount });
  await db.insert(rewardClaim).values({
    id: eventId(event),
    position: positionId,
    offering: o.id,
    owner: owner.id,
    amount: args.amount,
    accRewardPerUnit: args.accRewardPerUnit,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
    logIndex: event.log.logIndex,
  });
  o.rewardsClaimed += args.amount;
  const day = await getOrCreateOfferingDay(db, o.id, dayOf(event.block.timestamp));
  day.rewardsClaimed += args.amount;
  await saveOfferingWithDay(db, o, day, event);
  await recordFlow(db, p, pd, o.rewardToken, "rewardsClaimed", args.amount);
  await saveProtocol(db, p);
  await saveProtocolDay(db, pd);
});
