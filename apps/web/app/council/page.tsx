import type { Metadata } from "next";
import type { Address } from "viem";

import { CouncilCheckIsland } from "~/components/islands";
import { Empty, ErrorBox } from "~/components/ui";
import { describeAction } from "~/lib/dao/actions";
import { actionContext } from "~/lib/dao/context";
import {
  COUNCIL_POWERS,
  councilChangeText,
  pendingOperationState,
  POWER_TEXT,
  type PendingOperationState,
} from "~/lib/dao/council";
import { shortAddress } from "~/lib/format";
import { COUNCIL_QUERY } from "~/lib/graphql/dao";
import type { CouncilData } from "~/lib/graphql/daoTypes";
import { chainNow } from "~/services/chainTime.server";
import { getAppDeployment } from "~/services/deployment.server";
import { querySubgraph } from "~/services/subgraph.server";

export const metadata: Metadata = { title: "Council" };

const time = (s: string | number) => `${new Date(Number(s) * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC`;

const OPERATION_STATE_TEXT: Readonly<Record<PendingOperationState, string>> = {
  Orphaned: "orphaned: can never run",
  Waiting: "waiting",
  Ready: "ready: anyone can execute it",
};

const CONTRACT_PLACE: Readonly<Record<string, string>> = {
  HashpowerExchange: "exchange",
  DmexTimelock: "timelock",
  MarketRateOracle: "oracle",
  DmexGovernor: "governor",
};

