import { FRESH } from "../support/accounts";
import { claimableOf, txDone } from "../support/indexed";
import { axeCheck, shot } from "../support/page";
import type { Scenario } from "../support/scenario";
import { connectDev } from "../support/wallet";

export const scenario: Scenario = {
  name: "02-buy-and-see-in-portfolio",
  async run(ctx) {
    const { page, web } = ctx;
    // An offering in its term: no buy form, and the rules its buyers are protected by, with its running figures.
    await page.goto(`${web}/offerings/1`);
    await page
      .getByTestId("buy-closed")
      .filter({ hasText: /^Sale closed — term running\./ })
      .waitFor();
    await page
      .getByTestId("rule-window")
      .filter({ hasText: /Paid \d+\.\d% of the market over the last 7 judged days; flaggable below 80%\./ })
      .waitFor();
    await page
      .getByTestId("rule-missed")
      .filter({ hasText: /Last deposit covered \d{4}-\d{2}-\d{2}; flaggable after 7 days without one/ })
      .waitFor();
    await page
      .getByTestId("rule-minimum")
      .filter({ hasText: /at least 50% of the market average/ })
      .waitFor();
    await page
      .getByTestId("rule-holdback")
      .filter({ hasText: /The last 7 days of escrow .* are released only as their rewards are deposited/ })
      .waitFor();
    await page
      .getByTestId("rule-post-term")
      .filter({ hasText: /10 days after the term ends/ })
      .waitFor();
    if ((await page.getByTestId("recent-shares").getByRole("listitem").count()) < 7)
      throw new Error("offering 1 should list its recent judged days");
    await axeCheck(page, "offering in its term");
    await shot(page, "02-offering-term-running");
    // Offering 6's sale is open until its term starts: buy there.
    await page.goto(`${web}/offerings/6`);
    await page
      .getByTestId("sale-window")
      .filter({ hasText: /when the term starts/ })
      .waitFor();
    await axeCheck(page, "offering on sale");
    await connectDev(page, FRESH);
    const panel = page.getByTestId("buy-panel");
    await panel.getByLabel("Units").fill("abc");
    await panel.getByText("Units are whole numbers.").waitFor();
    await panel.getByLabel("Units").fill("12");
    await panel.getByTestId("buy-total").filter({ hasText: "7.44 USDT" }).waitFor();
    await panel.getByLabel("Maximum total (USDT)").fill("5.0000001");
    await panel.getByText("At most 6 decimal places for this token.").waitFor();
    await panel.getByLabel("Maximum total (USDT)").fill("");
    // The seed pre-approves the spare accounts, so use the permit path (an EIP-712 signature by the dev wallet).
    await panel.getByLabel("Permit signature (one transaction)").check();
    await panel.getByTestId("buy-submit").filter({ hasText: /^Buy$/ }).click();
    await txDone(page, /Buy 12 units of offering #6/);
    await panel.getByTestId("buy-result").filter({ hasText: "Bought" }).waitFor();
    await page.getByRole("link", { name: "Portfolio" }).click();
    const card = page.getByTestId("position-card").filter({ hasText: "#6 Deepwell" }).filter({ hasText: "12 TiB" });
    await card.first().waitFor({ timeout: 30_000 });
    const boughtTokenId = (await card.first().getAttribute("data-token-id")) ?? undefined;
    // Its term has not started: no reward day yet.
    if (boughtTokenId && (await claimableOf(page, boughtTokenId)) !== 0n)
      throw new Error("a position whose term has not started has nothing to claim");
    await axeCheck(page, "portfolio");
    await shot(page, "02-portfolio-after-buy");
  },
};
