"use client";
import { bridgedTokenAbi, hashpowerExchangeAbi } from "@dmex/deployments";
import { useState } from "react";
import { useAccount, useConfig, useReadContracts } from "wagmi";

import { useExchangeAddress } from "~/components/DeploymentContext";
import { ConnectPrompt } from "~/components/ConnectPrompt";
import { ReferredBy } from "~/components/ReferredBy";
import { usePurchaseReferrer } from "~/hooks/usePurchaseReferrer";
import { useTx } from "~/hooks/useTx";
import { validateUnits, validateAmount } from "~/lib/amount";
import type { OfferingStatusName } from "~/lib/escrow";
import type { SalePhase } from "~/lib/offering";
import { formatAmount, formatToken } from "~/lib/format";
import { signPermit } from "~/lib/permit";
import { targetChain } from "~/services/chains";
import type { TokenInfo } from "~/services/tokens";

export interface BuyOffering {
  id: string;
  pricePerUnit: string;
  netPricePerUnit: string;
  feeBps: number;
  remaining: string;
  phase: SalePhase;
  status: OfferingStatusName;
  termDays: number;
  /** "YYYY-MM-DD 00:00 UTC" of the term's first day. */
  termStart: string;
  saleStart: string;
}

/** Why there is no buy form, in words. */
function closedText(o: BuyOffering): string {
  switch (o.phase) {
    case "term-running":
      return `Sale closed — term running. Sales close when the term starts (${o.termStart}), so every buyer pays for and gets all ${o.termDays} days.`;
    case "upcoming":
      return `The sale opens ${o.saleStart} and closes when the term starts (${o.termStart}).`;
    case "sold-out":
      return "Sold out: every unit of this offering is sold.";
    case "inactive":
      return `The offering is ${o.status.toLowerCase()}: it cannot be bought.`;
    default:
      return "The sale is closed.";
  }
}

type Method = "approve" | "permit";

/**
 * Units -> total incl. fee -> maxTotalPrice guard -> approve (or permit) -> buy. Live balance/allowance from the
 * chain. The `referrer` is the node of this session's referral link (hooks/usePurchaseReferrer), shown on the form.
 */
