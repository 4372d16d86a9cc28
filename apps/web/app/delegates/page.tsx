import type { Metadata } from "next";

import { DelegationPanelIsland } from "~/components/islands";
import { Empty, ErrorBox } from "~/components/ui";
import { formatAmount, formatPercent, shortAddress } from "~/lib/format";
import { DELEGATES_QUERY } from "~/lib/graphql/dao";
import type { DelegatesData } from "~/lib/graphql/daoTypes";
import { querySubgraph } from "~/services/subgraph.server";

export const metadata: Metadata = { title: "Delegates" };

export default async function DelegatesPage() {
  const result = await querySubgraph<DelegatesData>(DELEGATES_QUERY, { first: 100 });
  if (result.error !== null) return <ErrorBox title="Delegates cannot load">{result.error}</ErrorBox>;
  const { delegates, daos } = result.data;
  const supply = BigInt(daos[0]?.totalSupply ?? "0");
  const share = (v: string) => (supply === 0n ? null : Number((BigInt(v) * 1_000_000n) / supply) / 1_000_000);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Delegates</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">
          DMC counts as votes only once its holder delegates it, to themselves or to someone else. Delegating keeps the
          tokens in your wallet.
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          {delegates.length === 0 ? (
            <Empty>Nobody holds voting power yet.</Empty>
          ) : (
            <table className="card w-full p-0 text-sm">
              <caption className="sr-only">Delegates by voting power</caption>
              <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    #
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Delegate
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    Voting power
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    Delegators
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    Votes cast
                  </th>
                </tr>
              </thead>
              <tbody>
                {delegates.map((d, i) => (
                  <tr key={d.id} className="border-t border-slate-200" data-testid="delegate-row">
                    <td className="px-3 py-2 text-slate-600">{i + 1}</td>
                    <td className="px-3 py-2 font-mono text-xs" title={d.id}>
                      {shortAddress(d.id)}
                    </td>
                    <td className="num px-3 py-2 text-right">
                      {formatAmount(BigInt(d.votingPower), 18, 0)} DMC{" "}
                      <span className="text-xs text-slate-600">({formatPercent(share(d.votingPower), 2)})</span>
                    </td>
                    <td className="num px-3 py-2 text-right">{d.delegatorCount}</td>
                    <td className="num px-3 py-2 text-right">{d.voteCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <DelegationPanelIsland />
      </div>
    </div>
  );
}
