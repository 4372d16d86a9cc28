/**
 * Browser scenario: the header with a connected wallet is one row at desktop width (1366 px) and
 * a menu on a phone (390 px); the group menus work from the keyboard (Enter opens, arrows move,
 * Escape closes and returns focus). Saves screenshots to e2e/screenshots/navigation-*.png.
 *
 * Runs in the suite (scenarios/index.ts) and alone (support/runNavigationScenario.ts, with a NavigationContext).
 * The scenario sets the viewport
 * itself and connects the local dev wallet if no connection is remembered.
 */
import { join } from "node:path";

import type { Page } from "playwright-core";

import type { Scenario } from "../support/scenario";
import { SCREENSHOTS } from "../support/page";

import { visibleGroups } from "../../components/nav/navConfig";

export interface NavigationContext {
  /** A fresh playwright-core page (its browser context may already remember a dev wallet connection). */
  readonly page: Page;
  /** The web app, e.g. http://127.0.0.1:3000 (no trailing slash). */
  readonly baseUrl: string;
  /** Where the screenshots go (apps/web/e2e/screenshots). */
  readonly screenshotsDir: string;
}

/** The one-row budget: a row of 36-40 px buttons plus padding stays well under it, two rows do not. */
export const ONE_ROW_MAX_PX = 80;
const DEV_ACCOUNT = 8; // a seeded buyer (positions, DMC)

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`navigation: ${message}`);
}

async function ensureConnected(page: Page): Promise<void> {
  await page.mouse.move(5, 5);
  await page.mouse.move(40, 40); // opens the wallet islands' gate if nothing else did
  await page.getByTestId("wallet-ready").waitFor({ timeout: 30_000 });
  await page.waitForTimeout(300); // a remembered connection reconnects
  if ((await page.getByTestId("account-button").count()) > 0) return;
  await page.evaluate((i) => window.localStorage.setItem("dmex.devWallet.account", String(i)), DEV_ACCOUNT);
  await page.getByRole("button", { name: "Connect Wallet" }).first().click();
  await page.getByText("Local dev wallet (anvil)").click();
  await page.getByTestId("account-button").waitFor({ timeout: 30_000 });
}

async function headerHeight(page: Page): Promise<number> {
  const box = await page.getByTestId("site-header").boundingBox();
  check(box !== null, "no header");
  return box?.height ?? Number.NaN;
}

async function desktop(ctx: NavigationContext): Promise<void> {
  const { page } = ctx;
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`${ctx.baseUrl}/`);
  await ensureConnected(page);
  await page.waitForFunction(
    () => !document.querySelector("[data-testid=chain-day]")?.textContent?.includes("…"),
    undefined,
    { timeout: 30_000 },
  );
  const height = await headerHeight(page);
  await page.screenshot({ path: join(ctx.screenshotsDir, "navigation-1366-connected.png") });
  check(
    height < ONE_ROW_MAX_PX,
    `the header is ${height} px high at 1366 px with a wallet connected (one row is < ${ONE_ROW_MAX_PX} px)`,
  );
  check((await page.getByTestId("nav-menu-button").isVisible()) === false, "the phone menu button shows at 1366 px");

  // Every group with more than one destination is a button + menu, driven from the keyboard.
  const main = page.getByRole("navigation", { name: "Main" });
  for (const group of visibleGroups().filter((g) => g.items.length > 1)) {
    const button = main.getByRole("button", { name: group.label, exact: true });
    await button.focus();
    await page.keyboard.press("Enter");
    check((await button.getAttribute("aria-expanded")) === "true", `${group.label}: Enter does not open the menu`);
    const menu = main.getByRole("list", { name: group.label, exact: true });
    for (const item of group.items)
      await menu.getByRole("link", { name: new RegExp(`^${item.label}`) }).waitFor({ timeout: 5_000 });
    await page.keyboard.press("ArrowDown");
    await page
      .waitForFunction(() => document.activeElement?.tagName === "A", undefined, { timeout: 2_000 })
      .catch(() => {});
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? "");
    check(
      focused.startsWith(group.items[0]?.label ?? "?") || group.items.some((i) => focused.startsWith(i.label)),
      `${group.label}: arrow keys do not move into the menu (focus on "${focused}")`,
    );
    await page.screenshot({ path: join(ctx.screenshotsDir, `navigation-1366-${group.id}-menu.png`) });
    await page.keyboard.press("Escape");
    check(
      (await button.getAttribute("aria-expanded")) === "false" && !(await menu.isVisible()),
      `${group.label}: Escape does not close the menu`,
    );
    check(
      await button.evaluate((b) => b === document.activeElement),
      `${group.label}: focus does not return to the button after Escape`,
    );
  }

  // The dev tools (local chain) are one button; their popover holds the clock and the account switcher.
  const dev = page.getByTestId("dev-tools-button");
  if ((await dev.count()) > 0) {
    await dev.click();
    await page.getByTestId("dev-clock").waitFor({ state: "visible" });
    await page.screenshot({ path: join(ctx.screenshotsDir, "navigation-1366-dev-tools.png") });
    await page.keyboard.press("Escape");
    check(!(await page.getByTestId("dev-clock").isVisible()), "Escape does not close the dev tools");
  }
}

async function phone(ctx: NavigationContext): Promise<void> {
  const { page } = ctx;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${ctx.baseUrl}/portfolio`);
  await ensureConnected(page);
  const menuButton = page.getByTestId("nav-menu-button");
  await menuButton.waitFor({ state: "visible" });
  check(
    !(await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Marketplace" }).isVisible()),
    "desktop links show at 390 px",
  );
  const height = await headerHeight(page);
  await page.screenshot({ path: join(ctx.screenshotsDir, "navigation-390-connected.png") });
  check(height < ONE_ROW_MAX_PX, `the header is ${height} px high at 390 px`);
  await menuButton.click();
  const menu = page.getByTestId("nav-menu");
  await menu.waitFor({ state: "visible" });
  const listed = (await menu.getByTestId("nav-menu-group").allInnerTexts()).map((t) => t.trim().toLowerCase());
  const expected = visibleGroups().map((g) => g.label.toLowerCase());
  check(
    JSON.stringify(listed) === JSON.stringify(expected),
    `the phone menu lists ${listed.join(", ")} instead of ${expected.join(", ")}`,
  );
  for (const item of visibleGroups().flatMap((g) => g.items))
    await menu.getByRole("link", { name: item.label, exact: true }).waitFor({ timeout: 5_000 });
  await page.screenshot({ path: join(ctx.screenshotsDir, "navigation-390-menu.png") });
  await page.keyboard.press("Escape");
  check(!(await menu.isVisible()), "Escape does not close the phone menu");
  await menuButton.click();
  await menu.getByRole("link", { name: "Governance", exact: true }).click();
  await page.waitForURL(/\/governance$/);
  check(!(await menu.isVisible()), "the phone menu stays open after navigating");
}

/** Header at 1366 px and 390 px, for the whole run or alone (support/runNavigationScenario.ts). */
export async function runNavigation(ctx: NavigationContext): Promise<void> {
  await desktop(ctx);
  await phone(ctx);
}

export const scenario: Scenario = {
  name: "10-navigation-header-and-phone-menu",
  run: ({ page, web }) => runNavigation({ page, baseUrl: web, screenshotsDir: SCREENSHOTS }),
};
