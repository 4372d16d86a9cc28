import { axeCheck, shot } from "../support/page";
import type { Scenario } from "../support/scenario";

export const scenario: Scenario = {
  name: "01-marketplace-accessible-and-keyboard",
  async run(ctx) {
    const { page, web } = ctx;
    await page.goto(`${web}/`);
    await page.getByRole("heading", { name: "Hashpower marketplace" }).waitFor();
    // The 6 seeded offerings minus offering 3, which the DAO halted (the default view lists active and flagged ones).
    const rows = await page.getByTestId("offering-row").count();
    if (rows < 5) throw new Error(`expected the 5 active seeded offerings, saw ${rows}`);
    // Offerings 1-5 are in their term (their sales closed when it started), offering 6's sale is open until its term starts.
    await page
      .getByTestId("offering-row")
      .filter({ hasText: "#1 Deepwell" })
      .getByTestId("sale-state")
      .filter({ hasText: "sale closed — term running" })
      .waitFor();
    await page
      .getByTestId("offering-row")
      .filter({ hasText: "#6 Deepwell" })
      .getByTestId("sale-state")
      .filter({ hasText: /^open until .*, when the term starts$/ })
      .waitFor();
    const perDay = await page
      .getByTestId("offering-row")
      .filter({ hasText: "#1 Deepwell" })
      .getByTestId("price-per-day")
      .innerText();
    if (perDay !== "0.002333 USDT")
      throw new Error(`offering 1 costs 0.42 USDT for 180 days: 0.002333 USDT per unit per day, saw "${perDay}"`);
    await page.goto(`${web}/?status=all`);
    const all = await page.getByTestId("offering-row").count();
    if (all < 6) throw new Error(`expected all 6 seeded offerings with status=all, saw ${all}`);
    await page.goto(`${web}/`);
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? "");
    if (!/Skip to content/.test(focused)) throw new Error(`first Tab should reach the skip link, got "${focused}"`);
    await axeCheck(page, "marketplace");
    await page.goto(`${web}/?asset=2&sort=price&dir=asc`);
    const filtered = await page.getByTestId("offering-row").allInnerTexts();
    if (filtered.length !== 2 || !filtered.every((t) => t.includes("BTC")))
      throw new Error(`BTC filter: ${filtered.length} rows`);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${web}/`);
    await page.getByTestId("offering-card").first().waitFor({ state: "visible" });
    if ((await page.getByTestId("offering-card").count()) < 5) throw new Error("phone layout shows no cards");
    await shot(page, "01-marketplace-phone");
    await page.setViewportSize({ width: 1280, height: 900 });
  },
};
