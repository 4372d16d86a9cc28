/**
 * Mutual insurance: after the seeded default (Quickfil, offering 3) the DAO executed a payout; BUYER_1 kept one
 * position's share unclaimed. It sees the pool (size, composition, the payout in the list), finds the payout on
 * its portfolio, claims it on the Insurance page, and its DMC grows by exactly perUnit x units; the position
 * then shows it claimed and the chain has nothing left for it.
 * Seed facts: DEFI_E2E.unclaimedPayout (account 8, position 2, payout 1).
 */
import { seedPlan } from "@dmex/devstack";

import { anvilAddress } from "../support/accounts";
import { dmcBalance, payoutClaimable } from "../support/nodes";
import { txDone } from "../support/indexed";
import { axeCheck, shot } from "../support/page";
import type { Scenario } from "../support/scenario";
import { untilLive } from "../support/trading";
import { connectDev } from "../support/wallet";

export const scenario: Scenario = {
  name: "23-insurance-payout-claimed-by-holder",
  async run(ctx) {
    const { page, web, rpc, deployment } = ctx;
    const { account, tokenId, payoutId } = seedPlan.DEFI_E2E.unclaimedPayout;
    const holder = anvilAddress(account);
    const owed = await payoutClaimable(rpc, deployment, payoutId, tokenId);
    if (owed === 0n)
      throw new Error(`position ${tokenId} has nothing to claim of payout ${payoutId}: was the stack used?`);

    await page.goto(`${web}/portfolio`);
    await connectDev(page, account);
    const line = page.getByTestId(`payout-line-${tokenId}`);
    await line.waitFor({ timeout: 60_000 });
    await untilLive(page, `payout-line-${tokenId}`, /claimable now/);
    await shot(page, "23-portfolio-payout");

    await page.goto(`${web}/insurance`);
    await untilLive(page, "pool-total", /[1-9]/);
    await page.getByTestId("payouts").getByText(`#${payoutId}`).first().waitFor({ timeout: 30_000 });
    await untilLive(page, `payout-line-${tokenId}`, /claimable now/);
    await axeCheck(page, "insurance");
    await shot(page, "23-insurance-before-claim");
    const before = await dmcBalance(rpc, deployment, holder);
    await page.getByTestId(`payout-claim-${payoutId}`).click();
    await txDone(page, /Claim .* insurance payout/);
    const gained = (await dmcBalance(rpc, deployment, holder)) - before;
    if (gained < owed) throw new Error(`claimed ${gained} DMC wei, position ${tokenId} was owed ${owed}`);
    if ((await payoutClaimable(rpc, deployment, payoutId, tokenId)) !== 0n)
      throw new Error(`position ${tokenId} can still claim payout ${payoutId}`);
    await untilLive(page, `payout-line-${tokenId}`, /claimed/);
    await shot(page, "23-insurance-after-claim");
  },
};
