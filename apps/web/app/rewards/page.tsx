import type { Metadata } from "next";

import { TradingRewardsIsland } from "~/components/islands";

export const metadata: Metadata = { title: "DMC trading rewards" };

export default function TradingRewardsPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">DMC trading rewards</h1>
      <p className="max-w-3xl text-sm text-slate-700">
        Buyers in primary sales (fixed price and auctions) and traders on listings and auctions earn DMC from the
        behaviour-mining reserve, in proportion to the fees they paid, never to the volume they traded. Rewards of a
        finished epoch can be claimed at any time.
      </p>
      <TradingRewardsIsland />
    </div>
  );
}
