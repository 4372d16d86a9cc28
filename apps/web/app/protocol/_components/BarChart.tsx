import { formatCompact } from "~/lib/format";

/** Grouped bars as a server-rendered SVG, with a data table for screen readers. */
export function BarChart({
  rows,
  series,
  label,
}: {
  rows: { key: string; label: string; values: number[] }[];
  series: { name: string; className: string }[];
  label: string;
}) {
  if (rows.length === 0) return <p className="mt-2 text-sm text-slate-700">No activity yet.</p>;
  const W = 720;
  const H = 200;
  const max = Math.max(...rows.flatMap((r) => r.values)) || 1;
  const slot = W / rows.length;
  const bw = Math.max((slot * 0.8) / series.length, 1);
  return (
    <figure className="mt-3">
      <svg
        viewBox={`0 0 ${W} ${H + 16}`}
        className="h-auto w-full"
        role="img"
        aria-label={`${label}, ${rows.length} days, max ${formatCompact(max)}`}
      >
        {rows.map((r, i) =>
          r.values.map((v, s) => {
            const h = (v / max) * H;
            return (
              <rect
                key={`${r.key}-${s}`}
                x={i * slot + slot * 0.1 + s * bw}
                y={H - h}
                width={bw}
                height={h}
                className={series[s]?.className}
              />
            );
          }),
        )}
        <text x="0" y={H + 14} fontSize="11" fill="#334155">
          {rows[0]?.label}
        </text>
        <text x={W} y={H + 14} fontSize="11" fill="#334155" textAnchor="end">
          {rows[rows.length - 1]?.label}
        </text>
      </svg>
      <figcaption className="mt-1 flex gap-4 text-xs text-slate-700">
        {series.map((s) => (
          <span key={s.name}>
            <svg aria-hidden width="10" height="10" className="mr-1 inline">
              <rect width="10" height="10" className={s.className} />
            </svg>
            {s.name}
          </span>
        ))}
      </figcaption>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-slate-700">Data table</summary>
        <table className="num mt-2 w-full text-xs">
          <thead>
            <tr>
              <th scope="col" className="text-left">
                Day
              </th>
              {series.map((s) => (
                <th scope="col" key={s.name} className="text-right">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <td>{r.label}</td>
                {r.values.map((v, i) => (
                  <td key={i} className="text-right">
                    {v.toLocaleString("en-US", { maximumFractionDigits: 6 })}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