export function BuyPanel({ offering, token }: { offering: BuyOffering; token: TokenInfo }) {
  const exchange = useExchangeAddress();
  const { address, isConnected } = useAccount();
  const config = useConfig();
  const { run } = useTx();
  const referral = usePurchaseReferrer(address);
  const [units, setUnits] = useState("10");
  const [maxTotal, setMaxTotal] = useState("");
  const [method, setMethod] = useState<Method>("approve");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const reads = useReadContracts({
    allowFailure: false,
    contracts:
      address && exchange
        ? [
            {
              address: token.address,
              abi: bridgedTokenAbi,
              functionName: "balanceOf",
              args: [address],
              chainId: targetChain.id,
            },
            {
              address: token.address,
              abi: bridgedTokenAbi,
              functionName: "allowance",
              args: [address, exchange],
              chainId: targetChain.id,
            },
            {
              address: exchange,
              abi: hashpowerExchangeAbi,
              functionName: "getOffering",
              args: [BigInt(offering.id)],
              chainId: targetChain.id,
            },
          ]
        : [],
    query: { enabled: Boolean(address && exchange), refetchInterval: 3_000 },
  });
  const [balance, allowance, live] = (reads.data ?? []) as unknown as [
    bigint | undefined,
    bigint | undefined,
    { unitsTotal: number; unitsSold: number } | undefined,
  ];
  const available = live ? BigInt(live.unitsTotal) - BigInt(live.unitsSold) : BigInt(offering.remaining);

  const price = BigInt(offering.pricePerUnit);
  const parsedUnits = validateUnits(units, available);
  const total = parsedUnits.ok ? parsedUnits.value * price : 0n;
  const fee = parsedUnits.ok ? parsedUnits.value * (price - BigInt(offering.netPricePerUnit)) : 0n;
  const parsedMax = maxTotal === "" ? ({ ok: true, value: total } as const) : validateAmount(maxTotal, token.decimals);
  const maxValue = parsedMax.ok ? parsedMax.value : 0n;
  const maxError = !parsedMax.ok
    ? parsedMax.error
    : maxValue < total
      ? "The maximum is below the total: the purchase would revert."
      : null;
  const insufficient = balance !== undefined && parsedUnits.ok && balance < total;
  const needsApproval = method === "approve" && allowance !== undefined && allowance < maxValue;
  const open = offering.phase === "open";
  const canAct = open && exchange !== null && parsedUnits.ok && maxError === null && !insufficient && !busy;

  async function approve() {
    if (!exchange) return;
    setBusy(true);
    setResult(null);
    const r = await run({
      label: `Approve ${formatToken(maxValue, token.decimals, token.symbol)}`,
      call: { address: token.address, abi: bridgedTokenAbi, functionName: "approve", args: [exchange, maxValue] },
    });
    if (!r.ok) setResult({ ok: false, text: r.error });
    await reads.refetch();
    setBusy(false);
  }

  async function buy() {
    if (!exchange || !parsedUnits.ok || !address) return;
    setBusy(true);
    setResult(null);
    const n = parsedUnits.value;
    const label = `Buy ${n} unit${n === 1n ? "" : "s"} of offering #${offering.id}`;
    const r =
      method === "permit"
        ? await run({
            label,
            call: async () => {
              const deadline = BigInt(Math.floor(Date.now() / 1000) + 3600 * 24 * 30);
              const {
                v,
                r: sr,
                s,
              } = await signPermit(config, {
                token: token.address,
                owner: address,
                spender: exchange,
                value: maxValue,
                deadline,
              });
              return {
                address: exchange,
                abi: hashpowerExchangeAbi,
                functionName: "buyWithPermit",
                args: [BigInt(offering.id), n, maxValue, referral.arg, deadline, v, sr, s],
              };
            },
          })
        : await run({
            label,
            call: {
              address: exchange,
              abi: hashpowerExchangeAbi,
              functionName: "buy",
              args: [BigInt(offering.id), n, maxValue, referral.arg],
            },
          });
    setResult(r.ok ? { ok: true, text: "Bought: the position is in your portfolio." } : { ok: false, text: r.error });
    await reads.refetch();
    setBusy(false);
  }

  return (
    <section aria-labelledby="buy-h" className="card" data-testid="buy-panel">
      <h2 id="buy-h" className="text-lg font-semibold">
        Buy units
      </h2>
      {!open ? (
        <p className="mt-2 text-sm text-slate-700" data-testid="buy-closed">
          {closedText(offering)}
        </p>
      ) : !isConnected ? (
        <div className="mt-2 space-y-2 text-sm">
          <p className="text-slate-700">Connect a wallet to buy.</p>
          <ConnectPrompt />
        </div>
      ) : (
        <form
          className="mt-3 space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            void (needsApproval ? approve() : buy());
          }}
        >
          <div>
            <label htmlFor="buy-units" className="label">
              Units
            </label>
            <input
              id="buy-units"
              className="input"
              inputMode="numeric"
              value={units}
              onChange={(e) => setUnits(e.target.value)}
              aria-invalid={!parsedUnits.ok}
              aria-describedby="buy-units-help"
            />
            <p id="buy-units-help" className={`mt-1 text-xs ${parsedUnits.ok ? "text-slate-600" : "text-red-800"}`}>
              {parsedUnits.ok ? `${available.toString()} units available` : parsedUnits.error}
            </p>
          </div>
          <p className="text-xs text-slate-600">
            You pay for the whole term: {offering.termDays} days of mining from {offering.termStart}, when the sale
            closes. The payment is released to the miner day by day; the rewards of every term day are yours.
          </p>
          <dl className="num grid grid-cols-2 gap-1 text-sm">
            <dt className="text-slate-600">Total (incl. fee)</dt>
            <dd className="text-right font-semibold" data-testid="buy-total">
              {formatToken(total, token.decimals, token.symbol)}
            </dd>
            <dt className="text-slate-600">of which fee ({offering.feeBps / 100}%)</dt>
            <dd className="text-right">{formatToken(fee, token.decimals, token.symbol)}</dd>
            <dt className="text-slate-600">Your balance</dt>
            <dd className="text-right">
              {balance === undefined ? "…" : formatToken(balance, token.decimals, token.symbol)}
            </dd>
            <dt className="text-slate-600">Allowance</dt>
            <dd className="break-all text-right">
              {allowance === undefined
                ? "…"
                : allowance >= 1n << 200n
                  ? "Unlimited"
                  : formatAmount(allowance, token.decimals)}
            </dd>
          </dl>
          <div>
            <label htmlFor="buy-max" className="label">
              Maximum total ({token.symbol})
            </label>
            <input
              id="buy-max"
              className="input"
              inputMode="decimal"
              placeholder={formatAmount(total, token.decimals, token.decimals)}
              value={maxTotal}
              onChange={(e) => setMaxTotal(e.target.value)}
              aria-invalid={maxError !== null}
              aria-describedby="buy-max-help"
            />
            <p id="buy-max-help" className={`mt-1 text-xs ${maxError ? "text-red-800" : "text-slate-600"}`}>
              {maxError ??
                "Slippage guard (maxTotalPrice): the purchase reverts if it would cost more. Empty = the total above."}
            </p>
          </div>
          <fieldset className="text-sm">
            <legend className="label">Payment approval</legend>
            <label className="mr-4 inline-flex items-center gap-1">
              <input type="radio" name="method" checked={method === "approve"} onChange={() => setMethod("approve")} />{" "}
              Approve, then buy
            </label>
            <label className="inline-flex items-center gap-1">
              <input type="radio" name="method" checked={method === "permit"} onChange={() => setMethod("permit")} />{" "}
              Permit signature (one transaction)
            </label>
          </fieldset>
          <ReferredBy referral={referral} feeBps={offering.feeBps} />
          {insufficient && (
            <p role="alert" className="text-sm text-red-800">
              Insufficient {token.symbol} balance for this total.
            </p>
          )}
          <button type="submit" className="btn-primary w-full" disabled={!canAct} data-testid="buy-submit">
            {busy
              ? "Working…"
              : needsApproval
                ? `Approve ${formatToken(maxValue, token.decimals, token.symbol)}`
                : "Buy"}
          </button>
          {result && (
            <p
              role={result.ok ? "status" : "alert"}
              className={`text-sm ${result.ok ? "text-emerald-800" : "text-red-800"}`}
              data-testid="buy-result"
            >
              {result.text}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
