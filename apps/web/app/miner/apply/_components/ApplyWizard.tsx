"use client";
import { dmcTokenAbi, hashpowerExchangeAbi, minerApplicationsAbi } from "@dmex/deployments";
import Link from "next/link";
import { useMemo, useState } from "react";
import { decodeEventLog, type Address } from "viem";
import { useAccount, useConfig, useReadContract, useReadContracts } from "wagmi";
import { getTransactionReceipt } from "wagmi/actions";

import { ConnectPrompt } from "~/components/ConnectPrompt";
import { useDao, useExchangeAddress } from "~/components/DeploymentContext";
import { OfferingCardView } from "~/components/OfferingCardView";
import { NftPreview } from "~/app/offerings/[id]/_components/NftPreview";
import { useTx } from "~/hooks/useTx";
import { useChainNow } from "~/hooks/useChainNow";
import {
  applicationDescription,
  utcDateTimeText,
  utcDayText,
  validateApplication,
  type ApplicationField,
  type ApplicationForm,
  type ApplicationRules,
} from "~/lib/dao/application";
import { explainError } from "~/lib/errors";
import { formatAmount } from "~/lib/format";
import { signPermit } from "~/lib/permit";
import { pricePerUnitDay } from "~/lib/apr";
import { WAD } from "~/lib/rewards";
import { targetChain } from "~/services/chains";

export interface ApplyAsset {
  id: number;
  symbol: string;
  unitLabel: string;
  rewardToken: { address: Address; decimals: number; symbol: string };
  /** A sensible expected daily reward per unit, in the reward token (the market's recent level). */
  suggestedReward: string;
  /** A position of this asset whose on-chain card shows what buyers will hold. */
  exampleTokenId: string | null;
}

export interface ApplyProps {
  assets: ApplyAsset[];
  paymentToken: { address: Address; decimals: number; symbol: string };
  governanceSeconds: number;
  /** Chain time when the page rendered (defaults of the windows). */
  renderedAt: number;
}

type Method = "approve" | "permit";

/** Fields whose check involves another field (units <= effective <= total, the windows). */
const RELATED: Partial<Record<ApplicationField, readonly ApplicationField[]>> = {
  units: ["effectiveHashpower"],
  effectiveHashpower: ["totalHashpower", "units"],
  saleEnd: ["saleStart", "termStart"],
  termStart: ["saleEnd"],
  termEnd: ["termStart"],
  price: ["units"],
};

function defaults(p: ApplyProps): ApplicationForm {
  const now = Math.floor(p.renderedAt / 60) * 60;
  const today = Math.floor(p.renderedAt / 86_400);
  const asset = p.assets[0];
  return {
    assetId: asset ? String(asset.id) : "",
    units: "500",
    price: "38",
    // A two-week sale that closes when the term starts (the exchange requires it: every buyer pays for the whole term).
    saleStart: utcDateTimeText(now),
    saleEnd: utcDateTimeText((today + 15) * 86_400),
    termStart: utcDayText(today + 15),
    termEnd: utcDayText(today + 15 + 540),
    expectedDailyReward: asset?.suggestedReward ?? "",
    totalHashpower: "1000",
    effectiveHashpower: "900",
    minerName: "",
    disclosureURI: "",
  };
}

