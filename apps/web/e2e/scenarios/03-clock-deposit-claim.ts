import { BUYER_1, MINER_DEEPWELL } from "../support/accounts";
import { reportYesterday } from "../support/chain";
import { advanceClock, advanceDays } from "../support/clock";
import { claimableOf, txDone } from "../support/indexed";
import { axeCheck, dismissToasts, shot } from "../support/page";
import type { Scenario } from "../support/scenario";
import { clickNavLink } from "../support/headerControls";
import { connectDev, switchAccount } from "../support/wallet";

export const scenario: Scenario = {
  name: "03-clock-deposit-claim",
  async run(ctx) {
    const { page, web } = ctx;
    // A holder of Deepwell's offering 1 (in its term since day 2 of the seed).
    await page.goto(`${web}/portfolio`);
    await connectDev(page, BUYER_1);
    const card = page.getByTestId("position-card").filter({ hasText: "#1 Deepwell" }).first();
    await card.waitFor({ timeout: 30_000 });
    const tokenId = await card.getAttribute("data-token-id");
    if (!tokenId) throw new Error("buyer 1 holds no position of offering 1");
    const before = await claimableOf(page, tokenId);
    // The next day ends; the oracle reports it, and the report stays correctable for an hour.
    await advanceDays(page, "+1 day");
    await reportYesterday(ctx.rpc, ctx.oracle);
    await switchAccount(page, MINER_DEEPWELL);
    await clickNavLink(page, "Miner desk");
    const desk = page.getByTestId("miner-offering").filter({ hasText: "#1 Deepwell" });
    await desk
      .getByTestId("deposit-rate")
      .filter({ hasText: /can be corrected until .* final from then on/ })
      .waitFor({ timeout: 30_000 });
    if (await desk.getByTestId("deposit-button").isEnabled())
      throw new Error("the deposit must wait for a final report");
    await advanceClock(page, "+1 h");
    await desk
      .getByTestId("deposit-rate")
      .filter({ hasText: /^Judged against the oracle's final report for \d{4}-\d{2}-\d{2}/ })
      .waitFor({ timeout: 30_000 });
    await desk.getByTestId("deposit-amounts").filter({ hasText: "Minimum (50%, the chain refuses less)" }).waitFor();
    // Under half the market: explained before sending, and not sendable.
    await desk.getByLabel("Amount (IFIL)").fill("0.000001");
    await desk
      .getByTestId("deposit-help")
      .filter({ hasText: /under the 50% minimum: the chain would refuse it \(DepositBelowMinimum\)/ })
      .waitFor();
    if (await desk.getByTestId("deposit-button").isEnabled())
      throw new Error("a deposit under the minimum must not be sendable");
    await desk.getByLabel("Amount (IFIL)").fill("0.0000000000000000001");
    await desk.getByTestId("deposit-help").filter({ hasText: "At most 18 decimal places for this token." }).waitFor();
    // The miner's expected reward (units outstanding x expected reward per unit).
    await desk.getByRole("button", { name: /^Use your expected reward/ }).click();
    await desk
      .getByTestId("deposit-help")
      .filter({ hasText: /^Judged at \d+\.\d% of the market/ })
      .waitFor();
    await shot(page, "03-deposit-form");
    await desk.getByTestId("deposit-button").click();
    await txDone(page, /Deposit rewards/);
    await axeCheck(page, "miner desk");
    await switchAccount(page, BUYER_1);
    await page.getByRole("link", { name: "Portfolio" }).click();
    const started = Date.now();
    while ((await claimableOf(page, tokenId)) <= before) {
      if (Date.now() - started > 30_000) throw new Error("the deposit did not add to the position's claimable rewards");
      await page.waitForTimeout(500);
    }
    await shot(page, "03-claimable-appeared");
    await dismissToasts(page);
    await page.getByTestId("claim-all").click();
    await txDone(page, /Claim rewards/);
    const after = Date.now();
    while ((await claimableOf(page, tokenId)) !== 0n) {
      if (Date.now() - after > 30_000) throw new Error("claimable did not drop to 0 after the claim");
      await page.waitForTimeout(500);
    }
    await page.goto(`${web}/portfolio/${tokenId}`);
    await page
      .getByText(/^Claimed /)
      .first()
      .waitFor({ timeout: 30_000 });
    await shot(page, "03-position-history");
  },
};
