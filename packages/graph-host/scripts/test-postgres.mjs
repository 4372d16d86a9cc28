#!/usr/bin/env node
// The store tests on a real PostgreSQL server (the DATABASE_URL path) instead of PGlite.
//
// Starts a throwaway server: initdb into a temporary directory, `postgres` on a free localhost
// port, one database; runs vitest.postgres.config.ts with GRAPH_HOST_TEST_DATABASE_URL and
// DATABASE_URL pointing at it; then stops the server and deletes the directory, also when the
// tests fail or this script gets SIGINT/SIGTERM/SIGHUP. As root, initdb and postgres run as the
// `postgres` user (or `nobody`): initdb refuses to run as root.
//
// Server binaries: $GRAPH_HOST_PG_BINDIR, else the newest /usr/lib/postgresql/<ver>/bin, else
// `pg_config --bindir`, else initdb on PATH. Without them the tests are skipped with a message,
// unless CI=true: then Debian's `postgresql` package is installed with apt-get (CI runs as root).
// Arguments are passed to vitest (e.g. a test file).
import { execFileSync, spawn } from "node:child_process";
import { accessSync, chownSync, constants, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
const CI = process.env.CI === "true" || process.env.CI === "1";
const SUPERUSER = "graphhost";
const DATABASE = "graph_host_test";
const say = (message) => process.stdout.write(`[test-postgres] ${message}\n`);

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const hasServer = (dir) => executable(join(dir, "initdb")) && executable(join(dir, "postgres"));

function findBinDir() {
  if (process.env.GRAPH_HOST_PG_BINDIR) {
    if (hasServer(process.env.GRAPH_HOST_PG_BINDIR)) return process.env.GRAPH_HOST_PG_BINDIR;
    throw new Error(`GRAPH_HOST_PG_BINDIR=${process.env.GRAPH_HOST_PG_BINDIR} holds no initdb and postgres`);
  }
  const candidates = [];
  if (existsSync("/usr/lib/postgresql")) {
    const versions = readdirSync("/usr/lib/postgresql").filter((v) => /^\d+(\.\d+)?$/.test(v));
    for (const v of versions.sort((a, b) => Number(b) - Number(a))) candidates.push(`/usr/lib/postgresql/${v}/bin`);
  }
  try {
    candidates.push(execFileSync("pg_config", ["--bindir"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
  } catch {
    // no pg_config
  }
  candidates.push(...(process.env.PATH ?? "").split(":").filter(Boolean));
  return candidates.find(hasServer);
}

function installWithApt() {
  if (process.getuid?.() !== 0) throw new Error("CI=true and no PostgreSQL server binaries, but not root: cannot apt-get install postgresql");
  say("CI=true and no PostgreSQL server binaries: apt-get install postgresql");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "postgresql"], { stdio: "inherit", env });
}

/** uid/gid of a local user, from /etc/passwd. */
function lookupUser(name) {
  for (const line of readFileSync("/etc/passwd", "utf8").split("\n")) {
    const [user, , uid, gid] = line.split(":");
    if (user === name) return { name, uid: Number(uid), gid: Number(gid) };
  }
  return undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Runs a command to completion; rejects with its output when it fails. */
function run(cmd, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("exit", (code, signal) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(" ")} failed (${signal ?? code}):\n${out}`))));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let dir;
let server;
let tests;
let interrupted;

async function stopServer() {
  const s = server;
  if (!s || s.exitCode !== null || s.signalCode !== null) return;
  const exited = new Promise((r) => s.once("exit", r));
  s.kill("SIGINT"); // fast shutdown: rolls back open transactions, no checkpoint wait
  if (await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)])) return;
  s.kill("SIGKILL");
  await exited;
}

function removeDir() {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = signal;
    say(`${signal}: stopping`);
    // To vitest and its workers; main() then cleans up. Before vitest runs, main() stops at its next step.
    if (tests) signalGroup(tests.pid, signal);
  });
}
// Last resort (an exception before the cleanup ran): nothing of the server may outlive this process.
process.on("exit", () => {
  if (tests) signalGroup(tests.pid, "SIGKILL");
  if (server && server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
  try {
    removeDir();
  } catch {
    // best effort
  }
});

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // the group is gone
  }
}

/** Waits until vitest's workers have exited too (they run the tests' teardown), at most 15 s. */
async function reapGroup(pid) {
  const deadline = Date.now() + 15_000;
  while (signalGroup(pid, 0)) {
    if (Date.now() > deadline) {
      signalGroup(pid, "SIGKILL");
      return;
    }
    await sleep(100);
  }
}

function checkInterrupted() {
  if (interrupted) throw new Error(`interrupted by ${interrupted}`);
}

async function initdb(bin, data, spawnAs) {
  const base = ["-D", data, "-U", SUPERUSER, "--auth=trust", "--encoding=UTF8", "--no-sync"];
  // A non-C default collation where the server has ICU (PostgreSQL 15+), as production databases
  // usually have: the store must not depend on the database's collation.
  const attempts = [
    ["--locale=C.UTF-8", "--locale-provider=icu", "--icu-locale=en-US"],
    ["--locale=C.UTF-8"],
    ["--locale=C"],
  ];
  let last;
  for (const extra of attempts) {
    rmSync(data, { recursive: true, force: true });
    try {
      await run(join(bin, "initdb"), [...base, ...extra], spawnAs);
      return extra.join(" ");
    } catch (error) {
      last = error;
    }
  }
  throw last;
}

async function startServer(bin, data, spawnAs) {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const log = join(dir, `server-${attempt}.log`);
    const fd = openSync(log, "w");
    // Its own process group: a terminal's Ctrl-C reaches this script only, which stops the server after the tests.
    server = spawn(
      join(bin, "postgres"),
      ["-D", data, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", `unix_socket_directories=${dir}`,
        // Throwaway data: no durability needed.
        "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200"],
      { ...spawnAs, stdio: ["ignore", fd, fd], detached: true },
    );
    const url = `postgres://${SUPERUSER}@127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    for (;;) {
      checkInterrupted();
      if (server.exitCode !== null || server.signalCode !== null) break;
      const client = new pg.Client({ connectionString: `${url}/postgres` });
      client.on("error", () => {});
      try {
        await client.connect();
        await client.end();
        return url;
      } catch {
        await client.end().catch(() => {});
      }
      if (Date.now() > deadline) {
        await stopServer();
        throw new Error(`postgres did not accept connections within 30 s:\n${readFileSync(log, "utf8")}`);
      }
      await sleep(100);
    }
    const output = readFileSync(log, "utf8");
    // Another process took the port between freePort() and the bind: try another one.
    if (attempt < 3 && /could not bind|Address already in use/i.test(output)) continue;
    throw new Error(`postgres exited at start-up:\n${output}`);
  }
}

async function main() {
  let bin = findBinDir();
  if (!bin && CI) {
    installWithApt();
    bin = findBinDir();
    if (!bin) throw new Error("postgresql installed, but no initdb/postgres found under /usr/lib/postgresql/<ver>/bin");
  }
  if (!bin) {
    say("SKIPPED: the Postgres variant of the store tests needs PostgreSQL's server binaries (initdb, postgres), and none were found");
    say("  (looked in $GRAPH_HOST_PG_BINDIR, /usr/lib/postgresql/<ver>/bin, `pg_config --bindir`, PATH).");
    say("  Install them (Debian: apt-get install -y postgresql) or set GRAPH_HOST_PG_BINDIR; with CI=true they are installed automatically.");
    return 0;
  }

  const started = Date.now();
  const root = process.getuid?.() === 0;
  const owner = root ? (lookupUser("postgres") ?? lookupUser("nobody")) : undefined;
  if (root && !owner) throw new Error("running as root, and there is neither a `postgres` nor a `nobody` user to run initdb as");
  // The server's user must be able to reach the directory.
  const parent = owner && (statSync(tmpdir()).mode & 0o001) === 0 ? "/tmp" : tmpdir();
  dir = mkdtempSync(join(parent, "graph-host-pg-"));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const spawnAs = { cwd: dir, env: { ...process.env, HOME: dir }, ...(owner ? { uid: owner.uid, gid: owner.gid } : {}) };
  const data = join(dir, "data");

  const locale = await initdb(bin, data, spawnAs);
  checkInterrupted();
  const base = await startServer(bin, data, spawnAs);
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  await admin.query(`create database ${DATABASE}`);
  await admin.end();
  const url = `${base}/${DATABASE}`;
  say(`PostgreSQL from ${bin} (${locale}) at ${url}${owner ? `, running as ${owner.name}` : ""}; ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  checkInterrupted();

  const vitest = join(PACKAGE_DIR, "node_modules", ".bin", "vitest");
  // Its own process group, so that a signal reaches its workers too (they outlive it otherwise).
  tests = spawn(vitest, ["run", "--config", "vitest.postgres.config.ts", ...process.argv.slice(2)], {
    cwd: PACKAGE_DIR,
    stdio: "inherit",
    detached: true,
    env: { ...process.env, GRAPH_HOST_TEST_DATABASE_URL: url, DATABASE_URL: url },
  });
  const [code, signal] = await new Promise((resolve) => tests.once("exit", (c, s) => resolve([c, s])));
  await reapGroup(tests.pid);
  tests = undefined;
  return signal ? 1 : (code ?? 1);
}

let status;
try {
  status = await main();
} catch (error) {
  process.stderr.write(`[test-postgres] ${error instanceof Error ? error.message : String(error)}\n`);
  status = 1;
} finally {
  await stopServer();
  removeDir();
}
const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
process.exit(interrupted ? 128 + SIGNALS[interrupted] : status);
