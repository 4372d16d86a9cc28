/**
 * End-to-end suite in Chromium (Debian's /usr/bin/chromium driven by playwright-core; installed
 * with apt-get when missing, never `playwright install`) against the full local stack: anvil +
 * deploy + seed (devstack), the subgraph (graph-host) and the web app. Reuses running pieces on
 * the standard ports, otherwise starts them; the web app runs on the build `turbo run build` made.
 *
 * The runner starts ONE stack and ONE browser, then runs the scenarios of `scenarios/index.ts` in
 * order, each in a fresh browser context, and prints pass/fail per scenario; it exits non-zero if
 * any failed. Every scenario saves a screenshot in e2e/screenshots/.
 *
 * The scenarios change chain state (they refund the DAO-halted offering 3, apply, vote and
 * execute), so they expect a freshly seeded stack: a reused one is checked and refused with a
 * clear message. `DMEX_E2E_ISOLATED=1` starts that fresh stack on random free ports (see stack.ts).
 *
 *   pnpm --filter @dmex/web run test:e2e [name-filter]   # a filter runs only matching scenarios ("22-,23-": either)
 */
import { mkdirSync, rmSync } from "node:fs";

import { chromium } from "playwright-core";

import { scenarios } from "./scenarios";
import { ensureStack } from "./stack";
import { bridgeRewardTokensToDeepwell, readSeedFacts, rpc } from "./support/chain";
import { SCREENSHOTS, shot } from "./support/page";
import type { ScenarioContext } from "./support/scenario";
import { CHROMIUM, ensureChromium, ensureWeb } from "./support/web";

async function main(): Promise<number> {
  const filter = process.argv[2];
  // A comma-separated filter runs the scenarios matching any part ("22-,23-").
  const parts = filter?.split(",").filter((f) => f !== "");
  const selected = parts === undefined ? scenarios : scenarios.filter((s) => parts.some((f) => s.name.includes(f)));
  if (selected.length === 0) throw new Error(`no scenario matches "${filter}"`);
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  ensureChromium();
  const stack = await ensureStack();
  const stops: (() => Promise<void> | void)[] = [() => stack.stop()];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    const seed = await readSeedFacts(stack.rpcUrl, stack.graphUrl, stack.deployment);
    await bridgeRewardTokensToDeepwell(stack.rpcUrl, stack.deployment);
    const web = await ensureWeb(stack);
    stops.push(() => web.stop());
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    stops.push(() => browser.close());
    const oracle = stack.deployment.contracts.MarketRateOracle?.address;
    if (oracle === undefined) throw new Error("the local deployment has no MarketRateOracle");
    console.log(
      `[e2e] chain head ${Number(await rpc<string>(stack.rpcUrl, "eth_blockNumber"))}; ${selected.length} scenarios`,
    );
    const failed: string[] = [];
    for (const scenario of selected) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      const ctx: ScenarioContext = {
        page,
        web: web.url,
        rpc: stack.rpcUrl,
        graph: stack.graphUrl,
        deployment: stack.deployment,
        oracle,
        seed,
      };
      const started = Date.now();
      try {
        await scenario.run(ctx);
        await shot(page, `${scenario.name}-final`);
        console.log(`  ✓ ${scenario.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } catch (error) {
        failed.push(scenario.name);
        await shot(page, `${scenario.name}-FAILED`).catch(() => {});
        console.log(`  ✗ ${scenario.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
      await context.close();
    }
    console.log(
      `[e2e] ${selected.length - failed.length} passed, ${failed.length} failed${failed.length ? ` (${failed.join(", ")})` : ""}; screenshots in ${SCREENSHOTS}`,
    );
    return failed.length === 0 ? 0 : 1;
  } finally {
    await stopAll();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[e2e] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
