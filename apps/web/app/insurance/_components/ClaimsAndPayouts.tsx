"use client";
/** Payout claims (open ones freeze exits), executed payouts with where they took the DMC from, underwriters, premiums. */
import Link from "next/link";

import { useDeployment } from "~/components/DeploymentContext";
import { Empty } from "~/components/ui";
import { formatToken, shortAddress } from "~/lib/format";
import type { InsuranceData } from "~/lib/graphql/insuranceTypes";
import { utcDateTime } from "~/lib/nodes/node";
import { tokenOf } from "~/services/tokens";

const dmc = (v: string) => formatToken(BigInt(v), 18, "DMC", 0);

export function ClaimsAndPayouts({ data, now }: { data: InsuranceData | null; now: number }) {
  const deployment = useDeployment();
  const claims = data?.insuranceClaims ?? [];
  const open = claims.filter((c) => c.status === "Open" && Number(c.expiresAt) > now);
  const payouts = data?.insurancePoolPayouts ?? [];
  const underwriters = data?.underwriters ?? [];
  const premiums = data?.premiumDeposits ?? [];
  return (
    <>
      <section className="card space-y-2 text-sm" aria-labelledby="claims-h">
        <h2 id="claims-h" className="text-lg font-semibold">
          Open claims
        </h2>
        {open.length === 0 ? (
          <Empty>No payout claim is open: exits are not frozen by a claim.</Empty>
        ) : (
          <ul className="divide-y divide-slate-200" data-testid="open-claims">
            {open.map((c) => (
              <li key={c.id} className="py-1">
                Claim #{c.claimId} for{" "}
                <Link className="underline" href={`/offerings/${c.offering.id}`}>
                  #{c.offering.id} {c.offering.minerName}
                </Link>{" "}
                ({c.offering.status.toLowerCase()}), opened {utcDateTime(Number(c.openedAt))} by{" "}
                {shortAddress(c.openedBy)}; the DAO votes a payout or it ends by {utcDateTime(Number(c.expiresAt))}.
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card space-y-2 text-sm" aria-labelledby="payouts-h">
        <h2 id="payouts-h" className="text-lg font-semibold">
          Payouts
        </h2>
        {payouts.length === 0 ? (
          <Empty>The DAO has paid no insurance yet.</Empty>
        ) : (
          <table className="w-full text-left" data-testid="payouts">
            <thead className="text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col">Payout</th>
                <th scope="col">Offering</th>
                <th scope="col" className="text-right">
                  Total
                </th>
                <th scope="col">Taken from</th>
                <th scope="col" className="text-right">
                  Claimed
                </th>
                <th scope="col">Executed</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {payouts.map((p) => (
                <tr key={p.id}>
                  <td className="num py-1">#{p.payoutId}</td>
                  <td>
                    <Link className="underline" href={`/offerings/${p.offering.id}`}>
                      #{p.offering.id} {p.offering.minerName}
                    </Link>
                  </td>
                  <td className="num text-right">
                    {dmc(p.total)}
                    <span className="block text-xs text-slate-600">
                      {formatToken(BigInt(p.perUnit), 18, "DMC", 4)} / {p.offering.asset.unitLabel} × {p.units}
                    </span>
                  </td>
                  <td className="text-xs">
                    slashed stake {dmc(p.fromSlashed)} · underwriters {dmc(p.fromPot)} · fund {dmc(p.fromFund)}
                  </td>
                  <td className="num text-right">
                    {dmc(p.claimed)} ({p.claimCount})
                    {p.expired && (
                      <span className="block text-xs text-slate-600">
                        expired: {dmc(p.returnedToFund)} back to the fund
                      </span>
                    )}
                  </td>
                  <td className="num">{utcDateTime(Number(p.executedAt))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card space-y-2 text-sm" aria-labelledby="uws-h">
        <h2 id="uws-h" className="text-lg font-semibold">
          Underwriters
        </h2>
        {underwriters.length === 0 ? (
          <Empty>Nobody underwrites the pool yet.</Empty>
        ) : (
          <table className="w-full text-left" data-testid="underwriters">
            <thead className="text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col">Account</th>
                <th scope="col" className="text-right">
                  Deposited
                </th>
                <th scope="col" className="text-right">
                  Withdrawn
                </th>
                <th scope="col">Exit request</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {underwriters.map((u) => (
                <tr key={u.id}>
                  <td className="py-1 font-mono text-xs">{shortAddress(u.id)}</td>
                  <td className="num text-right">{dmc(u.deposited)}</td>
                  <td className="num text-right">{dmc(u.withdrawn)}</td>
                  <td className="text-xs">
                    {BigInt(u.requestShares) > 0n && u.requestReadyAt && u.requestExpiresAt
                      ? `window ${utcDateTime(Number(u.requestReadyAt))} – ${utcDateTime(Number(u.requestExpiresAt))}`
                      : "none"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card space-y-2 text-sm" aria-labelledby="prem-h">
        <h2 id="prem-h" className="text-lg font-semibold">
          Premiums paid in
        </h2>
        {premiums.length === 0 ? (
          <Empty>No premium has been paid yet (the fee splitter pays a share of protocol fees).</Empty>
        ) : (
          <ul className="divide-y divide-slate-200">
            {premiums.map((d) => {
              const t = tokenOf(deployment.tokens, d.token.id);
              return (
                <li key={d.id} className="flex justify-between py-1">
                  <span>
                    {utcDateTime(Number(d.timestamp))} from {shortAddress(d.from)}
                  </span>
                  <span className="num">{formatToken(BigInt(d.amount), t.decimals, t.symbol)}</span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
