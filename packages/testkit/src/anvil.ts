import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, readFileSync, type WriteStream } from "node:fs";
import { dirname } from "node:path";

import { anvilBinary } from "./binary.js";
import { freePort, portFree } from "./ports.js";
import { adopt, killGroup, release } from "./reaper.js";

export interface AnvilOptions {
  /** Default: a free port chosen by the OS (never 8545, 8000 or 3000). */
  readonly port?: number;
  readonly host?: string;
  /** Default 31337, the local chain. */
  readonly chainId?: number;
  /** Seconds between blocks; default: automine (a block per transaction). */
  readonly blockTime?: number;
  /** Funded dev accounts of the default mnemonic (anvil's default is 10). */
  readonly accounts?: number;
  /** Timestamp of the genesis block (seconds). */
  readonly timestamp?: number;
  /** anvil's own output is appended here; without it, only the last lines are kept for errors. */
  readonly logFile?: string;
  /** Further anvil arguments. */
  readonly args?: readonly string[];
  /** Give up waiting for JSON-RPC after this long (ms). Default 20 s. */
  readonly readyTimeoutMs?: number;
}

export interface Anvil {
  readonly rpcUrl: string;
  readonly host: string;
  readonly port: number;
  readonly chainId: number;
  /** anvil's own process id. */
  readonly pid: number;
  /** Kills anvil (SIGTERM, then SIGKILL after 3 s); resolves once it is gone. Safe to call twice. */
  stop(): Promise<void>;
}

export class AnvilStartError extends Error {
  constructor(
    message: string,
    /** anvil's last output lines. */
    readonly output: string,
  ) {
    super(output ? `${message}\n${output}` : message);
    this.name = "AnvilStartError";
  }
}

/**
 * The watchdog anvil runs under (POSIX sh): it prints anvil's pid, then polls once a second that
 * the processes it watches are alive and kills anvil when one is gone. It watches the node process
 * that started anvil and that process's ancestors in the same session (see `watchedPids`): that
 * covers what no handler in node can, the starter killed by SIGKILL or a test worker that ends
 * without its handlers, and also a launcher (npm, pnpm) killed by SIGTERM without passing it on,
 * which leaves the test runner below it running as an orphan. The watchdog leads anvil's process
 * group, so `kill(-pgid)` stops both.
 */
const WATCHDOG = [
  "watch=$1; shift",
  '"$@" &',
  "child=$!",
  'echo "$child"',
  "trap 'kill -TERM \"$child\" 2>/dev/null' TERM INT HUP",
  'alive() { for p in $watch; do kill -0 "$p" 2>/dev/null || return 1; done; kill -0 "$child" 2>/dev/null; }',
  "while alive; do sleep 1; done",
  'kill -TERM "$child" 2>/dev/null',
  'wait "$child"',
].join("\n");

/** `/proc/<pid>/stat` fields after the command name: state, ppid, pgrp, session. */
function procStat(pid: number): { ppid: number; session: number } | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ");
    if (fields === undefined) return undefined;
    return { ppid: Number(fields[1]), session: Number(fields[3]) };
  } catch {
    return undefined; // no procfs (macOS) or gone
  }
}

/**
 * This process and its ancestors up to (not including) its session leader and init: the chain a
 * launcher's death breaks. Without procfs only this process.
 */
export function watchedPids(): number[] {
  const own = procStat(process.pid);
  const pids = [process.pid];
  if (own === undefined) return pids;
  let parent = own.ppid;
  while (parent > 1 && pids.length < 8) {
    const stat = procStat(parent);
    if (stat === undefined || stat.session !== own.session || parent === own.session) break;
    pids.push(parent);
    parent = stat.ppid;
  }
  return pids;
}

const TAIL_LINES = 30;
const ATTEMPTS_ON_FREE_PORTS = 3;

/** Starts a fresh anvil and waits until it answers `eth_chainId` with the expected chain id. */
export async function startAnvil(options: AnvilOptions = {}): Promise<Anvil> {
  if (options.port !== undefined) return startOnce(options.port, options);
  const host = options.host ?? "127.0.0.1";
  let last: unknown;
  // A port the OS called free can be taken before anvil binds it: try another.
  for (let attempt = 0; attempt < ATTEMPTS_ON_FREE_PORTS; attempt++) {
    try {
      return await startOnce(await freePort(host), options);
    } catch (error) {
      last = error;
      if (!(error instanceof AnvilStartError) || !/in use/i.test(error.message)) throw error;
    }
  }
  throw last;
}

