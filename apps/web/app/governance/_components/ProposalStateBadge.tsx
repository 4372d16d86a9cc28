import type { ProposalStateName } from "~/lib/dao/governance";

const STYLE: Record<ProposalStateName, string> = {
  Pending: "bg-slate-200 text-slate-800",
  Active: "bg-sky-100 text-sky-900",
  Succeeded: "bg-emerald-100 text-emerald-900",
  Queued: "bg-indigo-100 text-indigo-900",
  Executed: "bg-emerald-200 text-emerald-950",
  Defeated: "bg-red-100 text-red-900",
  Canceled: "bg-slate-200 text-slate-800",
  Expired: "bg-amber-100 text-amber-900",
};

export function ProposalStateBadge({ state }: { state: ProposalStateName }) {
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-semibold ${STYLE[state]}`} data-testid="proposal-state">
      {state.toLowerCase()}
    </span>
  );
}
