/**
 * End-to-end suite in Chromium (Debian's /usr/bin/chromium driven by playwright-core; installed
 * with apt-get when missing, never `playwright install`) against the full local stack: anvil +
 * deploy + seed (devstack), the subgraph (graph-host) and the web app. Reuses running pieces on
 * the standard ports, otherwise starts them. Every test saves a screenshot in e2e/screenshots/.
 *
 * The flows change chain state (they refund the DAO-halted offering 3, apply, vote and execute), so
 * they expect a freshly seeded stack: a reused one is checked and refused with a clear message.
 * `DMEX_E2E_ISOLATED=1` starts that fresh stack on random free ports (see stack.ts).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { bridgedTokenAbi, dmcTokenAbi, marketRateOracleAbi } from "@dmex/deployments";
import { anvilAddress, seedPlan } from "@dmex/devstack";
import { chromium, type Browser, type Page } from "playwright-core";
import { createPublicClient, createWalletClient, http, parseUnits, zeroAddress } from "viem";

import { ensureStack, freeIsolatedPort, RPC_URL, type RunningStack } from "./stack";

const here = dirname(fileURLToPath(import.meta.url));
const webDir = join(here, "..");
const shots = join(here, "screenshots");
const require = createRequire(import.meta.url);
// The standard ports unless the stack is isolated (then every URL is this run's own).
let WEB = "http://127.0.0.1:3000";
let RPC = RPC_URL;
const CHROMIUM = "/usr/bin/chromium";

// Seeded accounts (packages/devstack/src/seed/accounts.ts)
const DEPLOYER = 0; // holds no role since issue D (the DAO timelock does)
const MINER_DEEPWELL = 5;
const BUYER_1 = 8; // holds positions of offerings 1 (Deepwell) and 3 (the defaulting one); 2.2M DMC, self-delegated
const BUYER_2 = 9; // 2.2M DMC, self-delegated
const FRESH_2 = 18; // funded with USDT, untouched by the seed
const MINER_AURORA = 2; // its application is still in the vote when the seed ends; holds no USDT
const FRESH = 17; // funded with USDT, untouched by the seed
const BRIDGE_MINTER = 4;
const ORACLE_REPORTER = 3;
const ANVIL = [
  "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
  "0x90F79bf6EB2c4f870365E785982E1f101E93b906", "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65", "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc",
] as const;

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  console.log("[e2e] /usr/bin/chromium missing: apt-get install -y chromium");
  let r = spawnSync("apt-get", ["install", "-y", "chromium"], { stdio: "inherit" });
  if (r.status !== 0) {
    spawnSync("apt-get", ["update"], { stdio: "inherit" });
    r = spawnSync("apt-get", ["install", "-y", "chromium"], { stdio: "inherit" });
  }
  if (r.status !== 0 || !existsSync(CHROMIUM)) throw new Error("could not install Debian's chromium");
}

async function webUp(url = WEB): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(120_000) })).ok;
  } catch {
    return false;
  }
}

/** Newest modification time of the app's sources (to rebuild a stale .next). */
function newestSource(dir = webDir): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if ([".next", ".next-e2e", "node_modules", "e2e", "bench", "test"].includes(entry.name)) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Isolated stacks: a production build of their own (`.next-e2e`, the browser URLs of this stack baked
 * in), started on a free port; the standard `.next` and :3000 stay untouched.
 */
async function startIsolatedWeb(stack: RunningStack): Promise<ChildProcess> {
  const distDir = ".next-e2e";
  const env = { ...process.env, DMEX_WEB_DIST_DIR: distDir, NEXT_PUBLIC_RPC_URL: stack.rpcUrl, NEXT_PUBLIC_SUBGRAPH_URL: stack.graphUrl };
  const stamp = join(webDir, distDir, "dmex-e2e-urls.json");
  const urls = JSON.stringify({ rpc: stack.rpcUrl, graph: stack.graphUrl });
  const buildId = join(webDir, distDir, "BUILD_ID");
  const stale = !existsSync(buildId) || statSync(buildId).mtimeMs < newestSource() || !existsSync(stamp) || readFileSync(stamp, "utf8") !== urls;
  if (stale) {
    console.log(`[e2e] building the web app into ${distDir} for this stack (next build)...`);
    const started = Date.now();
    // next build points next-env.d.ts at its distDir; keep the checked-in one (.next) as it was.
    const nextEnv = join(webDir, "next-env.d.ts");
    const nextEnvBefore = readFileSync(nextEnv, "utf8");
    const b = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { cwd: webDir, stdio: "inherit", env });
    writeFileSync(nextEnv, nextEnvBefore);
    if (b.status !== 0) throw new Error("next build failed");
    writeFileSync(stamp, urls);
    console.log(`[e2e] built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  const port = await freeIsolatedPort();
  WEB = `http://127.0.0.1:${port}`;
  console.log(`[e2e] starting the web app on :${port}`);
  const child = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-p", String(port)], {
    cwd: webDir,
    stdio: "inherit",
    env: { ...env, DMEX_SERVER_SUBGRAPH_URL: stack.graphUrl, ...(stack.deploymentsDir !== undefined && { DMEX_DEPLOYMENTS_DIR: stack.deploymentsDir }) },
  });
  for (let i = 0; i < 240 && !(await webUp()); i++) await new Promise((r) => setTimeout(r, 500));
  if (!(await webUp())) throw new Error(`the web app did not come up on :${port}`);
  return child;
}

