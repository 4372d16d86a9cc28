/**
 * DMC trading rewards: an account with a finished epoch of rewards sees what it earned per epoch, the
 * fee-based formula in plain words (the cap and the $0.10 break-even), and claims; its DMC balance grows by
 * exactly the claimable amount and nothing is left to claim.
 * Seed facts: a finished epoch of trading rewards credited to a dev account (the seed's fee-paying buyer),
 * unclaimed; the TradingRewards contract a drawer of the behaviour bucket with 100,000 DMC per epoch and a
 * cap of 10 DMC per $1 of fees.
 */
import { dmcTokenAbi } from "@dmex/deployments";

import { anvilAddress } from "../support/accounts";
import { txDone } from "../support/indexed";
import { axeCheck, shot } from "../support/page";
import type { Scenario } from "../support/scenario";
import { accountWithTradingRewards, client, untilLive } from "../support/trading";
import { connectDev } from "../support/wallet";

export const scenario: Scenario = {
  name: "14-claim-trading-rewards",
  async run(ctx) {
    const { page, web, rpc, deployment } = ctx;
    const found = await accountWithTradingRewards(rpc, deployment);
    if (found === undefined) throw new Error("the seed left no dev account with trading rewards of a finished epoch");
    const dmc = deployment.contracts.DMCToken?.address;
    if (dmc === undefined) throw new Error("the local deployment has no DMCToken");
    const account = anvilAddress(found.index);
    const balance = () =>
      client(rpc).readContract({ address: dmc, abi: dmcTokenAbi, functionName: "balanceOf", args: [account] });

    await page.goto(`${web}/rewards`);
    await page
      .getByTestId("rewards-formula")
      .filter({ hasText: /in proportion to the fees paid .* at any DMC price below \$0\.10\./ })
      .waitFor({ timeout: 30_000 });
    await connectDev(page, found.index);
    await untilLive(page, "rewards-claimable", /[1-9]/);
    await page
      .getByTestId("rewards-epochs")
      .getByText(/finished: claimable|settled/)
      .first()
      .waitFor({ timeout: 30_000 });
    await axeCheck(page, "trading rewards");
    await shot(page, "14-before-claim");

    const before = await balance();
    await page.getByTestId("rewards-claim").click();
    await txDone(page, /Claim .*trading rewards/);
    const gained = (await balance()) - before;
    if (gained < found.claimable) throw new Error(`claimed ${gained} DMC wei, expected at least ${found.claimable}`);
    await untilLive(page, "rewards-claimable", /^0 DMC$/);
    await untilLive(page, "rewards-claimed", /[1-9]/);
    await shot(page, "14-after-claim");
  },
};
