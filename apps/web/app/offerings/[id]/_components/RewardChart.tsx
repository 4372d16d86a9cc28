import { formatAmount, formatDay, formatPerMille } from "~/lib/format";
import type { OfferingDayEntity } from "~/lib/graphql/types";
import { WAD } from "~/lib/rewards";

const W = 640;
const H = 220;
const PAD = { l: 8, r: 8, t: 10, b: 24 };

/** Server-rendered SVG (no chart library in the bundle) with a data table for screen readers. */
export function RewardChart({
  days,
  decimals,
  symbol,
  minRatioBps,
  minCoverageBps,
}: {
  days: OfferingDayEntity[];
  decimals: number;
  symbol: string;
  minRatioBps: number;
  minCoverageBps: number;
}) {
  const points = [...days].reverse().filter((d) => d.rewardPerUnitWad !== null);
  if (points.length === 0) return <p className="mt-2 text-sm text-slate-700">No reward has been deposited yet.</p>;
  // WAD-scaled base units -> whole tokens (float, display only)
  const toTok = (wad: string | null) =>
    wad === null
      ? null
      : Number(BigInt(wad) / WAD) / 10 ** decimals + Number(BigInt(wad) % WAD) / 1e18 / 10 ** decimals;
  const rows = points.map((d) => {
    const reward = toTok(d.rewardPerUnitWad) ?? 0;
    const market = toTok(d.marketAvgPerUnitWad);
    return {
      day: d.day,
      reward,
      market,
      threshold: market === null ? null : (market * minRatioBps) / 10_000,
      floor: market === null ? null : (market * minCoverageBps) / 10_000,
      below: d.sharePerMille !== null && d.sharePerMille * 10 < minRatioBps,
    };
  });
  const max = Math.max(...rows.flatMap((r) => [r.reward, r.market ?? 0])) * 1.1 || 1;
  const x = (i: number) =>
    PAD.l + (rows.length === 1 ? (W - PAD.l - PAD.r) / 2 : (i * (W - PAD.l - PAD.r)) / (rows.length - 1));
  const y = (v: number) => PAD.t + (1 - v / max) * (H - PAD.t - PAD.b);
  const line = (key: "reward" | "market" | "threshold" | "floor") =>
    rows
      .map((r, i) => (r[key] === null ? null : `${x(i).toFixed(1)},${y(r[key] as number).toFixed(1)}`))
      .filter(Boolean)
      .join(" ");
  const first = rows[0];
  const last = rows[rows.length - 1];
  return (
    <figure className="mt-3">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="h-auto w-full"
        role="img"
        aria-label={`Daily reward per unit over ${rows.length} covered days, against the market average, the ${minRatioBps / 100}% line and the ${minCoverageBps / 100}% minimum`}
      >
        <line x1={PAD.l} x2={W - PAD.r} y1={H - PAD.b} y2={H - PAD.b} stroke="#94a3b8" />
        <polyline points={line("market")} fill="none" stroke="#475569" strokeWidth="1.5" />
        <polyline points={line("threshold")} fill="none" stroke="#b45309" strokeWidth="1.5" strokeDasharray="5 4" />
        <polyline points={line("floor")} fill="none" stroke="#991b1b" strokeWidth="1" strokeDasharray="2 3" />
        <polyline points={line("reward")} fill="none" stroke="#0f766e" strokeWidth="2.5" />
        {rows.map((r, i) => (r.below ? <circle key={r.day} cx={x(i)} cy={y(r.reward)} r="3" fill="#b91c1c" /> : null))}
        {first && (
          <text x={PAD.l} y={H - 6} fontSize="11" fill="#334155">
            {formatDay(first.day)}
          </text>
        )}
        {last && (
          <text x={W - PAD.r} y={H - 6} fontSize="11" fill="#334155" textAnchor="end">
            {formatDay(last.day)}
          </text>
        )}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-xs text-slate-700">
        <span>
          <span aria-hidden className="mr-1 inline-block h-0.5 w-4 bg-brand align-middle" />
          Reward per unit ({symbol})
        </span>
        <span>
          <span aria-hidden className="mr-1 inline-block h-0.5 w-4 bg-slate-600 align-middle" />
          Market average
        </span>
        <span>
          <span
            aria-hidden
            className="mr-1 inline-block h-0.5 w-4 border-t-2 border-dashed border-amber-700 align-middle"
          />
          {minRatioBps / 100}% line
        </span>
        <span>
          <span
            aria-hidden
            className="mr-1 inline-block h-0.5 w-4 border-t border-dotted border-red-800 align-middle"
          />
          {minCoverageBps / 100}% minimum (the chain refuses less)
        </span>
        <span>
          <span aria-hidden className="mr-1 inline-block h-2 w-2 rounded-full bg-red-700 align-middle" />
          Day under the {minRatioBps / 100}% line
        </span>
      </figcaption>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-slate-700">Data table</summary>
        <table className="num mt-2 w-full text-xs">
          <thead>
            <tr className="text-left">
              <th scope="col">Day</th>
              <th scope="col" className="text-right">
                Reward / unit
              </th>
              <th scope="col" className="text-right">
                Market avg
              </th>
              <th scope="col" className="text-right">
                Share
              </th>
            </tr>
          </thead>
          <tbody>
            {[...points].reverse().map((d) => (
              <tr key={d.id}>
                <td>{formatDay(d.day)}</td>
                <td className="text-right">
                  {d.rewardPerUnitWad ? formatAmount(BigInt(d.rewardPerUnitWad) / WAD, decimals, 8) : "-"}
                </td>
                <td className="text-right">
                  {d.marketAvgPerUnitWad
                    ? `${formatAmount(BigInt(d.marketAvgPerUnitWad) / WAD, decimals, 8)}${d.exactRate === false ? " (latest report: the oracle was late)" : ""}`
                    : "-"}
                </td>
                <td className="text-right">{d.sharePerMille === null ? "-" : formatPerMille(d.sharePerMille)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
