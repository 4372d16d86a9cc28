/**
 * A holder borrows against a free position from an open single-position offer (approve the loans contract for
 * the position, accept), claims the position's rewards while it is pledged (a loan locks in place: rewards keep
 * paying the borrower), then repays in full from My loans: the loan closes and the position is free again.
 * Seed facts (LENDING_E2E.borrow): the borrower's free position, the open offer for it; scenario 03's deposit
 * to offering 1 left it claimable rewards.
 */
import { anvilAddress } from "../support/accounts";
import { claimableOf, txDone } from "../support/indexed";
import { lendingE2E, loanOf } from "../support/lending";
import { axeCheck, dismissToasts, shot } from "../support/page";
import type { Scenario } from "../support/scenario";
import { claimableRewards, ownerOf, untilLive } from "../support/trading";
import { connectDev } from "../support/wallet";

const ZERO = "0x0000000000000000000000000000000000000000";

export const scenario: Scenario = {
  name: "15-borrow-claim-while-pledged-repay",
  async run(ctx) {
    const { page, web, rpc, deployment } = ctx;
    const { borrower, tokenId, singleOfferId } = lendingE2E().borrow;
    const me = anvilAddress(borrower);

    // The Borrow panel lists the matching offers with their LTV and cost; approve, then borrow.
    await page.goto(`${web}/portfolio/${tokenId}`);
    await connectDev(page, borrower);
    const panel = page.getByTestId("borrow-panel");
    await panel.waitFor({ timeout: 30_000 });
    const offer = panel.locator(`[data-testid=borrow-offer][data-offer-id="${singleOfferId}"]`);
    await offer.waitFor({ timeout: 60_000 });
    await untilLive(page, "borrow-ltv", /\d+\.\d%/);
    await untilLive(page, "borrow-total", /USDT/);
    await axeCheck(page, "borrow panel");
    await shot(page, "15-borrow-offers");
    const approve = offer.getByTestId("borrow-approve");
    if ((await approve.count()) > 0) {
      await approve.click();
      await txDone(page, new RegExp(`Approve the loans contract for #${tokenId}`));
    }
    await offer.getByTestId("borrow-accept").click();
    await txDone(page, new RegExp(`Borrow on offer #${singleOfferId}`));
    const loan = await loanOf(rpc, deployment, tokenId);
    if (loan.borrower.toLowerCase() !== me.toLowerCase())
      throw new Error(`no loan on position #${tokenId} after accepting`);
    await untilLive(page, "borrow-pledged", new RegExp(`Pledged for loan #${tokenId}`));
    await dismissToasts(page);

    // Pledged, and still the borrower's to claim.
    if ((await claimableRewards(rpc, deployment, tokenId)) === 0n)
      throw new Error(`position #${tokenId} carries no rewards to claim (scenario 03 deposits for offering 1)`);
    // (the position page has two "Portfolio" links: the header's and the breadcrumb)
    await page.goto(`${web}/portfolio`);
    const started = Date.now();
    while ((await claimableOf(page, String(tokenId))) === 0n) {
      if (Date.now() - started > 30_000) throw new Error("the pledged position shows no claimable rewards");
      await page.waitForTimeout(500);
    }
    await page.getByTestId("claim-all").click();
    await txDone(page, /Claim rewards/);
    if ((await claimableRewards(rpc, deployment, tokenId)) !== 0n)
      throw new Error("the pledged position's rewards were not claimed");
    if ((await ownerOf(rpc, deployment, tokenId)).toLowerCase() !== me.toLowerCase())
      throw new Error("the pledged position left its borrower");
    await dismissToasts(page);

    // Repay in full from My loans (approve the debt plus a few minutes of interest, pass that as the amount).
    await page.goto(`${web}/loans`);
    const card = page.locator(`[data-testid=loan-card][data-loan-id="${tokenId}"][data-role=borrower]`).first();
    await card.waitFor({ timeout: 60_000 });
    await card
      .getByTestId("loan-clock")
      .filter({ hasText: /due in/ })
      .waitFor();
    await card.getByTestId("loan-ltv").waitFor();
    await shot(page, "15-my-loan");
    await card.getByTestId("repay-full").click();
    await txDone(page, new RegExp(`Repay loan #${tokenId} in full`));
    if ((await loanOf(rpc, deployment, tokenId)).borrower !== ZERO)
      throw new Error("the loan is still open after repaying in full");
    await page
      .locator(`[data-testid=loan-card][data-loan-id="${tokenId}"][data-status=Repaid]`)
      .first()
      .waitFor({ timeout: 60_000 });
    await shot(page, "15-repaid");
  },
};
