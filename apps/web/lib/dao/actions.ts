/**
 * A proposal's actions in plain language. The calldata is decoded here against the generated ABIs of
 * the DMEX contract at the target (never hand-copied); application approvals are described from the
 * linked application's terms, halts from the offering, fees as percentages.
 */
import { abis } from "@dmex/deployments";
import { decodeFunctionData, zeroAddress, type Abi, type Hex } from "viem";

import { bpsPercent, formatAmount, shortAddress } from "../format";
import type { Thresholds } from "@dmex/money-math";
import { thresholdsText } from "../protection";
import { ROLE_NAMES } from "./roles";

export { ROLE_NAMES, roleHash } from "./roles";

export interface ProposalActionInput {
  readonly target: string;
  readonly value: bigint;
  readonly calldata: Hex;
}

/** What the application approval needs to read well. */
export interface ApplicationSummary {
  readonly id: string;
  readonly minerName: string;
  readonly assetSymbol: string;
  readonly unitLabel: string;
  readonly unitsTotal: bigint;
  readonly pricePerUnit: bigint;
  readonly paymentToken: string;
  readonly termStartDay: number;
  readonly termEndDay: number;
}

export interface ActionContext {
  /** Deployed contracts: lowercase address -> deployment name (HashpowerExchange, DmexTimelock, CouncilSafe...). */
  readonly contracts: Readonly<Record<string, string>>;
  /** Token metadata by lowercase address. */
  readonly tokens: Readonly<Record<string, { readonly symbol: string; readonly decimals: number }>>;
  readonly applications?: ReadonlyMap<string, ApplicationSummary>;
  /** Offering id -> miner name. */
  readonly offerings?: ReadonlyMap<string, string>;
  /** Asset id -> symbol (FIL, BTC). */
  readonly assets?: ReadonlyMap<string, string>;
}

export interface DescribedAction {
  /** One sentence. */
  readonly text: string;
  /** Contract name at the target, when it is a DMEX contract. */
  readonly contract: string | null;
  /** Decoded function name, when the calldata matched the target's ABI. */
  readonly functionName: string | null;
  readonly args: readonly unknown[];
}

/** Deployment name -> the ABI its calls decode with. */
const ABI_OF: Readonly<Record<string, Abi>> = {
  HashpowerExchange: abis.HashpowerExchange,
  AssetRegistry: abis.AssetRegistry,
  MarketRateOracle: abis.MarketRateOracle,
  DMCToken: abis.DMCToken,
  MiningReserve: abis.MiningReserve,
  InsuranceFund: abis.InsuranceFund,
  DmexTimelock: abis.DmexTimelock,
  DmexGovernor: abis.DmexGovernor,
  MinerApplications: abis.MinerApplications,
  ProtocolParameters: abis.ProtocolParameters,
  CouncilSafe: abis.SafeL2,
  USDT: abis.BridgedToken,
  IFIL: abis.BridgedToken,
  WBTC: abis.BridgedToken,
};

/** Human names of the contracts, as a sentence uses them. */
const PLACE: Readonly<Record<string, string>> = {
  HashpowerExchange: "the exchange",
  AssetRegistry: "the asset registry",
  MarketRateOracle: "the market-rate oracle",
  DmexTimelock: "the timelock",
  DmexGovernor: "the governor",
  MinerApplications: "miner applications",
  ProtocolParameters: "protocol parameters",
  InsuranceFund: "the insurance fund",
  MiningReserve: "the mining reserve",
  CouncilSafe: "the council",
  DMCToken: "DMC",
};

const ROLE_TEXT: Readonly<Record<string, string>> = {
  GOVERNOR_ROLE: "the governor role",
  REGISTRAR_ROLE: "the registrar role",
  HALT_GUARDIAN_ROLE: "the halt-guardian power",
  REPORTER_ROLE: "the oracle reporter role",
  PROPOSER_ROLE: "the proposer power",
  CANCELLER_ROLE: "the canceller power",
  EXECUTOR_ROLE: "the executor role",
  DEFAULT_ADMIN_ROLE: "the admin role",
};

export { bpsPercent };

function nameOf(ctx: ActionContext, address: string): string {
  const name = ctx.contracts[address.toLowerCase()];
  if (name === "CouncilSafe") return "the council";
  if (name !== undefined) return PLACE[name] ?? name;
  return address === zeroAddress ? "nobody" : shortAddress(address);
}

function tokenName(ctx: ActionContext, token: string): string {
  return ctx.tokens[token.toLowerCase()]?.symbol ?? shortAddress(token);
}