const FIELDS: readonly {
  key: ApplicationField;
  label: (a: ApplyAsset | undefined, pay: string) => string;
  type?: string;
  help?: string;
  mode?: "numeric" | "decimal";
}[] = [
  { key: "minerName", label: () => "Miner name", help: "Shown on the offering and every position card." },
  {
    key: "disclosureURI",
    label: () => "Disclosure URI",
    help: "Company, facilities, miner ids and hashpower (https://, ipfs://, ar:// or data:application/json).",
  },
  { key: "units", label: (a) => `Units for sale (${a?.unitLabel ?? "units"})`, mode: "numeric" },
  { key: "price", label: (_a, pay) => `Price per unit (${pay})`, mode: "decimal" },
  { key: "totalHashpower", label: (a) => `Total hashpower (${a?.unitLabel ?? "units"})`, mode: "numeric" },
  {
    key: "effectiveHashpower",
    label: (a) => `Effective hashpower (${a?.unitLabel ?? "units"})`,
    mode: "numeric",
    help: "Units for sale ≤ effective ≤ total.",
  },
  {
    key: "expectedDailyReward",
    label: (a) => `Expected daily reward per unit (${a?.rewardToken.symbol ?? "reward token"})`,
    mode: "decimal",
  },
  { key: "saleStart", label: () => "Sale opens (UTC)", type: "datetime-local" },
  {
    key: "saleEnd",
    label: () => "Sale closes (UTC)",
    type: "datetime-local",
    help: "Must still be open when the vote can execute at the earliest (voting delay and period, a possible late-quorum extension, the timelock delay), and close by the time the term starts.",
  },
  { key: "termStart", label: () => "Term starts (UTC day)", type: "date" },
  { key: "termEnd", label: () => "Term ends (UTC day)", type: "date" },
];

