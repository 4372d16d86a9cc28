import { anvilAddress, BRIDGE_MINTER, MINER_DEEPWELL } from "../support/accounts";
import { txDone } from "../support/indexed";
import { axeCheck, dismissToasts, shot } from "../support/page";
import type { Scenario } from "../support/scenario";
import { connectDev } from "../support/wallet";

export const scenario: Scenario = {
  name: "04-miner-deposit-and-withdraw",
  async run(ctx) {
    const { page, web } = ctx;
    await page.goto(`${web}/miner`);
    await connectDev(page, MINER_DEEPWELL);
    const card4 = page.getByTestId("miner-offering").filter({ hasText: "#4 Deepwell" });
    await card4.getByTestId("deposit-button").click();
    await txDone(page, /Deposit rewards/);
    const card1 = page.getByTestId("miner-offering").filter({ hasText: "#1 Deepwell" });
    await card1.getByTestId("withdraw-button").waitFor();
    await page.waitForFunction(
      () => {
        const el = [...document.querySelectorAll("[data-testid=miner-offering]")].find((e) =>
          e.textContent?.includes("#1 Deepwell"),
        );
        return el?.querySelector("[data-testid=withdrawable]")?.textContent?.match(/[1-9]/) !== null;
      },
      undefined,
      { timeout: 30_000 },
    );
    await card1
      .getByTestId("holdback")
      .filter({ hasText: /The last 7 days of escrow .* are released only as their rewards are deposited/ })
      .waitFor();
    await card1.getByTestId("withdraw-button").click();
    await txDone(page, /Withdraw released escrow/);
    await card1
      .getByTestId("withdrawable")
      .filter({ hasText: /^0 USDT$/ })
      .waitFor({ timeout: 30_000 });
    // The miner approves a depositor (its pool's payout address, here the bridge account) for offering 4, then revokes it.
    const depositors = card4.getByTestId("depositors");
    await depositors.getByLabel("Depositor address").fill(anvilAddress(BRIDGE_MINTER));
    await depositors.getByTestId("depositor-state").filter({ hasText: "Not approved." }).waitFor({ timeout: 30_000 });
    await dismissToasts(page);
    await depositors.getByRole("button", { name: "Approve depositor" }).click();
    await txDone(page, /Approve depositor 0x15d3…6A65 for #4/);
    await depositors
      .getByTestId("depositor-state")
      .filter({ hasText: /^Approved/ })
      .waitFor({ timeout: 30_000 });
    await depositors
      .getByTestId("depositor-list")
      .filter({ hasText: /0x15d3…6a65/i })
      .waitFor({ timeout: 30_000 });
    await axeCheck(page, "miner desk with a depositor");
    await shot(page, "04-miner-desk");
    await dismissToasts(page);
    await depositors.getByRole("button", { name: "Revoke", exact: true }).click();
    await txDone(page, /Revoke depositor 0x15d3…6A65 for #4/);
    await depositors.getByTestId("depositor-state").filter({ hasText: "Not approved." }).waitFor({ timeout: 30_000 });
  },
};
