import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { Countdown } from "~/components/Countdown";
import { DelegationBannerIsland, ProposalActionsIsland } from "~/components/islands";
import { ErrorBox } from "~/components/ui";
import { describeAction } from "~/lib/dao/actions";
import { actionContext, actionsOf } from "~/lib/dao/context";
import { nextMilestone } from "~/lib/dao/governance";
import { stateAt, tallyOf } from "~/lib/dao/proposal";
import { isProtectedProposal } from "~/lib/dao/protected";
import { formatAmount, formatDay, shortAddress } from "~/lib/format";
import { PROPOSAL_QUERY } from "~/lib/graphql/dao";
import type { ProposalData } from "~/lib/graphql/daoTypes";
import { WAD } from "~/lib/rewards";
import { chainNow } from "~/services/chainTime.server";
import { getAppDeployment } from "~/services/deployment.server";
import { querySubgraph } from "~/services/subgraph.server";
import { tokenOf } from "~/services/tokens";
import { ProposalStateBadge } from "../_components/ProposalStateBadge";
import { VoteBars } from "../_components/VoteBars";

export async function generateMetadata({ params }: { params: Promise<{ proposalId: string }> }): Promise<Metadata> {
  const id = (await params).proposalId;
  return { title: `Proposal ${id.length > 12 ? `${id.slice(0, 6)}…${id.slice(-4)}` : id}` };
}

const time = (s: string | number) => new Date(Number(s) * 1000).toISOString().slice(0, 16).replace("T", " ") + " UTC";

