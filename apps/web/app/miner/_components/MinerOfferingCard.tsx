"use client";
import { bridgedTokenAbi, hashpowerExchangeAbi, marketRateOracleAbi } from "@dmex/deployments";
import Link from "next/link";
import { useState } from "react";
import { isAddress, type Address } from "viem";
import { useAccount, useReadContract, useReadContracts } from "wagmi";

import { useDeployment } from "~/components/DeploymentContext";
import { useTx } from "~/hooks/useTx";
import { StatusBadge } from "~/components/ui";
import { validateAmount } from "~/lib/amount";
import { judgeDeposit, judgingRate, type JudgingRate } from "~/lib/deposit";
import { decodeRecentShares, pushShare, windowShare, type RecentWindow, type Thresholds } from "~/lib/delinquency";
import type { OfferingStatusName } from "~/lib/escrow";
import { bpsPercent, formatAmount, formatDay, formatPerMille, formatToken, shortAddress } from "~/lib/format";
import type { MarketRateEntity, MinerOfferingEntity, OfferingEntity } from "~/lib/graphql/types";
import { utcText, windowOf } from "~/lib/offering";
import { flagReasonText, protection, reasonText } from "~/lib/protection";
import { suggestedDeposit, WAD } from "~/lib/rewards";
import { targetChain } from "~/services/chains";
import { tokenOf, type TokenInfo } from "~/services/tokens";

/** OfferingStatus enum index -> name (0, None, never reaches a card). */
const STATUS: readonly (OfferingStatusName | undefined)[] = [undefined, "Active", "Flagged", "Halted"];

interface LiveOffering {
  unitsSold: number;
  status: number;
  lastCoveredDay: number;
  recentShares: bigint;
  frozenDay: number;
}

/**
 * One offering on the miner desk. `role` "miner": deposits, escrow withdrawals and depositor
 * approvals; "depositor" (an account the miner approved): the deposit form only.
 */
