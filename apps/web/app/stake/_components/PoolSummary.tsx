"use client";
/** A DMC emission pool's head: its stream, your weight, DMC earned ticking up each second, claim, and the APR. */
import { positionStakingAbi } from "@dmex/deployments";
import type { EmissionSnapshot } from "@dmex/money-math/emission";
import type { Abi, Address } from "viem";

import { formatAmount, formatToken } from "~/lib/format";
import { aprPercentText, type AprResult } from "~/lib/stake/apr";
import { useSendAction } from "~/hooks/useSendAction";
import { TxMessage } from "./TxMessage";

const dmc = (v: bigint) => formatToken(v, 18, "DMC", 2);
const date = (s: bigint) => new Date(Number(s) * 1000).toISOString().slice(0, 10);

export function PoolSummary({
  id,
  title,
  pool,
  account,
  snapshot,
  earnedNow,
  rateNow,
  weightLabel,
  apr,
  onClaimed,
}: {
  /** "nft", "dmc-usdt", "dmc-ifil": test ids and headings. */
  id: string;
  title: string;
  pool: Address;
  account: Address | undefined;
  snapshot: EmissionSnapshot | undefined;
  earnedNow: bigint | undefined;
  rateNow: bigint | undefined;
  weightLabel: string;
  apr: AprResult | null;
  onClaimed: () => void;
}) {
  const { send, busy, message } = useSendAction();
  const earned = earnedNow ?? 0n;

  async function claim() {
    if (!account) return;
    await send(`Claim ${dmc(earned)} from ${title}`, pool, positionStakingAbi as Abi, "claim", [account]);
    onClaimed();
  }

  return (
    <div className="space-y-2" data-testid={`pool-${id}`}>
      <dl className="num grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-600">Emission now</dt>
          <dd>
            {rateNow === undefined ? "…" : `${formatAmount(rateNow, 18, 4)} DMC/s`}
            {rateNow !== undefined && (
              <span className="block text-xs text-slate-600">{formatAmount(rateNow * 86_400n, 18, 0)} DMC a day</span>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Emitted / budget</dt>
          <dd>
            {snapshot ? `${formatAmount(snapshot.emitted, 18, 0)} / ${formatAmount(snapshot.budget, 18, 0)} DMC` : "…"}
            {snapshot && (
              <span className="block text-xs text-slate-600">
                {date(snapshot.start)} to {date(snapshot.end)}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Your {weightLabel} / total</dt>
          <dd data-testid={`weight-${id}`}>
            {snapshot
              ? `${formatAmount(snapshot.weight, weightLabel === "LP" ? 18 : 0, 6)} / ${formatAmount(snapshot.totalWeight, weightLabel === "LP" ? 18 : 0, 6)}`
              : "…"}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">DMC earned</dt>
          <dd>
            <span data-testid={`earned-${id}`} data-value={earned.toString()} className="font-semibold">
              {earnedNow === undefined ? "…" : formatToken(earned, 18, "DMC", 6)}
            </span>
          </dd>
        </div>
      </dl>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          className="btn-primary"
          disabled={busy || !account || earned === 0n}
          onClick={claim}
          data-testid={`claim-${id}`}
        >
          Claim DMC
        </button>
        {apr && (
          <p className="text-sm">
            <span className="font-semibold" data-testid={`apr-${id}`}>
              APR {apr.aprBps === null ? "n/a" : aprPercentText(apr.aprBps)}
            </span>
            <span className="block text-xs text-slate-600" data-testid={`apr-formula-${id}`}>
              {apr.formula}
            </span>
          </p>
        )}
      </div>
      <TxMessage message={message} />
    </div>
  );
}
