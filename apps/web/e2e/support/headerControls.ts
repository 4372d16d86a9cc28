/**
 * Helpers for scenarios that use the header's popups (components/nav/MainNav.tsx, components/DevTools.tsx):
 * the dev clock and the dev account switcher live in the "Dev" popover, and most destinations in a
 * group menu, so a scenario opens them before clicking inside.
 */
import type { Page } from "playwright-core";

import { NAV_GROUPS } from "../../components/nav/navConfig";

/** Opens the dev tools popover (dev clock, dev account switcher) unless it is open. */
export async function openDevTools(page: Page): Promise<void> {
  const button = page.getByTestId("dev-tools-button");
  await button.waitFor();
  if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
  await page.getByTestId("dev-clock").waitFor({ state: "visible" });
}

/** Clicks the header link to `label` (e.g. "Miner desk"), opening its group's menu first when it has one. */
export async function clickNavLink(page: Page, label: string): Promise<void> {
  const group = NAV_GROUPS.find((g) => g.items.some((i) => i.label === label));
  if (group === undefined) throw new Error(`no nav destination "${label}" in components/nav/navConfig.ts`);
  const main = page.getByRole("navigation", { name: "Main" });
  if (group.items.length > 1) {
    const button = main.getByRole("button", { name: group.label, exact: true });
    if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
  }
  await main.getByRole("link", { name: new RegExp(`^${label}`) }).click();
}
