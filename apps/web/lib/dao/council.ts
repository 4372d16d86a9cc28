/** The council's powers: names as the subgraph records them, and what each lets the council do. */
export const COUNCIL_POWERS = [
  "PROPOSER_ROLE@timelock",
  "CANCELLER_ROLE@timelock",
  "HALT_GUARDIAN_ROLE@exchange",
  "proposalGuardian",
] as const;
export type CouncilPower = (typeof COUNCIL_POWERS)[number];

export const POWER_TEXT: Readonly<Record<CouncilPower, { title: string; means: string }>> = {
  "PROPOSER_ROLE@timelock": {
    title: "Proposer on the timelock",
    means:
      "may schedule operations in the DAO timelock directly (still subject to its delay); whatever it leaves pending dies when it loses this power",
  },
  "CANCELLER_ROLE@timelock": {
    title: "Canceller on the timelock",
    means:
      "may cancel the timelock operations it scheduled itself before they execute (not the governor's: those are cancelled through the governor)",
  },
  "HALT_GUARDIAN_ROLE@exchange": {
    title: "Halt guardian on the exchange",
    means: "may halt an offering that is already flagged as defaulting (the fast-track halt), nothing else",
  },
  proposalGuardian: {
    title: "Proposal guardian of the governor",
    means:
      "may cancel a proposal before it executes, except a protected one: a proposal that only revokes the council's powers, changes the guardian or replaces council members",
  },
};

/** Compares the indexed powers with what the chain says; returns the powers that disagree. */
export function powerMismatches(
  indexed: readonly string[],
  onChain: Readonly<Record<CouncilPower, boolean>>,
): CouncilPower[] {
  return COUNCIL_POWERS.filter((p) => indexed.includes(p) !== onChain[p]);
}

/** Plain-language line of a council change. */
export function councilChangeText(
  kind: string,
  account: string | null,
  threshold: number | null,
  detail: string | null,
  short: (a: string) => string,
): string {
  const who = account ? short(account) : "";
  switch (kind) {
    case "Setup":
      return `Council created${threshold !== null ? ` (threshold ${threshold})` : ""}`;
    case "OwnerAdded":
      return `Member added: ${who}`;
    case "OwnerRemoved":
      return `Member removed: ${who}`;
    case "ThresholdChanged":
      return `Threshold set to ${threshold ?? "?"}`;
    case "ModuleEnabled":
      return `Module enabled: ${who} (a module can replace members without the council's signatures)`;
    case "ModuleDisabled":
      return `Module disabled: ${who}`;
    case "Executed":
      return `Council transaction executed${detail ? ` (${detail.slice(0, 10)}…)` : ""}`;
    case "PowerGranted":
      return `Power granted: ${powerTitle(detail)}`;
    case "PowerRevoked":
      return `Power revoked: ${powerTitle(detail)}`;
    default:
      return kind;
  }
}

function powerTitle(detail: string | null): string {
  if (detail === null) return "?";
  return (COUNCIL_POWERS as readonly string[]).includes(detail)
    ? POWER_TEXT[detail as CouncilPower].title.toLowerCase()
    : detail;
}

/**
 * Where a pending timelock operation (neither executed nor cancelled) stands, as DmexTimelock sees it:
 * Orphaned once its scheduler lost PROPOSER_ROLE after scheduling it (the scheduler's proposer epoch
 * moved past the operation's): it reads as unset and can never execute, even if the role is granted
 * again. Otherwise Waiting until `readyAt`, then Ready (anyone may execute it).
 */
export type PendingOperationState = "Orphaned" | "Waiting" | "Ready";

export function pendingOperationState(
  op: { readonly schedulerEpoch: number; readonly readyAt: string | bigint },
  schedulerEpoch: number,
  now: number | bigint,
): PendingOperationState {
  if (op.schedulerEpoch < schedulerEpoch) return "Orphaned";
  return BigInt(now) >= BigInt(op.readyAt) ? "Ready" : "Waiting";
}
