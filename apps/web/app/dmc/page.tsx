import type { Metadata } from "next";

import { DmcMarketIsland } from "~/components/stakeIslands";

export const metadata: Metadata = { title: "DMC" };

export default function DmcPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">DMC</h1>
      <p className="max-w-3xl text-sm text-slate-700">
        DMC trades on Uniswap V2 against USDT and IFIL. Its price here is the DMC/USDT pair&apos;s, from its reserves;
        the protocol&apos;s fees buy DMC on these pairs and return it to users through trading rewards.
      </p>
      <DmcMarketIsland />
    </div>
  );
}
