/**
 * A self-repaying loan: the borrower borrows on an offer that gives a reward price, turns self-repayment on
 * (the position's rewards now go to the loan), the miner deposits a day's rewards (the oracle reports, the
 * bridge brings WBTC: off-app, as in scenarios 03/04), then the borrower applies them and sees the debt fall.
 * Seed facts (LENDING_E2E.selfRepaying): a free Nordic BTC 90d position and an open offer for it with a price.
 */
import { txDone } from "../support/indexed";
import { advanceClock, advanceDays } from "../support/clock";
import { clickNavLink } from "../support/headerControls";
import {
  bridgeWbtcToNordic,
  debtOf,
  lendingE2E,
  loanOf,
  MINER_NORDIC,
  NORDIC_BTC_90D,
  reportBtcUpToYesterday,
} from "../support/lending";
import { dismissToasts, shot } from "../support/page";
import type { Scenario } from "../support/scenario";
import { untilLive } from "../support/trading";
import { connectDev, switchAccount } from "../support/wallet";

export const scenario: Scenario = {
  name: "16-self-repaying-debt-falls",
  async run(ctx) {
    const { page, web, rpc, deployment, oracle } = ctx;
    const { borrower, tokenId, offerId } = lendingE2E().selfRepaying;

    await page.goto(`${web}/portfolio/${tokenId}`);
    await connectDev(page, borrower);
    const offer = page.locator(`[data-testid=borrow-offer][data-offer-id="${offerId}"]`);
    await offer.waitFor({ timeout: 60_000 });
    await offer.getByText(/accepts rewards/).waitFor();
    const approve = offer.getByTestId("borrow-approve");
    if ((await approve.count()) > 0) {
      await approve.click();
      await txDone(page, new RegExp(`Approve the loans contract for #${tokenId}`));
    }
    await offer.getByTestId("borrow-accept").click();
    await txDone(page, new RegExp(`Borrow on offer #${offerId}`));
    await dismissToasts(page);

    // Self-repayment on: the rewards are routed to the loan.
    await page.goto(`${web}/loans`);
    const card = page.locator(`[data-testid=loan-card][data-loan-id="${tokenId}"][data-role=borrower]`).first();
    await card.getByTestId("self-repay-toggle").click();
    await txDone(page, new RegExp(`Start self-repayment of loan #${tokenId}`));
    if (!(await loanOf(rpc, deployment, tokenId)).selfRepaying) throw new Error("the loan is not self-repaying");
    await dismissToasts(page);

    // A day later the miner deposits its rewards (oracle and bridge are off-app).
    await advanceDays(page, "+1 day");
    await reportBtcUpToYesterday(rpc, oracle);
    await advanceClock(page, "+1 h");
    await bridgeWbtcToNordic(rpc, deployment);
    await switchAccount(page, MINER_NORDIC);
    await clickNavLink(page, "Miner desk");
    const desk = page.getByTestId("miner-offering").filter({ hasText: NORDIC_BTC_90D });
    await desk
      .getByTestId("deposit-rate")
      .filter({ hasText: /^Judged against the oracle's final report for \d{4}-\d{2}-\d{2}/ })
      .waitFor({ timeout: 60_000 });
    await desk.getByRole("button", { name: /^Use your expected reward/ }).click();
    await desk.getByTestId("deposit-button").click();
    await txDone(page, /Deposit rewards/);
    await dismissToasts(page);

    // The borrower applies the routed rewards: the debt falls.
    await switchAccount(page, borrower);
    await page.goto(`${web}/loans`);
    await untilLive(page, "routed-rewards", /[1-9]/);
    const before = await debtOf(rpc, deployment, tokenId);
    await card.getByTestId("apply-rewards").click();
    await txDone(page, new RegExp(`Apply rewards to loan #${tokenId}`));
    const after = await debtOf(rpc, deployment, tokenId);
    if (after >= before) throw new Error(`the debt did not fall: ${before} before, ${after} after applying rewards`);
    await card.locator("[data-testid=debt-row][data-kind=self-repayment]").first().waitFor({ timeout: 60_000 });
    await card.locator("[data-testid=debt-row][data-kind=forecast]").first().waitFor();
    await shot(page, "16-debt-falls");
  },
};
