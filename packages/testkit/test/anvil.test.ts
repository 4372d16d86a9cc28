import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { afterEach, describe, expect, it } from "vitest";

import { startAnvil, STANDARD_PORTS, type Anvil } from "../src/index.js";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "fixtures");

/** Whether `pid` is a live process (a zombie waiting to be reaped counts as gone). */
function running(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (existsSync("/proc/self/stat")) {
    if (!existsSync(stat)) return false;
    try {
      // state is the field after the parenthesised command name
      return readFileSync(stat, "utf8").split(") ")[1]?.[0] !== "Z";
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function rpc(url: string, method: string): Promise<string> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params: [] }),
  });
  return ((await response.json()) as { result: string }).result;
}

interface Held {
  child: ReturnType<typeof spawn>;
  /** anvil's pid */
  pid: number;
  rpcUrl: string;
  /** The node process that called startAnvil. */
  holderPid: number;
}

/** A node process (`fixture`) that starts anvil through the kit; resolves with anvil's pid once it is ready. */
function holder(fixture = "hold-anvil.mjs"): Promise<Held> {
  const child = spawn(process.execPath, [join(FIXTURES, fixture)], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n")[0];
      if (out.includes("\n") && line) resolve({ child, ...(JSON.parse(line) as Omit<Held, "child">) });
    });
    child.once("exit", (code, signal) => reject(new Error(`holder exited early (${code ?? signal})`)));
  });
}

describe("startAnvil", () => {
  let anvil: Anvil | undefined;
  afterEach(async () => {
    await anvil?.stop();
    anvil = undefined;
  });

  it("starts on a free port, answers with its chain id, and stop() kills it", async () => {
    anvil = await startAnvil({ chainId: 31337 });
    expect(STANDARD_PORTS).not.toContain(anvil.port);
    expect(anvil.rpcUrl).toBe(`http://127.0.0.1:${anvil.port}`);
    expect(Number(await rpc(anvil.rpcUrl, "eth_chainId"))).toBe(31337);
    // The pid is anvil's own, not a launcher's or the watchdog's.
    if (existsSync(`/proc/${anvil.pid}/comm`))
      expect(readFileSync(`/proc/${anvil.pid}/comm`, "utf8").trim()).toBe("anvil");
    const { pid } = anvil;
    await anvil.stop();
    await anvil.stop(); // twice is harmless
    expect(running(pid)).toBe(false);
  });

  it("passes chain id, block time and the account count", async () => {
    anvil = await startAnvil({ chainId: 4242, blockTime: 1, accounts: 3 });
    expect(Number(await rpc(anvil.rpcUrl, "eth_chainId"))).toBe(4242);
    expect(JSON.parse(JSON.stringify(await rpcList(anvil.rpcUrl)))).toHaveLength(3);
    const first = Number(await rpc(anvil.rpcUrl, "eth_blockNumber"));
    const url = anvil.rpcUrl;
    await until("a block without transactions", async () => Number(await rpc(url, "eth_blockNumber")) > first, 5_000);
  });

  it("fails with anvil's output when the port is taken", async () => {
    anvil = await startAnvil();
    await expect(startAnvil({ port: anvil.port })).rejects.toThrow(/already in use/);
  });

  it("kills anvil when the node process that started it gets SIGTERM", async () => {
    const { child, pid, rpcUrl } = await holder();
    expect(Number(await rpc(rpcUrl, "eth_chainId"))).toBe(31337);
    expect(running(pid)).toBe(true);
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once("exit", (_code, signal) => resolve(signal)),
    );
    child.kill("SIGTERM");
    // The kit's handler restores the default action: the holder still ends by SIGTERM.
    expect(await exited).toBe("SIGTERM");
    await until(`anvil ${pid} gone after SIGTERM`, () => !running(pid), 3_000);
  });

  it("kills anvil when the node process that started it dies by SIGKILL (no handler runs)", async () => {
    const { child, pid } = await holder();
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGKILL");
    await exited;
    // The watchdog notices within about a second.
    await until(`anvil ${pid} gone after SIGKILL`, () => !running(pid), 5_000);
  });

  it("leaves anvil to a SIGTERM handler of the starter's own, and kills it when the starter exits", async () => {
    const { child, pid } = await holder("hold-anvil-own-handler.mjs");
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(out).toContain('{"answeredAfterSignal":true}');
    await until(`anvil ${pid} gone after the starter exited`, () => !running(pid), 3_000);
  });

  it("kills anvil when a launcher above its starter dies by SIGTERM and leaves the starter running", async () => {
    const { child: launcher, pid, holderPid } = await holder("launcher.mjs");
    try {
      const exited = new Promise<void>((resolve) => launcher.once("exit", () => resolve()));
      launcher.kill("SIGTERM");
      await exited;
      expect(running(holderPid)).toBe(true); // the orphan lives on, as a test runner under a killed npm would
      await until(`anvil ${pid} gone after its starter's launcher died`, () => !running(pid), 5_000);
    } finally {
      try {
        process.kill(holderPid, "SIGKILL");
      } catch {
        // gone
      }
    }
  });
});

async function rpcList(url: string): Promise<unknown[]> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_accounts", params: [] }),
  });
  return ((await response.json()) as { result: unknown[] }).result;
}
