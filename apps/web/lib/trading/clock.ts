/**
 * An auction's clock as the room shows it: not started (no bid: the clock starts at the first bid),
 * running, in its last 15 minutes (a bid now extends it), ended (settle), or closed.
 */
import { AUCTION_EXTENSION } from "@dmex/money-math";

import type { AuctionStatusName, BidEntity } from "~/lib/graphql/tradingTypes";

export type AuctionPhase = "awaiting-bid" | "running" | "ending-soon" | "ended" | "closed";

export interface AuctionClock {
  readonly phase: AuctionPhase;
  /** Seconds to the end (0 once ended; null before the first bid). */
  readonly secondsLeft: number | null;
}

export function auctionClock(
  a: { status: AuctionStatusName; endTime: string | null; hardEnd: string },
  nowSeconds: number,
): AuctionClock {
  if (a.status !== "Open") return { phase: "closed", secondsLeft: 0 };
  if (a.endTime === null) {
    // A primary auction without bids ends with its offering's sale: it can be settled (released) then.
    if (nowSeconds >= Number(a.hardEnd)) return { phase: "ended", secondsLeft: 0 };
    return { phase: "awaiting-bid", secondsLeft: null };
  }
  const left = Number(a.endTime) - nowSeconds;
  if (left <= 0) return { phase: "ended", secondsLeft: 0 };
  return { phase: left < Number(AUCTION_EXTENSION) ? "ending-soon" : "running", secondsLeft: left };
}

/** "2d 03:04:05", "03:04:05", "04:05": a ticking countdown. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3_600);
  const m = Math.floor((s % 3_600) / 60);
  const sec = s % 60;
  const pad = (v: number) => String(v).padStart(2, "0");
  const hms = h > 0 || d > 0 ? `${pad(h)}:${pad(m)}:${pad(sec)}` : `${pad(m)}:${pad(sec)}`;
  return d > 0 ? `${d}d ${hms}` : hms;
}

/** How much a newer end time moved the auction (null when it did not move, or it had no end before). */
export function extensionOf(previousEnd: number | null, nextEnd: number | null): number | null {
  if (previousEnd === null || nextEnd === null || nextEnd <= previousEnd) return null;
  return nextEnd - previousEnd;
}

/** The bids that extended the auction, with how far each moved the end. */
export function extensionsOf(bids: readonly BidEntity[]): { bidId: string; by: number; to: number }[] {
  const out: { bidId: string; by: number; to: number }[] = [];
  let end: number | null = null;
  for (const b of bids) {
    const next = Number(b.endTimeAfter);
    const by = extensionOf(end, next);
    if (b.extended && by !== null) out.push({ bidId: b.id, by, to: next });
    end = next;
  }
  return out;
}

/** The connected account was outbid: it bid on this auction, does not lead it, and the auction is not over for it. */
export function outbidNotice(
  account: string | undefined,
  auction: { status: AuctionStatusName; leader: { id: string } | null },
  bids: readonly BidEntity[],
): { outbid: boolean; refundable: bigint } {
  if (account === undefined) return { outbid: false, refundable: 0n };
  const me = account.toLowerCase();
  const mine = bids.filter((b) => b.bidder.id.toLowerCase() === me);
  const refundable = mine.filter((b) => b.status === "Refundable").reduce((s, b) => s + BigInt(b.amount), 0n);
  const leads = auction.leader?.id.toLowerCase() === me;
  return { outbid: mine.length > 0 && !leads && auction.status === "Open", refundable };
}

export interface ChartPoint {
  readonly x: number;
  readonly y: number;
  readonly extended: boolean;
  readonly id: string;
}

/**
 * The bid history as points in a `width` x `height` box: time on x (first bid .. `untilSeconds`),
 * amount on y from the reserve (bottom) to the highest bid (top). Amounts are bigint; the chart
 * only needs their relative size, so they are scaled in bigint before becoming numbers.
 */
export function bidChartPoints(
  bids: readonly BidEntity[],
  reserve: bigint,
  untilSeconds: number,
  width: number,
  height: number,
): ChartPoint[] {
  if (bids.length === 0) return [];
  const t0 = Number(bids[0]?.timestamp ?? 0);
  const t1 = Math.max(untilSeconds, Number(bids[bids.length - 1]?.timestamp ?? t0), t0 + 1);
  const amounts = bids.map((b) => BigInt(b.amount));
  const low = amounts.reduce((m, a) => (a < m ? a : m), reserve);
  const high = amounts.reduce((m, a) => (a > m ? a : m), low + 1n);
  const span = high - low;
  return bids.map((b, i) => {
    const amount = amounts[i] ?? low;
    const yFraction = Number(((amount - low) * 10_000n) / span) / 10_000;
    return {
      id: b.id,
      x: ((Number(b.timestamp) - t0) / (t1 - t0)) * width,
      y: height - yFraction * height,
      extended: b.extended,
    };
  });
}
