import { formatAmount, formatPercent } from "~/lib/format";
import { voteBreakdown } from "~/lib/dao/governance";

/** For / against / abstain shares and the quorum progress (for + abstain against the snapshot's quorum). */
export function VoteBars({
  forVotes,
  againstVotes,
  abstainVotes,
  quorum,
  compact = false,
}: {
  forVotes: bigint;
  againstVotes: bigint;
  abstainVotes: bigint;
  quorum: bigint;
  compact?: boolean;
}) {
  const b = voteBreakdown({ forVotes, againstVotes, abstainVotes, quorum });
  const dmc = (v: bigint) => `${formatAmount(v, 18, 0)} DMC`;
  return (
    <div className="space-y-2 text-sm" data-testid="vote-bars">
      <div
        role="img"
        aria-label={`For ${formatPercent(b.forShare)}, against ${formatPercent(b.againstShare)}, abstain ${formatPercent(b.abstainShare)} of ${dmc(b.total)} cast`}
        className="flex h-3 w-full overflow-hidden rounded bg-slate-200"
      >
        <div className="bg-emerald-600" style={{ width: `${b.forShare * 100}%` }} />
        <div className="bg-red-600" style={{ width: `${b.againstShare * 100}%` }} />
        <div className="bg-slate-500" style={{ width: `${b.abstainShare * 100}%` }} />
      </div>
      {!compact && (
        <dl className="num grid grid-cols-3 gap-2 text-xs">
          <div>
            <dt className="text-emerald-800">For</dt>
            <dd data-testid="votes-for">{dmc(forVotes)}</dd>
          </div>
          <div>
            <dt className="text-red-800">Against</dt>
            <dd>{dmc(againstVotes)}</dd>
          </div>
          <div>
            <dt className="text-slate-700">Abstain</dt>
            <dd>{dmc(abstainVotes)}</dd>
          </div>
        </dl>
      )}
      <div>
        <div className="flex justify-between text-xs text-slate-700">
          <span>Quorum {b.quorumReached ? "reached" : "progress"}</span>
          <span className="num">
            {formatPercent(b.quorumProgress, 0)} of {dmc(quorum)}
          </span>
        </div>
        <div
          role="progressbar"
          aria-label="Quorum progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(b.quorumProgress * 100)}
          className="mt-1 h-1.5 w-full overflow-hidden rounded bg-slate-200"
        >
          <div
            className={b.quorumReached ? "h-full bg-emerald-600" : "h-full bg-amber-500"}
            style={{ width: `${b.quorumProgress * 100}%` }}
          />
        </div>
      </div>
    </div>
  );
}
