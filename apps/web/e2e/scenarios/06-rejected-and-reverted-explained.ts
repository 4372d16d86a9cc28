import { DEPLOYER, MINER_AURORA } from "../support/accounts";
import { axeCheck, shot } from "../support/page";
import type { Scenario } from "../support/scenario";
import { connectDev } from "../support/wallet";

export const scenario: Scenario = {
  name: "06-rejected-and-reverted-explained",
  async run(ctx) {
    const { page, web } = ctx;
    // The deployer is not the miner of any offering.
    await page.goto(`${web}/miner`);
    await connectDev(page, DEPLOYER);
    await page.getByText("This account is not the miner of any offering").waitFor();
    await page.goto(`${web}/offerings/3`);
    const buy = page.getByTestId("buy-panel");
    await buy
      .getByText(/halted: it cannot be bought/)
      .first()
      .waitFor();
    // Offering 2 is in its term: its sale closed when the term started.
    await page.goto(`${web}/offerings/2`);
    await buy.getByText(/^Sale closed — term running\./).waitFor();
    // Insufficient balance: Aurora's account holds no USDT; offering 6 is on sale.
    await page.goto(`${web}/offerings/6`);
    await connectDev(page, MINER_AURORA);
    const panel = page.getByTestId("buy-panel");
    await panel.getByLabel("Units").fill("10");
    await panel.getByText("Insufficient USDT balance for this total.").waitFor();
    if (await panel.getByTestId("buy-submit").isEnabled()) throw new Error("Buy must be disabled without the balance");
    await panel.getByLabel("Units").fill("999999");
    await panel.getByText(/^Only \d+ units are left\.$/).waitFor();
    await shot(page, "06-insufficient-balance");
    await page.goto(`${web}/protocol`);
    await page.getByRole("heading", { name: "Protocol" }).waitFor();
    await page
      .getByTestId("thresholds-text")
      .filter({
        hasText:
          "flag after 7 days without a deposit (also the end-of-term holdback of new offerings) or when the last 7 judged days average under 80% of the market; refuse deposits under 50% of the market; flags allowed until 10 days after a term ends",
      })
      .waitFor();
    // The oracle's feeds: one per asset the seed reported (FIL and BTC), the latest day reported, no correction.
    const feeds = page.getByTestId("oracle-feeds");
    await feeds.getByRole("row").filter({ hasText: "FIL" }).filter({ hasText: "IFIL/TiB/day" }).waitFor();
    await feeds.getByRole("row").filter({ hasText: "BTC" }).filter({ hasText: "WBTC/TH/s/day" }).waitFor();
    await axeCheck(page, "protocol");
    await shot(page, "06-protocol");
  },
};
