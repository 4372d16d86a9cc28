/**
 * A holder stakes a position in PositionStaking from the Stake page (approve, stake: locked in place, still in its
 * wallet), sees its DMC earned tick up each second, claims the position's daily mining rewards from the portfolio
 * while it is staked (a stake routes nothing to the locker), claims the DMC, and unstakes.
 * Seed facts: a free live position of a dev account with unclaimed mining rewards (stakablePosition); the
 * PositionStaking pool inside its emission period and a drawer of the behaviour bucket.
 */
import { dmcTokenAbi } from "@dmex/deployments";

import { anvilAddress } from "../support/accounts";
import { dataValue, defiAddress, stakablePosition, stakeOf, untilValueAbove } from "../support/defi";
import { claimableOf, txDone } from "../support/indexed";
import { axeCheck, dismissToasts, shot } from "../support/page";
import type { Scenario } from "../support/scenario";
import { claimableRewards, client, ownerOf } from "../support/trading";
import { connectDev } from "../support/wallet";

const ZERO = "0x0000000000000000000000000000000000000000";

export const scenario: Scenario = {
  name: "19-stake-position-keep-claiming-rewards",
  async run(ctx) {
    const { page, web, rpc, graph, deployment } = ctx;
    const { index, tokenId } = await stakablePosition(rpc, graph, deployment);
    const me = anvilAddress(index);
    const rewardsBefore = await claimableRewards(rpc, deployment, tokenId);

    await page.goto(`${web}/stake`);
    await connectDev(page, index);
    const row = page.locator(`[data-testid=stake-position][data-token-id="${tokenId}"]`);
    await row.and(page.locator("[data-state=stakable]")).waitFor({ timeout: 60_000 });
    await row.getByText(/Weight [\d,]+ \S+ x [\d,]+ days left = [\d,]+/).waitFor();
    await axeCheck(page, "stake page");
    await shot(page, "19-stake-page");
    const approve = row.getByTestId("stake-approve");
    if ((await approve.count()) > 0) {
      await approve.click();
      await txDone(page, new RegExp(`Approve NFT staking for #${tokenId}`));
    }
    await row.getByTestId("stake-button").click();
    await txDone(page, new RegExp(`Stake position #${tokenId}`));
    if ((await stakeOf(rpc, deployment, tokenId)).toLowerCase() !== me.toLowerCase())
      throw new Error(`position #${tokenId} is not staked by its owner`);
    if ((await ownerOf(rpc, deployment, tokenId)).toLowerCase() !== me.toLowerCase())
      throw new Error("staking moved the position out of its owner's wallet");
    await row.and(page.locator("[data-state=staked]")).waitFor({ timeout: 30_000 });
    await row.getByText(/still yours while staked/).waitFor();

    // DMC earned ticks up by the second, computed from one read of the pool.
    const first = await untilValueAbove(page, "earned-nft", 0n);
    await untilValueAbove(page, "earned-nft", first, 10_000);
    await page
      .getByTestId("apr-formula-nft")
      .filter({ hasText: /DMC\/s x 31,536,000 s/ })
      .waitFor();
    await dismissToasts(page);

    // Staked, its mining rewards are still its owner's to claim, from the portfolio.
    await page.goto(`${web}/portfolio`);
    await page.getByTestId(`staked-${tokenId}`).waitFor({ timeout: 60_000 });
    const started = Date.now();
    while ((await claimableOf(page, String(tokenId))) === 0n) {
      if (Date.now() - started > 30_000)
        throw new Error(`the staked position shows no claimable rewards (${rewardsBefore} on chain)`);
      await page.waitForTimeout(500);
    }
    await page.getByTestId("claim-all").click();
    await txDone(page, /Claim rewards/);
    if ((await claimableRewards(rpc, deployment, tokenId)) !== 0n)
      throw new Error("the staked position's rewards were not claimed");
    if ((await stakeOf(rpc, deployment, tokenId)).toLowerCase() !== me.toLowerCase())
      throw new Error("claiming the mining rewards ended the stake");
    await shot(page, "19-claimed-while-staked");
    await dismissToasts(page);

    // Claim the DMC mined, then unstake.
    const dmc = defiAddress(deployment, "DMCToken");
    const balance = () =>
      client(rpc).readContract({ address: dmc, abi: dmcTokenAbi, functionName: "balanceOf", args: [me] });
    await page.goto(`${web}/stake`);
    await untilValueAbove(page, "earned-nft", 0n);
    const shown = await dataValue(page, "earned-nft");
    const before = await balance();
    await page.getByTestId("claim-nft").click();
    await txDone(page, /Claim .* from NFT staking/);
    const gained = (await balance()) - before;
    if (gained < shown) throw new Error(`claimed ${gained} DMC wei, the page showed ${shown} earned`);
    await row.getByTestId("unstake-button").click();
    await txDone(page, new RegExp(`Unstake position #${tokenId}`));
    if ((await stakeOf(rpc, deployment, tokenId)) !== ZERO) throw new Error("the position is still staked");
    await row.and(page.locator("[data-state=stakable]")).waitFor({ timeout: 30_000 });
    await shot(page, "19-unstaked");
  },
};
