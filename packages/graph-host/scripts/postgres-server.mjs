// A throwaway PostgreSQL server for tests and benches (the DATABASE_URL path of graph-host).
//
// startPostgresServer(): initdb into a temporary directory, `postgres` on a free 127.0.0.1 port,
// fsync off; stop() shuts it down and deletes the directory (also when the process exits without
// calling it). As root, initdb and postgres run as the `postgres` user (or `nobody`): initdb
// refuses to run as root.
//
// runWithPostgres(): a command (vitest) run against a fresh database on such a server, with
// GRAPH_HOST_TEST_DATABASE_URL and DATABASE_URL set; the server is stopped after it, also when it
// fails or this process gets SIGINT/SIGTERM/SIGHUP.
//
// Server binaries: $GRAPH_HOST_PG_BINDIR, else the newest /usr/lib/postgresql/<ver>/bin, else
// `pg_config --bindir`, else initdb on PATH. Without them: undefined (the caller skips with a
// message), unless CI=true: then Debian's `postgresql` package is installed with apt-get (CI runs
// as root).
import { execFileSync, spawn } from "node:child_process";
import {
  accessSync,
  chownSync,
  constants,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export const CI = process.env.CI === "true" || process.env.CI === "1";
const SUPERUSER = "graphhost";

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const hasServer = (dir) => executable(join(dir, "initdb")) && executable(join(dir, "postgres"));

/** The directory holding initdb and postgres, or undefined. */
export function findPostgresBinDir() {
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
    candidates.push(
      execFileSync("pg_config", ["--bindir"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim(),
    );
  } catch {
    // no pg_config
  }
  candidates.push(...(process.env.PATH ?? "").split(":").filter(Boolean));
  return candidates.find(hasServer);
}

function installWithApt(say) {
  if (process.getuid?.() !== 0)
    throw new Error("CI=true and no PostgreSQL server binaries, but not root: cannot apt-get install postgresql");
  say("CI=true and no PostgreSQL server binaries: apt-get install postgresql");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "postgresql"], { stdio: "inherit", env });
}

