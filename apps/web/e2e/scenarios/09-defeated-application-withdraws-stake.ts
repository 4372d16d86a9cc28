import { MINER_AURORA } from "../support/accounts";
import { advanceClock } from "../support/clock";
import { txDone } from "../support/indexed";
import { axeCheck, dismissToasts, shot } from "../support/page";
import type { Scenario } from "../support/scenario";
import { connectDev } from "../support/wallet";

export const scenario: Scenario = {
  name: "09-defeated-application-withdraws-stake",
  async run(ctx) {
    const { page, web } = ctx;
    // The seed leaves Aurora's application (account 2) in its vote; without quorum it is defeated once the vote closes.
    await page.goto(`${web}/miner`);
    await connectDev(page, MINER_AURORA);
    const card = page.getByTestId("miner-application").first();
    await card.waitFor({ timeout: 30_000 });
    if (!/Defeated/.test(await card.getByTestId("application-state").innerText())) await advanceClock(page, "+1 day");
    await card.getByTestId("application-state").filter({ hasText: "Defeated" }).waitFor({ timeout: 30_000 });
    await dismissToasts(page);
    await card.getByTestId("withdraw-stake").click();
    await txDone(page, /Withdraw the stake of application/);
    await card.getByTestId("stake-state").filter({ hasText: "withdrawn" }).waitFor({ timeout: 30_000 });
    await axeCheck(page, "miner desk with applications");
    await shot(page, "09-stake-withdrawn");
  },
};
