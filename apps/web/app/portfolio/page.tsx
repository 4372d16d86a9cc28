import type { Metadata } from "next";

import { PortfolioIsland, TradingBalancesIsland } from "~/components/islands";

export const metadata: Metadata = { title: "Portfolio" };

export default function PortfolioPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Portfolio</h1>
      <PortfolioIsland />
      <TradingBalancesIsland />
    </div>
  );
}