/** Why the server binaries are missing and how to get them (for a skip message). */
export const MISSING_BINARIES =
  "PostgreSQL's server binaries (initdb, postgres) were not found (looked in $GRAPH_HOST_PG_BINDIR, /usr/lib/postgresql/<ver>/bin, " +
  "`pg_config --bindir`, PATH). Install them (Debian: apt-get install -y postgresql) or set GRAPH_HOST_PG_BINDIR; with CI=true they are installed automatically.";

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
    child.on("exit", (code, signal) =>
      code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(" ")} failed (${signal ?? code}):\n${out}`)),
    );
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

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

async function stopProcess(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGINT"); // fast shutdown: rolls back open transactions, no checkpoint wait
  if (await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)])) return;
  child.kill("SIGKILL");
  await exited;
}

async function spawnServer(bin, dir, data, spawnAs, isCancelled) {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const log = join(dir, `server-${attempt}.log`);
    const fd = openSync(log, "w");
    // Its own process group: a terminal's Ctrl-C reaches the caller only, which stops the server.
    const server = spawn(
      join(bin, "postgres"),
      [
        "-D",
        data,
        "-p",
        String(port),
        "-c",
        "listen_addresses=127.0.0.1",
        "-c",
        `unix_socket_directories=${dir}`,
        // Throwaway data: no durability needed.
        "-c",
        "fsync=off",
        "-c",
        "synchronous_commit=off",
        "-c",
        "full_page_writes=off",
        "-c",
        "max_connections=200",
      ],
      { ...spawnAs, stdio: ["ignore", fd, fd], detached: true },
    );
    const url = `postgres://${SUPERUSER}@127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (isCancelled()) {
        await stopProcess(server);
        throw new Error("cancelled while postgres was starting");
      }
      if (server.exitCode !== null || server.signalCode !== null) break;
      const client = new pg.Client({ connectionString: `${url}/postgres` });
      client.on("error", () => {});
      try {
        await client.connect();
        await client.end();
        return { server, url };
      } catch {
        await client.end().catch(() => {});
      }
      if (Date.now() > deadline) {
        await stopProcess(server);
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

/**
 * Starts a throwaway server; undefined when there are no server binaries (and CI is not set, or
 * `install` is false).
 */
export async function startPostgresServer({ install = CI, log = () => {}, isCancelled = () => false } = {}) {
  let bin = findPostgresBinDir();
  if (!bin && install) {
    installWithApt(log);
    bin = findPostgresBinDir();
    if (!bin) throw new Error("postgresql installed, but no initdb/postgres found under /usr/lib/postgresql/<ver>/bin");
  }
  if (!bin) return undefined;

  const started = Date.now();
  const root = process.getuid?.() === 0;
  const owner = root ? (lookupUser("postgres") ?? lookupUser("nobody")) : undefined;
  if (root && !owner)
    throw new Error("running as root, and there is neither a `postgres` nor a `nobody` user to run initdb as");
  // The server's user must be able to reach the directory.
  const parent = owner && (statSync(tmpdir()).mode & 0o001) === 0 ? "/tmp" : tmpdir();
  let dir = mkdtempSync(join(parent, "graph-host-pg-"));
  let server;
  const removeDir = () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  };
  // Last resort (the caller never stopped it): nothing of the server may outlive this process.
  const onExit = () => {
    if (server && server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
    try {
      removeDir();
    } catch {
      // best effort
    }
  };
  process.on("exit", onExit);
  const stop = async () => {
    await stopProcess(server);
    removeDir();
    process.off("exit", onExit);
  };
  try {
    if (owner) chownSync(dir, owner.uid, owner.gid);
    const spawnAs = {
      cwd: dir,
      env: { ...process.env, HOME: dir },
      ...(owner ? { uid: owner.uid, gid: owner.gid } : {}),
    };
    const data = join(dir, "data");
    const locale = await initdb(bin, data, spawnAs);
    if (isCancelled()) throw new Error("cancelled before postgres started");
    const spawned = await spawnServer(bin, dir, data, spawnAs, isCancelled);
    server = spawned.server;
    const base = spawned.url;
    const description = `PostgreSQL from ${bin} (${locale}) at ${base}${owner ? `, running as ${owner.name}` : ""}; ready in ${((Date.now() - started) / 1000).toFixed(1)} s`;
    return {
      url: base,
      description,
      async createDatabase(name) {
        if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
        const admin = new pg.Client({ connectionString: `${base}/postgres` });
        await admin.connect();
        try {
          await admin.query(`create database ${name}`);
        } finally {
          await admin.end();
        }
        return `${base}/${name}`;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // the group is gone
  }
}

/** Waits until a process group has exited (vitest's workers run the tests' teardown), at most 15 s. */
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

const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/**
 * Runs `command args` (in `cwd`) against a fresh database `database` on a throwaway server and
 * returns the exit status to exit with; 0 with a SKIPPED message when there are no server binaries.
 * `label` prefixes its messages, `what` says what would be skipped.
 */
export async function runWithPostgres({ command, args, cwd, database, label, what }) {
  const say = (message) => process.stdout.write(`[${label}] ${message}\n`);
  let interrupted;
  let tests;
  const onSignal = (signal) => {
    if (interrupted) return;
    interrupted = signal;
    say(`${signal}: stopping`);
    // To the command and its workers; the server is stopped after them. Before it runs, the start-up stops at its next step.
    if (tests) signalGroup(tests.pid, signal);
  };
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const signal of signals) process.on(signal, onSignal);
  const onExit = () => {
    if (tests) signalGroup(tests.pid, "SIGKILL");
  };
  process.on("exit", onExit);
  let server;
  let status;
  try {
    server = await startPostgresServer({ log: say, isCancelled: () => interrupted !== undefined });
    if (!server) {
      say(`SKIPPED: ${what} needs a PostgreSQL server. ${MISSING_BINARIES}`);
      return 0;
    }
    const url = await server.createDatabase(database);
    say(`${server.description}; database ${database}`);
    if (interrupted) throw new Error(`interrupted by ${interrupted}`);
    // Its own process group, so that a signal reaches its workers too (they outlive it otherwise).
    tests = spawn(command, args, {
      cwd,
      stdio: "inherit",
      detached: true,
      env: { ...process.env, GRAPH_HOST_TEST_DATABASE_URL: url, DATABASE_URL: url },
    });
    const [code, signal] = await new Promise((resolve) => tests.once("exit", (c, s) => resolve([c, s])));
    await reapGroup(tests.pid);
    tests = undefined;
    status = signal ? 1 : (code ?? 1);
  } catch (error) {
    process.stderr.write(`[${label}] ${error instanceof Error ? error.message : String(error)}\n`);
    status = 1;
  } finally {
    await server?.stop();
    for (const signal of signals) process.off(signal, onSignal);
    process.off("exit", onExit);
  }
  return interrupted ? 128 + SIGNALS[interrupted] : status;
}
