/** Small presentational pieces usable from server and client components alike. */
import type { ReactNode } from "react";

import type { OfferingStatusName } from "~/lib/escrow";

export function StatusBadge({ status, flaggable }: { status: OfferingStatusName; flaggable?: boolean }) {
  const style =
    status === "Active"
      ? "bg-emerald-100 text-emerald-900"
      : status === "Flagged"
        ? "bg-amber-100 text-amber-900"
        : "bg-red-100 text-red-900";
  return (
    <span className="inline-flex flex-wrap gap-1">
      <span className={`rounded px-2 py-0.5 text-xs font-semibold ${style}`}>{status.toLowerCase()}</span>
      {flaggable && (
        <span className="rounded bg-orange-100 px-2 py-0.5 text-xs font-semibold text-orange-900">flaggable</span>
      )}
    </span>
  );
}

/** A tooltip that works without JavaScript: shown on hover and on keyboard focus. */
export function Tip({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <span className="group relative inline-block">
      <button
        type="button"
        aria-describedby={id}
        aria-label={label}
        className="ml-1 inline-flex h-4 w-4 items-center justify-center rounded-full border border-slate-500 text-[10px] leading-none text-slate-700"
      >
        i
      </button>
      <span
        role="tooltip"
        id={id}
        className="invisible absolute left-1/2 top-5 z-30 w-72 -translate-x-1/2 rounded-md bg-slate-900 p-3 text-left text-xs font-normal normal-case leading-snug text-white shadow-lg group-focus-within:visible group-hover:visible"
      >
        {children}
      </span>
    </span>
  );
}

export function Progress({
  parts,
  label,
}: {
  parts: { value: number; className: string; name: string }[];
  label: string;
}) {
  const total = parts.reduce((s, p) => s + p.value, 0) || 1;
  return (
    <div role="img" aria-label={label} className="flex h-3 w-full overflow-hidden rounded bg-slate-200">
      {parts.map((p) => (
        <div key={p.name} className={p.className} style={{ width: `${(p.value / total) * 100}%` }} />
      ))}
    </div>
  );
}

export function ErrorBox({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900">
      <p className="font-semibold">{title}</p>
      <div className="mt-1">{children}</div>
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-md border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-700">
      {children}
    </p>
  );
}

export function Stat({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <div className="card">
      <dt className="text-xs uppercase tracking-wide text-slate-600">{label}</dt>
      <dd className="num mt-1 text-lg font-semibold">{value}</dd>
      {hint && <dd className="text-xs text-slate-600">{hint}</dd>}
    </div>
  );
}

export function SkeletonRows({ rows = 5 }: { rows?: number }) {
  return (
    <div role="status" aria-busy="true" className="space-y-2">
      <span className="sr-only">Loading…</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton h-10 w-full" />
      ))}
    </div>
  );
}

/** A labelled text field in its own block: the forms' amount, id and day inputs. */
export function LabeledInput({
  id,
  label,
  value,
  onChange,
  inputMode = "decimal",
}: {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  inputMode?: "decimal" | "numeric";
}) {
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <input id={id} className="input" inputMode={inputMode} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
