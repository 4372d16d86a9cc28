import type { Page } from "playwright-core";

import { openDevTools } from "./headerControls";
import { walletReady } from "./page";

/** Connects the local dev wallet as anvil account `index` (or switches to it when one is connected). */
export async function connectDev(page: Page, index: number) {
  await walletReady(page);
  await page.waitForTimeout(300); // let wagmi reconnect a wallet remembered from an earlier page
  if ((await page.getByTestId("account-button").count()) > 0 && (await page.getByTestId("dev-account").count()) > 0) {
    await switchAccount(page, index);
    return;
  }
  await page.evaluate((i) => window.localStorage.setItem("dmex.devWallet.account", String(i)), index);
  const connect = page.getByRole("button", { name: "Connect Wallet" }).first();
  await connect.click();
  await page.getByText("Local dev wallet (anvil)").click();
  await page.getByTestId("dev-account").waitFor({ state: "attached", timeout: 30_000 });
}

/** The dev wallet's account switcher. */
export async function switchAccount(page: Page, index: number) {
  await openDevTools(page);
  await page.getByTestId("dev-account").selectOption(String(index));
  await page.waitForTimeout(500);
}
