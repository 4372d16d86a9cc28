/** The rules a buyer is protected by, each with the offering's running figure, and the recent days' shares. Server-rendered. */
import type { ReactNode } from "react";

import { MAX_WINDOW_DAYS, type Thresholds } from "~/lib/delinquency";
import { bpsPercent, formatDay, formatPerMille } from "~/lib/format";
import type { Protection } from "~/lib/protection";

export function BuyerProtection({
  p,
  t,
  status,
  children,
}: {
  p: Protection;
  t: Thresholds;
  status: ReactNode;
  children?: ReactNode;
}) {
  const line = t.minRewardRatioBps / 10; // per-mille
  return (
    <section aria-labelledby="default-h" className="card">
      <h2 id="default-h" className="text-lg font-semibold">
        Buyer protection
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        The chain enforces these rules; when one is broken anyone may flag the offering, which freezes the escrow
        release until governance resumes it or halts it and refunds the holders&apos; unreleased escrow.
      </p>
      <ul className="mt-3 space-y-2 text-sm" data-testid="protection-rules">
        <li data-testid="rule-minimum">
          <strong className="font-semibold">Daily minimum.</strong> {p.minimum}
        </li>
        <li data-testid="rule-window">
          <strong className="font-semibold">Low rewards.</strong> {p.window}
        </li>
        <li data-testid="rule-missed">
          <strong className="font-semibold">Missed deposits.</strong> {p.missed}
        </li>
        <li data-testid="rule-holdback">
          <strong className="font-semibold">End-of-term holdback.</strong> {p.holdbackText}
        </li>
        <li data-testid="rule-post-term">
          <strong className="font-semibold">After the term.</strong> {p.postTerm}
        </li>
      </ul>
      <p className="mt-3 text-sm" data-testid="flag-status">
        {status}
      </p>
      {children}
      <h3 className="mt-4 text-sm font-semibold" id="shares-h">
        Share of the market paid on each recently judged day
      </h3>
      {p.days.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">No day judged yet.</p>
      ) : (
        <ol className="mt-2 space-y-1 text-xs" aria-labelledby="shares-h" data-testid="recent-shares">
          {p.days.map((d) => (
            <li key={d.day} className="grid grid-cols-[6.5rem_1fr_3.5rem] items-center gap-2">
              <span className="num text-slate-700">{formatDay(d.day)}</span>
              <span aria-hidden="true" className="relative h-3 rounded bg-slate-200">
                <span
                  className={`absolute inset-y-0 left-0 rounded ${d.share < line ? "bg-amber-600" : "bg-brand"}`}
                  style={{ width: `${d.share / 10}%` }}
                />
                <span className="absolute inset-y-[-2px] w-px bg-slate-900" style={{ left: `${line / 10}%` }} />
              </span>
              <span className="num text-right">{formatPerMille(d.share)}</span>
            </li>
          ))}
        </ol>
      )}
      <p className="mt-2 text-xs text-slate-600">
        Newest first (the chain keeps the last {MAX_WINDOW_DAYS} judged days; the rule averages the newest{" "}
        {t.windowDays}). Each day&apos;s share is capped at 100%, so a generous day cannot hide a poor one. The dark
        mark is the {bpsPercent(t.minRewardRatioBps)} line that average is held to.
      </p>
    </section>
  );
}
