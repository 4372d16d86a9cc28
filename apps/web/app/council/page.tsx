import type { Metadata } from "next";
import type { Address } from "viem";

import { CouncilCheckIsland } from "~/components/islands";
import { Empty, ErrorBox } from "~/components/ui";
import { COUNCIL_POWERS, councilChangeText, POWER_TEXT } from "~/lib/dao/council";
import { shortAddress } from "~/lib/format";
import { COUNCIL_QUERY } from "~/lib/graphql/dao";
import type { CouncilData } from "~/lib/graphql/daoTypes";
import { getAppDeployment } from "~/services/deployment.server";
import { querySubgraph } from "~/services/subgraph.server";

export const metadata: Metadata = { title: "Council" };

const CONTRACT_PLACE: Readonly<Record<string, string>> = { HashpowerExchange: "exchange", DmexTimelock: "timelock", MarketRateOracle: "oracle", DmexGovernor: "governor" };

export default async function CouncilPage() {
  const [deployment, result] = await Promise.all([getAppDeployment(), querySubgraph<CouncilData>(COUNCIL_QUERY)]);
  if (result.error !== null) return <ErrorBox title="The council cannot load">{result.error}</ErrorBox>;
  const council = result.data.councils[0];
  const dao = result.data.daos[0];
  if (!council) return <Empty>No council is indexed on this chain.</Empty>;
  const roles = result.data.roleMembers.filter((m) => m.account.toLowerCase() === council.id.toLowerCase());
  const handedOver = council.handedOver;
  const PLACE: Readonly<Record<string, string>> = { DmexTimelock: "the DAO timelock", DmexGovernor: "the governor", HashpowerExchange: "the exchange" };
  const nameOf = (a: string) => PLACE[deployment.contracts[a.toLowerCase()] ?? ""] ?? shortAddress(a);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Council</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">
          During bootstrap a {council.threshold}-of-{council.owners.length} Safe of named members holds a few emergency powers. DMC holders can
          replace members by vote (the DAO timelock is a module of the Safe), and the <strong>hand-over</strong> is a DAO proposal that revokes
          every council power.
        </p>
      </div>
      <p className={`rounded-md border p-3 text-sm ${handedOver ? "border-emerald-300 bg-emerald-50 text-emerald-950" : "border-amber-300 bg-amber-50 text-amber-950"}`} data-testid="handover-status">
        {handedOver ? "Handed over: the council holds no power any more; everything goes through DMC votes." : `Not handed over yet: the council holds ${council.powers.length} of ${COUNCIL_POWERS.length} bootstrap powers.`}
      </p>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <section aria-labelledby="powers-h" className="card">
            <h2 id="powers-h" className="text-lg font-semibold">Current powers</h2>
            <ul className="mt-2 space-y-2 text-sm" data-testid="council-powers">
              {COUNCIL_POWERS.map((p) => {
                const held = council.powers.includes(p);
                return (
                  <li key={p} className="flex gap-2">
                    <span aria-hidden="true" className={held ? "text-emerald-700" : "text-slate-400"}>{held ? "●" : "○"}</span>
                    <span>
                      <strong>{POWER_TEXT[p].title}</strong>: {held ? "held" : "not held"}. <span className="text-slate-700">It {POWER_TEXT[p].means}.</span>
                    </span>
                  </li>
                );
              })}
            </ul>
            {roles.length > 0 && (
              <p className="mt-3 text-xs text-slate-600">
                Indexed role memberships: {roles.map((r) => `${r.roleName ?? shortAddress(r.role)} on the ${CONTRACT_PLACE[deployment.contracts[r.contract.toLowerCase()] ?? ""] ?? shortAddress(r.contract)}`).join(", ")}
                {dao?.proposalGuardian && dao.proposalGuardian.toLowerCase() === council.id.toLowerCase() ? "; proposal guardian of the governor" : ""}.
              </p>
            )}
          </section>
          <section aria-labelledby="fast-h" className="card text-sm">
            <h2 id="fast-h" className="text-lg font-semibold">The fast-track halt</h2>
            <p className="mt-2 text-slate-800">
              A DAO vote takes days (voting delay, voting period, timelock). When a miner defaults, holders lose a day of escrow release to the
              miner for every day of waiting, so during bootstrap the council may <strong>halt an offering that is already flagged</strong> (anyone can
              flag one once the chain&apos;s default conditions hold) with {council.threshold} of {council.owners.length} member signatures. It cannot
              halt a healthy offering, resume one, move funds or change any parameter; and the power ends at the hand-over.
            </p>
          </section>
          <section aria-labelledby="history-h" className="card">
            <h2 id="history-h" className="text-lg font-semibold">Recent changes</h2>
            {council.changes.length === 0 ? (
              <p className="mt-2 text-sm text-slate-700">No changes recorded.</p>
            ) : (
              <ol className="mt-2 space-y-1 text-sm" data-testid="council-changes">
                {council.changes.map((c) => (
                  <li key={c.id} className="flex flex-wrap gap-x-2">
                    <span className="num text-xs text-slate-600">{new Date(Number(c.timestamp) * 1000).toISOString().slice(0, 16).replace("T", " ")}</span>
                    <span>{councilChangeText(c.kind, c.account, c.threshold, c.detail, nameOf)}</span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
        <div className="space-y-6">
          <section aria-labelledby="members-h" className="card">
            <h2 id="members-h" className="text-lg font-semibold">Members</h2>
            <p className="mt-1 text-sm text-slate-700" data-testid="council-threshold">{council.threshold} of {council.owners.length} signatures needed</p>
            <ul className="mt-2 space-y-1 font-mono text-xs" data-testid="council-members">
              {council.owners.map((o) => <li key={o} title={o}>{o}</li>)}
            </ul>
            <p className="mt-2 text-xs text-slate-600">Safe {shortAddress(council.id)} · {council.modules.length} module{council.modules.length === 1 ? "" : "s"}</p>
          </section>
          <section aria-labelledby="verify-h" className="card">
            <h2 id="verify-h" className="text-lg font-semibold">Chain check</h2>
            <CouncilCheckIsland council={council.id as Address} owners={council.owners} threshold={council.threshold} powers={council.powers} />
          </section>
        </div>
      </div>
    </div>
  );
}
