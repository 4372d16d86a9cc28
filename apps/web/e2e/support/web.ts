/** Chromium (Debian's, never `playwright install`) and the production web app the scenarios drive. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { freeIsolatedPort, type RunningStack } from "../stack";

const require = createRequire(import.meta.url);
const webDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const next = () => require.resolve("next/dist/bin/next");
export const CHROMIUM = "/usr/bin/chromium";

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  console.log("[e2e] /usr/bin/chromium missing: apt-get install -y chromium");
  let r = spawnSync("apt-get", ["install", "-y", "chromium"], { stdio: "inherit" });
  if (r.status !== 0) {
    spawnSync("apt-get", ["update"], { stdio: "inherit" });
    r = spawnSync("apt-get", ["install", "-y", "chromium"], { stdio: "inherit" });
  }
  if (r.status !== 0 || !existsSync(CHROMIUM)) throw new Error("could not install Debian's chromium");
}

async function webUp(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(120_000) })).ok;
  } catch {
    return false;
  }
}

/** Build outputs and tool state inside the app folder: never a reason to rebuild. */
const NOT_SOURCE = new Set(["node_modules", "e2e", "bench", "test", "next-env.d.ts"]);

/**
 * Newest modification time of the app's sources (to rebuild a stale build). Dot-entries (`.next`,
 * `.next-e2e`, `.turbo`, whose build log turbo writes after `next build` finished) and
 * `*.tsbuildinfo` are outputs, not sources: counting them rebuilt a fresh turbo build every run.
 */
export function newestSource(dir = webDir): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || NOT_SOURCE.has(entry.name) || entry.name.endsWith(".tsbuildinfo")) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

async function waitUp(url: string, tries: number) {
  for (let i = 0; i < tries && !(await webUp(url)); i++) await new Promise((r) => setTimeout(r, 500));
  if (!(await webUp(url))) throw new Error(`the web app did not come up at ${url}`);
}

export interface RunningWeb {
  readonly url: string;
  stop(): void;
}

/**
 * Isolated stacks: a production build of their own (`.next-e2e`, the browser URLs of this stack baked
 * in), started on a free port; the standard `.next` and :3000 stay untouched.
 */
async function startIsolatedWeb(stack: RunningStack): Promise<RunningWeb> {
  const distDir = ".next-e2e";
  const env = {
    ...process.env,
    DMEX_WEB_DIST_DIR: distDir,
    NEXT_PUBLIC_RPC_URL: stack.rpcUrl,
    NEXT_PUBLIC_SUBGRAPH_URL: stack.graphUrl,
  };
  const stamp = join(webDir, distDir, "dmex-e2e-urls.json");
  const urls = JSON.stringify({ rpc: stack.rpcUrl, graph: stack.graphUrl });
  const buildId = join(webDir, distDir, "BUILD_ID");
  const stale =
    !existsSync(buildId) ||
    statSync(buildId).mtimeMs < newestSource() ||
    !existsSync(stamp) ||
    readFileSync(stamp, "utf8") !== urls;
  if (stale) {
    console.log(`[e2e] building the web app into ${distDir} for this stack (next build)...`);
    const started = Date.now();
    // next build points next-env.d.ts at its distDir; keep the checked-in one (.next) as it was.
    const nextEnv = join(webDir, "next-env.d.ts");
    const nextEnvBefore = readFileSync(nextEnv, "utf8");
    const b = spawnSync(process.execPath, [next(), "build"], { cwd: webDir, stdio: "inherit", env });
    writeFileSync(nextEnv, nextEnvBefore);
    if (b.status !== 0) throw new Error("next build failed");
    writeFileSync(stamp, urls);
    console.log(`[e2e] built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  const port = await freeIsolatedPort();
  const url = `http://127.0.0.1:${port}`;
  console.log(`[e2e] starting the web app on :${port}`);
  const child = spawn(process.execPath, [next(), "start", "-p", String(port)], {
    cwd: webDir,
    stdio: "inherit",
    env: {
      ...env,
      DMEX_SERVER_SUBGRAPH_URL: stack.graphUrl,
      ...(stack.deploymentsDir !== undefined && { DMEX_DEPLOYMENTS_DIR: stack.deploymentsDir }),
    },
  });
  await waitUp(url, 240);
  return { url, stop: () => void child.kill("SIGTERM") };
}

/** The web app on :3000: reused when running, else `next start` on the build `turbo run build` made (built here only if missing or stale). */
export async function ensureWeb(stack: RunningStack): Promise<RunningWeb> {
  if (stack.deploymentsDir !== undefined) return startIsolatedWeb(stack);
  const url = "http://127.0.0.1:3000";
  if (await webUp(url)) {
    console.log("[e2e] reusing the web app on :3000");
    return { url, stop: () => {} };
  }
  const buildId = join(webDir, ".next/BUILD_ID");
  if (!existsSync(buildId) || statSync(buildId).mtimeMs < newestSource()) {
    console.log("[e2e] building the web app (next build)...");
    const b = spawnSync(process.execPath, [next(), "build"], { cwd: webDir, stdio: "inherit" });
    if (b.status !== 0) throw new Error("next build failed");
  } else {
    console.log("[e2e] using the existing build (.next)");
  }
  console.log("[e2e] starting the web app on :3000");
  const child: ChildProcess = spawn(process.execPath, [next(), "start", "-p", "3000"], {
    cwd: webDir,
    stdio: "inherit",
  });
  await waitUp(url, 120);
  return { url, stop: () => void child.kill("SIGTERM") };
}