/** Terms -> live preview -> required stake -> approve DMC (or permit) -> submit; the vote then runs on the governance page. */
export function ApplyWizard(props: ApplyProps) {
  const dao = useDao();
  const config = useConfig();
  const { address, isConnected } = useAccount();
  const { seconds } = useChainNow(props.renderedAt);
  const { run } = useTx();
  const [form, setForm] = useState<ApplicationForm>(() => defaults(props));
  const [touched, setTouched] = useState<Partial<Record<ApplicationField, boolean>>>({});
  const [method, setMethod] = useState<Method>("approve");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{
    ok: boolean;
    text: string;
    applicationId?: string;
    proposalId?: string;
  } | null>(null);

  const rules: ApplicationRules = useMemo(
    () => ({
      now: seconds ?? props.renderedAt,
      governanceSeconds: props.governanceSeconds,
      assets: props.assets,
      paymentToken: props.paymentToken,
    }),
    [seconds, props],
  );
  const v = validateApplication(form, rules);
  const asset = props.assets.find((a) => String(a.id) === form.assetId);
  const terms = v.ok ? v.terms : null;
  const termsArg = terms && { ...terms, unitsTotal: Number(terms.unitsTotal) };

  const stake = useReadContract({
    address: dao?.applications,
    abi: minerApplicationsAbi,
    functionName: "requiredStake",
    args: termsArg ? [termsArg] : undefined,
    chainId: targetChain.id,
    query: { enabled: Boolean(dao && termsArg) },
  });
  const required = stake.data;
  // The exchange's own check of the offering the approval would create (listed tokens, the sale
  // closing by the term start...): terms it would refuse never reach a vote whose execution reverts.
  const exchange = useExchangeAddress();
  const offeringCheck = useReadContract({
    address: exchange ?? undefined,
    abi: hashpowerExchangeAbi,
    functionName: "validateTerms",
    args:
      terms && address
        ? [
            {
              miner: address,
              assetId: terms.assetId,
              paymentToken: terms.paymentToken,
              rewardToken: terms.rewardToken,
              unitsTotal: Number(terms.unitsTotal),
              pricePerUnit: terms.pricePerUnit,
              saleStart: terms.saleStart,
              saleEnd: terms.saleEnd,
              termStartDay: terms.termStartDay,
              termEndDay: terms.termEndDay,
              expectedDailyRewardPerUnitWad: terms.expectedDailyRewardPerUnitWad,
              minerName: terms.minerName,
              metadataURI: terms.disclosureURI,
            },
          ]
        : undefined,
    chainId: targetChain.id,
    query: { enabled: Boolean(exchange && terms && address) },
  });
  const refused = offeringCheck.error ? explainError(offeringCheck.error) : null;
  const exchangeRefuses = refused !== null && refused.kind === "revert" ? refused.message : null;
  const wallet = useReadContracts({
    allowFailure: false,
    contracts:
      dao && address
        ? [
            { address: dao.dmc, abi: dmcTokenAbi, functionName: "balanceOf", args: [address], chainId: targetChain.id },
            {
              address: dao.dmc,
              abi: dmcTokenAbi,
              functionName: "allowance",
              args: [address, dao.applications],
              chainId: targetChain.id,
            },
          ]
        : [],
    query: { enabled: Boolean(dao && address), refetchInterval: 4_000 },
  });
  const [balance, allowance] = (wallet.data ?? []) as unknown as [bigint | undefined, bigint | undefined];
  const insufficient = required !== undefined && balance !== undefined && balance < required;
  const needsApproval =
    method === "approve" && required !== undefined && allowance !== undefined && allowance < required;

  const set = (k: ApplicationField) => (e: { target: { value: string } }) => {
    const value = e.target.value;
    setForm((f) => {
      const next = { ...f, [k]: value };
      if (k === "assetId")
        next.expectedDailyReward =
          props.assets.find((a) => String(a.id) === value)?.suggestedReward ?? f.expectedDailyReward;
      return next;
    });
    setTouched((t) => ({ ...t, [k]: true }));
  };
  // A field's error shows once it, or a field it is checked against, was edited.
  const errorOf = (k: ApplicationField) =>
    touched[k] || (RELATED[k] ?? []).some((r) => touched[r]) || result?.ok === false ? v.errors[k] : undefined;

  async function approve() {
    if (!dao || required === undefined) return;
    setBusy(true);
    setResult(null);
    const r = await run({
      label: `Approve ${formatAmount(required, 18, 2)} DMC stake`,
      call: { address: dao.dmc, abi: dmcTokenAbi, functionName: "approve", args: [dao.applications, required] },
    });
    if (!r.ok) setResult({ ok: false, text: r.error });
    await wallet.refetch();
    setBusy(false);
  }

  async function submit() {
    if (!dao || !terms || !termsArg || !asset || !address || required === undefined) {
      setTouched(Object.fromEntries(FIELDS.map((f) => [f.key, true])));
      return;
    }
    setBusy(true);
    setResult(null);
    const priceText = `${formatAmount(terms.pricePerUnit, props.paymentToken.decimals, props.paymentToken.decimals)} ${props.paymentToken.symbol}`;
    const description = applicationDescription(terms, asset.symbol, asset.unitLabel, priceText);
    const label = `Submit application: ${terms.unitsTotal.toString()} ${asset.unitLabel} of ${asset.symbol}`;
    const r =
      method === "permit"
        ? await run({
            label,
            call: async () => {
              const deadline = BigInt((seconds ?? props.renderedAt) + 3600 * 24 * 30);
              const {
                v: sv,
                r: sr,
                s,
              } = await signPermit(config, {
                token: dao.dmc,
                owner: address,
                spender: dao.applications,
                value: required,
                deadline,
              });
              return {
                address: dao.applications,
                abi: minerApplicationsAbi,
                functionName: "submitWithPermit",
                args: [termsArg, description, deadline, sv, sr, s],
              };
            },
          })
        : await run({
            label,
            call: {
              address: dao.applications,
              abi: minerApplicationsAbi,
              functionName: "submit",
              args: [termsArg, description],
            },
          });
    if (!r.ok) {
      setResult({ ok: false, text: r.error });
    } else {
      let ids: { applicationId?: string; proposalId?: string } = {};
      try {
        const receipt = await getTransactionReceipt(config, { hash: r.hash, chainId: targetChain.id });
        for (const log of receipt.logs) {
          if (log.address.toLowerCase() !== dao.applications.toLowerCase()) continue;
          try {
            const ev = decodeEventLog({ abi: minerApplicationsAbi, data: log.data, topics: log.topics });
            if (ev.eventName === "ApplicationSubmitted")
              ids = { applicationId: ev.args.applicationId.toString(), proposalId: ev.args.proposalId.toString() };
          } catch {
            // another event
          }
        }
      } catch {
        // the receipt is only for the links below
      }
      setResult({
        ok: true,
        text: `Submitted${ids.applicationId ? ` as application #${ids.applicationId}` : ""}: DMC holders vote on it next.`,
        ...ids,
      });
    }
    await wallet.refetch();
    setBusy(false);
  }

  if (!dao) return <p className="text-sm text-slate-700">The DAO is not deployed on this chain.</p>;
  if (!isConnected)
    return (
      <div className="card space-y-2 text-sm">
        <p>Connect the miner&apos;s wallet to apply.</p>
        <ConnectPrompt />
      </div>
    );

  const pay = props.paymentToken;
  const days = terms ? terms.termEndDay - terms.termStartDay : null;
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <form
        className="card space-y-4 lg:col-span-2"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void (needsApproval ? approve() : submit());
        }}
        data-testid="apply-form"
      >
        <div>
          <label htmlFor="apply-assetId" className="label">
            Asset
          </label>
          <select id="apply-assetId" className="input" value={form.assetId} onChange={set("assetId")}>
            {props.assets.map((a) => (
              <option key={a.id} value={a.id}>
                {a.symbol} (per {a.unitLabel}; rewards in {a.rewardToken.symbol})
              </option>
            ))}
          </select>
          <p className="mt-1 text-xs text-slate-600">
            Buyers pay in {pay.symbol} ({pay.decimals} decimals).
          </p>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          {FIELDS.map((f) => {
            const err = errorOf(f.key);
            return (
              <div key={f.key} className={f.key === "disclosureURI" || f.key === "minerName" ? "sm:col-span-2" : ""}>
                <label htmlFor={`apply-${f.key}`} className="label">
                  {f.label(asset, pay.symbol)}
                </label>
                <input
                  id={`apply-${f.key}`}
                  className="input"
                  type={f.type ?? "text"}
                  inputMode={f.mode}
                  value={form[f.key]}
                  onChange={set(f.key)}
                  onBlur={() => setTouched((t) => ({ ...t, [f.key]: true }))}
                  aria-invalid={err !== undefined}
                  aria-describedby={`apply-${f.key}-help`}
                />
                <p id={`apply-${f.key}-help`} className={`mt-1 text-xs ${err ? "text-red-800" : "text-slate-600"}`}>
                  {err ?? f.help ?? (f.type === "datetime-local" || f.type === "date" ? "UTC" : "\u00a0")}
                </p>
              </div>
            );
          })}
        </div>
        <fieldset className="text-sm">
          <legend className="label">Stake approval</legend>
          <label className="mr-4 inline-flex items-center gap-1">
            <input
              type="radio"
              name="stake-method"
              checked={method === "approve"}
              onChange={() => setMethod("approve")}
            />{" "}
            Approve DMC, then submit
          </label>
          <label className="inline-flex items-center gap-1">
            <input
              type="radio"
              name="stake-method"
              checked={method === "permit"}
              onChange={() => setMethod("permit")}
            />{" "}
            Permit signature (one transaction)
          </label>
        </fieldset>
        <dl className="num grid grid-cols-2 gap-1 text-sm">
          <dt className="text-slate-600">Required stake</dt>
          <dd className="text-right font-semibold" data-testid="required-stake">
            {required === undefined ? (terms ? "…" : "complete the form") : `${formatAmount(required, 18, 2)} DMC`}
          </dd>
          <dt
            className="text-slate-600"
            title="Voting delay and period, a late-quorum extension, the timelock delay: the sale must still be open then"
          >
            Approval executable by (submitted now)
          </dt>
          <dd className="text-right" data-testid="earliest-execution">
            {utcDateTimeText(rules.now + props.governanceSeconds).replace("T", " ")} UTC
          </dd>
          <dt className="text-slate-600">Your DMC</dt>
          <dd className="text-right" data-testid="dmc-balance">
            {balance === undefined ? "…" : `${formatAmount(balance, 18, 2)} DMC`}
          </dd>
        </dl>
        {insufficient && (
          <p role="alert" className="text-sm text-red-800">
            Not enough DMC for the stake.
          </p>
        )}
        {exchangeRefuses !== null && (
          <p role="alert" className="text-sm text-red-800" data-testid="exchange-refuses">
            The exchange would refuse to create this offering when the vote executes: {exchangeRefuses}
          </p>
        )}
        <button
          type="submit"
          className="btn-primary w-full"
          disabled={busy || insufficient || exchangeRefuses !== null || (v.ok && required === undefined)}
          data-testid="apply-submit"
        >
          {busy
            ? "Working…"
            : needsApproval && required !== undefined
              ? `Approve ${formatAmount(required, 18, 2)} DMC`
              : "Submit application"}
        </button>
        {!v.ok && Object.keys(touched).length > 0 && (
          <p className="text-xs text-red-800">Fix the fields marked above.</p>
        )}
        {result && (
          <div
            role={result.ok ? "status" : "alert"}
            className={`text-sm ${result.ok ? "text-emerald-800" : "text-red-800"}`}
            data-testid="apply-result"
          >
            <p>{result.text}</p>
            {result.proposalId && (
              <p className="mt-1">
                <Link className="underline" href={`/governance/${result.proposalId}`}>
                  Follow the vote
                </Link>{" "}
                ·{" "}
                <Link className="underline" href="/miner">
                  Your applications
                </Link>
              </p>
            )}
          </div>
        )}
      </form>
      <aside className="space-y-4" aria-label="Preview">
        <h2 className="text-lg font-semibold">Preview</h2>
        <OfferingCardView
          testId="apply-preview"
          title={`${form.minerName.trim() || "Your miner name"}: ${asset?.symbol ?? "?"}`}
          badge={
            <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-800">application</span>
          }
          rows={[
            ["Asset", asset ? `${asset.symbol} (${asset.unitLabel})` : "?"],
            [
              "Unit price",
              terms ? `${formatAmount(terms.pricePerUnit, pay.decimals, 2)} ${pay.symbol}` : form.price || "?",
            ],
            [
              "Per unit per day",
              terms
                ? `${formatAmount(pricePerUnitDay(terms.pricePerUnit, terms.termStartDay, terms.termEndDay), pay.decimals, 6)} ${pay.symbol}`
                : "?",
            ],
            ["Term", days === null ? "?" : `${days} days`],
            [
              "Sale",
              terms
                ? terms.saleEnd === terms.termStartDay * 86_400
                  ? "closes when the term starts"
                  : "closes before the term starts"
                : "?",
            ],
            [
              "Reward/unit/day",
              terms && asset
                ? `${formatAmount(terms.expectedDailyRewardPerUnitWad / WAD, asset.rewardToken.decimals, 8)} ${asset.rewardToken.symbol}`
                : "?",
            ],
            ["Units", terms ? `${terms.unitsTotal.toString()} ${asset?.unitLabel ?? ""}` : form.units || "?"],
            [
              "Offering value",
              terms ? `${formatAmount(terms.unitsTotal * terms.pricePerUnit, pay.decimals, 2)} ${pay.symbol}` : "?",
            ],
          ]}
        />
        <p className="text-xs text-slate-600">
          As the marketplace will list it once the DAO approves. Each purchase then mints a position NFT whose card the
          contract renders from these terms.
        </p>
        {asset?.exampleTokenId && (
          <NftPreview
            tokenId={asset.exampleTokenId}
            caption={`a live ${asset.symbol} position: yours will show your name, units and term.`}
          />
        )}
        {terms && asset && (
          <div className="card text-sm">
            <h3 className="font-semibold">Proposal voters will read</h3>
            <p className="mt-1 whitespace-pre-wrap break-words text-slate-800">
              {applicationDescription(
                terms,
                asset.symbol,
                asset.unitLabel,
                `${formatAmount(terms.pricePerUnit, pay.decimals, pay.decimals)} ${pay.symbol}`,
              )}
            </p>
          </div>
        )}
      </aside>
    </div>
  );
}
