import type { Metadata } from "next";
import Link from "next/link";

import { MinerDeskIsland } from "~/components/islands";

export const metadata: Metadata = { title: "Miner desk" };

export default function MinerPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Miner desk</h1>
      <p className="max-w-3xl text-sm text-slate-700">
        Deposit each day&apos;s reward for your holders, withdraw escrow as it is released, and watch the default
        monitor of each offering. New offerings start with an{" "}
        <Link className="underline" href="/miner/apply">
          application
        </Link>{" "}
        that DMC holders vote on.
      </p>
      <MinerDeskIsland />
    </div>
  );
}