export default async function CouncilPage() {
  const [deployment, result] = await Promise.all([getAppDeployment(), querySubgraph<CouncilData>(COUNCIL_QUERY)]);
  if (result.error !== null) return <ErrorBox title="The council cannot load">{result.error}</ErrorBox>;
  const council = result.data.councils[0];
  const dao = result.data.daos[0];
  if (!council) return <Empty>No council is indexed on this chain.</Empty>;
  const roles = result.data.roleMembers.filter((m) => m.account.toLowerCase() === council.id.toLowerCase());
  const handedOver = council.handedOver;
  const PLACE: Readonly<Record<string, string>> = {
    DmexTimelock: "the DAO timelock",
    DmexGovernor: "the governor",
    HashpowerExchange: "the exchange",
  };
  const nameOf = (a: string) => PLACE[deployment.contracts[a.toLowerCase()] ?? ""] ?? shortAddress(a);
  // What the council scheduled on the timelock directly and has not executed or cancelled: the
  // hand-over (revoking its PROPOSER_ROLE) orphans all of it at once, whatever the delays.
  const now = await chainNow(result.data._meta.block.timestamp);
  const proposer = result.data.timelockProposers.find((p) => p.id.toLowerCase() === council.id.toLowerCase());
  const ctx = actionContext(deployment.contracts, deployment.tokens, [], []);
  const operations = (proposer?.operations ?? []).map((op) => ({
    ...op,
    state: pendingOperationState(op, proposer?.epoch ?? 0, now),
    calls: op.calls.map(
      (c) =>
        describeAction({ target: c.target, value: BigInt(c.value), calldata: c.calldata as `0x${string}` }, ctx).text,
    ),
  }));
  const orphaned = operations.filter((op) => op.state === "Orphaned").length;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Council</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">
          During bootstrap a {council.threshold}-of-{council.owners.length} Safe of named members holds a few emergency
          powers. DMC holders can replace members by vote (the DAO timelock is a module of the Safe), and the{" "}
          <strong>hand-over</strong> is a DAO proposal that revokes every council power.
        </p>
      </div>
      <p
        className={`rounded-md border p-3 text-sm ${handedOver ? "border-emerald-300 bg-emerald-50 text-emerald-950" : "border-amber-300 bg-amber-50 text-amber-950"}`}
        data-testid="handover-status"
      >
        {handedOver
          ? "Handed over: the council holds no power any more; everything goes through DMC votes."
          : `Not handed over yet: the council holds ${council.powers.length} of ${COUNCIL_POWERS.length} bootstrap powers.`}
      </p>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <section aria-labelledby="powers-h" className="card">
            <h2 id="powers-h" className="text-lg font-semibold">
              Current powers
            </h2>
            <ul className="mt-2 space-y-2 text-sm" data-testid="council-powers">
              {COUNCIL_POWERS.map((p) => {
                const held = council.powers.includes(p);
                return (
                  <li key={p} className="flex gap-2">
                    <span aria-hidden="true" className={held ? "text-emerald-700" : "text-slate-400"}>
                      {held ? "●" : "○"}
                    </span>
                    <span>
                      <strong>{POWER_TEXT[p].title}</strong>: {held ? "held" : "not held"}.{" "}
                      <span className="text-slate-700">It {POWER_TEXT[p].means}.</span>
                    </span>
                  </li>
                );
              })}
            </ul>
            {roles.length > 0 && (
              <p className="mt-3 text-xs text-slate-600">
                Indexed role memberships:{" "}
                {roles
                  .map(
                    (r) =>
                      `${r.roleName ?? shortAddress(r.role)} on the ${CONTRACT_PLACE[deployment.contracts[r.contract.toLowerCase()] ?? ""] ?? shortAddress(r.contract)}`,
                  )
                  .join(", ")}
                {dao?.proposalGuardian && dao.proposalGuardian.toLowerCase() === council.id.toLowerCase()
                  ? "; proposal guardian of the governor"
                  : ""}
                .
              </p>
            )}
          </section>
          <section aria-labelledby="ops-h" className="card">
            <h2 id="ops-h" className="text-lg font-semibold">
              Pending timelock operations of the council
            </h2>
            <p className="mt-1 text-sm text-slate-700">
              During bootstrap the council may schedule operations on the DAO timelock itself (public for at least the
              timelock delay before they can run). Each lives only as long as the council&apos;s proposer power: the
              hand-over revokes it, and every operation the council left pending is orphaned then, however long its
              delay; granting the power again revives none.
            </p>
            {operations.length === 0 ? (
              <p className="mt-2 text-sm text-slate-700" data-testid="council-operations-empty">
                No pending operation scheduled by the council.
              </p>
            ) : (
              <>
                {orphaned > 0 && (
                  <p className="mt-2 text-sm text-emerald-900" data-testid="council-operations-orphaned">
                    {orphaned === operations.length ? "All" : `${orphaned} of ${operations.length}`} orphaned
                    {handedOver ? " by the hand-over" : " (the council lost its proposer power after scheduling them)"}:
                    they can never execute.
                  </p>
                )}
                <table className="mt-2 w-full text-sm" data-testid="council-operations">
                  <caption className="sr-only">
                    Timelock operations the council scheduled that are neither executed nor cancelled
                  </caption>
                  <thead className="text-left text-xs uppercase tracking-wide text-slate-600">
                    <tr>
                      <th scope="col">Operation</th>
                      <th scope="col">What it does</th>
                      <th scope="col">Executable from</th>
                      <th scope="col">State</th>
                    </tr>
                  </thead>
                  <tbody>
                    {operations.map((op) => (
                      <tr key={op.id} className="border-t border-slate-200 align-top" data-testid="council-operation">
                        <td className="py-1 pr-2 font-mono text-xs" title={op.id}>
                          {shortAddress(op.id)}
                          <br />
                          <span className="text-slate-600">scheduled {time(op.scheduledAt)}</span>
                        </td>
                        <td className="py-1 pr-2">
                          <ul className="list-inside list-disc">
                            {op.calls.map((c, i) => (
                              <li key={i}>{c}</li>
                            ))}
                          </ul>
                        </td>
                        <td className="num py-1 pr-2 text-xs">{time(op.readyAt)}</td>
                        <td
                          className={`py-1 text-xs font-semibold ${op.state === "Orphaned" ? "text-emerald-800" : op.state === "Ready" ? "text-amber-800" : "text-slate-800"}`}
                          data-testid="council-operation-state"
                        >
                          {OPERATION_STATE_TEXT[op.state]}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </section>
          <section aria-labelledby="fast-h" className="card text-sm">
            <h2 id="fast-h" className="text-lg font-semibold">
              The fast-track halt
            </h2>
            <p className="mt-2 text-slate-800">
              A DAO vote takes days (voting delay, voting period, timelock). When a miner defaults, holders lose a day
              of escrow release to the miner for every day of waiting, so during bootstrap the council may{" "}
              <strong>halt an offering that is already flagged</strong> (anyone can flag one once the chain&apos;s
              default conditions hold) with {council.threshold} of {council.owners.length} member signatures. It cannot
              halt a healthy offering, resume one, move funds or change any parameter; and the power ends at the
              hand-over.
            </p>
          </section>
          <section aria-labelledby="history-h" className="card">
            <h2 id="history-h" className="text-lg font-semibold">
              Recent changes
            </h2>
            {council.changes.length === 0 ? (
              <p className="mt-2 text-sm text-slate-700">No changes recorded.</p>
            ) : (
              <ol className="mt-2 space-y-1 text-sm" data-testid="council-changes">
                {council.changes.map((c) => (
                  <li key={c.id} className="flex flex-wrap gap-x-2">
                    <span className="num text-xs text-slate-600">
                      {new Date(Number(c.timestamp) * 1000).toISOString().slice(0, 16).replace("T", " ")}
                    </span>
                    <span>{councilChangeText(c.kind, c.account, c.threshold, c.detail, nameOf)}</span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
        <div className="space-y-6">
          <section aria-labelledby="members-h" className="card">
            <h2 id="members-h" className="text-lg font-semibold">
              Members
            </h2>
            <p className="mt-1 text-sm text-slate-700" data-testid="council-threshold">
              {council.threshold} of {council.owners.length} signatures needed
            </p>
            <ul className="mt-2 space-y-1 font-mono text-xs" data-testid="council-members">
              {council.owners.map((o) => (
                <li key={o} title={o}>
                  {o}
                </li>
              ))}
            </ul>
            <p className="mt-2 text-xs text-slate-600">
              Safe {shortAddress(council.id)} · {council.modules.length} module{council.modules.length === 1 ? "" : "s"}
            </p>
          </section>
          <section aria-labelledby="verify-h" className="card">
            <h2 id="verify-h" className="text-lg font-semibold">
              Chain check
            </h2>
            <CouncilCheckIsland
              council={council.id as Address}
              owners={council.owners}
              threshold={council.threshold}
              powers={council.powers}
            />
          </section>
        </div>
      </div>
    </div>
  );
}
