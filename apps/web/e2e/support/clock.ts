/** The header's dev clock (local chain only): moves anvil's time on and waits for the page to follow. */
import type { Page } from "playwright-core";

import { openDevTools } from "./headerControls";

export async function advanceDays(page: Page, label: "+1 day" | "+7 days") {
  await openDevTools(page);
  const before = await page.getByTestId("chain-day").innerText();
  await page.getByRole("button", { name: label }).click();
  await page.waitForFunction((b) => document.querySelector("[data-testid=chain-day]")?.textContent !== b, before, {
    timeout: 30_000,
  });
  await page.getByRole("button", { name: label }).isEnabled();
  await page.waitForTimeout(1_000);
}

/** The dev clock's minute and hour steps (governance periods, the oracle's correction window): waits until the new block is indexed and the page refreshed. */
export async function advanceClock(page: Page, label: "+1 min" | "+10 min" | "+1 h" | "+1 day") {
  await openDevTools(page);
  const clock = page.getByTestId("dev-clock");
  const before = (await clock.getAttribute("data-advanced-to")) ?? "";
  await page.getByRole("button", { name: label, exact: true }).click();
  await page.waitForFunction(
    (b) => {
      const v = document.querySelector("[data-testid=dev-clock]")?.getAttribute("data-advanced-to") ?? "";
      return v !== "" && v !== b;
    },
    before,
    { timeout: 60_000 },
  );
  await page.waitForTimeout(1_000);
}