export default async function ProposalPage({ params }: { params: Promise<{ proposalId: string }> }) {
  const { proposalId } = await params;
  if (!/^\d+$/.test(proposalId)) notFound();
  const [deployment, result] = await Promise.all([
    getAppDeployment(),
    querySubgraph<ProposalData>(PROPOSAL_QUERY, { id: proposalId }),
  ]);
  if (result.error !== null) return <ErrorBox title="This proposal cannot load">{result.error}</ErrorBox>;
  const p = result.data.proposal;
  if (p === null) notFound();
  const now = await chainNow(result.data._meta.block.timestamp);
  const state = stateAt(p, now);
  const milestone = nextMilestone(tallyOf(p), state);
  const ctx = actionContext(
    deployment.contracts,
    deployment.tokens,
    p.application ? [p.application] : [],
    result.data.offerings,
    result.data.assets,
  );
  const actions = actionsOf(p).map((a) => describeAction(a, ctx));
  const app = p.application;
  const pay = app ? tokenOf(deployment.tokens, app.paymentToken) : null;
  const reward = app ? tokenOf(deployment.tokens, app.rewardToken) : null;
  const body = p.description.split("\n").slice(1).join("\n").trim();
  // Whether the proposal guardian (the council during bootstrap) may still cancel it (DmexGovernor.isProtected).
  const dao = result.data.daos[0];
  const guardian = dao?.proposalGuardian ?? null;
  const open = state !== "Executed" && state !== "Canceled" && state !== "Defeated" && state !== "Expired";
  const guardianName =
    guardian === null
      ? null
      : deployment.contracts[guardian.toLowerCase()] === "CouncilSafe"
        ? "the council"
        : shortAddress(guardian);
  const protectedFromGuardian =
    guardian !== null && dao !== undefined && isProtectedProposal(actionsOf(p), guardian, dao.governor);

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-700">
        <Link href="/governance" className="underline-offset-2 hover:underline">
          Governance
        </Link>{" "}
        / Proposal
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{p.title}</h1>
        <ProposalStateBadge state={state} />
      </div>
      <DelegationBannerIsland />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <section aria-labelledby="actions-h" className="card">
            <h2 id="actions-h" className="text-lg font-semibold">
              What it does
            </h2>
            <ol className="mt-2 list-inside list-decimal space-y-1 text-sm" data-testid="proposal-actions-list">
              {actions.map((a, i) => (
                <li key={i}>
                  {a.text}
                  {a.functionName && (
                    <span className="ml-1 font-mono text-xs text-slate-600">
                      ({a.contract}.{a.functionName})
                    </span>
                  )}
                </li>
              ))}
            </ol>
            {guardian !== null && open && (
              <p
                className={`mt-3 rounded-md border p-2 text-sm ${protectedFromGuardian ? "border-emerald-300 bg-emerald-50 text-emerald-950" : "border-slate-200 bg-slate-50 text-slate-800"}`}
                data-testid="guardian-cancel"
              >
                {protectedFromGuardian
                  ? `Protected: every action revokes a power of the proposal guardian (${guardianName}), changes the guardian or replaces council members through the timelock's module, so the guardian cannot cancel it.`
                  : `The proposal guardian (${guardianName}) may cancel it until it executes: not every action removes the guardian's own powers or replaces council members.`}
              </p>
            )}
          </section>
          {app && pay && reward && (
            <section aria-labelledby="app-h" className="card">
              <h2 id="app-h" className="text-lg font-semibold">
                Miner application #{app.id}
              </h2>
              <dl className="num mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-3">
                <div>
                  <dt className="text-slate-600">Miner</dt>
                  <dd>
                    {app.minerName} <span className="font-mono text-xs">{shortAddress(app.miner)}</span>
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-600">Units</dt>
                  <dd>
                    {app.unitsTotal} {app.asset.unitLabel} of {app.asset.symbol}
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-600">Unit price</dt>
                  <dd>
                    {formatAmount(BigInt(app.pricePerUnit), pay.decimals, pay.decimals)} {pay.symbol}
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-600">Term</dt>
                  <dd>
                    {formatDay(app.termStartDay)} to {formatDay(app.termEndDay)}
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-600">Sale window</dt>
                  <dd>
                    {time(app.saleStart)} to {time(app.saleEnd)}
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-600">Expected reward</dt>
                  <dd>
                    {formatAmount(BigInt(app.expectedDailyRewardPerUnitWad) / WAD, reward.decimals, 8)} {reward.symbol}{" "}
                    / unit / day
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-600">Hashpower</dt>
                  <dd>
                    {app.effectiveHashpower} effective of {app.totalHashpower} {app.asset.unitLabel}
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-600">Stake</dt>
                  <dd>
                    {formatAmount(BigInt(app.stake.amount), 18, 2)} DMC ({app.stake.state.toLowerCase()})
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-600">Disclosure</dt>
                  <dd className="break-all">
                    <a
                      className="underline"
                      href={app.disclosureURI.startsWith("data:") ? undefined : app.disclosureURI}
                      rel="noopener noreferrer"
                    >
                      {app.disclosureURI.startsWith("data:") ? "inline document" : app.disclosureURI}
                    </a>
                  </dd>
                </div>
              </dl>
              {app.offering && (
                <p className="mt-3 text-sm">
                  Approved:{" "}
                  <Link className="font-medium underline" href={`/offerings/${app.offering.id}`}>
                    offering #{app.offering.id} is live
                  </Link>
                  .
                </p>
              )}
            </section>
          )}
          {body && (
            <section aria-labelledby="desc-h" className="card">
              <h2 id="desc-h" className="text-lg font-semibold">
                Description
              </h2>
              <p className="mt-2 whitespace-pre-wrap break-words text-sm text-slate-800">{body}</p>
            </section>
          )}
          <section aria-labelledby="votes-h" className="card">
            <h2 id="votes-h" className="text-lg font-semibold">
              Votes ({p.voteCount})
            </h2>
            {p.votes.length === 0 ? (
              <p className="mt-2 text-sm text-slate-700">No votes yet.</p>
            ) : (
              <table className="mt-2 w-full text-sm">
                <caption className="sr-only">Votes cast</caption>
                <thead className="text-left text-xs uppercase tracking-wide text-slate-600">
                  <tr>
                    <th scope="col">Voter</th>
                    <th scope="col">Vote</th>
                    <th scope="col" className="text-right">
                      Weight
                    </th>
                    <th scope="col">Reason</th>
                  </tr>
                </thead>
                <tbody>
                  {p.votes.map((v) => (
                    <tr key={v.id} className="border-t border-slate-200" data-testid="vote-row">
                      <td className="py-1 font-mono text-xs">{shortAddress(v.voter.id)}</td>
                      <td
                        className={
                          v.support === "For"
                            ? "text-emerald-800"
                            : v.support === "Against"
                              ? "text-red-800"
                              : "text-slate-700"
                        }
                      >
                        {v.support}
                      </td>
                      <td className="num text-right">{formatAmount(BigInt(v.weight), 18, 0)}</td>
                      <td className="pl-3 text-slate-700">{v.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
        <div className="space-y-6">
          <section aria-labelledby="tally-h" className="card space-y-3">
            <h2 id="tally-h" className="text-lg font-semibold">
              Tally
            </h2>
            <VoteBars
              forVotes={BigInt(p.forVotes)}
              againstVotes={BigInt(p.againstVotes)}
              abstainVotes={BigInt(p.abstainVotes)}
              quorum={BigInt(p.quorum)}
            />
            {milestone && (
              <p className="text-sm">
                <Countdown at={Number(milestone.at)} now={now} label={milestone.label} testId="proposal-countdown" />
              </p>
            )}
            <dl className="num grid grid-cols-2 gap-1 text-xs text-slate-700">
              <dt>Snapshot / opens</dt>
              <dd>{time(p.voteStart)}</dd>
              <dt>Closes</dt>
              <dd>
                {time(p.extendedVoteEnd ?? p.voteEnd)}
                {p.extendedVoteEnd && " (extended: late quorum)"}
              </dd>
              {p.eta && (
                <>
                  <dt>Timelock eta</dt>
                  <dd>{time(p.eta)}</dd>
                </>
              )}
              {p.executedAt && (
                <>
                  <dt>Executed</dt>
                  <dd>{time(p.executedAt)}</dd>
                </>
              )}
              <dt>Proposer</dt>
              <dd className="font-mono">
                {deployment.contracts[p.proposer.toLowerCase()] ?? shortAddress(p.proposer)}
              </dd>
            </dl>
          </section>
          <ProposalActionsIsland
            call={{
              proposalId: p.id,
              targets: p.targets,
              values: p.values,
              calldatas: p.calldatas,
              descriptionHash: p.descriptionHash,
              voteStart: p.voteStart,
              derivedState: state,
              title: p.title,
            }}
          />
        </div>
      </div>
    </div>
  );
}
