import { StackError } from "../../internal/errors.js";
import type { SeedContext } from "../context.js";
import { DAY } from "../context.js";
import { dmcTokenAbi, dmexGovernorAbi, hashpowerExchangeAbi } from "../contracts.js";
import type { ApplicationTerms, SeedProposal } from "../dao.js";
import {
  applicationVotes,
  ASSET_ID,
  GOVERNANCE_STEPS,
  GOVERNANCE_TIME_OF_DAY,
  metadataURI,
  OFFERINGS,
  OPEN_SALE_APPROVAL_DAY,
  OPEN_SALE_OFFERING,
  PENDING_APPLICATION,
  PENDING_APPLICATION_VOTES,
  type MinerPlan,
  type OfferingPlan,
} from "../plan.js";
import type { SeedChapter } from "./chapter.js";

/**
 * Miners apply and DMC holders vote: on day 0 the five first offerings are voted through, queued and
 * executed; at the end a 4th miner's application is left in its voting period.
 */
export const applications: SeedChapter = {
  name: "applications",
  async onDay0(ctx) {
    const applied = ctx.day0 * DAY + 2 * 3_600 + 60;
    await ctx.setTime(applied);
    const proposals: SeedProposal[] = [];
    for (const plan of OFFERINGS) proposals.push(await submitApplication(ctx, plan));
    await ctx.setTime(applied + GOVERNANCE_STEPS.vote);
    for (const [i, plan] of OFFERINGS.entries()) {
      const proposal = proposals[i];
      if (proposal !== undefined) await ctx.dao.castVotes(proposal, applicationVotes(plan.id));
    }
    await ctx.setTime(applied + GOVERNANCE_STEPS.queue);
    for (const proposal of proposals) await ctx.dao.queue(proposal, ctx.accounts.deployer);
    await ctx.setTime(applied + GOVERNANCE_STEPS.execute);
    for (const [i, plan] of OFFERINGS.entries()) {
      const proposal = proposals[i];
      if (proposal === undefined) continue;
      await ctx.dao.execute(proposal, ctx.accounts.deployer);
      await expectOfferingCount(ctx, plan.id);
      ctx.applicationProposals.set(plan.id, proposal);
    }
  },
  // Leave the chain clock at the wall clock when that is still the last simulated day, so the app's
  // "now" and the chain's agree; never jump further (healthy offerings would start missing days).
  // The 4th miner applies just before that point, so its vote is open (Active) when the seed ends
  // and stays open for about the voting period (10 minutes locally) of chain time.
  async atEnd(ctx, { endDay, catchUpToWallClock }) {
    const { publicClient, contracts } = ctx;
    const nowSeconds = Math.floor(Date.now() / 1000);
    const latest = Number((await publicClient.getBlock()).timestamp);
    const catchUp = catchUpToWallClock && Math.floor(nowSeconds / DAY) === endDay && nowSeconds > latest;
    const endAt = catchUp ? nowSeconds : latest;
    const votingDelay = Number(
      await publicClient.readContract({
        address: contracts.governor,
        abi: dmexGovernorAbi,
        functionName: "votingDelay",
      }),
    );
    const pendingAt = Math.max(latest + 1, endAt - votingDelay - 30);
    await ctx.setTime(pendingAt);
    const pending = await submitApplication(ctx, PENDING_APPLICATION);
    await ctx.setTime(pendingAt + votingDelay + 10);
    await ctx.dao.castVotes(pending, PENDING_APPLICATION_VOTES);
    const last = Number((await publicClient.getBlock()).timestamp);
    if (endAt > last) await ctx.setTime(endAt);
    await ctx.dao.expectState(pending, "Active");
  },
};

/** On OPEN_SALE_APPROVAL_DAY a sixth offering is voted through: its sale is open when the stack comes up. */
export const openSale: SeedChapter = {
  name: "open sale",
  async onDay(ctx, offset) {
    if (offset !== OPEN_SALE_APPROVAL_DAY) return;
    const t0 = (ctx.day0 + offset) * DAY + GOVERNANCE_TIME_OF_DAY;
    await ctx.setTime(t0);
    const proposal = await submitApplication(ctx, OPEN_SALE_OFFERING);
    await ctx.setTime(t0 + GOVERNANCE_STEPS.vote);
    await ctx.dao.castVotes(proposal, applicationVotes(OPEN_SALE_OFFERING.id));
    await ctx.setTime(t0 + GOVERNANCE_STEPS.queue);
    await ctx.dao.queue(proposal, ctx.accounts.deployer);
    await ctx.setTime(t0 + GOVERNANCE_STEPS.execute);
    await ctx.dao.execute(proposal, ctx.accounts.deployer);
    await expectOfferingCount(ctx, OPEN_SALE_OFFERING.id);
    ctx.applicationProposals.set(OPEN_SALE_OFFERING.id, proposal);
  },
};

