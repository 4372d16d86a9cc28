import { encodeFunctionData } from "viem";

import { StackError } from "../../internal/errors.js";
import { anvilAddress } from "../accounts.js";
import { DAY, type SeedContext } from "../context.js";
import {
  dmcTokenAbi,
  hashpowerExchangeAbi,
  insuranceFundAbi,
  minerApplicationsAbi,
  mutualInsuranceAbi,
  STAKE_STATES,
} from "../contracts.js";
import type { SeedProposal } from "../dao.js";
import { eventIn } from "../events.js";
import {
  DEFAULTING_OFFERING_ID,
  DEFI_E2E,
  DEFI_TIME_OF_DAY,
  DMC,
  GOVERNANCE_STEPS,
  INSURANCE,
  type VotePlan,
} from "../plan.js";
import { send } from "../send.js";
import type { SeedChapter } from "./chapter.js";

/**
 * The mutual insurance pool (INSURANCE in plan.ts): a DAO proposal moves the 10M DMC insurance allocation into it,
 * underwriters stake DMC, and after Quickfil's halt anyone opens a claim for offering 3 and a second proposal
 * deposits Quickfil's slashed stake for that offering and executes the payout (order of loss: the slashed stake,
 * then the underwriters' pot, then the fund), which some holders pull. Later an underwriter claims its premiums
 * and another asks to exit (its cooldown still running when the stack comes up). At DEFI_TIME_OF_DAY.insurance.
 */
export const insurance: SeedChapter = {
  name: "insurance",
  async onDay(ctx, offset) {
    const { funding, underwriters, payout, premiumClaim, unstakeRequest } = INSURANCE;
    const today = underwriters.filter((u) => u.dayOffset === offset);
    const due =
      today.length > 0 ||
      ([funding.dayOffset, payout.dayOffset, premiumClaim.dayOffset, unstakeRequest.dayOffset] as number[]).includes(
        offset,
      );
    if (!due) return;
    const t0 = (ctx.day0 + offset) * DAY + DEFI_TIME_OF_DAY.insurance;
    await ctx.setTime(t0);
    if (offset === funding.dayOffset) await fundPool(ctx, t0);
    for (const u of today) await underwrite(ctx, u.account, u.amount);
    if (offset === payout.dayOffset) await payOut(ctx, t0);
    if (offset === premiumClaim.dayOffset) await claimPremium(ctx, premiumClaim.account);
    if (offset === unstakeRequest.dayOffset) await requestExit(ctx, unstakeRequest.account);
  },
  async atEnd(ctx) {
    await expectEndState(ctx);
  },
};

const pool = (ctx: SeedContext) => ({ address: ctx.contracts.insurance, abi: mutualInsuranceAbi }) as const;

/** Votes `proposal` through from `t0` (its creation) with `votes`, queues and executes it; returns the receipt. */
async function voteThrough(ctx: SeedContext, proposal: SeedProposal, votes: readonly VotePlan[], t0: number) {
  ctx.counts.proposals++;
  await ctx.setTime(t0 + GOVERNANCE_STEPS.vote);
  await ctx.dao.castVotes(proposal, votes);
  await ctx.setTime(t0 + GOVERNANCE_STEPS.queue);
  await ctx.dao.queue(proposal, ctx.accounts.deployer);
  await ctx.setTime(t0 + GOVERNANCE_STEPS.execute);
  return ctx.dao.execute(proposal, ctx.accounts.deployer);
}

