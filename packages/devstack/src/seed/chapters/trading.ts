import { decodeEventLog, type Address, type TransactionReceipt } from "viem";

import { StackError } from "../../internal/errors.js";
import type { SeedContext } from "../context.js";
import { hashpowerExchangeAbi, positionAuctionsAbi, positionListingsAbi, tradingRewardsAbi } from "../contracts.js";
import {
  APPROVED_OFFERINGS,
  AUCTIONS,
  ENDING_SOON,
  LISTINGS,
  TRADING_FEE_SWEEP_DAY,
  TRADING_REWARD_CLAIM_DAY,
  TRADING_REWARD_CLAIMERS,
  TRADING_TIME_OF_DAY,
  TRADING_USDT,
  type AuctionPlan,
  type ListingPlan,
} from "../plan.js";
import { DAY } from "../context.js";
import { send } from "../send.js";
import type { SeedChapter } from "./chapter.js";

const BPS = 10_000n;

/**
 * Holders resell positions on listings and in auctions, a miner auctions units of its open sale, and traders
 * claim their DMC trading rewards (LISTINGS, AUCTIONS, ENDING_SOON in plan.ts). Every trade happens at
 * TRADING_TIME_OF_DAY or later the same day, after the deposits and claims and before governance.
 */
export const trading: SeedChapter = {
  name: "trading",
  async onDay0(ctx) {
    const bidders = new Set<number>();
    for (const a of AUCTIONS) for (const b of a.bids) bidders.add(b.bidder);
    for (const l of LISTINGS) if (l.outcome.kind === "sold") bidders.add(l.outcome.buyer);
    bidders.add(ENDING_SOON.secondary.bidder);
    for (const slot of bidders) {
      const account = buyer(ctx, slot);
      await ctx.mint(ctx.contracts.usdt, account, TRADING_USDT);
      await ctx.approve(account, ctx.contracts.usdt, ctx.contracts.listings);
      await ctx.approve(account, ctx.contracts.usdt, ctx.contracts.auctions);
    }
  },
  async onDay(ctx, offset) {
    const t0 = (ctx.day0 + offset) * DAY + TRADING_TIME_OF_DAY;
    if (
      !LISTINGS.some((l) => l.dayOffset === offset || (l.outcome.kind !== "live" && l.outcome.dayOffset === offset)) &&
      !AUCTIONS.some((a) => a.dayOffset === offset || a.settleDayOffset === offset) &&
      offset !== TRADING_REWARD_CLAIM_DAY &&
      offset !== TRADING_FEE_SWEEP_DAY
    )
      return;
    await ctx.setTime(t0);
    for (const plan of LISTINGS) {
      if (plan.dayOffset === offset) await list(ctx, plan);
      const outcome = plan.outcome;
      if (outcome.kind !== "live" && outcome.dayOffset === offset) await resolveListing(ctx, plan);
    }
    for (const plan of AUCTIONS) {
      if (plan.settleDayOffset === offset) await settle(ctx, plan);
      if (plan.dayOffset !== offset) continue;
      const { auctionId, reserve } = await startAuction(ctx, plan);
      const started = Number((await ctx.publicClient.getBlock()).timestamp);
      for (const bid of plan.bids) {
        await ctx.setTime(started + bid.after);
        await placeBid(ctx, auctionId, bid.bidder, (reserve * BigInt(bid.amountBps)) / BPS);
      }
    }
    if (offset === TRADING_REWARD_CLAIM_DAY) {
      for (const slot of TRADING_REWARD_CLAIMERS) {
        const account = buyer(ctx, slot);
        await send(ctx, account, ctx.contracts.tradingRewards, tradingRewardsAbi, "claim", [account]);
        ctx.counts.tradingRewardClaims++;
      }
    }
    if (offset === TRADING_FEE_SWEEP_DAY) {
      for (const [address, abi] of [
        [ctx.contracts.listings, positionListingsAbi],
        [ctx.contracts.auctions, positionAuctionsAbi],
      ] as const) {
        await send(ctx, ctx.accounts.treasury, address, abi, "sweepFees", [ctx.contracts.usdt]);
      }
    }
  },
  async atEnd(ctx) {
    const s = ENDING_SOON.secondary;
    const { auctionId, reserve } = await startAuction(ctx, {
      label: "ending soon",
      dayOffset: -1,
      kind: "secondary",
      seller: s.seller,
      offeringId: s.offeringId,
      nth: s.nth,
      reserveBps: s.reserveBps,
      durationSeconds: s.durationSeconds,
      bids: [],
    });
    await placeBid(ctx, auctionId, s.bidder, reserve);
    const p = ENDING_SOON.primary;
    await startAuction(ctx, {
      label: "primary, unbid",
      dayOffset: -1,
      kind: "primary",
      seller: 0,
      offeringId: p.offeringId,
      units: p.units,
      reserveBps: p.reserveBps,
      durationSeconds: p.durationSeconds,
      bids: [],
    });
  },
};

