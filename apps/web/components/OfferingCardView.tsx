/** The marketplace's offering card (phone layout), also the live preview of a miner application. */
import Link from "next/link";
import type { ReactNode } from "react";

export function OfferingCardView({
  title,
  href,
  badge,
  rows,
  testId = "offering-card",
}: {
  title: string;
  href?: string;
  badge: ReactNode;
  rows: readonly (readonly [string, ReactNode])[];
  testId?: string;
}) {
  return (
    <div className="card" data-testid={testId}>
      <div className="flex items-start justify-between gap-2">
        {href ? (
          <Link href={href} className="font-semibold text-brand-dark underline-offset-2 hover:underline">
            {title}
          </Link>
        ) : (
          <span className="font-semibold text-brand-dark">{title}</span>
        )}
        {badge}
      </div>
      <dl className="num mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
