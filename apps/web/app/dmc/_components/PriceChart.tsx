import { priceChart, type PricePoint } from "~/lib/dmc/chart";

const W = 640;
const H = 200;
const when = (s: number) => new Date(s * 1000).toISOString().slice(0, 16).replace("T", " ");

/**
 * DMC's price from its pair's hourly candles: a line through the closes (a small SVG, like the app's other charts)
 * with price grid lines, and the same points as a table for screen readers.
 */
export function PriceChart({ points, quoteSymbol }: { points: readonly PricePoint[]; quoteSymbol: string }) {
  const g = priceChart(points, W, H);
  if (g === null)
    return (
      <p className="text-sm text-slate-700">
        Not enough trades yet for a chart: the price is drawn from the pair&apos;s swaps.
      </p>
    );
  const first = g.points[0];
  const last = g.points[g.points.length - 1];
  const fmt = (p: number) => p.toFixed(p < 1 ? 4 : 2);
  return (
    <figure data-testid="dmc-price-chart">
      <svg
        viewBox={`-56 -8 ${W + 64} ${H + 28}`}
        className="h-auto w-full"
        role="img"
        aria-label={`DMC price in ${quoteSymbol}: ${g.points.length} hourly closes from ${fmt(first?.price ?? 0)} to ${fmt(last?.price ?? 0)}`}
      >
        {g.ticks.map((t) => (
          <g key={t.price}>
            <line x1={0} y1={t.y} x2={W} y2={t.y} stroke="#e2e8f0" />
            <text x={-6} y={t.y + 4} fontSize="11" fill="#334155" textAnchor="end">
              {fmt(t.price)}
            </text>
          </g>
        ))}
        <path d={g.path} fill="none" stroke="#0f766e" strokeWidth="2" />
        {last && <circle cx={last.x} cy={last.y} r={3} className="fill-teal-700" />}
        <text x="0" y={H + 18} fontSize="11" fill="#334155">
          {first ? when(first.time) : ""}
        </text>
        <text x={W} y={H + 18} fontSize="11" fill="#334155" textAnchor="end">
          {last ? when(last.time) : ""} UTC
        </text>
      </svg>
      <figcaption className="mt-1 text-xs text-slate-700">
        Hourly closes of the pair&apos;s price ({quoteSymbol} per DMC); hours without a trade keep the previous close.
      </figcaption>
      <table className="sr-only">
        <caption>DMC price by hour</caption>
        <tbody>
          {g.points.map((p) => (
            <tr key={p.time}>
              <td>{when(p.time)} UTC</td>
              <td>
                {fmt(p.price)} {quoteSymbol}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
