/**
 * Refinancing by takeover: a second lender views an active loan it is not party to, offers a lower APR (the form
 * proposes the highest the contract accepts: debt x new APR < principal x old APR), approves the debt plus a few
 * minutes of interest and takes the loan over; the old lender is credited the debt.
 * Seed facts (LENDING_E2E.refinance): an active loan before its due date, its lender, and a second lender.
 */
import { anvilAddress } from "../support/accounts";
import { txDone } from "../support/indexed";
import { lendingE2E, loanOf } from "../support/lending";
import { shot } from "../support/page";
import type { Scenario } from "../support/scenario";
import { connectDev } from "../support/wallet";

export const scenario: Scenario = {
  name: "18-refinance-by-second-lender",
  async run(ctx) {
    const { page, web, rpc, deployment } = ctx;
    const { loanId, lender, newLender } = lendingE2E().refinance;
    const before = await loanOf(rpc, deployment, loanId);
    if (before.lender.toLowerCase() !== anvilAddress(lender).toLowerCase())
      throw new Error(`loan #${loanId} is not lent by account ${lender}`);
    await page.goto(`${web}/loans`);
    await connectDev(page, newLender);
    const form = page.locator(`[data-testid=takeover][data-loan-id="${loanId}"]`);
    await form.waitFor({ timeout: 60_000 });
    // An APR no better than the old one is explained and not sendable.
    await form.getByLabel("Your APR (%)").fill(String(before.aprBps / 100));
    await form.getByText(/Not better for the borrower/).waitFor();
    if (await form.getByTestId("takeover-submit").isEnabled())
      throw new Error("a takeover at the old APR must not be sendable");
    await form.getByLabel("Your APR (%)").fill(String(Math.floor(before.aprBps / 200)));
    await form.getByTestId("takeover-submit").click();
    await txDone(page, new RegExp(`Take over loan #${loanId}`));
    const after = await loanOf(rpc, deployment, loanId);
    if (after.lender.toLowerCase() !== anvilAddress(newLender).toLowerCase())
      throw new Error(`loan #${loanId} did not move to the new lender`);
    if (after.aprBps >= before.aprBps) throw new Error("the refinanced APR is not lower");
    await page
      .locator(`[data-testid=loan-card][data-loan-id="${loanId}"][data-role=lender]`)
      .first()
      .waitFor({ timeout: 60_000 });
    await shot(page, "18-refinanced");
  },
};
