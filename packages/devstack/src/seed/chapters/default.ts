import { encodeFunctionData } from "viem";

import { StackError } from "../../internal/errors.js";
import { anvilAddress } from "../accounts.js";
import { DAY } from "../context.js";
import { hashpowerExchangeAbi, minerApplicationsAbi } from "../contracts.js";
import { DEFAULTING_OFFERING_ID, GOVERNANCE_STEPS, GOVERNANCE_TIME_OF_DAY, HALT, UNDERPAID_DAYS } from "../plan.js";
import type { SeedChapter } from "./chapter.js";

/**
 * Quickfil's default on HALT.dayOffset: anyone flags offering 3 (its 7-day window is under 80%), a
 * holder proposes halting it and slashing Quickfil's stake to the insurance fund, the holders vote,
 * the timelock executes, and most of its holders pull their refunds.
 */
export const defaultResolution: SeedChapter = {
  name: "default",
  async onDay(ctx, offset) {
    if (offset !== HALT.dayOffset) return;
    const { publicClient, wallet, chain, contracts, dao, accounts } = ctx;
    const t0 = (ctx.day0 + offset) * DAY + GOVERNANCE_TIME_OF_DAY;
    const offeringId = BigInt(DEFAULTING_OFFERING_ID);
    // The application whose executed proposal created the offering: its stake is the one slashed.
    const defaultingApplication = ctx.applicationProposals.get(DEFAULTING_OFFERING_ID)?.applicationId;
    if (defaultingApplication === undefined) throw new Error(`no application for offering ${DEFAULTING_OFFERING_ID}`);
    await ctx.setTime(t0);
    const [canFlag] = await publicClient.readContract({
      address: contracts.exchange,
      abi: hashpowerExchangeAbi,
      functionName: "flaggable",
      args: [offeringId],
    });
    if (!canFlag) throw new StackError(`offering ${DEFAULTING_OFFERING_ID} is not flaggable on day ${offset}`);
    await ctx.confirm(
      await wallet.writeContract({
        account: anvilAddress(HALT.flagger),
        chain,
        address: contracts.exchange,
        abi: hashpowerExchangeAbi,
        functionName: "flag",
        args: [offeringId],
      }),
    );
    const proposal = await dao.propose(
      "halt",
      HALT.proposer,
      [
        {
          target: contracts.exchange,
          data: encodeFunctionData({ abi: hashpowerExchangeAbi, functionName: "halt", args: [offeringId] }),
        },
        {
          target: contracts.applications,
          data: encodeFunctionData({
            abi: minerApplicationsAbi,
            functionName: "slash",
            args: [defaultingApplication, HALT.slashReason],
          }),
        },
      ],
      HALT.title,
      `Quickfil Storage paid 60% of the market, 85% one day a week, for ${UNDERPAID_DAYS} days: ` +
        "on average 64% over its last 7 judged days, under the 80% the rules require, so anyone could flag it. " +
        `Offering #${DEFAULTING_OFFERING_ID} was flagged; this halts it (holders pull the unreleased part of their payment) ` +
        `and slashes application #${defaultingApplication}'s DMC stake to the insurance fund.`,
    );
    ctx.haltProposal = proposal;
    ctx.counts.proposals++;
    await ctx.setTime(t0 + GOVERNANCE_STEPS.vote);
    await dao.castVotes(proposal, HALT.votes);
    await ctx.setTime(t0 + GOVERNANCE_STEPS.queue);
    await dao.queue(proposal, accounts.deployer);
    await ctx.setTime(t0 + GOVERNANCE_STEPS.execute);
    await dao.execute(proposal, accounts.deployer);
    for (const slot of HALT.refundingBuyers) {
      const buyer = accounts.buyers[slot];
      const tokenIds = buyer === undefined ? [] : ctx.tokensOf(buyer, DEFAULTING_OFFERING_ID);
      if (buyer === undefined || tokenIds.length === 0) continue;
      await ctx.confirm(
        await wallet.writeContract({
          account: buyer,
          chain,
          address: contracts.exchange,
          abi: hashpowerExchangeAbi,
          functionName: "claimRefunds",
          args: [tokenIds],
        }),
      );
      ctx.counts.refunds++;
    }
  },
};
