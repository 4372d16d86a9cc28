import { StackError } from "../../internal/errors.js";
import { anvilAddress } from "../accounts.js";
import { DAY, type SeedContext } from "../context.js";
import { hashpowerExchangeAbi, positionStakingAbi } from "../contracts.js";
import { eventIn } from "../events.js";
import { DEFI_TIME_OF_DAY, POSITION_POKE, POSITION_STAKES, POSITION_STAKING_CLAIM, POSITION_UNSTAKE } from "../plan.js";
import { send } from "../send.js";
import type { SeedChapter } from "./chapter.js";

/**
 * Holders stake positions in PositionStaking to mine DMC (POSITION_STAKES in plan.ts; the positions stay theirs and
 * keep paying their daily rewards, which the claims chapter goes on claiming); anyone pokes a stake down to its days
 * left, a staker claims its DMC, another unstakes one position. At DEFI_TIME_OF_DAY.staking.
 */
export const positionStaking: SeedChapter = {
  name: "position staking",
  async onDay(ctx, offset) {
    const stakes = POSITION_STAKES.filter((s) => s.dayOffset === offset);
    const other = [POSITION_POKE, POSITION_STAKING_CLAIM, POSITION_UNSTAKE].some((p) => p.dayOffset === offset);
    if (stakes.length === 0 && !other) return;
    await ctx.setTime((ctx.day0 + offset) * DAY + DEFI_TIME_OF_DAY.staking);
    for (const plan of stakes) await stake(ctx, plan.staker, plan.tokenIds, POSITION_STAKES.indexOf(plan));
    const pool = ctx.contracts.positionStaking;
    if (offset === POSITION_POKE.dayOffset) {
      const receipt = await send(ctx, anvilAddress(POSITION_POKE.by), pool, positionStakingAbi, "poke", [
        [...POSITION_POKE.tokenIds],
      ]);
      const { oldWeight, newWeight } = eventIn(receipt, pool, positionStakingAbi, "StakeReweighted").args;
      if (newWeight >= oldWeight) throw new StackError(`poke left the weight at ${newWeight} (was ${oldWeight})`);
      ctx.counts.positionPokes++;
    }
    if (offset === POSITION_STAKING_CLAIM.dayOffset) {
      const staker = anvilAddress(POSITION_STAKING_CLAIM.staker);
      await send(ctx, staker, pool, positionStakingAbi, "claim", [staker]);
      ctx.counts.positionStakingClaims++;
    }
    if (offset === POSITION_UNSTAKE.dayOffset) {
      await send(ctx, anvilAddress(POSITION_UNSTAKE.staker), pool, positionStakingAbi, "unstake", [
        [...POSITION_UNSTAKE.tokenIds],
      ]);
      ctx.counts.positionsUnstaked += POSITION_UNSTAKE.tokenIds.length;
    }
  },
};

/** `staker` stakes `tokenIds` (checked to be its own); approves the pool for all its positions at its first stake. */
async function stake(ctx: SeedContext, staker: number, tokenIds: readonly bigint[], index: number): Promise<void> {
  const account = anvilAddress(staker);
  for (const tokenId of tokenIds) {
    const owner = await ctx.publicClient.readContract({
      address: ctx.contracts.exchange,
      abi: hashpowerExchangeAbi,
      functionName: "ownerOf",
      args: [tokenId],
    });
    if (owner !== account) throw new StackError(`position ${tokenId} belongs to ${owner}, the plan says ${account}`);
  }
  if (POSITION_STAKES.findIndex((s) => s.staker === staker) === index)
    await send(ctx, account, ctx.contracts.exchange, hashpowerExchangeAbi, "setApprovalForAll", [
      ctx.contracts.positionStaking,
      true,
    ]);
  await send(ctx, account, ctx.contracts.positionStaking, positionStakingAbi, "stake", [[...tokenIds]]);
  ctx.counts.positionsStaked += tokenIds.length;
}
