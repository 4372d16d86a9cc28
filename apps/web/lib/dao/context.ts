/** Builds the action-decoding context from what a page loaded. */
import type { ApplicationEntity } from "../graphql/daoTypes";
import type { ActionContext, ApplicationSummary, ProposalActionInput } from "./actions";
import { applicationSummary } from "./proposal";

export function actionContext(
  contracts: Readonly<Record<string, string>>,
  tokens: Readonly<Record<string, { readonly symbol: string; readonly decimals: number }>>,
  applications: readonly ApplicationEntity[],
  offerings: readonly { id: string; minerName: string }[],
  assets: readonly { id: string; symbol: string }[] = [],
): ActionContext {
  return {
    contracts,
    tokens,
    applications: new Map<string, ApplicationSummary>(applications.map((a) => [a.id, applicationSummary(a)])),
    offerings: new Map(offerings.map((o) => [o.id, o.minerName])),
    assets: new Map(assets.map((a) => [a.id, a.symbol])),
  };
}

export function actionsOf(p: { targets: string[]; values: string[]; calldatas: string[] }): ProposalActionInput[] {
  return p.targets.map((target, i) => ({
    target,
    value: BigInt(p.values[i] ?? "0"),
    calldata: (p.calldatas[i] ?? "0x") as `0x${string}`,
  }));
}
