import { txDone } from "../support/indexed";
import { axeCheck, dismissToasts, shot, walletReady } from "../support/page";
import type { Scenario } from "../support/scenario";
import { connectDev } from "../support/wallet";

export const scenario: Scenario = {
  name: "08-undelegated-holder-self-delegates",
  async run(ctx) {
    const { page, web } = ctx;
    const holder = ctx.seed.undelegated;
    if (holder === undefined) throw new Error("no DMC holder without a delegate in the seed");
    await page.goto(`${web}/governance`);
    await page.getByRole("heading", { name: "Governance" }).waitFor();
    await connectDev(page, holder);
    const banner = page.getByTestId("delegation-banner");
    await banner.waitFor({ timeout: 30_000 });
    await axeCheck(page, "governance");
    await dismissToasts(page);
    await banner.getByTestId("self-delegate").click();
    await txDone(page, /Delegate my DMC votes to myself/);
    await page.goto(`${web}/delegates`);
    await walletReady(page);
    await page.getByTestId("my-delegatee").filter({ hasText: "yourself" }).waitFor({ timeout: 30_000 });
    const votes = await page.getByTestId("my-votes").innerText();
    if (!/^[1-9][\d,.]* votes$/.test(votes))
      throw new Error(`expected the holder's votes after self-delegation, saw "${votes}"`);
    if ((await page.getByTestId("delegation-banner").count()) > 0)
      throw new Error("the banner should be gone once delegated");
    await page.getByTestId("delegate-row").first().waitFor();
    await axeCheck(page, "delegates");
    await shot(page, "08-delegates");
    await page.goto(`${web}/council`);
    await page.getByTestId("council-threshold").filter({ hasText: "4 of 7" }).waitFor();
    await page.getByTestId("council-check").waitFor({ timeout: 30_000 });
    await axeCheck(page, "council");
    await shot(page, "08-council");
  },
};
