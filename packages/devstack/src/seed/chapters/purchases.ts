import { zeroAddress } from "viem";

import type { SeedContext } from "../context.js";
import { hashpowerExchangeAbi } from "../contracts.js";
import { OFFERINGS, OPEN_SALE_OFFERING, PURCHASES } from "../plan.js";
import type { SeedChapter } from "./chapter.js";

/** Buyers purchase positions on the days PURCHASES names, always before the offering's term starts. */
export const purchases: SeedChapter = {
  name: "purchases",
  async onDay0(ctx) {
    await buyOn(ctx, 0);
    await ctx.setDay(ctx.day0 + 1);
    await buyOn(ctx, 1);
  },
  onDay: buyOn,
};

async function buyOn(ctx: SeedContext, dayOffset: number): Promise<void> {
  const { wallet, chain, publicClient, contracts, accounts } = ctx;
  for (const p of PURCHASES.filter((x) => x.dayOffset === dayOffset)) {
    const buyer = accounts.buyers[p.buyer];
    const plan = p.offeringId === OPEN_SALE_OFFERING.id ? OPEN_SALE_OFFERING : OFFERINGS[p.offeringId - 1];
    if (buyer === undefined || plan === undefined) throw new Error("bad purchase plan");
    const total = plan.pricePerUnit * BigInt(p.units);
    await ctx.confirm(
      await wallet.writeContract({
        account: buyer,
        chain,
        address: contracts.exchange,
        abi: hashpowerExchangeAbi,
        functionName: "buy",
        args: [BigInt(p.offeringId), BigInt(p.units), total, p.buyer % 3 === 0 ? accounts.treasury : zeroAddress],
      }),
    );
    const tokenId = await publicClient.readContract({
      address: contracts.exchange,
      abi: hashpowerExchangeAbi,
      functionName: "positionCount",
    });
    ctx.positions.push({ tokenId, buyer, offeringId: p.offeringId });
    ctx.counts.purchases++;
  }
}
