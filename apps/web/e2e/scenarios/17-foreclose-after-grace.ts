/**
 * A loan overdue past its grace period: its lender sees it in My loans as foreclosable (the due-soon banner does
 * not count it: it is past repair), forecloses in the UI and receives the position.
 * Seed facts (LENDING_E2E.foreclose): a loan past its grace period, not foreclosed, and its lender.
 */
import { anvilAddress } from "../support/accounts";
import { txDone } from "../support/indexed";
import { lendingE2E, loanOf } from "../support/lending";
import { axeCheck, shot } from "../support/page";
import type { Scenario } from "../support/scenario";
import { ownerOf } from "../support/trading";
import { connectDev } from "../support/wallet";

export const scenario: Scenario = {
  name: "17-foreclose-after-grace",
  async run(ctx) {
    const { page, web, rpc, deployment } = ctx;
    const { loanId, lender } = lendingE2E().foreclose;
    await page.goto(`${web}/loans`);
    await connectDev(page, lender);
    const card = page.locator(`[data-testid=loan-card][data-loan-id="${loanId}"][data-role=lender]`).first();
    await card.waitFor({ timeout: 60_000 });
    await card.getByTestId("loan-phase").filter({ hasText: "foreclosable" }).waitFor();
    await card
      .getByTestId("loan-clock")
      .filter({ hasText: /the lender may foreclose/ })
      .waitFor();
    await axeCheck(page, "my loans, a foreclosable loan");
    await shot(page, "17-foreclosable");
    await card.getByTestId("foreclose").click();
    await txDone(page, new RegExp(`Foreclose loan #${loanId}`));
    if ((await loanOf(rpc, deployment, loanId)).lender !== "0x0000000000000000000000000000000000000000")
      throw new Error("the loan is still open after foreclosure");
    if ((await ownerOf(rpc, deployment, loanId)).toLowerCase() !== anvilAddress(lender).toLowerCase())
      throw new Error(`position #${loanId} did not go to the lender`);
    await page
      .locator(`[data-testid=loan-card][data-loan-id="${loanId}"][data-status=Foreclosed]`)
      .first()
      .waitFor({ timeout: 60_000 });
    await shot(page, "17-foreclosed");
  },
};
