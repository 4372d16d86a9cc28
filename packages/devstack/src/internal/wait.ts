import { createServer } from "node:net";

import { StackError } from "./errors.js";

export interface WaitOptions {
  /** Give up after this long (ms). Default 30 s. */
  readonly timeoutMs?: number;
  /** Poll interval (ms). Default 100. */
  readonly intervalMs?: number;
  /** Fail fast when this returns a message (e.g. the process serving the URL died). */
  readonly abortIf?: () => string | undefined;
}

/** Polls `probe` until it returns true. */
export async function waitFor(what: string, probe: () => Promise<boolean>, options: WaitOptions = {}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const aborted = options.abortIf?.();
    if (aborted !== undefined) throw new StackError(`Gave up waiting for ${what}: ${aborted}`);
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new StackError(`Timed out waiting for ${what}.`);
    await sleep(options.intervalMs ?? 100);
  }
}

/** Waits until `rpcUrl` answers `eth_chainId` (and, if given, with `chainId`). */
export async function waitForRpc(rpcUrl: string, options: WaitOptions & { chainId?: number } = {}): Promise<void> {
  await waitFor(
    `JSON-RPC at ${rpcUrl}`,
    async () => {
      const response = await fetch(rpcUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
        signal: AbortSignal.timeout(1_000),
      });
      if (!response.ok) return false;
      const body = (await response.json()) as { result?: string };
      return options.chainId === undefined || Number(body.result) === options.chainId;
    },
    options,
  );
}

/** Waits until `url` answers HTTP with a status `accept` likes (default: any status below 500). */
export async function waitForHttp(
  url: string,
  options: WaitOptions & { accept?: (status: number) => boolean } = {},
): Promise<void> {
  const accept = options.accept ?? ((status: number) => status < 500);
  await waitFor(
    `HTTP at ${url}`,
    async () => accept((await fetch(url, { signal: AbortSignal.timeout(2_000) })).status),
    options,
  );
}

/** Throws a clear error if `host:port` cannot be listened on (another process has it). */
export async function assertPortFree(port: number, host = "127.0.0.1", service = "service"): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
  if (!free) {
    throw new StackError(
      `Port ${port} on ${host} is already in use, so the ${service} cannot start there.`,
      `Stop whatever holds it (another \`npm run dev\`, an anvil or a node?): \`lsof -i :${port}\` shows it.`,
    );
  }
}

/** A free TCP port on loopback chosen by the OS, never 8545/8000/3000 (the shared test kit's). */
export { freePort } from "@dmex/testkit";

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