function assetName(ctx: ActionContext, id: unknown): string {
  const symbol = ctx.assets?.get(String(id));
  return symbol === undefined ? `asset #${String(id)}` : `${symbol} (asset #${String(id)})`;
}

function tokenAmount(ctx: ActionContext, token: string, amount: bigint): string {
  const t = ctx.tokens[token.toLowerCase()];
  return t === undefined
    ? `${amount.toString()} base units of ${shortAddress(token)}`
    : `${formatAmount(amount, t.decimals)} ${t.symbol}`;
}

/** "Approve FIL offering: 500 TiB at 38 USDT/TiB for 540 days by Miner X". */
export function describeApplication(a: ApplicationSummary, ctx: Pick<ActionContext, "tokens">): string {
  const pay = ctx.tokens[a.paymentToken.toLowerCase()];
  const price =
    pay === undefined
      ? a.pricePerUnit.toString()
      : `${formatAmount(a.pricePerUnit, pay.decimals, pay.decimals)} ${pay.symbol}`;
  const days = a.termEndDay - a.termStartDay;
  return `${a.assetSymbol} offering: ${formatAmount(a.unitsTotal, 0)} ${a.unitLabel} at ${price}/${a.unitLabel} for ${days} day${days === 1 ? "" : "s"} by ${a.minerName}`;
}

function offeringRef(ctx: ActionContext, id: unknown): string {
  const key = String(id);
  const miner = ctx.offerings?.get(key);
  return miner === undefined ? `offering #${key}` : `offering #${key} (${miner})`;
}

function sentence(
  contract: string,
  fn: string,
  args: readonly unknown[],
  ctx: ActionContext,
  target: string,
): string | null {
  const a = (i: number) => args[i];
  const s = (i: number) => String(a(i));
  switch (`${contract}.${fn}`) {
    case "MinerApplications.approve": {
      const app = ctx.applications?.get(s(0));
      return app === undefined ? `Approve miner application #${s(0)}` : `Approve ${describeApplication(app, ctx)}`;
    }
    case "MinerApplications.slash":
      return `Slash the DMC stake of application #${s(0)} to the insurance fund (${s(1)})`;
    case "MinerApplications.setStakePolicy": {
      const p = a(0) as { minStake: bigint; stakePerValueWad: bigint; lockGraceDays: number };
      return `Set the miner stake policy: at least ${formatAmount(p.minStake, 18)} DMC, ${formatAmount(p.stakePerValueWad, 18)} DMC per unit of offering value, unlocked ${p.lockGraceDays} days after the term`;
    }
    case "MinerApplications.setGovernor":
      return `Let ${nameOf(ctx, s(0))} vote on miner applications`;
    case "HashpowerExchange.halt":
      return `Halt ${offeringRef(ctx, a(0))}: holders can pull their unreleased escrow`;
    case "HashpowerExchange.resume":
      return `Resume ${offeringRef(ctx, a(0))}`;
    case "HashpowerExchange.setChannelFee":
      return `Set the channel fee of new offerings to ${bpsPercent(a(0) as number)}`;
    case "HashpowerExchange.setFeeRecipient":
      return `Send channel fees to ${nameOf(ctx, s(0))}`;
    case "HashpowerExchange.setDefaultThresholds":
      return `Set the buyer-protection thresholds: ${thresholdsText(a(0) as Thresholds)}`;
    case "HashpowerExchange.setPaymentToken":
      return a(1) === true
        ? `List ${tokenName(ctx, s(0))} as a payment token for new offerings`
        : `Delist ${tokenName(ctx, s(0))} as a payment token (new offerings can no longer use it; live ones keep it)`;
    case "AssetRegistry.setRewardToken":
      return a(2) === true
        ? `List ${tokenName(ctx, s(1))} as a reward token of ${assetName(ctx, a(0))} offerings`
        : `Delist ${tokenName(ctx, s(1))} as a reward token of ${assetName(ctx, a(0))} offerings (live ones keep it)`;
    case "AssetRegistry.registerAsset":
      return `Register the hashpower asset ${s(0)}, sold per ${s(1)}`;
    case "HashpowerExchange.setLocker":
      return `${a(1) === true ? "Approve" : "Revoke"} ${nameOf(ctx, s(0))} as a position locker`;
    case "HashpowerExchange.setRenderer":
      return `Replace the NFT card renderer with ${nameOf(ctx, s(0))}`;
    case "HashpowerExchange.setOracle":
      return `Replace the market-rate oracle with ${nameOf(ctx, s(0))}`;
    case "ProtocolParameters.setTradingFee":
      return `Set trading fee to ${bpsPercent(a(0) as number)}`;
    case "ProtocolParameters.setDefiFee":
      return `Set DeFi fee to ${bpsPercent(a(0) as number)}`;
    case "DmexGovernor.setProposalGuardian":
      return a(0) === zeroAddress
        ? "Remove the proposal guardian (the council can no longer cancel proposals)"
        : `Make ${nameOf(ctx, s(0))} the proposal guardian`;
    case "DmexGovernor.setApplications":
      return `Let ${nameOf(ctx, s(0))} propose miner applications`;
    case "DmexGovernor.setVotingDelay":
      return `Set the voting delay to ${s(0)} s`;
    case "DmexGovernor.setVotingPeriod":
      return `Set the voting period to ${s(0)} s`;
    case "DmexGovernor.setProposalThreshold":
      return `Set the proposal threshold to ${formatAmount(a(0) as bigint, 18)} DMC`;
    case "DmexGovernor.updateQuorumNumerator":
      return `Set the quorum to ${s(0)}% of the DMC supply`;
    case "DmexTimelock.updateDelay":
      return `Set the timelock delay to ${s(0)} s`;
    case "InsuranceFund.pay":
      return `Pay ${tokenAmount(ctx, s(0), a(2) as bigint)} from the insurance fund to ${nameOf(ctx, s(1))} (${s(3)})`;
    case "MiningReserve.setDrawer":
      return `${a(2) === true ? "Allow" : "Stop"} ${nameOf(ctx, s(1))} ${a(2) === true ? "to draw" : "drawing"} from mining bucket ${["behaviour", "liquidity", "node staking"][Number(a(0))] ?? s(0)}`;
    case "CouncilSafe.swapOwner":
      return `Replace council member ${shortAddress(s(1))} with ${shortAddress(s(2))}`;
    case "CouncilSafe.addOwnerWithThreshold":
      return `Add ${shortAddress(s(0))} to the council (threshold ${s(1)})`;
    case "CouncilSafe.removeOwner":
      return `Remove ${shortAddress(s(1))} from the council (threshold ${s(2)})`;
    case "CouncilSafe.changeThreshold":
      return `Set the council threshold to ${s(0)}`;
    case "DMCToken.transfer":
      return `Send ${formatAmount(a(1) as bigint, 18)} DMC from the DAO treasury to ${nameOf(ctx, s(0))}`;
    case "USDT.transfer":
    case "IFIL.transfer":
    case "WBTC.transfer":
      return `Send ${tokenAmount(ctx, target, a(1) as bigint)} from the DAO treasury to ${nameOf(ctx, s(0))}`;
  }
  if (fn === "grantRole" || fn === "revokeRole" || fn === "renounceRole") {
    const role = ROLE_NAMES[s(0).toLowerCase()] ?? shortAddress(s(0));
    const what = ROLE_TEXT[role] ?? role;
    const on = PLACE[contract] ?? contract;
    return fn === "grantRole"
      ? `Grant ${what} on ${on} to ${nameOf(ctx, s(1))}`
      : `Revoke ${what} on ${on} from ${nameOf(ctx, s(1))}`;
  }
  return null;
}

