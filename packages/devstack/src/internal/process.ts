import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { dirname } from "node:path";

import { StackError } from "./errors.js";

/** A long-running child process owned by the stack. */
export interface ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Last lines of its output (stdout and stderr), for error messages. */
  tail(): string;
  /** Set when the process has exited. */
  exitCode(): number | null | undefined;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it is gone. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Also append all output to this file. */
  readonly logFile?: string;
}

const TAIL_LINES = 40;

export function spawnManaged(
  name: string,
  command: string,
  args: readonly string[],
  options: SpawnOptions = {},
): ManagedProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let lines: string[] = [];
  let exited: number | null | undefined;
  const file = options.logFile ? openLog(options.logFile) : undefined;
  const onData = (chunk: Buffer) => {
    file?.write(chunk);
    lines = lines.concat(chunk.toString().split("\n").filter(Boolean)).slice(-TAIL_LINES);
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const done = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exited = code ?? (signal ? -1 : null);
      file?.end();
      resolve();
    });
    child.once("error", (error) => {
      lines.push(error.message);
      exited = -1;
      resolve();
    });
  });
  return {
    name,
    child,
    tail: () => lines.join("\n"),
    exitCode: () => exited,
    async stop(graceMs = 5_000) {
      if (exited !== undefined) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await done;
      clearTimeout(timer);
    },
  };
}

/** Runs a command to completion; throws a StackError with its output if it fails. */
export async function runCommand(
  name: string,
  command: string,
  args: readonly string[],
  options: SpawnOptions & { timeoutMs?: number } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const file = options.logFile ? openLog(options.logFile) : undefined;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      file?.write(chunk);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 300_000);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(new StackError(`${name} could not start: ${error.message}`));
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      file?.end();
      if (code === 0) resolve(output);
      else {
        const tail = output
          .split("\n")
          .filter((l) => !l.startsWith("npm warn"))
          .slice(-TAIL_LINES)
          .join("\n");
        reject(new StackError(`${name} failed (${signal ?? `exit ${code}`}).`, tail));
      }
    });
  });
}

function openLog(path: string) {
  mkdirSync(dirname(path), { recursive: true });
  return createWriteStream(path, { flags: "a" });
}
