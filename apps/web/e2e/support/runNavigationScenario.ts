/**
 * Runs e2e/scenarios/10-navigation-header-and-phone-menu.ts alone against a web app already serving the seeded stack:
 *   npx tsx e2e/support/runNavigationScenario.ts [--base http://127.0.0.1:3000]
 * (e.g. after `npm run dev`, or `next start` on a build). Screenshots: e2e/screenshots/navigation-*.png.
 */
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { chromium } from "playwright-core";

import { runNavigation, scenario as navigation } from "../scenarios/10-navigation-header-and-phone-menu";

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({ options: { base: { type: "string", default: "http://127.0.0.1:3000" } } });
const screenshotsDir = join(here, "../screenshots");
mkdirSync(screenshotsDir, { recursive: true });

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const started = Date.now();
  await runNavigation({ page, baseUrl: values.base ?? "http://127.0.0.1:3000", screenshotsDir });
  console.log(
    `  ✓ ${navigation.name} (${((Date.now() - started) / 1000).toFixed(1)} s); screenshots in ${screenshotsDir}`,
  );
} catch (error) {
  console.error(`  ✗ ${navigation.name}: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
