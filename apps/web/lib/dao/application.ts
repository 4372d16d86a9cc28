/**
 * The miner application form: typed strings in, `ApplicationTerms` (MinerApplications.submit) out,
 * rejecting what the contract's `_validate` would reject, a sale that closes before the approval
 * can execute (SaleEndsBeforeExecution), and what the exchange would refuse when the approval creates
 * the offering (the sale closes by the term start), plus amounts with too many decimals for their token. Pure: the wizard, its live preview and the unit tests share it.
 */
import type { ApplicationTerms as SubmitTerms } from "@dmex/deployments";
import type { Address } from "viem";

import { parseAmount } from "../amount";
import { WAD } from "@dmex/money-math";

export const DAY_SECONDS = 86_400;
const MAX_UINT40 = (1n << 40n) - 1n;
const MAX_UINT64 = (1n << 64n) - 1n;
const MAX_UINT128 = (1n << 128n) - 1n;

export interface ApplicationForm {
  /** Asset id as text ("1" FIL, "2" BTC). */
  readonly assetId: string;
  readonly units: string;
  /** Price per unit in the payment token, e.g. "38.5". */
  readonly price: string;
  /** Sale window, "YYYY-MM-DDTHH:mm" read as UTC. */
  readonly saleStart: string;
  readonly saleEnd: string;
  /** Term, "YYYY-MM-DD" (UTC days). */
  readonly termStart: string;
  readonly termEnd: string;
  /** Expected reward per unit per day, in the reward token, e.g. "0.00045". */
  readonly expectedDailyReward: string;
  readonly totalHashpower: string;
  readonly effectiveHashpower: string;
  readonly minerName: string;
  readonly disclosureURI: string;
}

export type ApplicationField = keyof ApplicationForm;

/**
 * Seconds from submitting an application to the latest moment its approval may first execute:
 * MinerApplications.submit reverts with SaleEndsBeforeExecution(saleEnd, executableAt) unless
 * saleEnd >= proposalDeadline + lateQuorumVoteExtension + 1 s + timelock delay, where the new
 * proposal's deadline is the submit time + votingDelay + votingPeriod (a quorum reached in the
 * vote's last second extends it by the late-quorum extension). Once submitted, the live figure is
 * MinerApplications.earliestExecution(applicationId).
 */
export function executionLeadSeconds(t: {
  readonly votingDelay: number | string;
  readonly votingPeriod: number | string;
  readonly lateQuorumExtension: number | string;
  readonly timelockDelay: number | string;
}): number {
  return Number(t.votingDelay) + Number(t.votingPeriod) + Number(t.lateQuorumExtension) + 1 + Number(t.timelockDelay);
}

/** Slack for the submit transaction landing in a later block than the chain time the form was checked at. */
export const SUBMIT_MARGIN_SECONDS = 60;

/** What validation needs from the chain and the deployment. */
export interface ApplicationRules {
  /** Chain time now (Unix seconds). */
  readonly now: number;
  /** executionLeadSeconds of the governor: the sale must still be open when the approval can execute in the worst case. */
  readonly governanceSeconds: number;
  readonly assets: readonly {
    readonly id: number;
    readonly symbol: string;
    readonly unitLabel: string;
    readonly rewardToken: { readonly address: Address; readonly decimals: number; readonly symbol: string };
  }[];
  readonly paymentToken: { readonly address: Address; readonly decimals: number; readonly symbol: string };
}

/** The contract's ApplicationTerms struct, with the unit count kept as a bigint for the form's arithmetic. */
export type ApplicationTerms = Omit<SubmitTerms, "unitsTotal"> & { readonly unitsTotal: bigint };

export type ApplicationValidation =
  | { readonly ok: true; readonly terms: ApplicationTerms; readonly errors: Partial<Record<ApplicationField, string>> }
  | { readonly ok: false; readonly terms: null; readonly errors: Partial<Record<ApplicationField, string>> };

/** "2026-11-22T10:00" (UTC) -> Unix seconds, or null. */
export function parseUtcDateTime(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  return Number.isFinite(ms) ? ms / 1000 : null;
}

