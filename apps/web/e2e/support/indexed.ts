/** Waiting for what the indexer (graph-host) has seen to reach the page. */
import type { Page } from "playwright-core";

import { walletReady } from "./page";

/** Waits for the newest transaction toast to reach "done" (mined and indexed); fails on "failed". */
export async function txDone(page: Page, label: RegExp) {
  const toast = page.getByTestId("tx-toast").filter({ hasText: label }).last();
  await toast.waitFor({ timeout: 60_000 });
  const started = Date.now();
  while (Date.now() - started < 90_000) {
    const phase = await toast.getAttribute("data-phase");
    if (phase === "done") return;
    if (phase === "failed") throw new Error(`transaction failed: ${await toast.innerText()}`);
    await page.waitForTimeout(250);
  }
  throw new Error(`transaction "${label}" did not finish`);
}

/** Waits for a locator's text to match, reloading the (server-rendered) page between tries. */
export async function untilText(page: Page, testId: string, pattern: RegExp, timeoutMs = 60_000) {
  const started = Date.now();
  for (;;) {
    const texts = await page
      .getByTestId(testId)
      .allInnerTexts()
      .catch(() => [] as string[]);
    if (texts.some((t) => pattern.test(t))) return;
    if (Date.now() - started > timeoutMs)
      throw new Error(`${testId} never matched ${pattern}: ${JSON.stringify(texts)}`);
    await page.waitForTimeout(1_500);
    await page.reload();
    await walletReady(page);
  }
}

/** A position's claimable rewards as the portfolio shows them (raw units). */
export async function claimableOf(page: Page, tokenId: string): Promise<bigint> {
  const el = page.getByTestId(`claimable-${tokenId}`);
  await el.waitFor({ timeout: 30_000 });
  return BigInt((await el.getAttribute("data-value")) ?? "0");
}
