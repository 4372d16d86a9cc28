"use client";
/** The pool's size and composition, the order of loss, and the exit rules in force. */
import { Progress } from "~/components/ui";
import { bpsPercent, formatToken } from "~/lib/format";
import type { InsurancePoolEntity } from "~/lib/graphql/insuranceTypes";
import { poolComposition, poolTotal, type PoolFigures } from "~/lib/insurance/pool";
import { durationText, utcDateTime } from "~/lib/nodes/node";
import type { InsuranceParams } from "./InsuranceDesk";

const COLORS: Record<string, string> = {
  slashed: "bg-red-600",
  pot: "bg-amber-500",
  fund: "bg-emerald-700",
  unclaimed: "bg-slate-400",
};

export function PoolOverview({
  pool,
  params,
  frozen,
  indexed,
  now,
}: {
  pool: PoolFigures;
  params: InsuranceParams;
  frozen: { isFrozen: boolean; until: number };
  indexed: InsurancePoolEntity | null;
  now: number;
}) {
  const parts = poolComposition(pool);
  return (
    <section className="card space-y-3 text-sm" aria-labelledby="pool-h" data-testid="pool-overview">
      <h2 id="pool-h" className="text-lg font-semibold">
        The pool: <span data-testid="pool-total">{formatToken(poolTotal(pool), 18, "DMC", 0)}</span>
      </h2>
      <Progress
        label="Pool composition"
        parts={parts.map((p) => ({
          name: p.key,
          value: Number(p.amount / 10n ** 18n),
          className: COLORS[p.key] ?? "bg-slate-300",
        }))}
      />
      <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
        {parts.map((p) => (
          <li key={p.key} className="rounded border border-slate-200 p-2" data-testid={`pool-${p.key}`}>
            <p className="flex items-center gap-1 text-xs uppercase tracking-wide text-slate-600">
              <span className={`inline-block h-2 w-2 rounded-full ${COLORS[p.key]}`} aria-hidden="true" />
              {p.label}
            </p>
            <p className="num font-semibold">{formatToken(p.amount, 18, "DMC", 0)}</p>
            <p className="text-xs text-slate-600">
              {bpsPercent(p.bps)} of the pool ·{" "}
              {p.lossOrder === null
                ? "voted to holders, waiting for their claims"
                : `pays ${["first", "second", "last"][p.lossOrder - 1]}`}
            </p>
          </li>
        ))}
      </ul>
      <p className="text-slate-700">
        Order of loss for every payout: the defaulted miner&apos;s slashed stake first, then the underwriters&apos; pot
        (at most {bpsPercent(params.maxPotShareBps)} of it per payout), then the fund. A payout never takes more than
        those hold.
      </p>
      <dl className="num grid grid-cols-2 gap-2 sm:grid-cols-4">
        <div>
          <dt className="text-slate-600">Unstake cooldown</dt>
          <dd>{durationText(params.cooldown)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Withdrawal window</dt>
          <dd>{durationText(params.window)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Claims freeze exits for at most</dt>
          <dd>{durationText(params.claimDuration)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Underwriters</dt>
          <dd>{indexed?.underwriterCount ?? "…"}</dd>
        </div>
      </dl>
      {frozen.isFrozen && (
        <p role="status" className="rounded bg-amber-50 p-2 text-amber-900" data-testid="pool-frozen">
          A payout claim is open: exits are frozen until it ends, at the latest {utcDateTime(frozen.until)}.
        </p>
      )}
      {indexed && Number(indexed.paramsEffectiveAt) > now && indexed.nextCooldown !== indexed.cooldown && (
        <p className="text-xs text-slate-600">
          New rules from {utcDateTime(Number(indexed.paramsEffectiveAt))}: cooldown{" "}
          {durationText(Number(indexed.nextCooldown))}, window {durationText(Number(indexed.nextWindow))}.
        </p>
      )}
    </section>
  );
}
