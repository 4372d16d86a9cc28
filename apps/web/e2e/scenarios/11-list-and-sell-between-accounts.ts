/**
 * A holder lists a position of offering 1 (in its term, with unclaimed rewards) and another account buys
 * it: the buyer sees, before and after, the unclaimed rewards and refund right that travel with the
 * position; the seller receives the price less the 2% trading fee.
 * Seed facts: a free (unlocked, unlisted, not auctioned) position of offering 1 owned by a seeded buyer,
 * with claimable rewards; FRESH_2 funded with USDT; the trading contracts deployed.
 */
import { ANVIL, anvilAddress, FRESH_2 } from "../support/accounts";
import { txDone } from "../support/indexed";
import { axeCheck, dismissToasts, shot } from "../support/page";
import type { Scenario } from "../support/scenario";
import { claimableRewards, graph, ownerOf, untilLive, usdtBalance } from "../support/trading";
import { connectDev, switchAccount } from "../support/wallet";

const PRICE = 5_000_000n; // 5 USDT
const FEE = (PRICE * 200n) / 10_000n; // the 2% trading fee, taken from the price

export const scenario: Scenario = {
  name: "11-list-and-sell-between-accounts",
  async run(ctx) {
    const { page, web, rpc, graph: graphUrl, deployment } = ctx;
    const buyer = anvilAddress(FRESH_2);
    const { positions } = await graph<{
      positions: {
        tokenId: string;
        owner: { id: string };
        listing: { id: string } | null;
        auction: { id: string } | null;
      }[];
    }>(
      graphUrl,
      '{ positions(where: { offering: "1", locked: false, refunded: false }, first: 100, orderBy: tokenId) { tokenId owner { id } listing { id } auction { id } } }',
    );
    const pick = positions.find(
      (p) =>
        p.listing === null &&
        p.auction === null &&
        p.owner.id !== buyer.toLowerCase() &&
        ANVIL.some((a) => a.toLowerCase() === p.owner.id),
    );
    if (pick === undefined) throw new Error("the seed left no free position of offering 1 held by a dev account");
    const tokenId = BigInt(pick.tokenId);
    const sellerIndex = ANVIL.findIndex((a) => a.toLowerCase() === pick.owner.id);
    const seller = anvilAddress(sellerIndex);
    const rewardsBefore = await claimableRewards(rpc, deployment, tokenId);
    if (rewardsBefore === 0n) throw new Error(`position #${tokenId} has no unclaimed rewards to travel with it`);

    // The seller lists it: approve the listings contract for the token, then list.
    await page.goto(`${web}/portfolio/${tokenId}`);
    await connectDev(page, sellerIndex);
    const market = page.getByTestId("position-market");
    await market.waitFor({ timeout: 30_000 });
    await market.getByLabel("Price (USDT, fee included)").fill("5.0000001");
    await market.getByText("At most 6 decimal places for this token.").waitFor();
    await market.getByLabel("Price (USDT, fee included)").fill("5");
    await market.getByTestId("list-split").filter({ hasText: "You receive 4.9 USDT; the fee is 0.1 USDT." }).waitFor();
    await market.getByTestId("list-submit").click();
    await txDone(page, new RegExp(`Approve the listings contract for #${tokenId}`));
    await txDone(page, new RegExp(`List position #${tokenId}`));
    await untilLive(page, "listing-price", /^5 USDT$/);
    await dismissToasts(page);
    await shot(page, "11-listed");

    // Another account sees the listing with what travels with it, and buys at the price shown.
    const sellerBefore = await usdtBalance(rpc, deployment, seller);
    await switchAccount(page, FRESH_2);
    await untilLive(page, "travel-claimable", /[1-9]/);
    await untilLive(page, "listing-per-unit-day", /USDT/);
    await untilLive(page, "primary-per-unit-day", /USDT/);
    await axeCheck(page, "position listed, seen by a buyer");
    // Once the allowance is read: approve the price first if needed, then buy.
    const next = market.getByRole("button", { name: /^(Approve 5 USDT|Buy for 5 USDT)$/ });
    await next.first().waitFor({ timeout: 30_000 });
    if ((await next.first().innerText()).startsWith("Approve")) {
      await next.first().click();
      await txDone(page, /Approve 5 USDT/);
    }
    await market.getByTestId("buy-listing").click();
    await txDone(page, new RegExp(`Buy position #${tokenId}`));

    if ((await ownerOf(rpc, deployment, tokenId)).toLowerCase() !== buyer.toLowerCase())
      throw new Error(`position #${tokenId} did not move to the buyer`);
    const rewardsAfter = await claimableRewards(rpc, deployment, tokenId);
    if (rewardsAfter < rewardsBefore)
      throw new Error(`the unclaimed rewards did not travel: ${rewardsBefore} before, ${rewardsAfter} after`);
    const received = (await usdtBalance(rpc, deployment, seller)) - sellerBefore;
    if (received !== PRICE - FEE) throw new Error(`the seller received ${received}, not ${PRICE - FEE}`);

    // The buyer's view: now the owner, the rewards still in the position, nothing for sale.
    await page.reload();
    await untilLive(page, "travel-claimable", /[1-9]/);
    await market.getByText("Not for sale.").waitFor({ timeout: 30_000 });
    await page.goto(`${web}/portfolio`);
    await page.locator(`[data-testid=position-card][data-token-id="${tokenId}"]`).waitFor({ timeout: 30_000 });
    await shot(page, "11-bought-in-portfolio");
  },
};
