import { Progress } from "~/components/ui";
import type { OfferingStatusName } from "~/lib/escrow";
import { formatDay, formatToken } from "~/lib/format";
import type { TokenInfo } from "~/services/tokens";

/** Released / held / refunded, computed from the indexed escrow fields at the chain's day (the contract's own formula). */
export function EscrowProgress({
  released,
  held,
  refunded,
  withdrawn,
  total,
  token,
  day,
  status,
  holdbackDays,
}: {
  released: bigint;
  held: bigint;
  refunded: bigint;
  withdrawn: bigint;
  total: bigint;
  token: TokenInfo;
  day: number;
  status: OfferingStatusName;
  holdbackDays: number;
}) {
  const f = (v: bigint) => formatToken(v, token.decimals, token.symbol, 2);
  const pct = (v: bigint) => (total === 0n ? 0 : Number((v * 10_000n) / total) / 100);
  return (
    <section aria-labelledby="escrow-h" className="card">
      <h2 id="escrow-h" className="text-lg font-semibold">
        Escrow release
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        Buyers&apos; payments (after the fee) are released to the miner in equal daily steps over the term, which every
        position shares (sales close when it starts); the last {holdbackDays} days only as their rewards are deposited
        {status !== "Active" ? `. Release is frozen at ${formatDay(day)}.` : `. Released up to ${formatDay(day)}.`}
      </p>
      <div className="mt-3">
        <Progress
          label={`Released ${pct(released)}%, held ${pct(held)}%, refunded ${pct(refunded)}%`}
          parts={[
            { name: "released", value: Number(released), className: "bg-brand" },
            { name: "held", value: Number(held), className: "bg-slate-400" },
            { name: "refunded", value: Number(refunded), className: "bg-amber-500" },
          ]}
        />
      </div>
      <dl className="num mt-3 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
        <div>
          <dt className="flex items-center gap-1 text-slate-600">
            <span aria-hidden className="inline-block h-2 w-2 rounded bg-brand" />
            Released
          </dt>
          <dd data-testid="escrow-released">{f(released)}</dd>
        </div>
        <div>
          <dt className="flex items-center gap-1 text-slate-600">
            <span aria-hidden className="inline-block h-2 w-2 rounded bg-slate-400" />
            Held
          </dt>
          <dd>{f(held)}</dd>
        </div>
        <div>
          <dt className="flex items-center gap-1 text-slate-600">
            <span aria-hidden className="inline-block h-2 w-2 rounded bg-amber-500" />
            Refunded
          </dt>
          <dd>{f(refunded)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Withdrawn by miner</dt>
          <dd>{f(withdrawn)}</dd>
        </div>
      </dl>
    </section>
  );
}
