import { BUYER_1, BUYER_2, FRESH_2, MINER_DEEPWELL } from "../support/accounts";
import { advanceClock } from "../support/clock";
import { txDone, untilText } from "../support/indexed";
import { axeCheck, dismissToasts, shot, walletReady } from "../support/page";
import type { Scenario } from "../support/scenario";
import { connectDev, switchAccount } from "../support/wallet";

export const scenario: Scenario = {
  name: "07-miner-applies-dao-votes-buyer-buys",
  async run(ctx) {
    const { page, web } = ctx;
    // The miner applies through the wizard (validated form, live preview, DMC stake approval).
    await page.goto(`${web}/miner`);
    await connectDev(page, MINER_DEEPWELL);
    await page.getByTestId("apply-link").click();
    await page.getByRole("heading", { name: "Apply to list an offering" }).waitFor();
    const form = page.getByTestId("apply-form");
    await form.waitFor({ timeout: 30_000 });
    await form.getByLabel("Miner name").fill("E2E Hashworks");
    await form.getByLabel("Disclosure URI").fill("https://e2e-hashworks.example/disclosure.json");
    await form.getByLabel("Price per unit (USDT)").fill("38.0000001");
    await form.getByText("At most 6 decimal places for this token.").waitFor();
    await form.getByLabel("Price per unit (USDT)").fill("38");
    await form.getByLabel(/^Effective hashpower/).fill("400");
    await form.getByText(/Units for sale cannot exceed the effective hashpower \(400\)/).waitFor();
    await form.getByLabel(/^Effective hashpower/).fill("900");
    await page
      .getByTestId("apply-preview")
      .filter({ hasText: "E2E Hashworks" })
      .filter({ hasText: "38 USDT" })
      .waitFor();
    await page.getByTestId("required-stake").filter({ hasText: /DMC$/ }).waitFor({ timeout: 30_000 });
    await axeCheck(page, "miner application");
    await shot(page, "07-apply-wizard");
    // The stake by permit (EIP-712 signature by the dev wallet): submitWithPermit in one transaction.
    await form.getByLabel("Permit signature (one transaction)").check();
    await form.getByTestId("dmc-balance").filter({ hasText: /DMC$/ }).waitFor();
    await form.getByTestId("apply-submit").filter({ hasText: "Submit application" }).click();
    await txDone(page, /Submit application/);
    await page.getByTestId("apply-result").getByRole("link", { name: "Follow the vote" }).click();
    await page.getByRole("heading", { name: /Miner application: E2E Hashworks/ }).waitFor({ timeout: 30_000 });
    await page
      .getByTestId("proposal-actions-list")
      .filter({ hasText: "Approve FIL offering: 500 TiB at 38 USDT/TiB for 540 days by E2E Hashworks" })
      .waitFor();
    const proposalUrl = page.url();
    // Voting opens after the 60 s delay (state Active strictly after voteStart): two minutes past it.
    await walletReady(page);
    await advanceClock(page, "+1 min");
    await advanceClock(page, "+1 min");
    await untilText(page, "chain-state", /^Active$/);
    await axeCheck(page, "proposal");
    // Two DMC holders (2.2M each, self-delegated) vote For: together above the 4M quorum.
    for (const [voter, reason] of [
      [BUYER_1, "Disclosure checks out"],
      [BUYER_2, ""],
    ] as const) {
      await switchAccount(page, voter);
      await page
        .getByTestId("snapshot-votes")
        .filter({ hasText: /You had 2,200,000 votes at the snapshot/ })
        .waitFor({ timeout: 30_000 });
      if (reason) await page.getByLabel("Reason (optional, public)").fill(reason);
      await dismissToasts(page);
      await page.getByTestId("vote-submit").click();
      await txDone(page, /Vote For on/);
    }
    await page.goto(proposalUrl);
    await untilText(page, "vote-row", /Disclosure checks out/);
    // Past the 600 s voting period: succeeded, then queue.
    await advanceClock(page, "+10 min");
    await untilText(page, "chain-state", /^Succeeded$/);
    await dismissToasts(page);
    await page.getByTestId("queue-button").click();
    await txDone(page, /Queue "/);
    await untilText(page, "chain-state", /^Queued$/);
    await page.getByTestId("eta-countdown").waitFor({ timeout: 30_000 });
    // Past the 60 s timelock delay: execute creates the offering.
    await advanceClock(page, "+1 min");
    await dismissToasts(page);
    await page.getByTestId("execute-button").click();
    await txDone(page, /Execute "/);
    await untilText(page, "proposal-state", /executed/);
    await shot(page, "07-proposal-executed");
    const live = page.getByRole("link", { name: /^offering #\d+ is live$/ });
    await live.waitFor({ timeout: 30_000 });
    const offeringId = ((await live.innerText()).match(/#(\d+)/) ?? [])[1];
    if (!offeringId) throw new Error("the executed application links no offering");
    // The miner desk shows the application as live.
    await switchAccount(page, MINER_DEEPWELL);
    await page.goto(`${web}/miner`);
    await page
      .getByTestId("miner-application")
      .filter({ hasText: "Offering live" })
      .first()
      .waitFor({ timeout: 30_000 });
    // A buyer buys from the new offering on its page.
    await page.goto(`${web}/offerings/${offeringId}`);
    await page.getByRole("heading", { name: new RegExp(`#${offeringId} E2E Hashworks`) }).waitFor();
    await connectDev(page, FRESH_2);
    const panel = page.getByTestId("buy-panel");
    await panel.getByLabel("Units").fill("3");
    await panel.getByTestId("buy-total").filter({ hasText: "114 USDT" }).waitFor();
    await panel.getByLabel("Permit signature (one transaction)").check();
    await dismissToasts(page);
    await panel.getByTestId("buy-submit").filter({ hasText: /^Buy$/ }).click();
    await txDone(page, new RegExp(`Buy 3 units of offering #${offeringId}`));
    await panel.getByTestId("buy-result").filter({ hasText: "Bought" }).waitFor();
    await shot(page, "07-bought-from-new-offering");
  },
};
