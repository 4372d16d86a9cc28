import { StackError } from "../../internal/errors.js";
import { anvilAddress } from "../accounts.js";
import { DAY, type SeedContext } from "../context.js";
import { hashpowerExchangeAbi, nodeStakingRewardsAbi, promotionNodesAbi } from "../contracts.js";
import { eventIn } from "../events.js";
import {
  APPROVED_OFFERINGS,
  COMMISSION_CLAIM,
  DEFI_TIME_OF_DAY,
  FIRST_REFERRAL_TOKEN_ID,
  LIGHT_NODES,
  MAIN_NODES,
  NODE_STAKING_CLAIM,
  NODES_DAY,
  REFERRAL_PURCHASES,
  type ReferralPurchasePlan,
} from "../plan.js";
import { send } from "../send.js";
import type { SeedChapter } from "./chapter.js";

/**
 * Promotion nodes (MAIN_NODES, LIGHT_NODES in plan.ts): two main nodes stake 20,000 DMC each and recruit light
 * nodes, which stake 2,000 DMC under them; later buyers purchase through their referrals (REFERRAL_PURCHASES), the
 * fee flow funds the commission, one light node claims its USDT and another its node-staking DMC. At
 * DEFI_TIME_OF_DAY.nodes.
 */
export const nodes: SeedChapter = {
  name: "nodes",
  async onDay(ctx, offset) {
    const referrals = REFERRAL_PURCHASES.filter((p) => p.dayOffset === offset);
    const claims = offset === COMMISSION_CLAIM.dayOffset || offset === NODE_STAKING_CLAIM.dayOffset;
    if (offset !== NODES_DAY && referrals.length === 0 && !claims) return;
    await ctx.setTime((ctx.day0 + offset) * DAY + DEFI_TIME_OF_DAY.nodes);
    if (offset === NODES_DAY) await register(ctx);
    for (const plan of referrals) await buyThrough(ctx, plan);
    if (offset === COMMISSION_CLAIM.dayOffset) await claimCommission(ctx, COMMISSION_CLAIM.node);
    if (offset === NODE_STAKING_CLAIM.dayOffset) {
      const node = anvilAddress(NODE_STAKING_CLAIM.node);
      await send(ctx, node, ctx.contracts.nodeRewards, nodeStakingRewardsAbi, "claim", [node]);
      ctx.counts.nodeStakingClaims++;
    }
  },
};

async function register(ctx: SeedContext): Promise<void> {
  const { dmc, nodes: contract } = ctx.contracts;
  for (const main of MAIN_NODES) {
    await ctx.approve(anvilAddress(main), dmc, contract);
    await send(ctx, anvilAddress(main), contract, promotionNodesAbi, "registerMainNode", []);
    ctx.counts.nodeRegistrations++;
  }
  for (const light of LIGHT_NODES) {
    const account = anvilAddress(light.account);
    const main = anvilAddress(light.mainNode);
    await send(ctx, main, contract, promotionNodesAbi, "recruit", [account, true]);
    await ctx.approve(account, dmc, contract);
    await send(ctx, account, contract, promotionNodesAbi, "registerLightNode", [main]);
    ctx.counts.nodeRegistrations++;
  }
}

/** A purchase naming a node as its referrer; checks the node recorded the commission. */
async function buyThrough(ctx: SeedContext, plan: ReferralPurchasePlan): Promise<void> {
  const offering = APPROVED_OFFERINGS.find((o) => o.id === plan.offeringId);
  if (offering === undefined) throw new StackError(`no offering plan ${plan.offeringId}`);
  const buyer = anvilAddress(plan.buyer);
  const referrer = anvilAddress(plan.referrer);
  const receipt = await send(ctx, buyer, ctx.contracts.exchange, hashpowerExchangeAbi, "buy", [
    BigInt(plan.offeringId),
    BigInt(plan.units),
    offering.pricePerUnit * BigInt(plan.units),
    referrer,
  ]);
  const { tokenId } = eventIn(receipt, ctx.contracts.exchange, hashpowerExchangeAbi, "PositionPurchased").args;
  const expected = FIRST_REFERRAL_TOKEN_ID + BigInt(REFERRAL_PURCHASES.indexOf(plan));
  if (tokenId !== expected)
    throw new StackError(`the referral purchase minted position ${tokenId}, the plan says ${expected}`);
  const { node, commission } = eventIn(receipt, ctx.contracts.nodes, promotionNodesAbi, "CommissionRecorded").args;
  if (node !== referrer || commission === 0n)
    throw new StackError(`the purchase through node ${plan.referrer} recorded ${commission} commission for ${node}`);
  ctx.positions.push({ tokenId, buyer, offeringId: plan.offeringId });
  ctx.counts.purchases++;
  ctx.counts.referralPurchases++;
}

async function claimCommission(ctx: SeedContext, account: number): Promise<void> {
  const node = anvilAddress(account);
  const { nodes: contract, usdt } = ctx.contracts;
  const claimable = await ctx.publicClient.readContract({
    address: contract,
    abi: promotionNodesAbi,
    functionName: "claimable",
    args: [node, usdt],
  });
  if (claimable === 0n) throw new StackError(`node ${account} has no funded commission to claim`);
  await send(ctx, node, contract, promotionNodesAbi, "claimCommission", [usdt, node]);
  ctx.counts.commissionClaims++;
}