export function MinerOfferingCard({
  offering: o,
  today,
  thresholds,
  marketRates,
  role,
}: {
  offering: MinerOfferingEntity;
  today: number;
  thresholds: Thresholds;
  marketRates: readonly MarketRateEntity[];
  role: "miner" | "depositor";
}) {
  const deployment = useDeployment();
  const exchange = deployment.exchange;
  const { address } = useAccount();
  const { run } = useTx();
  const reward = tokenOf(deployment.tokens, o.rewardToken.id);
  const pay = tokenOf(deployment.tokens, o.paymentToken.id);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const id = BigInt(o.id);

  const reads = useReadContracts({
    allowFailure: false,
    contracts:
      exchange && address
        ? [
            {
              address: exchange,
              abi: hashpowerExchangeAbi,
              functionName: "releasedToDate",
              args: [id],
              chainId: targetChain.id,
            },
            {
              address: exchange,
              abi: hashpowerExchangeAbi,
              functionName: "withdrawableEscrow",
              args: [id],
              chainId: targetChain.id,
            },
            {
              address: reward.address,
              abi: bridgedTokenAbi,
              functionName: "balanceOf",
              args: [address],
              chainId: targetChain.id,
            },
            {
              address: reward.address,
              abi: bridgedTokenAbi,
              functionName: "allowance",
              args: [address, exchange],
              chainId: targetChain.id,
            },
            {
              address: exchange,
              abi: hashpowerExchangeAbi,
              functionName: "getOffering",
              args: [id],
              chainId: targetChain.id,
            },
            {
              address: exchange,
              abi: hashpowerExchangeAbi,
              functionName: "defaultThresholds",
              chainId: targetChain.id,
            },
            { address: exchange, abi: hashpowerExchangeAbi, functionName: "oracle", chainId: targetChain.id },
          ]
        : [],
    query: { enabled: Boolean(exchange && address), refetchInterval: 3_000 },
  });
  const [releasedPair, withdrawable, balance, allowance, liveRaw, liveThresholds, oracleAddress] = (reads.data ??
    []) as unknown as [
    readonly [bigint, bigint] | undefined,
    bigint | undefined,
    bigint | undefined,
    bigint | undefined,
    LiveOffering | undefined,
    Thresholds | undefined,
    Address | undefined,
  ];
  // The chain's state first (the index can trail a deposit by a block or two), the indexed one until it is read.
  const t = liveThresholds ?? thresholds;
  const lastCoveredDay = liveRaw?.lastCoveredDay ?? o.lastCoveredDay;
  const unitsSold = BigInt(liveRaw?.unitsSold ?? o.unitsSold);
  const status = liveRaw ? (STATUS[liveRaw.status] ?? o.status) : o.status;
  const window = liveRaw ? decodeRecentShares(liveRaw.recentShares) : windowOf(o);
  const p = protection(
    {
      status,
      unitsSold,
      termStartDay: o.termStartDay,
      termEndDay: o.termEndDay,
      lastCoveredDay,
      holdbackDays: o.holdbackDays,
      window,
    },
    today,
    t,
  );
  const d = p.d;
  const nextDay = lastCoveredDay + 1;
  const canCover = nextDay < today && nextDay < o.termEndDay && unitsSold > 0n;

  async function withdraw() {
    if (!exchange || !address) return;
    setBusy(true);
    setMessage(null);
    const r = await run({
      label: `Withdraw released escrow (#${o.id})`,
      call: { address: exchange, abi: hashpowerExchangeAbi, functionName: "withdrawEscrow", args: [id, address] },
    });
    setMessage(r.ok ? { ok: true, text: "Released escrow sent to your wallet." } : { ok: false, text: r.error });
    await reads.refetch();
    setBusy(false);
  }

  return (
    <li className="card space-y-3 text-sm" data-testid="miner-offering" data-offering-id={o.id} data-role={role}>
      <div className="flex items-start justify-between gap-2">
        <Link href={`/offerings/${o.id}`} className="font-semibold text-brand-dark underline-offset-2 hover:underline">
          #{o.id} {o.minerName}
        </Link>
        <StatusBadge status={status} flaggable={d.canFlag} />
      </div>
      {role === "depositor" && (
        <p className="text-xs text-slate-700">
          You are an approved depositor of this offering (miner {shortAddress(o.miner.id)}): your deposits count as the
          miner&apos;s.
        </p>
      )}
      <p className="text-slate-700" data-testid="miner-flag-status">
        {status === "Active" && d.canFlag && (
          <>
            Default conditions hold ({reasonText(d, t)}): anyone can flag this offering now.{" "}
            {d.reason === "MissedDeposits"
              ? "Deposit the missing days."
              : "Pay at least the market for the coming days."}
          </>
        )}
        {status === "Active" &&
          !d.canFlag &&
          unitsSold > 0n &&
          (d.flagsAllowed ? (
            <>
              {p.missed} {p.window}
            </>
          ) : (
            <>No flag can be raised any more.</>
          ))}
        {status === "Active" && unitsSold === 0n && <>No units sold yet.</>}
        {status !== "Active" && (
          <>
            {status} (flagged on {formatDay(o.flaggedOnDay)} for {flagReasonText(o.flagReason)}): release is frozen at{" "}
            {formatDay(liveRaw?.frozenDay ?? o.frozenDay)}.
          </>
        )}
      </p>

      <fieldset className="space-y-2 rounded border border-slate-200 p-3" disabled={busy}>
        <legend className="px-1 font-medium">Reward deposit</legend>
        {canCover && exchange ? (
          <DepositPanel
            offering={o}
            exchange={exchange}
            oracle={oracleAddress ?? deployment.oracle}
            reward={reward}
            nextDay={nextDay}
            today={today}
            units={unitsSold}
            thresholds={t}
            recentShares={liveRaw?.recentShares ?? null}
            balance={balance}
            allowance={allowance}
            marketRates={marketRates}
            onDone={async (m) => {
              setMessage(m);
              await reads.refetch();
            }}
            setBusy={setBusy}
          />
        ) : (
          <p className="text-slate-700">
            {unitsSold === 0n
              ? "No units sold: nothing to pay yet."
              : nextDay >= o.termEndDay
                ? "Every day of the term is covered."
                : `Covered through ${formatDay(lastCoveredDay)}; the next day (${formatDay(nextDay)}) can be covered once it is over.`}
          </p>
        )}
      </fieldset>

      {role === "miner" && (
        <fieldset className="space-y-2 rounded border border-slate-200 p-3" disabled={busy}>
          <legend className="px-1 font-medium">Escrow</legend>
          <dl className="num grid grid-cols-2 gap-1">
            <dt className="text-slate-600">Total escrowed</dt>
            <dd>{formatToken(BigInt(o.totalNet), pay.decimals, pay.symbol, 2)}</dd>
            <dt className="text-slate-600">Released to date</dt>
            <dd data-testid="released-to-date">
              {releasedPair
                ? `${formatToken(releasedPair[0], pay.decimals, pay.symbol, 2)} (to ${formatDay(Number(releasedPair[1]))})`
                : "…"}
            </dd>
            <dt className="text-slate-600">Withdrawn</dt>
            <dd>{formatToken(BigInt(o.withdrawn), pay.decimals, pay.symbol, 2)}</dd>
            <dt className="text-slate-600">Withdrawable now</dt>
            <dd data-testid="withdrawable">
              {withdrawable === undefined ? "…" : formatToken(withdrawable, pay.decimals, pay.symbol, 2)}
            </dd>
          </dl>
          <p className="text-xs text-slate-700" data-testid="holdback">
            <strong className="font-semibold">Holdback:</strong> {p.holdbackText}
            {!p.holdback.inZone && status === "Active"
              ? " Deposit those days promptly: their escrow waits for them."
              : ""}
          </p>
          <button
            type="button"
            className="btn-secondary"
            disabled={!withdrawable}
            onClick={() => void withdraw()}
            data-testid="withdraw-button"
          >
            Withdraw to my wallet
          </button>
          {o.withdrawals.length > 0 && (
            <details>
              <summary className="cursor-pointer text-slate-700">Recent withdrawals</summary>
              <ul className="num mt-1 text-xs">
                {o.withdrawals.map((w) => (
                  <li key={w.id}>
                    {formatToken(BigInt(w.amount), pay.decimals, pay.symbol, 2)} (released to {formatDay(w.releasedDay)}
                    )
                  </li>
                ))}
              </ul>
            </details>
          )}
        </fieldset>
      )}

      {role === "miner" && exchange && (
        <DepositorsPanel
          offeringId={o.id}
          exchange={exchange}
          approved={o.approvedDepositors ?? []}
          busy={busy}
          setBusy={setBusy}
          onDone={setMessage}
        />
      )}
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-emerald-800" : "text-red-800"}>
          {message.text}
        </p>
      )}
    </li>
  );
}

