/**
 * The subgraph's entities that the bench's AssetRegistry and HashpowerExchange events touch (schema.graphql in
 * packages/subgraph), one table each with the fields those handlers write. Keys as the subgraph
 * has them, typed: addresses (hex) for accounts, miners, tokens and the protocol; the on-chain
 * number for assets, offerings, positions and protocol days (the subgraph's decimal-string ids:
 * numbers here, because Ponder's realtime prefetch matches a key to the event argument it equals
 * and would hand a bigint to a text column); `<offering>-<day>` for offering and token days and
 * `<tx hash>-<log index>` for event records.
 */
import { onchainTable } from "ponder";

export const protocol = onchainTable("protocol", (t) => ({
  id: t.hex().primaryKey(),
  windowDays: t.integer().notNull(),
  offeringCount: t.integer().notNull(),
  positionCount: t.integer().notNull(),
  accountCount: t.integer().notNull(),
  minerCount: t.integer().notNull(),
  purchaseCount: t.integer().notNull(),
  unitsSold: t.bigint().notNull(),
  volume: t.bigint().notNull(),
  fees: t.bigint().notNull(),
  totalNet: t.bigint().notNull(),
  rewardsDeposited: t.bigint().notNull(),
  rewardsClaimed: t.bigint().notNull(),
}));

export const protocolDay = onchainTable("protocol_day", (t) => ({
  id: t.integer().primaryKey(),
  day: t.integer().notNull(),
  date: t.text().notNull(),
  purchases: t.integer().notNull(),
  newPositions: t.integer().notNull(),
  transfers: t.integer().notNull(),
  unitsSold: t.bigint().notNull(),
  volume: t.bigint().notNull(),
  fees: t.bigint().notNull(),
  rewardsDeposited: t.bigint().notNull(),
  rewardsClaimed: t.bigint().notNull(),
}));

export const token = onchainTable("token", (t) => ({
  id: t.hex().primaryKey(),
  volume: t.bigint().notNull(),
  fees: t.bigint().notNull(),
  totalNet: t.bigint().notNull(),
  rewardsDeposited: t.bigint().notNull(),
  rewardsClaimed: t.bigint().notNull(),
}));

export const tokenDay = onchainTable("token_day", (t) => ({
  id: t.text().primaryKey(),
  token: t.hex().notNull(),
  protocolDay: t.integer().notNull(),
  day: t.integer().notNull(),
  date: t.text().notNull(),
  volume: t.bigint().notNull(),
  fees: t.bigint().notNull(),
  rewardsDeposited: t.bigint().notNull(),
  rewardsClaimed: t.bigint().notNull(),
}));

export const asset = onchainTable("asset", (t) => ({
  id: t.integer().primaryKey(),
  assetId: t.integer().notNull(),
  symbol: t.text().notNull(),
  unitLabel: t.text().notNull(),
  offeringCount: t.integer().notNull(),
  createdAtBlock: t.bigint().notNull(),
  createdAtTimestamp: t.bigint().notNull(),
}));

export const miner = onchainTable("miner", (t) => ({
  id: t.hex().primaryKey(),
  name: t.text().notNull(),
  offeringCount: t.integer().notNull(),
  rewardsDeposited: t.bigint().notNull(),
}));

export const offering = onchainTable("offering", (t) => ({
  id: t.bigint().primaryKey(),
  offeringId: t.bigint().notNull(),
  miner: t.hex().notNull(),
  asset: t.integer().notNull(),
  paymentToken: t.hex().notNull(),
  rewardToken: t.hex().notNull(),
  minerName: t.text().notNull(),
  metadataURI: t.text().notNull(),
  unitsTotal: t.bigint().notNull(),
  unitsSold: t.bigint().notNull(),
  pricePerUnit: t.bigint().notNull(),
  netPricePerUnit: t.bigint().notNull(),
  feeBps: t.integer().notNull(),
  saleStart: t.bigint().notNull(),
  saleEnd: t.bigint().notNull(),
  termStartDay: t.integer().notNull(),
  termEndDay: t.integer().notNull(),
  expectedDailyRewardPerUnitWad: t.bigint().notNull(),
  holdbackDays: t.integer().notNull(),
  status: t.text().notNull(),
  frozenDay: t.integer().notNull(),
  lastCoveredDay: t.integer().notNull(),
  recentShares: t.bigint().notNull(),
  windowShares: t.integer().array().notNull(),
  judgedDays: t.integer().notNull(),
  windowSum: t.integer().notNull(),
  totalNet: t.bigint().notNull(),
  feesAccrued: t.bigint().notNull(),
  accRewardPerUnit: t.bigint().notNull(),
  rewardsDeposited: t.bigint().notNull(),
  rewardsClaimed: t.bigint().notNull(),
  volume: t.bigint().notNull(),
  positionCount: t.integer().notNull(),
  createdAtBlock: t.bigint().notNull(),
  createdAtTimestamp: t.bigint().notNull(),
  createdAtTransaction: t.hex().notNull(),
  updatedAtBlock: t.bigint().notNull(),
  updatedAtTimestamp: t.bigint().notNull(),
}));

