import type { DebtRow } from "~/lib/lending/loans";
import { debtChartPoints } from "~/lib/lending/loans";

const W = 640;
const H = 140;

/** The debt over time: a solid line through the indexed payments, dashed for the self-repaying forecast. */
export function DebtChart({ rows, label }: { rows: readonly DebtRow[]; label: string }) {
  const { past, forecast } = debtChartPoints(rows, W, H);
  if (past.length < 2 && forecast.length < 2) return null;
  const path = (pts: { x: number; y: number }[]) =>
    pts.map((p, i) => `${i === 0 ? "M" : "L"} ${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(" ");
  return (
    <svg
      viewBox={`-4 -4 ${W + 8} ${H + 8}`}
      className="mt-2 h-auto w-full"
      role="img"
      aria-label={label}
      data-testid="debt-chart"
    >
      <line x1={0} y1={H} x2={W} y2={H} className="stroke-slate-300" strokeWidth={1} />
      {past.length > 1 && <path d={path(past)} fill="none" className="stroke-teal-700" strokeWidth={2} />}
      {forecast.length > 1 && (
        <path d={path(forecast)} fill="none" className="stroke-teal-700" strokeWidth={2} strokeDasharray="6 4" />
      )}
    </svg>
  );
}
