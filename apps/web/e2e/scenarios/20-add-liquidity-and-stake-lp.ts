/**
 * A DMC holder adds liquidity to the DMC/USDT pair through UniswapV2Router02 from the Stake page (the USDT side
 * filled at the pair's ratio and checked with USDT's 6 decimals; both tokens approved; slippage minimums and a
 * deadline), then stakes the LP tokens it received in the DMC/USDT liquidity-mining pool and sees its DMC tick up
 * and the pool's APR with its formula.
 * Seed facts: BUYER_2 holds DMC and USDT; the pools inside their emission periods (an empty pair is filled at the
 * amounts typed).
 */
import { uniswapV2PairAbi } from "@dmex/deployments";

import { anvilAddress, BUYER_2 } from "../support/accounts";
import { defiAddress, lpStaked, untilValueAbove } from "../support/defi";
import { txDone } from "../support/indexed";
import { axeCheck, dismissToasts, shot } from "../support/page";
import type { Scenario } from "../support/scenario";
import { client, untilLive } from "../support/trading";
import { connectDev } from "../support/wallet";

export const scenario: Scenario = {
  name: "20-add-liquidity-and-stake-lp",
  async run(ctx) {
    const { page, web, rpc, deployment } = ctx;
    const me = anvilAddress(BUYER_2);
    const pair = defiAddress(deployment, "DmcUsdtPair");
    const lpOf = () =>
      client(rpc).readContract({ address: pair, abi: uniswapV2PairAbi, functionName: "balanceOf", args: [me] });
    const lpBefore = await lpOf();
    const stakedBefore = await lpStaked(rpc, deployment, me);

    await page.goto(`${web}/stake`);
    await connectDev(page, BUYER_2);
    const form = page.getByTestId("add-liquidity");
    await form.waitFor({ timeout: 60_000 });
    await form.getByLabel("DMC/USDT").check();
    await form.getByLabel("DMC", { exact: true }).fill("400");
    const usdt = form.getByLabel("USDT", { exact: true });
    if ((await usdt.inputValue()) === "") await usdt.fill("100"); // an empty pair takes the amounts as typed
    const typed = await usdt.inputValue();
    // USDT has 6 decimals: a seventh is refused before anything is sent.
    await usdt.fill("1.0000001");
    await form
      .getByTestId("liquidity-quote-error")
      .filter({ hasText: "At most 6 decimal places for this token." })
      .waitFor();
    await usdt.fill(typed);
    await form
      .getByTestId("liquidity-plan")
      .filter({ hasText: /at least .* after 0\.5% slippage.* LP; deadline/ })
      .waitFor();
    await shot(page, "20-add-liquidity-form");
    // The approvals the router needs show once the allowances are read (Add stays disabled until then).
    const add = form.getByTestId("liquidity-add");
    const approveDmc = form.getByTestId("liquidity-approve-dmc");
    const approveUsdt = form.getByTestId("liquidity-approve-quote");
    const ready = Date.now();
    while ((await approveDmc.count()) + (await approveUsdt.count()) === 0 && !(await add.isEnabled())) {
      if (Date.now() - ready > 30_000) throw new Error("the add-liquidity form never became ready");
      await page.waitForTimeout(250);
    }
    if ((await approveDmc.count()) > 0) {
      await approveDmc.click();
      await txDone(page, /Approve .* DMC for the Uniswap router/);
    }
    if ((await approveUsdt.count()) > 0) {
      await approveUsdt.click();
      await txDone(page, /Approve .* USDT for the Uniswap router/);
    }
    await add.click();
    await txDone(page, /Add .* DMC \+ .* USDT liquidity/);
    const minted = (await lpOf()) - lpBefore;
    if (minted <= 0n) throw new Error("adding liquidity minted no LP tokens");
    await dismissToasts(page);

    // Stake the LP just received.
    const pool = page.getByTestId("lp-dmc-usdt");
    await untilLive(page, "lp-wallet-dmc-usdt", /[1-9]/);
    await pool.getByRole("button", { name: "Max" }).click();
    // An approval shows when the pool's allowance is short (the seed may have approved it already).
    const approve = pool.getByTestId("lp-approve-dmc-usdt");
    const stake = pool.getByTestId("lp-stake-dmc-usdt");
    const shown = Date.now();
    while ((await approve.count()) === 0 && !(await stake.isEnabled())) {
      if (Date.now() - shown > 30_000) throw new Error("neither Approve nor Stake LP became available");
      await page.waitForTimeout(250);
    }
    if ((await approve.count()) > 0) {
      await approve.click();
      await txDone(page, /Approve .* LP for DMC\/USDT mining/);
    }
    await stake.click();
    await txDone(page, /Stake .* LP in DMC\/USDT mining/);
    const staked = (await lpStaked(rpc, deployment, me)) - stakedBefore;
    if (staked < minted) throw new Error(`staked ${staked} LP wei of the ${minted} minted`);
    const first = await untilValueAbove(page, "earned-dmc-usdt", 0n);
    await untilValueAbove(page, "earned-dmc-usdt", first, 10_000);
    await untilLive(page, "apr-dmc-usdt", /APR [\d,]+\.\d%|APR over/);
    await page
      .getByTestId("apr-formula-dmc-usdt")
      .filter({ hasText: /DMC a year x \$[\d.]+ = .* staked/ })
      .waitFor();
    await axeCheck(page, "stake page with LP");
    await shot(page, "20-lp-staked");
  },
};
