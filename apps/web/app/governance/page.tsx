import type { Metadata } from "next";
import Link from "next/link";

import { Countdown } from "~/components/Countdown";
import { DelegationBannerIsland } from "~/components/islands";
import { Empty, ErrorBox } from "~/components/ui";
import { describeAction } from "~/lib/dao/actions";
import { actionContext, actionsOf } from "~/lib/dao/context";
import { formatDuration, groupByState, nextMilestone } from "~/lib/dao/governance";
import { stateAt, tallyOf } from "~/lib/dao/proposal";
import { formatAmount, shortAddress } from "~/lib/format";
import { GOVERNANCE_QUERY } from "~/lib/graphql/dao";
import type { GovernanceData } from "~/lib/graphql/daoTypes";
import { chainNow } from "~/services/chainTime.server";
import { getAppDeployment } from "~/services/deployment.server";
import { querySubgraph } from "~/services/subgraph.server";
import { ProposalStateBadge } from "./_components/ProposalStateBadge";
import { VoteBars } from "./_components/VoteBars";

export const metadata: Metadata = { title: "Governance" };

export default async function GovernancePage() {
  const [deployment, result] = await Promise.all([getAppDeployment(), querySubgraph<GovernanceData>(GOVERNANCE_QUERY)]);
  if (result.error !== null) return <ErrorBox title="Governance cannot load">{result.error}</ErrorBox>;
  const now = await chainNow(result.data._meta.block.timestamp);
  const dao = result.data.daos[0];
  const ctx = actionContext(
    deployment.contracts,
    deployment.tokens,
    result.data.proposals.flatMap((p) => (p.application ? [p.application] : [])),
    result.data.offerings,
    result.data.assets,
  );
  const items = result.data.proposals.map((p) => ({ p, state: stateAt(p, now) }));
  const groups = groupByState(items, (i) => i.state);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Governance</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">
          DMC holders decide which miners may list offerings, halt defaulting ones and set the protocol&apos;s
          parameters. Votes count at each proposal&apos;s snapshot, so delegate (to yourself or someone you trust)
          before a vote opens.
        </p>
      </div>
      <DelegationBannerIsland />
      {dao && (
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
          <div className="card">
            <dt className="text-xs uppercase tracking-wide text-slate-600">Voting delay / period</dt>
            <dd className="num mt-1 font-semibold">
              {formatDuration(BigInt(dao.votingDelay))} / {formatDuration(BigInt(dao.votingPeriod))}
            </dd>
          </div>
          <div className="card">
            <dt className="text-xs uppercase tracking-wide text-slate-600">Quorum</dt>
            <dd className="num mt-1 font-semibold">
              {dao.quorumNumerator}% of {formatAmount(BigInt(dao.totalSupply), 18, 0)} DMC
            </dd>
          </div>
          <div className="card">
            <dt className="text-xs uppercase tracking-wide text-slate-600">Timelock delay</dt>
            <dd className="num mt-1 font-semibold">{formatDuration(BigInt(dao.timelockDelay))}</dd>
          </div>
          <div className="card">
            <dt className="text-xs uppercase tracking-wide text-slate-600">Delegated votes</dt>
            <dd className="num mt-1 font-semibold">{formatAmount(BigInt(dao.delegatedVotes), 18, 0)} DMC</dd>
            <dd className="text-xs text-slate-600">
              <Link className="underline" href="/delegates">
                {dao.delegateCount} delegates
              </Link>
            </dd>
          </div>
        </dl>
      )}
      {groups.length === 0 ? (
        <Empty>
          No proposals yet. Miner applications create one each; DMC holders above the threshold can propose too.
        </Empty>
      ) : (
        groups.map((g, gi) => (
          <section key={g.title} aria-labelledby={`group-${gi}`} className="space-y-3">
            <h2 id={`group-${gi}`} className="text-lg font-semibold">
              {g.title} <span className="text-sm font-normal text-slate-600">({g.items.length})</span>
            </h2>
            <ul className="grid gap-3 lg:grid-cols-2">
              {g.items.map(({ p, state }) => {
                const milestone = nextMilestone(tallyOf(p), state);
                const actions = actionsOf(p).map((a) => describeAction(a, ctx).text);
                return (
                  <li key={p.id} className="card space-y-2" data-testid="proposal-card">
                    <div className="flex items-start justify-between gap-2">
                      <Link
                        href={`/governance/${p.id}`}
                        className="font-semibold text-brand-dark underline-offset-2 hover:underline"
                      >
                        {p.title}
                      </Link>
                      <ProposalStateBadge state={state} />
                    </div>
                    <ul className="list-inside list-disc text-sm text-slate-800">
                      {actions.slice(0, 3).map((t, i) => (
                        <li key={i}>{t}</li>
                      ))}
                      {actions.length > 3 && <li>and {actions.length - 3} more</li>}
                    </ul>
                    <VoteBars
                      forVotes={BigInt(p.forVotes)}
                      againstVotes={BigInt(p.againstVotes)}
                      abstainVotes={BigInt(p.abstainVotes)}
                      quorum={BigInt(p.quorum)}
                      compact
                    />
                    <p className="text-xs text-slate-700">
                      {milestone ? (
                        <Countdown at={Number(milestone.at)} now={now} label={milestone.label} />
                      ) : (
                        <>
                          by {deployment.contracts[p.proposer.toLowerCase()] ?? shortAddress(p.proposer)}, {p.voteCount}{" "}
                          vote{p.voteCount === 1 ? "" : "s"}
                        </>
                      )}
                    </p>
                  </li>
                );
              })}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
