import type { Metadata } from "next";

import { LendingDeskIsland } from "~/components/islands";
import { loadPrices } from "~/lib/prices";

export const metadata: Metadata = { title: "Lending" };

export default async function LendingPage() {
  const prices = await loadPrices();
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold">Lending</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">
          Stablecoin loans against hashpower positions and reward tokens. A pledged position stays in its owner's wallet
          and keeps earning for the borrower (or repays the loan with its rewards, when the lender accepts them).
          Interest accrues by the second, simple, on a 365-day year, and stops at the due date. Unpaid after the grace
          period, the collateral goes to the lender. Every payment is credited for its receiver to claim.
        </p>
      </div>
      <LendingDeskIsland usd={prices.usd} priceSource={prices.source} />
    </div>
  );
}