/** The ids of the auctions the seed created, by plan label (settled on a later day). */
const seeded = new Map<string, bigint>();

function buyer(ctx: SeedContext, slot: number): Address {
  const account = ctx.accounts.buyers[slot];
  if (account === undefined) throw new StackError(`no buyer slot ${slot}`);
  return account;
}

function planOf(offeringId: number) {
  const plan = APPROVED_OFFERINGS.find((o) => o.id === offeringId);
  if (plan === undefined) throw new StackError(`no offering plan ${offeringId}`);
  return plan;
}

function positionOf(ctx: SeedContext, slot: number, offeringId: number, nth: number): bigint {
  const tokenId = ctx.tokensOf(buyer(ctx, slot), offeringId)[nth];
  if (tokenId === undefined) throw new StackError(`buyer ${slot} has no position #${nth} of offering ${offeringId}`);
  return tokenId;
}

/** What a position's remaining term cost at its offering's primary price, in USDT base units. */
async function remainingValue(ctx: SeedContext, tokenId: bigint): Promise<bigint> {
  const st = await ctx.publicClient.readContract({
    address: ctx.contracts.exchange,
    abi: hashpowerExchangeAbi,
    functionName: "positionState",
    args: [tokenId],
  });
  const plan = planOf(st.offeringId);
  const termStart = ctx.day0 + plan.termStartOffset;
  const today = Math.floor(Number((await ctx.publicClient.getBlock()).timestamp) / DAY);
  const daysLeft = BigInt(Math.min(plan.termDays, st.termEndDay - Math.max(today, termStart)));
  return (BigInt(st.units) * plan.pricePerUnit * daysLeft) / BigInt(plan.termDays);
}

async function approvePosition(ctx: SeedContext, owner: Address, spender: Address, tokenId: bigint): Promise<void> {
  await send(ctx, owner, ctx.contracts.exchange, hashpowerExchangeAbi, "approve", [spender, tokenId]);
}

async function list(ctx: SeedContext, plan: ListingPlan): Promise<void> {
  const seller = buyer(ctx, plan.seller);
  const tokenId = positionOf(ctx, plan.seller, plan.offeringId, plan.nth);
  const price = ((await remainingValue(ctx, tokenId)) * BigInt(plan.priceBps)) / BPS;
  const now = Number((await ctx.publicClient.getBlock()).timestamp);
  await approvePosition(ctx, seller, ctx.contracts.listings, tokenId);
  await send(ctx, seller, ctx.contracts.listings, positionListingsAbi, "list", [
    tokenId,
    ctx.contracts.usdt,
    price,
    BigInt(now + plan.expiryDays * DAY),
  ]);
  ctx.counts.listings++;
}

