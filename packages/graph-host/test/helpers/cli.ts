import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { PACKAGE_DIR } from "./paths.js";

export interface CliProcess {
  proc: ChildProcess;
  port: number;
  url: string;
  health(): Promise<{ block: number | null; hasIndexingErrors: boolean } | null>;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  output(): string;
}

/**
 * Spawns `graph-host` (src/cli.ts through tsx) as a child process. With `databaseUrl` its store
 * is that Postgres, given as `DATABASE_URL`; without, a `DATABASE_URL` of the environment is not
 * passed on (the CLI would use it instead of `--data-dir`).
 */
export function spawnCli(args: string[], port: number, name: string, store: { databaseUrl?: string } = {}): CliProcess {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  if (store.databaseUrl) env.DATABASE_URL = store.databaseUrl;
  const proc = spawn(
    process.execPath,
    ["--import", "tsx", join(PACKAGE_DIR, "src", "cli.ts"), ...args, "--port", String(port), "--name", name],
    {
      cwd: PACKAGE_DIR,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  proc.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  proc.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  return {
    proc,
    port,
    url: `http://127.0.0.1:${port}/subgraphs/name/${name}`,
    async health() {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/health`);
        return (await r.json()) as { block: number | null; hasIndexingErrors: boolean };
      } catch {
        return null;
      }
    },
    exited,
    output: () => out,
  };
}

export async function until<T>(
  what: string,
  f: () => Promise<T | undefined | null | false>,
  timeoutMs = 60_000,
  everyMs = 25,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