export const offeringDay = onchainTable("offering_day", (t) => ({
  id: t.text().primaryKey(),
  offering: t.bigint().notNull(),
  day: t.integer().notNull(),
  date: t.text().notNull(),
  covered: t.boolean().notNull(),
  rewardAmount: t.bigint().notNull(),
  rewardPerUnitWad: t.bigint(),
  marketAvgPerUnitWad: t.bigint(),
  exactRate: t.boolean(),
  sharePerMille: t.integer(),
  rewardUnits: t.bigint(),
  rewardDeposit: t.text(),
  purchases: t.integer().notNull(),
  unitsSold: t.bigint().notNull(),
  volume: t.bigint().notNull(),
  fees: t.bigint().notNull(),
  rewardsClaimed: t.bigint().notNull(),
  // The end-of-day snapshot (snapshotOfferingDay).
  unitsOutstanding: t.bigint(),
  status: t.text(),
  accRewardPerUnit: t.bigint(),
  escrowReleased: t.bigint(),
  escrowReleasedDay: t.integer(),
}));

export const account = onchainTable("account", (t) => ({
  id: t.hex().primaryKey(),
  positionCount: t.integer().notNull(),
  purchaseCount: t.integer().notNull(),
  rewardsClaimed: t.bigint().notNull(),
  createdAtBlock: t.bigint().notNull(),
}));

export const position = onchainTable("position", (t) => ({
  id: t.bigint().primaryKey(),
  tokenId: t.bigint().notNull(),
  offering: t.bigint().notNull(),
  owner: t.hex().notNull(),
  buyer: t.hex().notNull(),
  referrer: t.hex().notNull(),
  units: t.bigint().notNull(),
  purchaseDay: t.integer().notNull(),
  startDay: t.integer().notNull(),
  endDay: t.integer().notNull(),
  netPaid: t.bigint().notNull(),
  totalPrice: t.bigint().notNull(),
  fee: t.bigint().notNull(),
  rewardSnapshot: t.bigint().notNull(),
  claimed: t.bigint().notNull(),
  status: t.text().notNull(),
  transferCount: t.integer().notNull(),
  purchase: t.text().notNull(),
  createdAtBlock: t.bigint().notNull(),
  createdAtTimestamp: t.bigint().notNull(),
  updatedAtBlock: t.bigint().notNull(),
}));

export const purchase = onchainTable("purchase", (t) => ({
  id: t.text().primaryKey(),
  position: t.bigint().notNull(),
  offering: t.bigint().notNull(),
  buyer: t.hex().notNull(),
  referrer: t.hex().notNull(),
  units: t.bigint().notNull(),
  totalPrice: t.bigint().notNull(),
  fee: t.bigint().notNull(),
  netAmount: t.bigint().notNull(),
  purchaseDay: t.integer().notNull(),
  startDay: t.integer().notNull(),
  rewardSnapshot: t.bigint().notNull(),
  blockNumber: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
  transactionHash: t.hex().notNull(),
  logIndex: t.integer().notNull(),
}));

export const positionTransfer = onchainTable("position_transfer", (t) => ({
  id: t.text().primaryKey(),
  position: t.bigint().notNull(),
  from: t.hex().notNull(),
  to: t.hex().notNull(),
  sender: t.hex(),
  receiver: t.hex().notNull(),
  blockNumber: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
  transactionHash: t.hex().notNull(),
  logIndex: t.integer().notNull(),
}));

export const rewardDeposit = onchainTable("reward_deposit", (t) => ({
  id: t.text().primaryKey(),
  offering: t.bigint().notNull(),
  offeringDay: t.text().notNull(),
  depositor: t.hex().notNull(),
  byMiner: t.boolean().notNull(),
  day: t.integer().notNull(),
  amount: t.bigint().notNull(),
  unitsOutstanding: t.bigint().notNull(),
  accRewardPerUnit: t.bigint().notNull(),
  dayRewardPerUnitWad: t.bigint().notNull(),
  marketAvgPerUnitWad: t.bigint().notNull(),
  exactRate: t.boolean().notNull(),
  sharePerMille: t.integer().notNull(),
  recentShares: t.bigint().notNull(),
  blockNumber: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
  transactionHash: t.hex().notNull(),
  logIndex: t.integer().notNull(),
}));

export const rewardClaim = onchainTable("reward_claim", (t) => ({
  id: t.text().primaryKey(),
  position: t.bigint().notNull(),
  offering: t.bigint().notNull(),
  owner: t.hex().notNull(),
  amount: t.bigint().notNull(),
  accRewardPerUnit: t.bigint().notNull(),
  blockNumber: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
  transactionHash: t.hex().notNull(),
  logIndex: t.integer().notNull(),
}));