/** InsuranceDeployment.fundingCalls as a DAO proposal: InsuranceFund.pay(DMC, pool, 10M), then pool.syncFund(). */
async function fundPool(ctx: SeedContext, t0: number): Promise<void> {
  const { contracts } = ctx;
  const plan = INSURANCE.funding;
  const proposal = await ctx.dao.propose(
    "insurance",
    plan.proposer,
    [
      {
        target: contracts.insuranceFund,
        data: encodeFunctionData({
          abi: insuranceFundAbi,
          functionName: "pay",
          args: [contracts.dmc, contracts.insurance, plan.amount, "Insurance allocation to the mutual pool"],
        }),
      },
      { target: contracts.insurance, data: encodeFunctionData({ abi: mutualInsuranceAbi, functionName: "syncFund" }) },
    ],
    plan.title,
    `Calls InsuranceFund.pay(DMC, MutualInsurance, ${dmc(plan.amount)} DMC) and MutualInsurance.syncFund(): the ` +
      "10% insurance allocation becomes the pool's fund, which bears a payout only after a defaulting miner's " +
      "slashed stake and the underwriters' pot (at most half of it per payout).",
  );
  await voteThrough(ctx, proposal, plan.votes, t0);
  const [fund] = await ctx.publicClient.readContract({ ...pool(ctx), functionName: "pools" });
  if (fund !== plan.amount) throw new StackError(`the insurance pool's fund is ${fund} after "${plan.title}"`);
}

async function underwrite(ctx: SeedContext, account: number, amount: bigint): Promise<void> {
  const who = anvilAddress(account);
  await ctx.approve(who, ctx.contracts.dmc, ctx.contracts.insurance);
  await send(ctx, who, ctx.contracts.insurance, mutualInsuranceAbi, "underwrite", [amount]);
  ctx.counts.underwrites++;
}

/**
 * Anyone opens the claim for the halted offering; the DAO moves Quickfil's slashed stake from InsuranceFund into
 * the pool as offering 3's slashed stake (pay to the timelock, approve, depositSlashed) and executes the payout in
 * the same proposal; then the holders in INSURANCE.payout.claims pull theirs.
 */
async function payOut(ctx: SeedContext, t0: number): Promise<void> {
  const { publicClient, contracts } = ctx;
  const plan = INSURANCE.payout;
  const offeringId = BigInt(DEFAULTING_OFFERING_ID);
  const opened = await send(ctx, anvilAddress(plan.opener), contracts.insurance, mutualInsuranceAbi, "openClaim", [
    offeringId,
  ]);
  const { claimId } = eventIn(opened, contracts.insurance, mutualInsuranceAbi, "ClaimOpened").args;
  if (claimId !== DEFI_E2E.unclaimedPayout.payoutId)
    throw new StackError(`the insurance claim got id ${claimId}, the plan says ${DEFI_E2E.unclaimedPayout.payoutId}`);
  ctx.counts.insuranceClaimsOpened++;

  const applicationId = ctx.applicationProposals.get(DEFAULTING_OFFERING_ID)?.applicationId;
  if (applicationId === undefined) throw new StackError(`no application for offering ${DEFAULTING_OFFERING_ID}`);
  const applications = { address: contracts.applications, abi: minerApplicationsAbi } as const;
  const { stake: slashed } = await publicClient.readContract({
    ...applications,
    functionName: "getApplication",
    args: [applicationId],
  });
  const stakeState = await publicClient.readContract({
    ...applications,
    functionName: "stakeState",
    args: [applicationId],
  });
  if (STAKE_STATES[stakeState] !== "Slashed")
    throw new StackError(`application ${applicationId}'s stake is ${STAKE_STATES[stakeState]}, not slashed`);
  const { unitsSold } = await publicClient.readContract({
    address: contracts.exchange,
    abi: hashpowerExchangeAbi,
    functionName: "getOffering",
    args: [offeringId],
  });
  const amount = plan.perUnit * BigInt(unitsSold);
  const proposal = await ctx.dao.propose(
    "insurance",
    plan.proposer,
    [
      {
        target: contracts.insuranceFund,
        data: encodeFunctionData({
          abi: insuranceFundAbi,
          functionName: "pay",
          args: [
            contracts.dmc,
            contracts.timelock,
            slashed,
            `Quickfil Storage's slashed stake (application #${applicationId}), for offering #${offeringId}'s payout`,
          ],
        }),
      },
      {
        target: contracts.dmc,
        data: encodeFunctionData({ abi: dmcTokenAbi, functionName: "approve", args: [contracts.insurance, slashed] }),
      },
      {
        target: contracts.insurance,
        data: encodeFunctionData({
          abi: mutualInsuranceAbi,
          functionName: "depositSlashed",
          args: [offeringId, slashed],
        }),
      },
      {
        target: contracts.insurance,
        data: encodeFunctionData({ abi: mutualInsuranceAbi, functionName: "executePayout", args: [claimId, amount] }),
      },
    ],
    plan.title,
    `Offering #${offeringId} was halted after Quickfil Storage under-paid, then stopped. This deposits its slashed ` +
      `stake (${dmc(slashed)} DMC, held by InsuranceFund) in the mutual pool for offering #${offeringId} and executes ` +
      `claim #${claimId}: ${dmc(plan.perUnit)} DMC per TiB on ${unitsSold} TiB sold, ${dmc(amount)} DMC, taken from ` +
      "the slashed stake first, then the underwriters' pot, then the fund. Each position pulls its share.",
  );
  const receipt = await voteThrough(ctx, proposal, plan.votes, t0);
  const executed = eventIn(receipt, contracts.insurance, mutualInsuranceAbi, "PayoutExecuted").args;
  if (executed.total !== amount || executed.fromSlashed !== (amount < slashed ? amount : slashed))
    throw new StackError(
      `payout ${claimId} took ${executed.total} (${executed.fromSlashed} from the slashed stake), the plan ${amount}`,
    );
  for (const claim of plan.claims) {
    await send(ctx, anvilAddress(claim.account), contracts.insurance, mutualInsuranceAbi, "claimPayout", [
      claimId,
      [...claim.tokenIds],
    ]);
    ctx.counts.payoutClaims += claim.tokenIds.length;
  }
}