/** "0.0009 IFIL per unit" for a WAD-scaled per-unit rate. */
function perUnit(wad: bigint, token: TokenInfo) {
  return `${formatAmount(wad / WAD, token.decimals, 8)} ${token.symbol} per unit`;
}

/** "Judged at 92.0% of the market; the last 7 judged days would then average 88.1%. " */
function judgedText(share: number | null, after: RecentWindow | null, t: Thresholds): string {
  if (share === null) return "";
  const capped = share === 1000 ? " (the most a day counts)" : "";
  if (after === null) return `Judged at ${formatPerMille(share)} of the market${capped}. `;
  const n = Math.min(after.shares.length, t.windowDays);
  const then =
    after.shares.length >= t.windowDays
      ? `the last ${n} judged days would then average ${formatPerMille(windowShare(after, t.windowDays))}`
      : `${n} of ${t.windowDays} days would then be judged`;
  return `Judged at ${formatPerMille(share)} of the market${capped}; ${then}. `;
}

function rateText(rate: JudgingRate, token: TokenInfo): string {
  switch (rate.kind) {
    case "final":
      return `Judged against the oracle's final report for ${formatDay(rate.day)}: ${perUnit(rate.avgWad, token)}.`;
    case "latest":
      return `The oracle is over a day late: judged against its latest final report (${formatDay(rate.reportDay)}): ${perUnit(rate.avgWad, token)}.`;
    case "correctable":
      return `The oracle reported ${formatDay(rate.day)}; the report can be corrected until ${utcText(rate.finalAt)} and is final from then on: deposit after that.`;
    case "waiting":
      return `Waiting for the oracle's report for ${formatDay(rate.day)} (final 1 h after publication): a deposit before it would revert.`;
    case "loading":
      return "Reading the oracle…";
  }
}

