/**
 * Anyone runs the fee buyback from the DMC page: the splitter's USDT fees are distributed to it, a price checkpoint
 * is recorded, a conversion before the 30-minute TWAP window is refused and explained, and after the dev clock's
 * hour the conversion swaps USDT for DMC within the TWAP bound (FeeBuyback.convert): the totals grow and the
 * history shows the price paid against the TWAP.
 * Seed facts: the DMC/USDT pair has liquidity and the exchange has fees for the splitter (a standalone run on a
 * seed without them adds both off-app: ensureDmcUsdtLiquidity, ensureFeesToConvert).
 */
import { BUYER_2 } from "../support/accounts";
import { advanceClock } from "../support/clock";
import { buybackConversions, ensureDmcUsdtLiquidity, ensureFeesToConvert, txFailed } from "../support/defi";
import { txDone } from "../support/indexed";
import { axeCheck, dismissToasts, shot } from "../support/page";
import type { Scenario } from "../support/scenario";
import { graph as query, untilLive } from "../support/trading";
import { connectDev } from "../support/wallet";

export const scenario: Scenario = {
  name: "21-buyback-call",
  async run(ctx) {
    const { page, web, rpc, graph, deployment } = ctx;
    await ensureDmcUsdtLiquidity(rpc, deployment, BUYER_2);
    await ensureFeesToConvert(rpc, graph, deployment, BUYER_2);
    const before = await buybackConversions(rpc, deployment);

    await page.goto(`${web}/dmc`);
    await connectDev(page, BUYER_2);
    const usdt = page.getByTestId("buyback-USDT");
    await usdt.waitFor({ timeout: 60_000 });
    await page
      .getByTestId("pair-dmc-usdt")
      .getByText(/USDT per DMC/)
      .waitFor({ timeout: 30_000 });
    await axeCheck(page, "DMC page");
    await shot(page, "21-dmc-page");
    const distribute = usdt.getByTestId("buyback-distribute-USDT");
    if ((await distribute.count()) > 0) {
      await distribute.click();
      await txDone(page, /Distribute USDT fees/);
    }
    await untilLive(page, "buyback-held-USDT", /[1-9]/);
    const readiness = page.getByTestId("buyback-readiness-USDT");
    if ((await readiness.getAttribute("data-kind")) === "observe") {
      await usdt.getByTestId("buyback-observe-USDT").click();
      await txDone(page, /Record a USDT price checkpoint/);
    }
    await dismissToasts(page);
    if ((await readiness.getAttribute("data-kind")) === "wait") {
      // Before the window has elapsed the chain refuses, and the page says why before any signature.
      await usdt.getByTestId("buyback-run-USDT").click();
      const text = await txFailed(page, /Run the USDT buyback/);
      if (!/needs 30 min of history|convert once it is 30 minutes old/.test(text))
        throw new Error(`the early conversion was not explained: ${text}`);
      await dismissToasts(page);
      await advanceClock(page, "+1 h");
    }
    await page.locator("[data-testid=buyback-readiness-USDT][data-kind=ready]").waitFor({ timeout: 30_000 });
    await untilLive(page, "buyback-quote-USDT", /would swap .* USDT for .* DMC: worth .* at the TWAP, bound/);
    await shot(page, "21-ready");
    await usdt.getByTestId("buyback-run-USDT").click();
    await txDone(page, /Run the USDT buyback/);
    if ((await buybackConversions(rpc, deployment)) !== before + 1n) throw new Error("the buyback did not convert");
    // The subgraph indexes the conversion (when it indexes FeeBuyback: its program entity exists from the deploy).
    const { buybackPrograms } = await query<{ buybackPrograms: { id: string }[] }>(
      graph,
      "{ buybackPrograms(first: 1) { id } }",
    );
    if (buybackPrograms.length > 0) {
      await page.getByTestId("buyback-row").first().waitFor({ timeout: 60_000 });
      await page.getByTestId("buyback-history").getByText(/USDT/).first().waitFor();
    }
    await shot(page, "21-converted");
  },
};
