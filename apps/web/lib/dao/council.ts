/** The council's powers: names as the subgraph records them, and what each lets the council do. */
export const COUNCIL_POWERS = ["PROPOSER_ROLE@timelock", "CANCELLER_ROLE@timelock", "HALT_GUARDIAN_ROLE@exchange", "proposalGuardian"] as const;
export type CouncilPower = (typeof COUNCIL_POWERS)[number];

export const POWER_TEXT: Readonly<Record<CouncilPower, { title: string; means: string }>> = {
  "PROPOSER_ROLE@timelock": { title: "Proposer on the timelock", means: "may schedule operations in the DAO timelock directly (still subject to its delay)" },
  "CANCELLER_ROLE@timelock": { title: "Canceller on the timelock", means: "may cancel a queued timelock operation before it executes" },
  "HALT_GUARDIAN_ROLE@exchange": { title: "Halt guardian on the exchange", means: "may halt an offering that is already flagged as defaulting (the fast-track halt), nothing else" },
  proposalGuardian: { title: "Proposal guardian of the governor", means: "may cancel any proposal before it executes" },
};

/** Compares the indexed powers with what the chain says; returns the powers that disagree. */
export function powerMismatches(indexed: readonly string[], onChain: Readonly<Record<CouncilPower, boolean>>): CouncilPower[] {
  return COUNCIL_POWERS.filter((p) => indexed.includes(p) !== onChain[p]);
}

/** Plain-language line of a council change. */
export function councilChangeText(kind: string, account: string | null, threshold: number | null, detail: string | null, short: (a: string) => string): string {
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
  return (COUNCIL_POWERS as readonly string[]).includes(detail) ? POWER_TEXT[detail as CouncilPower].title.toLowerCase() : detail;
}
