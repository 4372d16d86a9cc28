/**
 * Promotion nodes: the seeded main node (account 8) invites a spare account on its Nodes page; the spare, given
 * DMC, registers as a light node under it (approve + registerLightNode), copies its referral link, and a buyer
 * who opens that link sees "referred by" on the buy form and buys. The light node then sees the commission
 * recorded for it, funds it from the collected fees when the ledger's funding does not cover it yet
 * (collectFees + the splitter's distribute) and claims it:
 * its USDT grows by what the page showed, and the purchase is in its on-chain commission history.
 * Seed facts: account 8 a live main node with room for more light nodes; spare 19 untouched (no DMC); FRESH
 * holds USDT; offering 6's sale open.
 */
import { anvilAddress, BUYER_1, BUYER_2, FRESH } from "../support/accounts";
import { commissionOf, ensureDmc, ensureMainNode, nodeOf, usdtBalance } from "../support/nodes";
import { txDone } from "../support/indexed";
import { axeCheck, shot } from "../support/page";
import type { Scenario } from "../support/scenario";
import { untilLive } from "../support/trading";
import { connectDev } from "../support/wallet";

/** The last spare account (16 is the seed's borrower, 17 and 18 other scenarios' buyers). */
const LIGHT = 19;
const E18 = 10n ** 18n;

export const scenario: Scenario = {
  name: "22-light-node-referral-commission",
  async run(ctx) {
    const { page, web, rpc, deployment } = ctx;
    const light = anvilAddress(LIGHT);
    await ensureMainNode(rpc, deployment, BUYER_1);
    // The spare holds no DMC: a seeded holder sends it the 2,000 DMC stake (an off-app transfer).
    await ensureDmc(rpc, deployment, BUYER_2, LIGHT, 2_000n * E18);

    // The main node invites the spare.
    await page.goto(`${web}/nodes`);
    await connectDev(page, BUYER_1);
    await untilLive(page, "node-kind", /Main node/);
    await page.getByTestId("recruit-input").fill("0x1234");
    await page
      .getByTestId("recruits")
      .getByText(/is not an address/)
      .waitFor();
    await page.getByTestId("recruit-input").fill(light);
    await page.getByTestId("recruit-submit").click();
    await txDone(page, /Invite .* as a light node/);
    await page.getByTestId("pending-invites").getByText(light).waitFor({ timeout: 60_000 });
    await shot(page, "22-main-node-invited");

    // The spare registers under it: the invitation pre-fills the main node.
    await connectDev(page, LIGHT);
    await page.getByTestId("register-node").waitFor();
    await untilLive(page, "light-main-help", /Invited by this live main node/);
    await axeCheck(page, "nodes: register");
    await page.getByTestId("register-light").click();
    await txDone(page, /Register as a light node/);
    await untilLive(page, "node-kind", /Light node/);
    const registered = await nodeOf(rpc, deployment, light);
    if (registered.kind !== 2 || registered.mainNode.toLowerCase() !== anvilAddress(BUYER_1).toLowerCase())
      throw new Error(
        `account ${LIGHT} is not a light node under account ${BUYER_1}: ${JSON.stringify(registered, (_, v) => (typeof v === "bigint" ? v.toString() : v))}`,
      );
    const link = (await page.getByTestId("referral-link").getAttribute("href")) ?? "";
    if (!link.endsWith(`?ref=${light}`)) throw new Error(`unexpected referral link ${link}`);
    await shot(page, "22-light-node-registered");

    // A buyer opens the link to offering 6 and buys: the form names the light node.
    const offeringLink = link.replace(/\/\?ref=/, "/offerings/6?ref=");
    await page.goto(offeringLink);
    await connectDev(page, FRESH);
    const panel = page.getByTestId("buy-panel");
    const referred = panel.getByTestId("referred-by");
    await referred.filter({ hasText: /light node/ }).waitFor({ timeout: 30_000 });
    if ((await referred.getAttribute("data-standing")) !== "live-node")
      throw new Error(`the buy form does not show a live referrer: ${await referred.innerText()}`);
    // The session remembers it: browsing away and back keeps the referrer.
    await page.goto(`${web}/`);
    await page.goto(`${web}/offerings/6`);
    await page.getByTestId("buy-panel").getByTestId("referred-by").waitFor({ timeout: 30_000 });
    const before = await commissionOf(rpc, deployment, light);
    await panel.getByLabel("Units").fill("100");
    await panel.getByLabel("Permit signature (one transaction)").check();
    await panel.getByTestId("buy-submit").filter({ hasText: /^Buy$/ }).click();
    await txDone(page, /Buy 100 units of offering #6/);
    const after = await commissionOf(rpc, deployment, light);
    const earned = after.earned - before.earned;
    if (earned <= 0n)
      throw new Error("the purchase through the referral link recorded no commission for the light node");
    await shot(page, "22-bought-through-link");

    // The light node sees it, funds it from the collected fees and claims it.
    await page.goto(`${web}/nodes`);
    await connectDev(page, LIGHT);
    await untilLive(page, "commission-history", /Referral: /);
    const earnedCell = page.getByTestId("commission-earned-USDT");
    await earnedCell.waitFor();
    if (BigInt((await earnedCell.getAttribute("data-value")) ?? "0") !== after.earned)
      throw new Error(`the page shows ${await earnedCell.innerText()} earned, the chain ${after.earned}`);
    // Funding is a pool (decision 0021): what earlier fees funded may already cover it. Otherwise fund it from the
    // collected fees: the exchange's fees to the splitter, whose distribute funds owed commission first.
    const fund = page.getByTestId("commission-fund-USDT");
    if ((await fund.count()) > 0) {
      await fund.click();
      await txDone(page, /Distribute the collected USDT fees/);
    }
    const claimableCell = page.getByTestId("commission-claimable-USDT");
    await untilLive(page, "commission-claimable-USDT", /[1-9]/);
    const claimable = BigInt((await claimableCell.getAttribute("data-value")) ?? "0");
    const usdtBefore = await usdtBalance(rpc, deployment, light);
    await page.getByTestId("commission-claim-USDT").click();
    await txDone(page, /Claim .* commission/);
    const gained = (await usdtBalance(rpc, deployment, light)) - usdtBefore;
    if (gained !== claimable || gained !== after.earned - after.claimed)
      throw new Error(
        `claimed ${gained} USDT units; the page showed ${claimable}, owed ${after.earned - after.claimed}`,
      );
    await untilLive(page, "commission-history", /Claimed to /);
    await axeCheck(page, "nodes: commissions");
    await shot(page, "22-commission-claimed");
  },
};