function DepositPanel(props: {
  offering: OfferingEntity;
  exchange: Address;
  oracle: Address | null;
  reward: TokenInfo;
  nextDay: number;
  today: number;
  units: bigint;
  thresholds: Thresholds;
  recentShares: bigint | null;
  balance: bigint | undefined;
  allowance: bigint | undefined;
  marketRates: readonly MarketRateEntity[];
  onDone: (m: { ok: boolean; text: string }) => Promise<void>;
  setBusy: (b: boolean) => void;
}) {
  const { offering: o, exchange, oracle, reward, nextDay, today, units, thresholds: t, balance, allowance } = props;
  const { run } = useTx();
  const assetId = Number(o.asset.id);
  const suggested = suggestedDeposit(units, BigInt(o.expectedDailyRewardPerUnitWad));
  const [amount, setAmount] = useState(formatAmount(suggested, reward.decimals, reward.decimals).replace(/,/g, ""));
  const oracleReads = useReadContracts({
    allowFailure: false,
    contracts: oracle
      ? [
          {
            address: oracle,
            abi: marketRateOracleAbi,
            functionName: "rateOf",
            args: [assetId, BigInt(nextDay)],
            chainId: targetChain.id,
          },
          {
            address: oracle,
            abi: marketRateOracleAbi,
            functionName: "latestRate",
            args: [assetId],
            chainId: targetChain.id,
          },
        ]
      : [],
    query: { enabled: oracle !== null, refetchInterval: 5_000 },
  });
  const [rateOf, latest] = (oracleReads.data ?? []) as unknown as [
    readonly [bigint, boolean] | undefined,
    readonly [bigint, bigint, boolean] | undefined,
  ];
  const indexed = props.marketRates.find(
    (m) => m.assetId === assetId && m.day === nextDay && m.oracle.toLowerCase() === oracle?.toLowerCase(),
  );
  const rate = judgingRate(nextDay, today, {
    rateOf: rateOf && { avgWad: rateOf[0], final: rateOf[1] },
    latest: latest && { avgWad: latest[0], day: Number(latest[1]), reported: latest[2] },
    pendingFinalAt: indexed ? Number(indexed.finalAt) : undefined,
  });
  const market = rate.kind === "final" || rate.kind === "latest" ? rate.avgWad : null;
  const parsed = validateAmount(amount, reward.decimals, {
    ...(balance !== undefined && { balance }),
    symbol: reward.symbol,
  });
  const j = market === null ? null : judgeDeposit(units, market, t, parsed.ok ? parsed.value : null);
  const minimumError = j?.belowMinimum
    ? `This deposit pays ${formatPerMille(j.share ?? 0)} of the market average for ${formatDay(nextDay)}, under the ${bpsPercent(t.minCoverageBps)} minimum: the chain would refuse it (DepositBelowMinimum) and the day would stay uncovered. Deposit at least ${formatToken(j.minimum, reward.decimals, reward.symbol, 8)}.`
    : null;
  const error = !parsed.ok ? parsed.error : minimumError;
  const after =
    j?.share !== null && j?.share !== undefined && props.recentShares !== null
      ? decodeRecentShares(pushShare(props.recentShares, j.share))
      : null;
  const needsApproval = parsed.ok && allowance !== undefined && allowance < parsed.value;
  const canDeposit = parsed.ok && market !== null && minimumError === null;
  const fill = (v: bigint) => setAmount(formatAmount(v, reward.decimals, reward.decimals).replace(/,/g, ""));
  const help = `dep-${o.id}-help`;

  async function deposit() {
    if (!parsed.ok) return;
    props.setBusy(true);
    if (needsApproval) {
      const a = await run({
        label: `Approve ${formatToken(parsed.value, reward.decimals, reward.symbol)}`,
        call: {
          address: reward.address,
          abi: bridgedTokenAbi,
          functionName: "approve",
          args: [exchange, parsed.value],
        },
      });
      if (!a.ok) {
        await props.onDone({ ok: false, text: a.error });
        props.setBusy(false);
        return;
      }
    }
    const r = await run({
      label: `Deposit rewards for ${formatDay(nextDay)} (#${o.id})`,
      call: {
        address: exchange,
        abi: hashpowerExchangeAbi,
        functionName: "depositReward",
        args: [BigInt(o.id), parsed.value],
      },
    });
    await props.onDone(
      r.ok ? { ok: true, text: `Deposited for ${formatDay(nextDay)}.` } : { ok: false, text: r.error },
    );
    props.setBusy(false);
  }

  return (
    <>
      <p className="text-slate-700">
        This deposit covers <strong data-testid="deposit-day">{formatDay(nextDay)}</strong> for {units.toString()}{" "}
        units.
      </p>
      <p className="text-slate-700" data-testid="deposit-rate">
        {rateText(rate, reward)}
      </p>
      {j && (
        <dl className="num grid grid-cols-2 gap-1 text-xs" data-testid="deposit-amounts">
          <dt className="text-slate-600">Minimum ({bpsPercent(t.minCoverageBps)}, the chain refuses less)</dt>
          <dd>
            <button
              type="button"
              className="underline"
              onClick={() => fill(j.minimum)}
              aria-label={`Use the minimum, ${formatToken(j.minimum, reward.decimals, reward.symbol, 8)}`}
            >
              {formatToken(j.minimum, reward.decimals, reward.symbol, 8)}
            </button>
          </dd>
          <dt className="text-slate-600">{bpsPercent(t.minRewardRatioBps)} of the market (the window&apos;s line)</dt>
          <dd>
            <button
              type="button"
              className="underline"
              onClick={() => fill(j.line)}
              aria-label={`Use ${bpsPercent(t.minRewardRatioBps)} of the market, ${formatToken(j.line, reward.decimals, reward.symbol, 8)}`}
            >
              {formatToken(j.line, reward.decimals, reward.symbol, 8)}
            </button>
          </dd>
          <dt className="text-slate-600">The market (100%)</dt>
          <dd>
            <button
              type="button"
              className="underline"
              onClick={() => fill(j.full)}
              aria-label={`Use the market rate, ${formatToken(j.full, reward.decimals, reward.symbol, 8)}`}
            >
              {formatToken(j.full, reward.decimals, reward.symbol, 8)}
            </button>
          </dd>
          <dt className="text-slate-600">
            Your expectation ({units.toString()} ×{" "}
            {formatAmount(BigInt(o.expectedDailyRewardPerUnitWad) / WAD, reward.decimals, 8)})
          </dt>
          <dd>
            <button
              type="button"
              className="underline"
              onClick={() => fill(suggested)}
              aria-label={`Use your expected reward, ${formatToken(suggested, reward.decimals, reward.symbol, 8)}`}
            >
              {formatToken(suggested, reward.decimals, reward.symbol, 8)}
            </button>
          </dd>
        </dl>
      )}
      <label htmlFor={`dep-${o.id}`} className="label">
        Amount ({reward.symbol})
      </label>
      <input
        id={`dep-${o.id}`}
        className="input"
        inputMode="decimal"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        aria-invalid={error !== null}
        aria-describedby={help}
      />
      <p
        id={help}
        className={`text-xs ${error === null ? "text-slate-600" : "text-red-800"}`}
        data-testid="deposit-help"
      >
        {error ??
          `${judgedText(j?.share ?? null, after, t)}Balance ${balance === undefined ? "…" : formatToken(balance, reward.decimals, reward.symbol, 6)}.`}
      </p>
      <button
        type="button"
        className="btn-primary"
        disabled={!canDeposit}
        onClick={() => void deposit()}
        data-testid="deposit-button"
      >
        {needsApproval ? "Approve and deposit" : "Deposit"}
      </button>
    </>
  );
}