async function ensureWeb(stack: RunningStack): Promise<ChildProcess | null> {
  if (stack.deploymentsDir !== undefined) return startIsolatedWeb(stack);
  if (await webUp()) {
    console.log("[e2e] reusing the web app on :3000");
    return null;
  }
  const buildId = join(webDir, ".next/BUILD_ID");
  if (!existsSync(buildId) || statSync(buildId).mtimeMs < newestSource()) {
    console.log("[e2e] building the web app (next build)...");
    const b = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { cwd: webDir, stdio: "inherit" });
    if (b.status !== 0) throw new Error("next build failed");
  }
  console.log("[e2e] starting the web app on :3000");
  const child = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-p", "3000"], { cwd: webDir, stdio: "inherit" });
  for (let i = 0; i < 120 && !(await webUp()); i++) await new Promise((r) => setTimeout(r, 500));
  if (!(await webUp())) throw new Error("the web app did not come up on :3000");
  return child;
}

async function rpc<T>(method: string, params: unknown[] = []): Promise<T> {
  const res = await fetch(RPC, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
  const body = (await res.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(body.error.message);
  return body.result as T;
}

// ------------------------------------------------------------------ helpers

/** Wallet islands load on the first interaction: move the pointer and wait for them. */
async function walletReady(page: Page) {
  await page.mouse.move(5, 5);
  await page.mouse.move(40, 40);
  await page.getByTestId("wallet-ready").waitFor({ timeout: 30_000 });
}

async function connectDev(page: Page, index: number) {
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
  await page.getByTestId("dev-account").waitFor({ timeout: 30_000 });
}

async function switchAccount(page: Page, index: number) {
  await page.getByTestId("dev-account").selectOption(String(index));
  await page.waitForTimeout(500);
}

/** Waits for the newest transaction toast to reach "done" (mined and indexed); fails on "failed". */
async function txDone(page: Page, label: RegExp) {
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

async function axeCheck(page: Page, name: string) {
  // Check the hydrated page (the chain clock renders once wagmi has read a block).
  await walletReady(page);
  await page.waitForFunction(() => !document.querySelector("[data-testid=chain-day]")?.textContent?.includes("…"), undefined, { timeout: 30_000 });
  await page.waitForFunction(() => document.title.length > 0, undefined, { timeout: 10_000 });
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  });
  if (violations.length > 0) throw new Error(`accessibility (${name}):\n  ${violations.join("\n  ")}`);
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

async function advanceDays(page: Page, label: "+1 day" | "+7 days") {
  const before = await page.getByTestId("chain-day").innerText();
  await page.getByRole("button", { name: label }).click();
  await page.waitForFunction((b) => document.querySelector("[data-testid=chain-day]")?.textContent !== b, before, { timeout: 30_000 });
  await page.getByRole("button", { name: label }).isEnabled();
  await page.waitForTimeout(1_000);
}

/** The dev clock's minute and hour steps (governance periods, the oracle's correction window): waits until the new block is indexed and the page refreshed. */
async function advanceClock(page: Page, label: "+1 min" | "+10 min" | "+1 h" | "+1 day") {
  const clock = page.getByTestId("dev-clock");
  const before = (await clock.getAttribute("data-advanced-to")) ?? "";
  await page.getByRole("button", { name: label, exact: true }).click();
  await page.waitForFunction((b) => {
    const v = document.querySelector("[data-testid=dev-clock]")?.getAttribute("data-advanced-to") ?? "";
    return v !== "" && v !== b;
  }, before, { timeout: 60_000 });
  await page.waitForTimeout(1_000);
}

/** Closes the transaction toasts (fixed bottom-right, they can cover a button the next step clicks). */
async function dismissToasts(page: Page) {
  const buttons = page.getByTestId("tx-toast").getByRole("button", { name: /^Dismiss/ });
  while ((await buttons.count()) > 0) await buttons.first().click();
}

/** Waits for a locator's text to match, reloading the (server-rendered) page between tries. */
async function untilText(page: Page, testId: string, pattern: RegExp, timeoutMs = 60_000) {
  const started = Date.now();
  for (;;) {
    const texts = await page.getByTestId(testId).allInnerTexts().catch(() => [] as string[]);
    if (texts.some((t) => pattern.test(t))) return;
    if (Date.now() - started > timeoutMs) throw new Error(`${testId} never matched ${pattern}: ${JSON.stringify(texts)}`);
    await page.waitForTimeout(1_500);
    await page.reload();
    await walletReady(page);
  }
}

async function claimableOf(page: Page, tokenId: string): Promise<bigint> {
  const el = page.getByTestId(`claimable-${tokenId}`);
  await el.waitFor({ timeout: 30_000 });
  return BigInt((await el.getAttribute("data-value")) ?? "0");
}

/** The oracle reporter (an off-app service) publishes yesterday's FIL market average, as the seed does daily. */
async function reportYesterday(oracle: `0x${string}`) {
  const pub = createPublicClient({ transport: http(RPC) });
  const block = await pub.getBlock();
  const day = block.timestamp / 86_400n - 1n;
  const wallet = createWalletClient({ account: ANVIL[ORACLE_REPORTER], transport: http(RPC) });
  const hash = await wallet.writeContract({ chain: null, address: oracle, abi: marketRateOracleAbi, functionName: "report", args: [seedPlan.ASSET_ID.FIL, day, seedPlan.MARKET_BASE_WAD.FIL] });
  await pub.waitForTransactionReceipt({ hash });
}

// ------------------------------------------------------------------ tests

interface Ctx {
  browser: Browser;
  oracle: `0x${string}`;
  boughtTokenId?: string;
  /** anvil index of a DMC holder without a delegate. */
  undelegated?: number;
  /** anvil index of the owner of an unrefunded position of the halted offering 3. */
  offering3Holder?: number;
}

const tests: { name: string; fn: (ctx: Ctx, page: Page) => Promise<void> }[] = [
  {
    name: "01-marketplace-accessible-and-keyboard",
    async fn(_ctx, page) {
      await page.goto(`${WEB}/`);
      await page.getByRole("heading", { name: "Hashpower marketplace" }).waitFor();
      // The 6 seeded offerings minus offering 3, which the DAO halted (the default view lists active and flagged ones).
      const rows = await page.getByTestId("offering-row").count();
      if (rows < 5) throw new Error(`expected the 5 active seeded offerings, saw ${rows}`);
      // Offerings 1-5 are in their term (their sales closed when it started), offering 6's sale is open until its term starts.
      await page.getByTestId("offering-row").filter({ hasText: "#1 Deepwell" }).getByTestId("sale-state").filter({ hasText: "sale closed — term running" }).waitFor();
      await page.getByTestId("offering-row").filter({ hasText: "#6 Deepwell" }).getByTestId("sale-state").filter({ hasText: /^open until .*, when the term starts$/ }).waitFor();
      const perDay = await page.getByTestId("offering-row").filter({ hasText: "#1 Deepwell" }).getByTestId("price-per-day").innerText();
      if (perDay !== "0.002333 USDT") throw new Error(`offering 1 costs 0.42 USDT for 180 days: 0.002333 USDT per unit per day, saw "${perDay}"`);
      await page.goto(`${WEB}/?status=all`);
      const all = await page.getByTestId("offering-row").count();
      if (all < 6) throw new Error(`expected all 6 seeded offerings with status=all, saw ${all}`);
      await page.goto(`${WEB}/`);
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => document.activeElement?.textContent ?? "");
      if (!/Skip to content/.test(focused)) throw new Error(`first Tab should reach the skip link, got "${focused}"`);
      await axeCheck(page, "marketplace");
      await page.goto(`${WEB}/?asset=2&sort=price&dir=asc`);
      const filtered = await page.getByTestId("offering-row").allInnerTexts();
      if (filtered.length !== 2 || !filtered.every((t) => t.includes("BTC"))) throw new Error(`BTC filter: ${filtered.length} rows`);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${WEB}/`);
      await page.getByTestId("offering-card").first().waitFor({ state: "visible" });
      if ((await page.getByTestId("offering-card").count()) < 5) throw new Error("phone layout shows no cards");
      await shot(page, "01-marketplace-phone");
      await page.setViewportSize({ width: 1280, height: 900 });
    },
  },
  {
    name: "02-buy-and-see-in-portfolio",
    async fn(ctx, page) {
      // An offering in its term: no buy form, and the rules its buyers are protected by, with its running figures.
      await page.goto(`${WEB}/offerings/1`);
      await page.getByTestId("buy-closed").filter({ hasText: /^Sale closed — term running\./ }).waitFor();
      await page.getByTestId("rule-window").filter({ hasText: /Paid \d+\.\d% of the market over the last 7 judged days; flaggable below 80%\./ }).waitFor();
      await page.getByTestId("rule-missed").filter({ hasText: /Last deposit covered \d{4}-\d{2}-\d{2}; flaggable after 7 days without one/ }).waitFor();
      await page.getByTestId("rule-minimum").filter({ hasText: /at least 50% of the market average/ }).waitFor();
      await page.getByTestId("rule-holdback").filter({ hasText: /The last 7 days of escrow .* are released only as their rewards are deposited/ }).waitFor();
      await page.getByTestId("rule-post-term").filter({ hasText: /10 days after the term ends/ }).waitFor();
      if ((await page.getByTestId("recent-shares").getByRole("listitem").count()) < 7) throw new Error("offering 1 should list its recent judged days");
      await axeCheck(page, "offering in its term");
      await shot(page, "02-offering-term-running");
      // Offering 6's sale is open until its term starts: buy there.
      await page.goto(`${WEB}/offerings/6`);
      await page.getByTestId("sale-window").filter({ hasText: /when the term starts/ }).waitFor();
      await axeCheck(page, "offering on sale");
      await connectDev(page, FRESH);
      const panel = page.getByTestId("buy-panel");
      await panel.getByLabel("Units").fill("abc");
      await panel.getByText("Units are whole numbers.").waitFor();
      await panel.getByLabel("Units").fill("12");
      await panel.getByTestId("buy-total").filter({ hasText: "7.44 USDT" }).waitFor();
      await panel.getByLabel("Maximum total (USDT)").fill("5.0000001");
      await panel.getByText("At most 6 decimal places for this token.").waitFor();
      await panel.getByLabel("Maximum total (USDT)").fill("");
      // The seed pre-approves the spare accounts, so use the permit path (an EIP-712 signature by the dev wallet).
      await panel.getByLabel("Permit signature (one transaction)").check();
      await panel.getByTestId("buy-submit").filter({ hasText: /^Buy$/ }).click();
      await txDone(page, /Buy 12 units of offering #6/);
      await panel.getByTestId("buy-result").filter({ hasText: "Bought" }).waitFor();
      await page.getByRole("link", { name: "Portfolio" }).click();
      const card = page.getByTestId("position-card").filter({ hasText: "#6 Deepwell" }).filter({ hasText: "12 TiB" });
      await card.first().waitFor({ timeout: 30_000 });
      ctx.boughtTokenId = (await card.first().getAttribute("data-token-id")) ?? undefined;
      // Its term has not started: no reward day yet.
      if (ctx.boughtTokenId && (await claimableOf(page, ctx.boughtTokenId)) !== 0n) throw new Error("a position whose term has not started has nothing to claim");
      await axeCheck(page, "portfolio");
      await shot(page, "02-portfolio-after-buy");
    },
  },
  {
    name: "03-clock-deposit-claim",
    async fn(ctx, page) {
      // A holder of Deepwell's offering 1 (in its term since day 2 of the seed).
      await page.goto(`${WEB}/portfolio`);
      await connectDev(page, BUYER_1);
      const card = page.getByTestId("position-card").filter({ hasText: "#1 Deepwell" }).first();
      await card.waitFor({ timeout: 30_000 });
      const tokenId = await card.getAttribute("data-token-id");
      if (!tokenId) throw new Error("buyer 1 holds no position of offering 1");
      const before = await claimableOf(page, tokenId);
      // The next day ends; the oracle reports it, and the report stays correctable for an hour.
      await advanceDays(page, "+1 day");
      await reportYesterday(ctx.oracle);
      await switchAccount(page, MINER_DEEPWELL);
      await page.getByRole("link", { name: "Miner desk" }).click();
      const desk = page.getByTestId("miner-offering").filter({ hasText: "#1 Deepwell" });
      await desk.getByTestId("deposit-rate").filter({ hasText: /can be corrected until .* final from then on/ }).waitFor({ timeout: 30_000 });
      if (await desk.getByTestId("deposit-button").isEnabled()) throw new Error("the deposit must wait for a final report");
      await advanceClock(page, "+1 h");
      await desk.getByTestId("deposit-rate").filter({ hasText: /^Judged against the oracle's final report for \d{4}-\d{2}-\d{2}/ }).waitFor({ timeout: 30_000 });
      await desk.getByTestId("deposit-amounts").filter({ hasText: "Minimum (50%, the chain refuses less)" }).waitFor();
      // Under half the market: explained before sending, and not sendable.
      await desk.getByLabel("Amount (IFIL)").fill("0.000001");
      await desk.getByTestId("deposit-help").filter({ hasText: /under the 50% minimum: the chain would refuse it \(DepositBelowMinimum\)/ }).waitFor();
      if (await desk.getByTestId("deposit-button").isEnabled()) throw new Error("a deposit under the minimum must not be sendable");
      await desk.getByLabel("Amount (IFIL)").fill("0.0000000000000000001");
      await desk.getByTestId("deposit-help").filter({ hasText: "At most 18 decimal places for this token." }).waitFor();
      // The miner's expected reward (units outstanding x expected reward per unit).
      await desk.getByRole("button", { name: /^Use your expected reward/ }).click();
      await desk.getByTestId("deposit-help").filter({ hasText: /^Judged at \d+\.\d% of the market/ }).waitFor();
      await shot(page, "03-deposit-form");
      await desk.getByTestId("deposit-button").click();
      await txDone(page, /Deposit rewards/);
      await axeCheck(page, "miner desk");
      await switchAccount(page, BUYER_1);
      await page.getByRole("link", { name: "Portfolio" }).click();
      const started = Date.now();
      while ((await claimableOf(page, tokenId)) <= before) {
        if (Date.now() - started > 30_000) throw new Error("the deposit did not add to the position's claimable rewards");
        await page.waitForTimeout(500);
      }
      await shot(page, "03-claimable-appeared");
      await dismissToasts(page);
      await page.getByTestId("claim-all").click();
      await txDone(page, /Claim rewards/);
      const after = Date.now();
      while ((await claimableOf(page, tokenId)) !== 0n) {
        if (Date.now() - after > 30_000) throw new Error("claimable did not drop to 0 after the claim");
        await page.waitForTimeout(500);
      }
      await page.goto(`${WEB}/portfolio/${tokenId}`);
      await page.getByText(/^Claimed /).first().waitFor({ timeout: 30_000 });
      await shot(page, "03-position-history");
    },
  },
  {
    name: "04-miner-deposit-and-withdraw",
    async fn(_ctx, page) {
      await page.goto(`${WEB}/miner`);
      await connectDev(page, MINER_DEEPWELL);
      const card4 = page.getByTestId("miner-offering").filter({ hasText: "#4 Deepwell" });
      await card4.getByTestId("deposit-button").click();
      await txDone(page, /Deposit rewards/);
      const card1 = page.getByTestId("miner-offering").filter({ hasText: "#1 Deepwell" });
      await card1.getByTestId("withdraw-button").waitFor();
      await page.waitForFunction(() => {
        const el = [...document.querySelectorAll("[data-testid=miner-offering]")].find((e) => e.textContent?.includes("#1 Deepwell"));
        return el?.querySelector("[data-testid=withdrawable]")?.textContent?.match(/[1-9]/) !== null;
      }, undefined, { timeout: 30_000 });
      await card1.getByTestId("holdback").filter({ hasText: /The last 7 days of escrow .* are released only as their rewards are deposited/ }).waitFor();
      await card1.getByTestId("withdraw-button").click();
      await txDone(page, /Withdraw released escrow/);
      await card1.getByTestId("withdrawable").filter({ hasText: /^0 USDT$/ }).waitFor({ timeout: 30_000 });
      // The miner approves a depositor (its pool's payout address, here the bridge account) for offering 4, then revokes it.
      const depositors = card4.getByTestId("depositors");
      await depositors.getByLabel("Depositor address").fill(ANVIL[BRIDGE_MINTER]);
      await depositors.getByTestId("depositor-state").filter({ hasText: "Not approved." }).waitFor({ timeout: 30_000 });
      await dismissToasts(page);
      await depositors.getByRole("button", { name: "Approve depositor" }).click();
      await txDone(page, /Approve depositor 0x15d3…6A65 for #4/);
      await depositors.getByTestId("depositor-state").filter({ hasText: /^Approved/ }).waitFor({ timeout: 30_000 });
      await depositors.getByTestId("depositor-list").filter({ hasText: /0x15d3…6a65/i }).waitFor({ timeout: 30_000 });
      await axeCheck(page, "miner desk with a depositor");
      await shot(page, "04-miner-desk");
      await dismissToasts(page);
      await depositors.getByRole("button", { name: "Revoke", exact: true }).click();
      await txDone(page, /Revoke depositor 0x15d3…6A65 for #4/);
      await depositors.getByTestId("depositor-state").filter({ hasText: "Not approved." }).waitFor({ timeout: 30_000 });
    },
  },
  {
    name: "05-halted-by-dao-vote-refund",
    async fn(ctx, page) {
      // The seed's DMC holders halted the defaulting offering 3 by a DAO vote (no admin key halts any more).
      const holder = ctx.offering3Holder;
      if (holder === undefined) throw new Error("no unrefunded position of offering 3 in the seed");
      await page.goto(`${WEB}/offerings/3`);
      await page.getByTestId("flag-status").filter({ hasText: /^Halted: release froze at \d{4}-\d{2}-\d{2}/ }).waitFor({ timeout: 30_000 });
      await page.getByTestId("rule-window").filter({ hasText: /^Low rewards\. Paid \d+\.\d% of the market over the last 7 judged days; flaggable below 80%\.$/ }).waitFor();
      await page.goto(`${WEB}/governance`);
      const halt = page.getByTestId("proposal-card").filter({ hasText: /Halt offering #3 \(Quickfil/ });
      await halt.first().waitFor();
      await halt.first().getByTestId("proposal-state").filter({ hasText: "executed" }).waitFor();
      await shot(page, "05-governance");
      await page.goto(`${WEB}/offerings/3`);
      await shot(page, "05-offering-halted");
      await connectDev(page, holder);
      await page.getByRole("link", { name: "Portfolio" }).click();
      await page.getByTestId("refund-all").click();
      await txDone(page, /Refund/);
      await page.getByTestId("refund-all").waitFor({ state: "detached", timeout: 30_000 });
      await shot(page, "05-refunded");
    },
  },
  {
    name: "06-rejected-and-reverted-explained",
    async fn(_ctx, page) {
      // The deployer is not the miner of any offering.
      await page.goto(`${WEB}/miner`);
      await connectDev(page, DEPLOYER);
      await page.getByText("This account is not the miner of any offering").waitFor();
      await page.goto(`${WEB}/offerings/3`);
      const buy = page.getByTestId("buy-panel");
      await buy.getByText(/halted: it cannot be bought/).first().waitFor();
      // Offering 2 is in its term: its sale closed when the term started.
      await page.goto(`${WEB}/offerings/2`);
      await buy.getByText(/^Sale closed — term running\./).waitFor();
      // Insufficient balance: Aurora's account holds no USDT; offering 6 is on sale.
      await page.goto(`${WEB}/offerings/6`);
      await connectDev(page, MINER_AURORA);
      const panel = page.getByTestId("buy-panel");
      await panel.getByLabel("Units").fill("10");
      await panel.getByText("Insufficient USDT balance for this total.").waitFor();
      if (await panel.getByTestId("buy-submit").isEnabled()) throw new Error("Buy must be disabled without the balance");
      await panel.getByLabel("Units").fill("999999");
      await panel.getByText(/^Only \d+ units are left\.$/).waitFor();
      await shot(page, "06-insufficient-balance");
      await page.goto(`${WEB}/protocol`);
      await page.getByRole("heading", { name: "Protocol" }).waitFor();
      await page.getByTestId("thresholds-text").filter({ hasText: "flag after 7 days without a deposit (also the end-of-term holdback of new offerings) or when the last 7 judged days average under 80% of the market; refuse deposits under 50% of the market; flags allowed until 10 days after a term ends" }).waitFor();
      // The oracle's feeds: one per asset the seed reported (FIL and BTC), the latest day reported, no correction.
      const feeds = page.getByTestId("oracle-feeds");
      await feeds.getByRole("row").filter({ hasText: "FIL" }).filter({ hasText: "IFIL/TiB/day" }).waitFor();
      await feeds.getByRole("row").filter({ hasText: "BTC" }).filter({ hasText: "WBTC/TH/s/day" }).waitFor();
      await axeCheck(page, "protocol");
      await shot(page, "06-protocol");
    },
  },
  {
    name: "07-miner-applies-dao-votes-buyer-buys",
    async fn(_ctx, page) {
      // The miner applies through the wizard (validated form, live preview, DMC stake approval).
      await page.goto(`${WEB}/miner`);
      await connectDev(page, MINER_DEEPWELL);
      await page.getByTestId("apply-link").click();
      await page.getByRole("heading", { name: "Apply to list an offering" }).waitFor();
      const form = page.getByTestId("apply-form");
      await form.waitFor({ timeout: 30_000 });
      await form.getByLabel("Miner name").fill("E2E Hashworks");
      await form.getByLabel("Disclosure URI").fill("https://e2e-hashworks.example/disclosure.json");
      await form.getByLabel("Price per unit (USDT)").fill("38.0000001");
      await form.getByText("At most 6 decimal places for this token.").waitFor();
      await form.getByLabel("Price per unit (USDT)").fill("38");
      await form.getByLabel(/^Effective hashpower/).fill("400");
      await form.getByText(/Units for sale cannot exceed the effective hashpower \(400\)/).waitFor();
      await form.getByLabel(/^Effective hashpower/).fill("900");
      await page.getByTestId("apply-preview").filter({ hasText: "E2E Hashworks" }).filter({ hasText: "38 USDT" }).waitFor();
      await page.getByTestId("required-stake").filter({ hasText: /DMC$/ }).waitFor({ timeout: 30_000 });
      await axeCheck(page, "miner application");
      await shot(page, "07-apply-wizard");
      // The stake by permit (EIP-712 signature by the dev wallet): submitWithPermit in one transaction.
      await form.getByLabel("Permit signature (one transaction)").check();
      await form.getByTestId("dmc-balance").filter({ hasText: /DMC$/ }).waitFor();
      await form.getByTestId("apply-submit").filter({ hasText: "Submit application" }).click();
      await txDone(page, /Submit application/);
      await page.getByTestId("apply-result").getByRole("link", { name: "Follow the vote" }).click();
      await page.getByRole("heading", { name: /Miner application: E2E Hashworks/ }).waitFor({ timeout: 30_000 });
      await page.getByTestId("proposal-actions-list").filter({ hasText: "Approve FIL offering: 500 TiB at 38 USDT/TiB for 540 days by E2E Hashworks" }).waitFor();
      const proposalUrl = page.url();
      // Voting opens after the 60 s delay (state Active strictly after voteStart): two minutes past it.
      await walletReady(page);
      await advanceClock(page, "+1 min");
      await advanceClock(page, "+1 min");
      await untilText(page, "chain-state", /^Active$/);
      await axeCheck(page, "proposal");
      // Two DMC holders (2.2M each, self-delegated) vote For: together above the 4M quorum.
      for (const [voter, reason] of [[BUYER_1, "Disclosure checks out"], [BUYER_2, ""]] as const) {
        await switchAccount(page, voter);
        await page.getByTestId("snapshot-votes").filter({ hasText: /You had 2,200,000 votes at the snapshot/ }).waitFor({ timeout: 30_000 });
        if (reason) await page.getByLabel("Reason (optional, public)").fill(reason);
        await dismissToasts(page);
        await page.getByTestId("vote-submit").click();
        await txDone(page, /Vote For on/);
      }
      await page.goto(proposalUrl);
      await untilText(page, "vote-row", /Disclosure checks out/);
      // Past the 600 s voting period: succeeded, then queue.
      await advanceClock(page, "+10 min");
      await untilText(page, "chain-state", /^Succeeded$/);
      await dismissToasts(page);
      await page.getByTestId("queue-button").click();
      await txDone(page, /Queue "/);
      await untilText(page, "chain-state", /^Queued$/);
      await page.getByTestId("eta-countdown").waitFor({ timeout: 30_000 });
      // Past the 60 s timelock delay: execute creates the offering.
      await advanceClock(page, "+1 min");
      await dismissToasts(page);
      await page.getByTestId("execute-button").click();
      await txDone(page, /Execute "/);
      await untilText(page, "proposal-state", /executed/);
      await shot(page, "07-proposal-executed");
      const live = page.getByRole("link", { name: /^offering #\d+ is live$/ });
      await live.waitFor({ timeout: 30_000 });
      const offeringId = ((await live.innerText()).match(/#(\d+)/) ?? [])[1];
      if (!offeringId) throw new Error("the executed application links no offering");
      // The miner desk shows the application as live.
      await switchAccount(page, MINER_DEEPWELL);
      await page.goto(`${WEB}/miner`);
      await page.getByTestId("miner-application").filter({ hasText: "Offering live" }).first().waitFor({ timeout: 30_000 });
      // A buyer buys from the new offering on its page.
      await page.goto(`${WEB}/offerings/${offeringId}`);
      await page.getByRole("heading", { name: new RegExp(`#${offeringId} E2E Hashworks`) }).waitFor();
      await connectDev(page, FRESH_2);
      const panel = page.getByTestId("buy-panel");
      await panel.getByLabel("Units").fill("3");
      await panel.getByTestId("buy-total").filter({ hasText: "114 USDT" }).waitFor();
      await panel.getByLabel("Permit signature (one transaction)").check();
      await dismissToasts(page);
      await panel.getByTestId("buy-submit").filter({ hasText: /^Buy$/ }).click();
      await txDone(page, new RegExp(`Buy 3 units of offering #${offeringId}`));
      await panel.getByTestId("buy-result").filter({ hasText: "Bought" }).waitFor();
      await shot(page, "07-bought-from-new-offering");
    },
  },
  {
    name: "08-undelegated-holder-self-delegates",
    async fn(ctx, page) {
      const holder = ctx.undelegated;
      if (holder === undefined) throw new Error("no DMC holder without a delegate in the seed");
      await page.goto(`${WEB}/governance`);
      await page.getByRole("heading", { name: "Governance" }).waitFor();
      await connectDev(page, holder);
      const banner = page.getByTestId("delegation-banner");
      await banner.waitFor({ timeout: 30_000 });
      await axeCheck(page, "governance");
      await dismissToasts(page);
      await banner.getByTestId("self-delegate").click();
      await txDone(page, /Delegate my DMC votes to myself/);
      await page.goto(`${WEB}/delegates`);
      await walletReady(page);
      await page.getByTestId("my-delegatee").filter({ hasText: "yourself" }).waitFor({ timeout: 30_000 });
      const votes = await page.getByTestId("my-votes").innerText();
      if (!/^[1-9][\d,.]* votes$/.test(votes)) throw new Error(`expected the holder's votes after self-delegation, saw "${votes}"`);
      if ((await page.getByTestId("delegation-banner").count()) > 0) throw new Error("the banner should be gone once delegated");
      await page.getByTestId("delegate-row").first().waitFor();
      await axeCheck(page, "delegates");
      await shot(page, "08-delegates");
      await page.goto(`${WEB}/council`);
      await page.getByTestId("council-threshold").filter({ hasText: "4 of 7" }).waitFor();
      await page.getByTestId("council-check").waitFor({ timeout: 30_000 });
      await axeCheck(page, "council");
      await shot(page, "08-council");
    },
  },
  {
    name: "09-defeated-application-withdraws-stake",
    async fn(_ctx, page) {
      // The seed leaves Aurora's application (account 2) in its vote; without quorum it is defeated once the vote closes.
      await page.goto(`${WEB}/miner`);
      await connectDev(page, MINER_AURORA);
      const card = page.getByTestId("miner-application").first();
      await card.waitFor({ timeout: 30_000 });
      if (!/Defeated/.test(await card.getByTestId("application-state").innerText())) await advanceClock(page, "+1 day");
      await card.getByTestId("application-state").filter({ hasText: "Defeated" }).waitFor({ timeout: 30_000 });
      await dismissToasts(page);
      await card.getByTestId("withdraw-stake").click();
      await txDone(page, /Withdraw the stake of application/);
      await card.getByTestId("stake-state").filter({ hasText: "withdrawn" }).waitFor({ timeout: 30_000 });
      await axeCheck(page, "miner desk with applications");
      await shot(page, "09-stake-withdrawn");
    },
  },
];

/** The first anvil account holding DMC without a delegate (the seed leaves one), read from the chain. */
async function findUndelegated(dmc: `0x${string}` | undefined): Promise<number | undefined> {
  if (dmc === undefined) return undefined;
  const pub = createPublicClient({ transport: http(RPC) });
  for (let i = 0; i < 20; i++) {
    const account = anvilAddress(i);
    const [balance, delegatee] = await Promise.all([
      pub.readContract({ address: dmc, abi: dmcTokenAbi, functionName: "balanceOf", args: [account] }),
      pub.readContract({ address: dmc, abi: dmcTokenAbi, functionName: "delegates", args: [account] }),
    ]);
    if (balance > 0n && delegatee === zeroAddress) return i;
  }
  return undefined;
}

async function main() {
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });
  ensureChromium();
  const stack = await ensureStack();
  RPC = stack.rpcUrl;
  // Test 05 refunds a position of the halted offering 3: a stack whose last one was refunded was already used.
  const offering3 = await fetch(stack.graphUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: '{ offering(id: "3") { status } positions(where: { offering: "3", status_not: Refunded }) { owner { id } } }' }) }).then(
    (r) => r.json() as Promise<{ data?: { offering?: { status: string } | null; positions?: { owner: { id: string } }[] } }>,
  );
  const owner = offering3.data?.positions?.[0]?.owner.id;
  const offering3Holder = owner === undefined ? -1 : Array.from({ length: 20 }, (_, i) => i).find((i) => anvilAddress(i).toLowerCase() === owner) ?? -1;
  if (offering3.data?.offering?.status !== "Halted" || offering3Holder < 0) {
    await stack.stop();
    throw new Error(`the running stack was already used (offering 3 is ${offering3.data?.offering?.status ?? "missing"}, ${offering3.data?.positions?.length ?? 0} unrefunded positions): restart it (npm run dev) for a fresh seed`);
  }
  // The bridge (off-app) brings the miner the reward tokens it deposits: mint IFIL as the seed's minter.
  const ifil = stack.deployment.contracts.IFIL?.address;
  if (ifil === undefined) throw new Error("the local deployment has no IFIL");
  const wallet = createWalletClient({ account: ANVIL[BRIDGE_MINTER], transport: http(RPC) });
  const hash = await wallet.writeContract({ chain: null, address: ifil, abi: bridgedTokenAbi, functionName: "mint", args: [ANVIL[MINER_DEEPWELL], parseUnits("100", 18)] });
  await createPublicClient({ transport: http(RPC) }).waitForTransactionReceipt({ hash });
  const web = await ensureWeb(stack);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  const oracle = stack.deployment.contracts.MarketRateOracle?.address;
  if (oracle === undefined) throw new Error("the local deployment has no MarketRateOracle");
  const undelegated = await findUndelegated(stack.deployment.contracts.DMCToken?.address);
  const ctx: Ctx = { browser, oracle, offering3Holder, ...(undelegated !== undefined && { undelegated }) };
  let failed = 0;
  console.log(`[e2e] chain head ${Number(await rpc<string>("eth_blockNumber"))}`);
  for (const t of tests) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const started = Date.now();
    try {
      await t.fn(ctx, page);
      await shot(page, `${t.name}-final`);
      console.log(`  ✓ ${t.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      failed++;
      await shot(page, `${t.name}-FAILED`).catch(() => {});
      console.log(`  ✗ ${t.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    await context.close();
  }
  await browser.close();
  web?.kill("SIGTERM");
  await stack.stop();
  console.log(`[e2e] ${tests.length - failed} passed, ${failed} failed; screenshots in ${shots}`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(`[e2e] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