function anvilArgs(port: number, host: string, chainId: number, options: AnvilOptions): string[] {
  return [
    "--host",
    host,
    "--port",
    String(port),
    "--chain-id",
    String(chainId),
    ...(options.accounts !== undefined ? ["--accounts", String(options.accounts)] : []),
    ...(options.blockTime !== undefined ? ["--block-time", String(options.blockTime)] : []),
    ...(options.timestamp !== undefined ? ["--timestamp", String(options.timestamp)] : []),
    ...(options.args ?? []),
  ];
}

async function startOnce(port: number, options: AnvilOptions): Promise<Anvil> {
  const host = options.host ?? "127.0.0.1";
  const chainId = options.chainId ?? 31337;
  // Another chain on the port would answer the readiness probe in anvil's place.
  if (!(await portFree(port, host))) throw new AnvilStartError(`port ${port} on ${host} is already in use`, "");
  const bin = anvilBinary();
  const command = [bin.command, ...bin.args, ...anvilArgs(port, host, chainId, options)];
  const posix = process.platform !== "win32";
  const child: ChildProcess = posix
    ? spawn("/bin/sh", ["-c", WATCHDOG, "anvil-watchdog", watchedPids().join(" "), ...command], {
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      })
    : spawn(command[0]!, command.slice(1), { stdio: ["ignore", "pipe", "pipe"] });
  if (posix && child.pid !== undefined) adopt(child.pid);

  const log: WriteStream | undefined = options.logFile === undefined ? undefined : openLog(options.logFile);
  let lines: string[] = [];
  let pidLine: ((pid: number) => void) | undefined;
  const anvilPid = new Promise<number>((resolve) => (pidLine = resolve));
  if (!posix && child.pid !== undefined) pidLine?.(child.pid);
  let pending = "";
  let pidSeen = !posix;
  child.stdout?.on("data", (chunk: Buffer) => {
    let text = chunk.toString();
    if (!pidSeen) {
      pending += text;
      const newline = pending.indexOf("\n");
      if (newline < 0) return;
      pidSeen = true;
      pidLine?.(Number(pending.slice(0, newline)));
      text = pending.slice(newline + 1);
      chunk = Buffer.from(text);
    }
    log?.write(chunk);
    lines = lines.concat(text.split("\n").filter(Boolean)).slice(-TAIL_LINES);
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    log?.write(chunk);
    lines = lines.concat(chunk.toString().split("\n").filter(Boolean)).slice(-TAIL_LINES);
  });
  let exited = false;
  const gone = new Promise<void>((resolve) => {
    const done = () => {
      if (exited) return;
      exited = true;
      if (child.pid !== undefined) release(child.pid);
      log?.end();
      resolve();
    };
    child.once("exit", done);
    child.once("error", (error) => {
      lines.push(error.message);
      done();
    });
  });

  const stop = async (): Promise<void> => {
    if (exited) return;
    if (posix && child.pid !== undefined) killGroup(child.pid, "SIGTERM");
    else child.kill("SIGTERM");
    const timer = setTimeout(() => {
      if (posix && child.pid !== undefined) killGroup(child.pid, "SIGKILL");
      else child.kill("SIGKILL");
    }, 3_000);
    await gone;
    clearTimeout(timer);
  };

  const rpcUrl = `http://${host}:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 20_000);
  for (;;) {
    if (exited) throw new AnvilStartError(`anvil exited before it answered on ${rpcUrl}`, lines.join("\n"));
    if ((await answeredChainId(rpcUrl)) === chainId) break;
    if (Date.now() > deadline) {
      await stop();
      throw new AnvilStartError(
        `anvil did not answer on ${rpcUrl} within ${options.readyTimeoutMs ?? 20_000} ms`,
        lines.join("\n"),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { rpcUrl, host, port, chainId, pid: await anvilPid, stop };
}

async function answeredChainId(rpcUrl: string): Promise<number | undefined> {
  try {
    const response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      signal: AbortSignal.timeout(1_000),
    });
    if (!response.ok) return undefined;
    const body = (await response.json()) as { result?: string };
    return body.result === undefined ? undefined : Number(body.result);
  } catch {
    return undefined; // not listening yet
  }
}

function openLog(path: string): WriteStream {
  mkdirSync(dirname(path), { recursive: true });
  return createWriteStream(path, { flags: "a" });
}
