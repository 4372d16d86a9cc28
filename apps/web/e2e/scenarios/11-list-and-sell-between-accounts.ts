/**
 * A holder lists a position of offering 1 (in its term, with unclaimed rewards) and another account buys
 * it: the buyer sees, before and after, the unclaimed rewards and refund right that travel with the
 * position; the seller receives the price less the trading fee (read from ProtocolParameters: the seed's executed
 * fee proposal changes it from the deploy's 2%).
 * Seed facts: a free (unlocked, unlisted, not auctioned) position of offering 1 owned by a seeded buyer,
 * with claimable rewards; FRESH_2 funded with USDT; the trading contracts deployed.
 */
import { ANVIL, anvilAddress, FRESH_2 } from "../support/accounts";
import { txDone } from "../support/indexed";
import { axeCheck, dismissToasts, shot } from "../support/page";
import type { Scenario } from "../support/scenario";
import { claimableRewards, client, graph, ownerOf, untilLive, usdtBalance } from "../support/trading";
import { connectDev, switchAccount } from "../support/wallet";
import { protocolParametersAbi } from "@dmex/deployments";
import { formatUnits } from "viem";

const PRICE = 5_000_000n; // 5 USDT

export const scenario: Scenario = {
  name: "11-list-and-sell-between-accounts",
  async run(ctx) {
    const { page, web, rpc, graph: graphUrl, deployment } = ctx;
    const buyer = anvilAddress(FRESH_2);
    const parameters = deployment.contracts.ProtocolParameters?.address;
    if (parameters === undefined) throw new Error("no ProtocolParameters deployed");
    const feeBps = await client(rpc).readContract({
      address: parameters,
      abi: protocolParametersAbi,
      functionName: "tradingFeeBps",
    });
    const FEE = (PRICE * BigInt(feeBps)) / 10_000n; // the trading fee, taken from the price
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
    // Earlier scenarios claim from some positions: take the first free one that still carries rewards.
    const candidates = positions.filter(
      (p) =>
        p.listing === null &&
        p.auction === null &&
        p.owner.id !== buyer.toLowerCase() &&
        ANVIL.some((a) => a.toLowerCase() === p.owner.id),
    );
    let pick: (typeof candidates)[number] | undefined;
    let rewardsBefore = 0n;
    for (const candidate of candidates) {
      rewardsBefore = await claimableRewards(rpc, deployment, BigInt(candidate.tokenId));
      if (rewardsBefore > 0n) {
        pick = candidate;
        break;
      }
    }
    if (pick === undefined)
      throw new Error("the seed left no free position of offering 1 with unclaimed rewards held by a dev account");
    const tokenId = BigInt(pick.tokenId);
    const owner = pick.owner.id;
    const sellerIndex = ANVIL.findIndex((a) => a.toLowerCase() === owner);
    const seller = anvilAddress(sellerIndex);

    // The seller lists it: approve the listings contract for the token, then list.
    await page.goto(`${web}/portfolio/${tokenId}`);
    await connectDev(page, sellerIndex);
    const market = page.getByTestId("position-market");
    await market.waitFor({ timeout: 30_000 });
    await market.getByLabel("Price (USDT, fee included)").fill("5.0000001");
    await market.getByText("At most 6 decimal places for this token.").waitFor();
    await market.getByLabel("Price (USDT, fee included)").fill("5");
    await market
      .getByTestId("list-split")
      .filter({ hasText: `You receive ${formatUnits(PRICE - FEE, 6)} USDT; the fee is ${formatUnits(FEE, 6)} USDT.` })
      .waitFor();
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