async function expectOfferingCount(ctx: SeedContext, expected: number): Promise<void> {
  const id = await ctx.publicClient.readContract({
    address: ctx.contracts.exchange,
    abi: hashpowerExchangeAbi,
    functionName: "offeringCount",
  });
  if (Number(id) !== expected)
    throw new StackError(`expected offering ${expected}, the exchange has ${id}: seed a fresh deployment`);
}

function termsOf(ctx: SeedContext, plan: OfferingPlan): ApplicationTerms {
  const miner = ctx.minerPlanOf(plan);
  const termStartDay = ctx.day0 + plan.termStartOffset;
  const termEndDay = termStartDay + plan.termDays;
  return {
    assetId: ASSET_ID[plan.asset],
    paymentToken: ctx.contracts.usdt,
    rewardToken: ctx.contracts.rewardToken[plan.asset],
    unitsTotal: plan.unitsTotal,
    pricePerUnit: plan.pricePerUnit,
    saleStart: (ctx.day0 + (plan.saleStartOffset ?? 0)) * DAY,
    // Every buyer pays for, and gets, the whole term: the sale closes when it starts.
    saleEnd: termStartDay * DAY,
    termStartDay,
    termEndDay,
    expectedDailyRewardPerUnitWad: plan.expectedDailyRewardPerUnitWad,
    totalHashpower: BigInt(miner.disclosure.totalHashpower),
    effectiveHashpower: BigInt(miner.disclosure.effectiveHashpower),
    minerName: miner.disclosure.legalName,
    disclosureURI: metadataURI(plan, miner),
  };
}

async function submitApplication(ctx: SeedContext, plan: OfferingPlan): Promise<SeedProposal> {
  const miner = ctx.minerOf(plan);
  const { publicClient, contracts } = ctx;
  const stakeAllowance = await publicClient.readContract({
    address: contracts.dmc,
    abi: dmcTokenAbi,
    functionName: "allowance",
    args: [miner, contracts.applications],
  });
  if (stakeAllowance === 0n) await ctx.approve(miner, contracts.dmc, contracts.applications);
  const minerPlan = ctx.minerPlanOf(plan);
  const proposal = await ctx.dao.submit(
    miner,
    termsOf(ctx, plan),
    applicationDescription(plan, minerPlan),
    `${minerPlan.name}: ${plan.label}`,
  );
  ctx.counts.applications++;
  if (proposal.applicationId !== BigInt(plan.id)) {
    throw new StackError(
      `expected application ${plan.id}, MinerApplications created ${proposal.applicationId}: seed a fresh deployment`,
    );
  }
  return proposal;
}

/** The proposal text of an application: what voters read (the app also decodes the terms). */
function applicationDescription(plan: OfferingPlan, miner: MinerPlan): string {
  const d = miner.disclosure;
  const price = (Number(plan.pricePerUnit) / 1e6).toFixed(2);
  return [
    `# ${miner.name}: ${plan.label}`,
    "",
    `${miner.name} applies to sell ${plan.unitsTotal.toLocaleString("en-US")} ${d.unit} of ${plan.asset} hashpower ` +
      `at ${price} USDT per ${d.unit} for a ${plan.termDays}-day term.`,
    "",
    `- Company: ${d.legalName}, ${d.jurisdiction} (${d.registrationNumber}), ${d.website}`,
    `- Hashpower: ${d.totalHashpower.toLocaleString("en-US")} ${d.unit} total, ${d.effectiveHashpower.toLocaleString("en-US")} ${d.unit} effective`,
    `- Facilities: ${d.facilities.map((f) => `${f.location} (${f.powerSource}, ${f.capacityMW} MW)`).join("; ")}`,
    `- Miner ids: ${d.minerIds.join(", ")}`,
  ].join("\n");
}
