import { txDone } from "../support/indexed";
import { shot } from "../support/page";
import type { Scenario } from "../support/scenario";
import { connectDev } from "../support/wallet";

export const scenario: Scenario = {
  name: "05-halted-by-dao-vote-refund",
  async run(ctx) {
    const { page, web } = ctx;
    // The seed's DMC holders halted the defaulting offering 3 by a DAO vote (no admin key halts any more).
    const holder = ctx.seed.offering3Holder;
    if (holder === undefined) throw new Error("no unrefunded position of offering 3 in the seed");
    await page.goto(`${web}/offerings/3`);
    await page
      .getByTestId("flag-status")
      .filter({ hasText: /^Halted: release froze at \d{4}-\d{2}-\d{2}/ })
      .waitFor({ timeout: 30_000 });
    await page
      .getByTestId("rule-window")
      .filter({
        hasText: /^Low rewards\. Paid \d+\.\d% of the market over the last 7 judged days; flaggable below 80%\.$/,
      })
      .waitFor();
    await page.goto(`${web}/governance`);
    const halt = page.getByTestId("proposal-card").filter({ hasText: /Halt offering #3 \(Quickfil/ });
    await halt.first().waitFor();
    await halt.first().getByTestId("proposal-state").filter({ hasText: "executed" }).waitFor();
    await shot(page, "05-governance");
    await page.goto(`${web}/offerings/3`);
    await shot(page, "05-offering-halted");
    await connectDev(page, holder);
    await page.getByRole("link", { name: "Portfolio" }).click();
    await page.getByTestId("refund-all").click();
    await txDone(page, /Refund/);
    await page.getByTestId("refund-all").waitFor({ state: "detached", timeout: 30_000 });
    await shot(page, "05-refunded");
  },
};
