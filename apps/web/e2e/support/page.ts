import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
/** Every scenario saves its screenshots here (emptied at the start of a run). */
export const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), "..", "screenshots");

/** Wallet islands load on the first interaction: move the pointer and wait for them. */
export async function walletReady(page: Page) {
  await page.mouse.move(5, 5);
  await page.mouse.move(40, 40);
  await page.getByTestId("wallet-ready").waitFor({ timeout: 30_000 });
}

export async function axeCheck(page: Page, name: string) {
  // Check the hydrated page (the chain clock renders once wagmi has read a block).
  await walletReady(page);
  await page.waitForFunction(
    () => !document.querySelector("[data-testid=chain-day]")?.textContent?.includes("…"),
    undefined,
    { timeout: 30_000 },
  );
  await page.waitForFunction(() => document.title.length > 0, undefined, { timeout: 10_000 });
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: unknown,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(" "))
            .join(", ")}`,
      );
  });
  if (violations.length > 0) throw new Error(`accessibility (${name}):\n  ${violations.join("\n  ")}`);
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Closes the transaction toasts (fixed bottom-right, they can cover a button the next step clicks). */
export async function dismissToasts(page: Page) {
  const buttons = page.getByTestId("tx-toast").getByRole("button", { name: /^Dismiss/ });
  while ((await buttons.count()) > 0) await buttons.first().click();
}