function argText(v: unknown): string {
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "string") return v.length > 42 ? `${v.slice(0, 10)}…` : v;
  if (Array.isArray(v)) return `[${v.map(argText).join(", ")}]`;
  if (typeof v === "object" && v !== null)
    return `{${Object.entries(v)
      .map(([k, x]) => `${k}: ${argText(x)}`)
      .join(", ")}}`;
  return String(v);
}

/** One action as a sentence. Unknown targets or calldata fall back to the raw call. */
export function describeAction(action: ProposalActionInput, ctx: ActionContext): DescribedAction {
  const contract = ctx.contracts[action.target.toLowerCase()] ?? null;
  const abi = contract === null ? undefined : ABI_OF[contract];
  const valueText = action.value > 0n ? ` and send ${formatAmount(action.value, 18)} of the native coin` : "";
  if (abi !== undefined && action.calldata.length >= 10) {
    try {
      const { functionName, args = [] } = decodeFunctionData({ abi, data: action.calldata });
      const text =
        sentence(contract as string, functionName, args, ctx, action.target) ??
        `Call ${functionName}(${args.map(argText).join(", ")}) on ${PLACE[contract as string] ?? contract}`;
      return { text: text + valueText, contract, functionName, args };
    } catch {
      // Not a function of this ABI: fall through to the raw call.
    }
  }
  const where = contract === null ? shortAddress(action.target) : (PLACE[contract] ?? contract);
  const text =
    action.calldata === "0x"
      ? `Send ${formatAmount(action.value, 18)} of the native coin to ${where}`
      : `Call ${action.calldata.slice(0, 10)} on ${where}${valueText}`;
  return { text, contract, functionName: null, args: [] };
}
