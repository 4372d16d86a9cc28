import type { Metadata } from "next";

import { NodeDeskIsland } from "~/components/nodeIslands";

export const metadata: Metadata = { title: "Promotion nodes" };

export default function NodesPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Promotion nodes</h1>
      <p className="max-w-3xl text-sm text-slate-700">
        Community nodes promote offerings. A <strong>main node</strong> stakes 20,000 DMC and may recruit{" "}
        <strong>light nodes</strong>, which stake 2,000 DMC each once invited. A purchase made through a node&apos;s
        referral link pays that node a commission out of the sale&apos;s fee (a light node shares part of it with its
        main node), funded from the fees the protocol collects, plus node-staking DMC. Staked DMC stays in a vault of
        your own that keeps voting for you; leaving takes a cooldown.
      </p>
      <NodeDeskIsland />
    </div>
  );
}
