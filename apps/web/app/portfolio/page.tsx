import type { Metadata } from "next";

import { PortfolioView } from "./_components/PortfolioView";

export const metadata: Metadata = { title: "Portfolio" };

export default function PortfolioPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Portfolio</h1>
      <PortfolioView />
    </div>
  );
}
