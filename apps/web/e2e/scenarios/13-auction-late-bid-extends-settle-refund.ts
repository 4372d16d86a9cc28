/**
 * An English auction of a position: FRESH bids (connecting mid-auction), FRESH_2 outbids it in the auction's
 * last minute, which extends the end by up to 15 minutes (the countdown visibly moves); FRESH sees it was
 * outbid; after the new end anyone settles, and FRESH withdraws its refund in full.
 * Seed facts: an open secondary auction of an active offering (the seeded "ending soon" or "several bids"
 * one) that has not ended when the scenario starts (a bid-less one also works: the first bid starts its
 * clock); FRESH and FRESH_2 funded with USDT above its minimum next bid x 1.2.
 */
import { anvilAddress, FRESH, FRESH_2 } from "../support/accounts";
import { txDone } from "../support/indexed";
import { axeCheck, dismissToasts, shot } from "../support/page";
import type { Scenario } from "../support/scenario";
import { auctionEnd, auctionWithdrawable, chainNow, graph, travelTo, untilLive, usdtBalance } from "../support/trading";
import { connectDev, switchAccount } from "../support/wallet";

interface OpenAuction {
  id: string;
  endTime: string | null;
  bidCount: number;
  offering: { status: string };
}

/** Places the pre-filled minimum bid as the connected account: approve if needed, then bid. */
async function bidMinimum(page: import("playwright-core").Page, auctionId: string, beforeBid?: () => Promise<void>) {
  const bidBox = page.getByLabel(/^Your bid \(USDT\)/);
  await bidBox.waitFor({ timeout: 30_000 });
  // Once the allowance is read: approve the bid first if needed.
  const next = page.getByRole("button", { name: /^(Approve [\d,.]+ USDT|Place bid)$/ });
  await next.first().waitFor({ timeout: 30_000 });
  const label = (await next.first().innerText()).trim();
  if (label.startsWith("Approve")) {
    await next.first().click();
    await txDone(page, new RegExp(`${label.replace(/[.]/g, "\\.")} for the auctions`));
  }
  if (beforeBid) await beforeBid();
  await page.getByTestId("bid-button").click();
  await txDone(page, new RegExp(`Bid [\\d,.]+ USDT on auction #${auctionId}`));
}

export const scenario: Scenario = {
  name: "13-auction-late-bid-extends-settle-refund",
  async run(ctx) {
    const { page, web, rpc, graph: graphUrl, deployment } = ctx;
    const now = await chainNow(rpc);
    const { auctions } = await graph<{ auctions: OpenAuction[] }>(
      graphUrl,
      "{ auctions(where: { status: Open, kind: Secondary }, first: 100) { id endTime bidCount offering { status } } }",
    );
    const candidates = auctions
      .filter((a) => a.offering.status === "Active" && (a.endTime === null || Number(a.endTime) > now + 300))
      .sort(
        (a, b) =>
          (a.endTime === null ? Infinity : Number(a.endTime)) - (b.endTime === null ? Infinity : Number(b.endTime)),
      );
    const auction = candidates[0];
    if (auction === undefined) throw new Error("the seed left no open secondary auction that has not ended");
    const id = BigInt(auction.id);

    // FRESH opens the room before connecting, then connects mid-auction and bids the pre-filled minimum.
    await page.goto(`${web}/auctions/${auction.id}`);
    await page.getByTestId("auction-countdown").waitFor({ timeout: 30_000 });
    await axeCheck(page, "auction room");
    await connectDev(page, FRESH);
    await bidMinimum(page, auction.id);
    await untilLive(page, "auction-leading", /USDT/);
    const freshBid = await auctionWithdrawable(rpc, deployment, anvilAddress(FRESH)); // 0 while it leads
    if (freshBid !== 0n) throw new Error("FRESH has a refund before it was outbid");
    await dismissToasts(page);

    // FRESH_2 approves, then bids in the auction's last minute: the end moves to that bid + 15 minutes.
    await switchAccount(page, FRESH_2);
    const endBefore = await auctionEnd(rpc, deployment, id);
    await bidMinimum(page, auction.id, async () => {
      await travelTo(page, rpc, endBefore - 50);
      await untilLive(page, "auction-countdown", /^00:[0-5]\d$/, 30_000);
    });
    const endAfter = await auctionEnd(rpc, deployment, id);
    if (endAfter <= endBefore)
      throw new Error(`a last-minute bid did not extend the auction (${endBefore} -> ${endAfter})`);
    await untilLive(page, "auction-extended", /^Extended by /, 30_000);
    await untilLive(page, "auction-countdown", /^1[0-5]:\d\d$/);
    await untilLive(page, "auction-extensions", /Extended [1-9]\d* times? by late bids/);
    await shot(page, "13-extended");

    // FRESH, outbid, is told so and holds a refund.
    await switchAccount(page, FRESH);
    await untilLive(page, "outbid-notice", /You were outbid/);
    const refund = await auctionWithdrawable(rpc, deployment, anvilAddress(FRESH));
    if (refund === 0n) throw new Error("the outbid bidder has no refund credited");
    await untilLive(page, "withdrawable", /You can withdraw/);

    // After the new end anyone settles; then FRESH withdraws its refund in full.
    await travelTo(page, rpc, endAfter + 5);
    await page.getByTestId("settle-button").click();
    await txDone(page, new RegExp(`Settle auction #${auction.id}`));
    await untilLive(page, "auction-settled", /won for/);
    const balanceBefore = await usdtBalance(rpc, deployment, anvilAddress(FRESH));
    await page.getByTestId("withdraw-button").click();
    await txDone(page, /Withdraw [\d,.]+ USDT/);
    const got = (await usdtBalance(rpc, deployment, anvilAddress(FRESH))) - balanceBefore;
    if (got !== refund) throw new Error(`FRESH withdrew ${got}, its refund was ${refund}`);
    if ((await auctionWithdrawable(rpc, deployment, anvilAddress(FRESH))) !== 0n)
      throw new Error("a refund is left after the withdrawal");
    await shot(page, "13-settled-refunded");
  },
};
