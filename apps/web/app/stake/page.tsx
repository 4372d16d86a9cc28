import type { Metadata } from "next";

import { StakeDeskIsland } from "~/components/stakeIslands";
import { loadPrices } from "~/lib/prices";

export const metadata: Metadata = { title: "Stake" };

export default async function StakePage() {
  const prices = await loadPrices();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Stake</h1>
      <p className="max-w-3xl text-sm text-slate-700">
        Mine DMC by staking hashpower positions (they stay in your wallet and keep paying their daily mining rewards to
        you) or the LP tokens of the DMC/USDT and DMC/IFIL Uniswap V2 pairs. Each pool streams DMC per second, shared by
        weight among the stakers of that second; the APR below each pool shows its formula: rate x seconds in a year x
        your share x DMC price / value staked.
      </p>
      <StakeDeskIsland usd={prices.usd} priceSource={prices.source} />
    </div>
  );
}
