import type { Metadata } from "next";

import { MyLoansIsland } from "~/components/islands";
import { loadPrices } from "~/lib/prices";

export const metadata: Metadata = { title: "My loans" };

export default async function MyLoansPage() {
  const prices = await loadPrices();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">My loans</h1>
      <p className="max-w-3xl text-sm text-slate-700">
        Your loans as borrower and as lender. Repay before the due date, or within the grace period after it; from the
        grace period's end the lender may foreclose and take the collateral. Interest stops at the due date.
      </p>
      <MyLoansIsland usd={prices.usd} />
    </div>
  );
}