async function resolveListing(ctx: SeedContext, plan: ListingPlan): Promise<void> {
  const seller = buyer(ctx, plan.seller);
  const tokenId = positionOf(ctx, plan.seller, plan.offeringId, plan.nth);
  const outcome = plan.outcome;
  if (outcome.kind === "sold") {
    const listing = await ctx.publicClient.readContract({
      address: ctx.contracts.listings,
      abi: positionListingsAbi,
      functionName: "listingOf",
      args: [tokenId],
    });
    const claimable = await ctx.publicClient.readContract({
      address: ctx.contracts.exchange,
      abi: hashpowerExchangeAbi,
      functionName: "claimableRewards",
      args: [tokenId],
    });
    await send(ctx, buyer(ctx, outcome.buyer), ctx.contracts.listings, positionListingsAbi, "buy", [
      tokenId,
      listing.price,
      claimable,
      ctx.accounts.treasury,
    ]);
    ctx.counts.listingSales++;
  } else if (outcome.kind === "cancelled") {
    await send(ctx, seller, ctx.contracts.listings, positionListingsAbi, "cancelListing", [tokenId]);
  } else if (outcome.kind === "transferred") {
    const to = ctx.accounts.spares[outcome.spare];
    if (to === undefined) throw new StackError(`no spare account ${outcome.spare}`);
    await send(ctx, seller, ctx.contracts.exchange, hashpowerExchangeAbi, "transferFrom", [seller, to, tokenId]);
  }
}

/** Creates the auction `plan` describes; returns its id and reserve (the seed's bids are in bps of it). */
async function startAuction(ctx: SeedContext, plan: AuctionPlan): Promise<{ auctionId: bigint; reserve: bigint }> {
  const duration = BigInt(plan.durationSeconds);
  let receipt: TransactionReceipt;
  let reserve: bigint;
  if (plan.kind === "secondary") {
    const seller = buyer(ctx, plan.seller);
    const tokenId = positionOf(ctx, plan.seller, plan.offeringId, plan.nth ?? 0);
    reserve = ((await remainingValue(ctx, tokenId)) * BigInt(plan.reserveBps)) / BPS;
    await approvePosition(ctx, seller, ctx.contracts.auctions, tokenId);
    receipt = await send(ctx, seller, ctx.contracts.auctions, positionAuctionsAbi, "createAuction", [
      tokenId,
      ctx.contracts.usdt,
      reserve,
      duration,
    ]);
  } else {
    const offering = planOf(plan.offeringId);
    const units = BigInt(plan.units ?? 0);
    reserve = (units * offering.pricePerUnit * BigInt(plan.reserveBps)) / BPS;
    receipt = await send(
      ctx,
      ctx.minerOf(offering),
      ctx.contracts.auctions,
      positionAuctionsAbi,
      "createPrimaryAuction",
      [BigInt(plan.offeringId), units, reserve, duration],
    );
  }
  const auctionId = createdAuctionId(receipt);
  seeded.set(plan.label, auctionId);
  ctx.counts.auctions++;
  return { auctionId, reserve };
}

function createdAuctionId(receipt: TransactionReceipt): bigint {
  for (const log of receipt.logs) {
    try {
      const event = decodeEventLog({ abi: positionAuctionsAbi, data: log.data, topics: log.topics });
      if (event.eventName === "AuctionCreated") return event.args.auctionId;
    } catch {
      // another contract's event
    }
  }
  throw new StackError(`no AuctionCreated event in ${receipt.transactionHash}`);
}

async function placeBid(ctx: SeedContext, auctionId: bigint, slot: number, amount: bigint): Promise<void> {
  const min = await ctx.publicClient.readContract({
    address: ctx.contracts.auctions,
    abi: positionAuctionsAbi,
    functionName: "minNextBid",
    args: [auctionId],
  });
  await send(ctx, buyer(ctx, slot), ctx.contracts.auctions, positionAuctionsAbi, "bid", [
    auctionId,
    amount > min ? amount : min,
  ]);
  ctx.counts.bids++;
}

async function settle(ctx: SeedContext, plan: AuctionPlan): Promise<void> {
  const auctionId = seeded.get(plan.label);
  if (auctionId === undefined) throw new StackError(`auction "${plan.label}" was never created`);
  await send(ctx, ctx.accounts.treasury, ctx.contracts.auctions, positionAuctionsAbi, "settle", [auctionId]);
  for (const slot of plan.withdrawingBidders ?? []) {
    const account = buyer(ctx, slot);
    await send(ctx, account, ctx.contracts.auctions, positionAuctionsAbi, "withdraw", [ctx.contracts.usdt, account]);
  }
  ctx.counts.auctionsSettled++;
  if (plan.kind === "primary" && plan.bids.length > 0) ctx.counts.primaryAuctionSales++;
}