async function claimPremium(ctx: SeedContext, account: number): Promise<void> {
  const who = anvilAddress(account);
  const owed = await ctx.publicClient.readContract({
    ...pool(ctx),
    functionName: "premiumOf",
    args: [who, ctx.contracts.usdt],
  });
  if (owed === 0n) throw new StackError(`underwriter ${account} has no USDT premium to claim`);
  await send(ctx, who, ctx.contracts.insurance, mutualInsuranceAbi, "claimPremium", [ctx.contracts.usdt, who]);
  ctx.counts.premiumClaims++;
}

async function requestExit(ctx: SeedContext, account: number): Promise<void> {
  const who = anvilAddress(account);
  const [shares] = await ctx.publicClient.readContract({ ...pool(ctx), functionName: "underwriterOf", args: [who] });
  await send(ctx, who, ctx.contracts.insurance, mutualInsuranceAbi, "requestUnstake", [shares]);
  ctx.counts.unstakeRequests++;
}

/** What the web and its e2e start from, checked on the final clock. */
async function expectEndState(ctx: SeedContext): Promise<void> {
  const read = ctx.publicClient.readContract.bind(ctx.publicClient);
  const wrong: string[] = [];
  const [fund, pot, , unclaimed, totalShares] = await read({ ...pool(ctx), functionName: "pools" });
  if (fund === 0n || pot === 0n || totalShares === 0n) wrong.push("the pool's fund or underwriters' pot is empty");
  const { account, tokenId, payoutId } = DEFI_E2E.unclaimedPayout;
  const claimable = await read({ ...pool(ctx), functionName: "claimableOf", args: [payoutId, tokenId] });
  const owner = await read({
    address: ctx.contracts.exchange,
    abi: hashpowerExchangeAbi,
    functionName: "ownerOf",
    args: [tokenId],
  });
  if (claimable === 0n || unclaimed < claimable || owner !== anvilAddress(account))
    wrong.push(`position ${tokenId} of account ${account} has no unclaimed payout ${payoutId}`);
  const request = await read({
    ...pool(ctx),
    functionName: "requestOf",
    args: [anvilAddress(INSURANCE.unstakeRequest.account)],
  });
  const now = Number((await ctx.publicClient.getBlock()).timestamp);
  if (request.shares === 0n || request.readyAt <= now)
    wrong.push(`account ${INSURANCE.unstakeRequest.account}'s exit is not in its cooldown`);
  if (wrong.length > 0) throw new StackError(`The insurance chapter did not reach its end state: ${wrong.join("; ")}.`);
}

/** DMC wei as whole DMC with thousands separators. */
function dmc(wei: bigint): string {
  return (wei / DMC).toLocaleString("en-US");
}
