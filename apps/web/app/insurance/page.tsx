import type { Metadata } from "next";

import { InsuranceDeskIsland } from "~/components/nodeIslands";

export const metadata: Metadata = { title: "Mutual insurance" };

export default function InsurancePage() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Mutual insurance</h1>
      <p className="max-w-3xl text-sm text-slate-700">
        When a miner defaults and the DAO halts its offering, holders get their unreleased escrow back, but not the
        rewards they expected. This pool pays them in DMC, pro rata by units, as the DAO votes. It holds the DAO&apos;s
        insurance fund, the slashed stakes of defaulted miners and the DMC of underwriters, who earn a share of the
        protocol&apos;s fees as premiums and bear the first losses after the miner&apos;s stake.
      </p>
      <InsuranceDeskIsland />
    </div>
  );
}
