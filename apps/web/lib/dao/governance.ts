/**
 * Governor proposal state, derived the way OpenZeppelin 5.0's Governor.state() does, from the indexed
 * proposal and the chain's current time (the dev clock's time on the local chain, never the wall clock):
 *
 *   executed -> Executed; canceled -> Canceled          (events: taken from the index)
 *   now <= voteStart -> Pending                         (snapshot = voteStart; DMC's clock is a timestamp)
 *   now <= deadline (extendedVoteEnd ?? voteEnd) -> Active
 *   quorum > for + abstain, or for <= against -> Defeated  (GovernorCountingSimple)
 *   no eta -> Succeeded, else Queued                    (queued: taken from the index)
 *
 * Expired exists in the enum but DmexGovernor (GovernorTimelockControl) never returns it; an indexed
 * Expired is still shown as such.
 */
export const PROPOSAL_STATES = [
  "Pending",
  "Active",
  "Canceled",
  "Defeated",
  "Succeeded",
  "Queued",
  "Expired",
  "Executed",
] as const;
export type ProposalStateName = (typeof PROPOSAL_STATES)[number];

/** The Governor's ProposalState enum index -> name (as `governor.state(id)` returns it). */
export function stateFromIndex(index: number): ProposalStateName | undefined {
  return PROPOSAL_STATES[index];
}

export interface ProposalTally {
  readonly voteStart: bigint;
  readonly voteEnd: bigint;
  readonly extendedVoteEnd: bigint | null;
  readonly quorum: bigint;
  readonly forVotes: bigint;
  readonly againstVotes: bigint;
  readonly abstainVotes: bigint;
  /** The state the index last recorded (from events). */
  readonly indexedState: ProposalStateName;
  readonly eta: bigint | null;
}

/** When voting closes: the late-quorum extension when there is one. */
export function deadlineOf(p: Pick<ProposalTally, "voteEnd" | "extendedVoteEnd">): bigint {
  return p.extendedVoteEnd !== null && p.extendedVoteEnd > p.voteEnd ? p.extendedVoteEnd : p.voteEnd;
}

export function quorumReached(p: Pick<ProposalTally, "quorum" | "forVotes" | "abstainVotes">): boolean {
  return p.quorum <= p.forVotes + p.abstainVotes;
}

export function voteSucceeded(p: Pick<ProposalTally, "forVotes" | "againstVotes">): boolean {
  return p.forVotes > p.againstVotes;
}

/** The proposal's state at chain time `now` (Unix seconds). */
export function deriveProposalState(p: ProposalTally, now: bigint): ProposalStateName {
  if (p.indexedState === "Executed" || p.indexedState === "Canceled" || p.indexedState === "Expired")
    return p.indexedState;
  if (now <= p.voteStart) return "Pending";
  if (now <= deadlineOf(p)) return "Active";
  if (!quorumReached(p) || !voteSucceeded(p)) return "Defeated";
  if (p.indexedState === "Queued" || (p.eta !== null && p.eta > 0n)) return "Queued";
  return "Succeeded";
}

/** Sections of the governance page, in display order. */
export const STATE_GROUPS: readonly { readonly title: string; readonly states: readonly ProposalStateName[] }[] = [
  { title: "Voting now", states: ["Active"] },
  { title: "Waiting for the vote to open", states: ["Pending"] },
  { title: "Passed: waiting to be queued", states: ["Succeeded"] },
  { title: "Queued in the timelock", states: ["Queued"] },
  { title: "Closed", states: ["Executed", "Defeated", "Canceled", "Expired"] },
];

export function groupByState<T>(
  items: readonly T[],
  stateOf: (item: T) => ProposalStateName,
): { title: string; items: T[] }[] {
  return STATE_GROUPS.map((g) => ({
    title: g.title,
    items: items.filter((i) => g.states.includes(stateOf(i))),
  })).filter((g) => g.items.length > 0);
}

/** What happens next and when (Unix seconds), for a countdown; null when nothing is pending. */
export function nextMilestone(p: ProposalTally, state: ProposalStateName): { label: string; at: bigint } | null {
  switch (state) {
    case "Pending":
      return { label: "Voting opens", at: p.voteStart + 1n };
    case "Active":
      return { label: "Voting closes", at: deadlineOf(p) + 1n };
    case "Queued":
      return p.eta === null ? null : { label: "Executable", at: p.eta };
    default:
      return null;
  }
}

/** "2 d 3 h", "4 min 05 s", "12 s"; zero or less -> "now". */
export function formatDuration(seconds: bigint | number): string {
  let s = Math.floor(Number(seconds));
  if (s <= 0) return "now";
  const d = Math.floor(s / 86_400);
  s -= d * 86_400;
  const h = Math.floor(s / 3_600);
  s -= h * 3_600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  if (m > 0) return s > 0 ? `${m} min ${String(s).padStart(2, "0")} s` : `${m} min`;
  return `${s} s`;
}

export interface VoteBreakdown {
  readonly total: bigint;
  /** Shares of the votes cast, 0..1. */
  readonly forShare: number;
  readonly againstShare: number;
  readonly abstainShare: number;
  /** For + abstain over the quorum, capped at 1. */
  readonly quorumProgress: number;
  readonly quorumReached: boolean;
}

const ratio = (a: bigint, b: bigint): number => (b === 0n ? 0 : Number((a * 1_000_000n) / b) / 1_000_000);

export function voteBreakdown(
  p: Pick<ProposalTally, "quorum" | "forVotes" | "againstVotes" | "abstainVotes">,
): VoteBreakdown {
  const total = p.forVotes + p.againstVotes + p.abstainVotes;
  const counted = p.forVotes + p.abstainVotes;
  return {
    total,
    forShare: ratio(p.forVotes, total),
    againstShare: ratio(p.againstVotes, total),
    abstainShare: ratio(p.abstainVotes, total),
    quorumProgress: p.quorum === 0n ? 1 : Math.min(1, ratio(counted, p.quorum)),
    quorumReached: quorumReached(p),
  };
}

/** Which buttons the detail page offers in `state` at `now`. */
export function availableActions(
  state: ProposalStateName,
  eta: bigint | null,
  now: bigint,
): { vote: boolean; queue: boolean; execute: boolean; waitingForEta: boolean } {
  const due = eta !== null && now >= eta;
  return {
    vote: state === "Active",
    queue: state === "Succeeded",
    execute: state === "Queued" && due,
    waitingForEta: state === "Queued" && !due,
  };
}

export const SUPPORT = { Against: 0, For: 1, Abstain: 2 } as const;
export type SupportName = keyof typeof SUPPORT;

/** A proposal's title: the first line of its description without a leading "#". */
export function titleOf(description: string): string {
  const line = description.split("\n").find((l) => l.trim() !== "") ?? "";
  return line.replace(/^#+\s*/, "").trim() || "(untitled proposal)";
}
