/**
 * The DMC price chart's geometry: price points (time, price) scaled into an SVG box with a padded price range and
 * a few round ticks, so the component only draws. Prices are numbers (USDT per DMC) for display only: every money
 * figure stays bigint elsewhere.
 */
export interface PricePoint {
  /** Seconds. */
  readonly time: number;
  /** Quote token per DMC. */
  readonly price: number;
}

export interface ChartGeometry {
  readonly points: readonly { x: number; y: number; time: number; price: number }[];
  /** SVG path through the points ("M x y L x y ..."). */
  readonly path: string;
  readonly minPrice: number;
  readonly maxPrice: number;
  /** Horizontal grid lines: price and y. */
  readonly ticks: readonly { price: number; y: number }[];
}

/** A round step for about `count` ticks over `span` (1, 2 or 5 x 10^k). */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || count < 1) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/** Scales the points (sorted by time) into [0, width] x [0, height], price up. Null with fewer than two points. */
export function priceChart(input: readonly PricePoint[], width: number, height: number): ChartGeometry | null {
  const pts = input.filter((p) => Number.isFinite(p.price) && p.price >= 0).sort((a, b) => a.time - b.time);
  if (pts.length < 2) return null;
  const first = pts[0] as PricePoint;
  const last = pts[pts.length - 1] as PricePoint;
  let lo = Math.min(...pts.map((p) => p.price));
  let hi = Math.max(...pts.map((p) => p.price));
  // a flat price still gets a visible band around it
  const pad = hi > lo ? (hi - lo) * 0.1 : Math.max(hi * 0.05, 1e-6);
  lo = Math.max(0, lo - pad);
  hi += pad;
  const span = last.time - first.time || 1;
  const x = (t: number) => ((t - first.time) / span) * width;
  const y = (p: number) => height - ((p - lo) / (hi - lo)) * height;
  const points = pts.map((p) => ({ x: x(p.time), y: y(p.price), time: p.time, price: p.price }));
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"} ${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(" ");
  const step = niceStep(hi - lo, 4);
  const ticks: { price: number; y: number }[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-12; v += step) ticks.push({ price: v, y: y(v) });
  return { points, path, minPrice: lo, maxPrice: hi, ticks };
}
