import { hashpowerExchangeAbi } from "../contracts.js";
import { CLAIM_DAYS, CLAIMING_BUYERS, FEE_COLLECTION_DAY, MINERS, OFFERINGS, WITHDRAW_DAYS } from "../plan.js";
import type { SeedChapter } from "./chapter.js";

/** Buyers 0-3 claim their rewards on CLAIM_DAYS. */
export const claims: SeedChapter = {
  name: "claims",
  async onDay(ctx, offset) {
    if (!(CLAIM_DAYS as readonly number[]).includes(offset)) return;
    const { publicClient, contracts } = ctx;
    for (const b of CLAIMING_BUYERS) {
      const buyer = ctx.accounts.buyers[b];
      const tokenIds = buyer === undefined ? [] : ctx.tokensOf(buyer);
      let claimable = 0n;
      for (const tokenId of tokenIds) {
        claimable += await publicClient.readContract({
          address: contracts.exchange,
          abi: hashpowerExchangeAbi,
          functionName: "claimableRewards",
          args: [tokenId],
        });
      }
      if (buyer === undefined || claimable === 0n) continue;
      await ctx.confirm(
        await ctx.wallet.writeContract({
          account: buyer,
          chain: ctx.chain,
          address: contracts.exchange,
          abi: hashpowerExchangeAbi,
          functionName: "claimRewards",
          args: [tokenIds],
        }),
      );
      ctx.counts.claims++;
    }
  },
};

/** Healthy miners withdraw released escrow on WITHDRAW_DAYS; the treasury collects channel fees on FEE_COLLECTION_DAY. */
export const escrowAndFees: SeedChapter = {
  name: "escrow and fees",
  async onDay(ctx, offset) {
    const { publicClient, contracts, wallet, chain } = ctx;
    if ((WITHDRAW_DAYS as readonly number[]).includes(offset)) {
      for (const plan of OFFERINGS) {
        if (MINERS[plan.minerSlot]?.behaviour !== "healthy") continue;
        const withdrawable = await publicClient.readContract({
          address: contracts.exchange,
          abi: hashpowerExchangeAbi,
          functionName: "withdrawableEscrow",
          args: [BigInt(plan.id)],
        });
        if (withdrawable === 0n) continue;
        const miner = ctx.minerOf(plan);
        await ctx.confirm(
          await wallet.writeContract({
            account: miner,
            chain,
            address: contracts.exchange,
            abi: hashpowerExchangeAbi,
            functionName: "withdrawEscrow",
            args: [BigInt(plan.id), miner],
          }),
        );
        ctx.counts.withdrawals++;
      }
    }
    if (offset === FEE_COLLECTION_DAY) {
      await ctx.confirm(
        await wallet.writeContract({
          account: ctx.accounts.treasury,
          chain,
          address: contracts.exchange,
          abi: hashpowerExchangeAbi,
          functionName: "collectFees",
          args: [OFFERINGS.map((o) => BigInt(o.id))],
        }),
      );
      ctx.counts.feeCollections++;
    }
  },
};