/** The miner approves or revokes accounts (e.g. its pool's payout address) that may deposit for the offering. */
function DepositorsPanel({
  offeringId,
  exchange,
  approved: listed,
  busy,
  setBusy,
  onDone,
}: {
  offeringId: string;
  exchange: Address;
  approved: readonly string[];
  busy: boolean;
  setBusy: (b: boolean) => void;
  onDone: (m: { ok: boolean; text: string }) => void;
}) {
  const { run } = useTx();
  const [input, setInput] = useState("");
  const text = input.trim();
  const valid = isAddress(text);
  const inputId = `depositor-${offeringId}`;
  const { data: approved, refetch } = useReadContract({
    address: exchange,
    abi: hashpowerExchangeAbi,
    functionName: "isDepositor",
    args: valid ? [BigInt(offeringId), text] : undefined,
    chainId: targetChain.id,
    query: { enabled: valid },
  });

  async function set(approve: boolean) {
    if (!valid) return;
    setBusy(true);
    const label = `${approve ? "Approve" : "Revoke"} depositor ${shortAddress(text)} for #${offeringId}`;
    const r = await run({
      label,
      call: {
        address: exchange,
        abi: hashpowerExchangeAbi,
        functionName: "setDepositor",
        args: [BigInt(offeringId), text, approve],
      },
    });
    onDone(r.ok ? { ok: true, text: `${label}: done.` } : { ok: false, text: r.error });
    await refetch();
    setBusy(false);
  }

  return (
    <fieldset className="space-y-2 rounded border border-slate-200 p-3" disabled={busy} data-testid="depositors">
      <legend className="px-1 font-medium">Depositors</legend>
      <p className="text-xs text-slate-700">
        Only you and the accounts you approve (e.g. your pool&apos;s payout address) can deposit this offering&apos;s
        rewards; their deposits count as yours. Revoke an account any time.
      </p>
      {listed.length > 0 ? (
        <ul className="text-xs" aria-label="Approved depositors" data-testid="depositor-list">
          {listed.map((a) => (
            <li key={a} className="flex items-center justify-between gap-2">
              <span className="font-mono">{shortAddress(a)}</span>
              <button
                type="button"
                className="underline"
                onClick={() => setInput(a)}
                aria-label={`Select ${a} to revoke it`}
              >
                select
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-xs text-slate-600">No depositor approved: only you deposit.</p>
      )}
      <label htmlFor={inputId} className="label">
        Depositor address
      </label>
      <input
        id={inputId}
        className="input font-mono"
        value={input}
        onChange={(e) => setInput(e.target.value)}
        placeholder="0x…"
        aria-invalid={text !== "" && !valid}
        aria-describedby={`${inputId}-help`}
      />
      <p
        id={`${inputId}-help`}
        className={`text-xs ${text !== "" && !valid ? "text-red-800" : "text-slate-600"}`}
        data-testid="depositor-state"
      >
        {text === ""
          ? "Enter an address to check or change it."
          : !valid
            ? "Not an address (0x followed by 40 hex digits)."
            : approved === undefined
              ? "Checking…"
              : approved
                ? "Approved: it may deposit for this offering."
                : "Not approved."}
      </p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className="btn-secondary"
          disabled={!valid || approved === true}
          onClick={() => void set(true)}
        >
          Approve depositor
        </button>
        <button
          type="button"
          className="btn-secondary"
          disabled={!valid || approved !== true}
          onClick={() => void set(false)}
        >
          Revoke
        </button>
      </div>
    </fieldset>
  );
}
