import { encodeFunctionData } from "viem";

import { StackError } from "../../internal/errors.js";
import { DAY } from "../context.js";
import { protocolParametersAbi } from "../contracts.js";
import { FEE_PROPOSALS, GOVERNANCE_STEPS, GOVERNANCE_TIME_OF_DAY } from "../plan.js";
import type { SeedChapter } from "./chapter.js";

/** DMC holders propose changing the trading fee: one proposal is defeated, one executed. */
export const feeProposals: SeedChapter = {
  name: "fee proposals",
  async onDay(ctx, offset) {
    const { dao, publicClient, contracts, accounts } = ctx;
    for (const plan of FEE_PROPOSALS.filter((p) => p.dayOffset === offset)) {
      const t0 = (ctx.day0 + offset) * DAY + GOVERNANCE_TIME_OF_DAY;
      await ctx.setTime(t0);
      const proposal = await dao.propose(
        "parameter",
        plan.proposer,
        [
          {
            target: contracts.parameters,
            data: encodeFunctionData({
              abi: protocolParametersAbi,
              functionName: "setTradingFee",
              args: [plan.tradingFeeBps],
            }),
          },
        ],
        plan.title,
        `Calls ProtocolParameters.setTradingFee(${plan.tradingFeeBps}): the fee on secondary trades becomes ${(plan.tradingFeeBps / 100).toFixed(2)}%.`,
      );
      ctx.counts.proposals++;
      await ctx.setTime(t0 + GOVERNANCE_STEPS.vote);
      await dao.castVotes(proposal, plan.votes);
      await ctx.setTime(t0 + GOVERNANCE_STEPS.queue);
      if (plan.outcome === "Defeated") {
        await dao.expectState(proposal, "Defeated");
        continue;
      }
      await dao.queue(proposal, accounts.deployer);
      await ctx.setTime(t0 + GOVERNANCE_STEPS.execute);
      await dao.execute(proposal, accounts.deployer);
      const fee = await publicClient.readContract({
        address: contracts.parameters,
        abi: protocolParametersAbi,
        functionName: "tradingFeeBps",
      });
      if (fee !== plan.tradingFeeBps) throw new StackError(`trading fee is ${fee} bps after "${plan.title}"`);
    }
  },
};
