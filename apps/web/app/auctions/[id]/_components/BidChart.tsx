import type { BidEntity } from "~/lib/graphql/tradingTypes";
import { formatAmount, shortAddress } from "~/lib/format";
import { bidChartPoints } from "~/lib/trading/clock";

const W = 640;
const H = 180;

/** Bid history as a step line (small SVG, like the app's other charts), with a table for screen readers. */
export function BidChart({
  bids,
  reserve,
  nowSeconds,
  decimals,
  symbol,
}: {
  bids: readonly BidEntity[];
  reserve: bigint;
  nowSeconds: number;
  decimals: number;
  symbol: string;
}) {
  if (bids.length === 0)
    return <p className="text-sm text-slate-700">No bids yet: the clock starts at the first bid.</p>;
  const points = bidChartPoints(bids, reserve, nowSeconds, W, H);
  const path = points
    .map((p, i) => {
      const prev = points[i - 1];
      return i === 0 ? `M ${p.x} ${p.y}` : `L ${p.x} ${prev?.y ?? p.y} L ${p.x} ${p.y}`;
    })
    .join(" ");
  const last = points[points.length - 1];
  const top = bids.reduce((m, b) => (BigInt(b.amount) > m ? BigInt(b.amount) : m), 0n);
  return (
    <figure data-testid="bid-chart">
      <svg
        viewBox={`-4 -8 ${W + 8} ${H + 24}`}
        className="h-auto w-full"
        role="img"
        aria-label={`Bid history: ${bids.length} bids from ${formatAmount(BigInt(bids[0]?.amount ?? "0"), decimals, 2)} to ${formatAmount(top, decimals, 2)} ${symbol}`}
      >
        <line x1="0" y1={H} x2={W} y2={H} stroke="#cbd5e1" />
        <path d={`${path} L ${W} ${last?.y ?? H}`} fill="none" stroke="#6d28d9" strokeWidth="2" />
        {points.map((p) => (
          <circle
            key={p.id}
            cx={p.x}
            cy={p.y}
            r={p.extended ? 5 : 3}
            className={p.extended ? "fill-amber-500" : "fill-violet-700"}
          />
        ))}
        <text x="0" y={H + 14} fontSize="11" fill="#334155">
          first bid
        </text>
        <text x={W} y={H + 14} fontSize="11" fill="#334155" textAnchor="end">
          now
        </text>
      </svg>
      <figcaption className="mt-1 text-xs text-slate-700">
        Each dot is a bid; larger amber dots extended the auction (a bid in its last 15 minutes).
      </figcaption>
      <table className="sr-only">
        <caption>Bids</caption>
        <tbody>
          {bids.map((b) => (
            <tr key={b.id}>
              <td>{new Date(Number(b.timestamp) * 1000).toISOString()}</td>
              <td>{shortAddress(b.bidder.id)}</td>
              <td>
                {formatAmount(BigInt(b.amount), decimals, decimals)} {symbol}
              </td>
              <td>{b.extended ? "extended" : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