/** "2026-11-22" -> UTC day number, or null. */
export function parseUtcDay(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(ms) ? ms / 86_400_000 : null;
}

export function utcDateTimeText(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 16);
}

export function utcDayText(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function wholeNumber(
  text: string,
  what: string,
  max: bigint,
): { ok: true; value: bigint } | { ok: false; error: string } {
  const t = text.trim().replace(/,/g, "");
  if (t === "") return { ok: false, error: `Enter the ${what}.` };
  if (!/^\d+$/.test(t)) return { ok: false, error: `The ${what} is a whole number.` };
  const value = BigInt(t);
  if (value === 0n) return { ok: false, error: `The ${what} must be greater than zero.` };
  if (value > max) return { ok: false, error: `The ${what} is too large.` };
  return { ok: true, value };
}

const URI = /^(https?:\/\/[^\s]+|ipfs:\/\/[^\s]+|ar:\/\/[^\s]+|data:application\/json[^\s]*,.+)$/s;

export function validateApplication(form: ApplicationForm, rules: ApplicationRules): ApplicationValidation {
  const errors: Partial<Record<ApplicationField, string>> = {};
  const asset = rules.assets.find((a) => String(a.id) === form.assetId.trim());
  if (asset === undefined) errors.assetId = "Choose the asset.";

  const units = wholeNumber(form.units, "number of units", MAX_UINT40);
  if (!units.ok) errors.units = units.error;

  const price = parseAmount(form.price, rules.paymentToken.decimals);
  if (!price.ok) errors.price = price.error;
  else if (price.value === 0n) errors.price = "The price must be greater than zero.";
  else if (price.value > MAX_UINT128) errors.price = "The price is too large.";
  else if (units.ok && units.value * price.value > MAX_UINT128) errors.price = "Units x price is too large.";

  const rewardDecimals = asset?.rewardToken.decimals ?? 18;
  const reward = parseAmount(form.expectedDailyReward, rewardDecimals);
  if (!reward.ok) errors.expectedDailyReward = reward.error;
  else if (reward.value === 0n) errors.expectedDailyReward = "The expected reward must be greater than zero.";
  const rewardWad = reward.ok ? reward.value * WAD : 0n;
  if (rewardWad > MAX_UINT128) errors.expectedDailyReward = "The expected reward is too large.";

  const total = wholeNumber(form.totalHashpower, "total hashpower", MAX_UINT64);
  if (!total.ok) errors.totalHashpower = total.error;
  const effective = wholeNumber(form.effectiveHashpower, "effective hashpower", MAX_UINT64);
  if (!effective.ok) errors.effectiveHashpower = effective.error;
  if (total.ok && effective.ok && effective.value > total.value)
    errors.effectiveHashpower = "Effective hashpower cannot exceed the total.";
  if (units.ok && effective.ok && units.value > effective.value)
    errors.units = `Units for sale cannot exceed the effective hashpower (${effective.value.toString()}).`;

  const saleStart = parseUtcDateTime(form.saleStart);
  const saleEnd = parseUtcDateTime(form.saleEnd);
  if (saleStart === null) errors.saleStart = "Enter the sale opening as a UTC date and time.";
  if (saleEnd === null) errors.saleEnd = "Enter the sale closing as a UTC date and time.";
  const termStartDay = parseUtcDay(form.termStart);
  const termEndDay = parseUtcDay(form.termEnd);
  if (termStartDay === null) errors.termStart = "Enter the first day of the term.";
  if (termEndDay === null) errors.termEnd = "Enter the day the term ends.";
  if (termStartDay !== null && termEndDay !== null && termStartDay >= termEndDay)
    errors.termEnd = "The term must end after it starts.";
  if (saleStart !== null && saleEnd !== null) {
    if (saleStart >= saleEnd) errors.saleEnd = "The sale must close after it opens.";
    else if (saleEnd < rules.now + rules.governanceSeconds + SUBMIT_MARGIN_SECONDS) {
      // The contract's SaleEndsBeforeExecution, checked before the miner signs anything.
      errors.saleEnd = `The sale must still be open when the vote can execute at the earliest: after the voting delay and period, a possible late-quorum extension and the timelock delay, so close it at ${utcDateTimeText(Math.ceil((rules.now + rules.governanceSeconds + SUBMIT_MARGIN_SECONDS) / 60) * 60)} UTC or later.`;
    } else if (termStartDay !== null && saleEnd > termStartDay * DAY_SECONDS) {
      // The exchange creates the offering only if the sale closes when the term starts (OfferingFactory.validate),
      // so every buyer pays for and gets the whole term.
      errors.saleEnd = `The sale must close by the time the term starts (${utcDateTimeText(termStartDay * DAY_SECONDS)} UTC), so every buyer pays for the whole term.`;
    }
  }

  const minerName = form.minerName.trim();
  if (minerName === "") errors.minerName = "Enter the miner's name.";
  else if (minerName.length > 64) errors.minerName = "At most 64 characters.";
  const uri = form.disclosureURI.trim();
  if (uri === "") errors.disclosureURI = "Link the disclosure document (company, facilities, hashpower).";
  else if (!URI.test(uri)) errors.disclosureURI = "Use an https://, ipfs://, ar:// or data:application/json URI.";

  if (
    Object.keys(errors).length > 0 ||
    asset === undefined ||
    !units.ok ||
    !price.ok ||
    !total.ok ||
    !effective.ok ||
    saleStart === null ||
    saleEnd === null ||
    termStartDay === null ||
    termEndDay === null
  ) {
    return { ok: false, terms: null, errors };
  }
  return {
    ok: true,
    errors,
    terms: {
      assetId: asset.id,
      paymentToken: rules.paymentToken.address,
      rewardToken: asset.rewardToken.address,
      unitsTotal: units.value,
      pricePerUnit: price.value,
      saleStart,
      saleEnd,
      termStartDay,
      termEndDay,
      expectedDailyRewardPerUnitWad: rewardWad,
      totalHashpower: total.value,
      effectiveHashpower: effective.value,
      minerName,
      disclosureURI: uri,
    },
  };
}

/** The proposal text voters read first (the app also decodes the terms themselves). */
export function applicationDescription(
  t: ApplicationTerms,
  assetSymbol: string,
  unitLabel: string,
  priceText: string,
): string {
  const days = t.termEndDay - t.termStartDay;
  return `# Miner application: ${t.minerName}, ${t.unitsTotal.toString()} ${unitLabel} of ${assetSymbol}\n\n${t.minerName} offers ${t.unitsTotal.toString()} ${unitLabel} of ${assetSymbol} hashpower at ${priceText}/${unitLabel} for ${days} days (effective ${t.effectiveHashpower.toString()} of ${t.totalHashpower.toString()} ${unitLabel}). Disclosure: ${t.disclosureURI}`;
}

/** Where an application stands, for the progress strip: submitted -> voting -> ... -> offering live. */
export const APPLICATION_STEPS = ["Submitted", "Voting", "Succeeded", "Queued", "Executed", "Offering live"] as const;
export type ApplicationStep = (typeof APPLICATION_STEPS)[number];

export function applicationStep(
  proposalState: string,
  offeringId: string | null,
): { reached: number; failed: string | null } {
  if (offeringId !== null) return { reached: 5, failed: null };
  switch (proposalState) {
    case "Pending":
      return { reached: 0, failed: null };
    case "Active":
      return { reached: 1, failed: null };
    case "Succeeded":
      return { reached: 2, failed: null };
    case "Queued":
      return { reached: 3, failed: null };
    case "Executed":
      return { reached: 4, failed: null };
    case "Defeated":
      return { reached: 1, failed: "Defeated" };
    case "Canceled":
      return { reached: 0, failed: "Cancelled" };
    case "Expired":
      return { reached: 2, failed: "Expired" };
    default:
      return { reached: 0, failed: null };
  }
}

/** The contract's StakeState enum. */
export const STAKE_STATES = ["Locked", "Withdrawable", "Withdrawn", "Slashed"] as const;
export type StakeStateName = (typeof STAKE_STATES)[number];
