import type { BroadcastRun } from "./broadcast.js";

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Checks a broadcast run against a live chain: same chain id, every creation block still has the
 * hash recorded in the receipts (a restarted anvil gives new hashes even for the same addresses),
 * and code at every address. Anything else means the broadcast belongs to a chain that is gone.
 */
export async function verifyRun(run: BroadcastRun, rpcUrl: string, timeoutMs = 3_000): Promise<Verdict> {
  const call = (method: string, params: unknown[]) => rpc(rpcUrl, method, params, timeoutMs);
  let chainId: unknown;
  try {
    chainId = await call("eth_chainId", []);
  } catch (error) {
    return { ok: false, reason: `no chain answers at ${rpcUrl} (${errorMessage(error)})` };
  }
  if (typeof chainId !== "string" || Number.parseInt(chainId, 16) !== run.chainId) {
    return { ok: false, reason: `${rpcUrl} serves chain ${String(chainId)}, not ${run.chainId}` };
  }
  for (const contract of run.contracts) {
    const block = (await call("eth_getBlockByNumber", [`0x${contract.startBlock.toString(16)}`, false])) as {
      hash?: string;
    } | null;
    if (block?.hash?.toLowerCase() !== contract.blockHash.toLowerCase()) {
      return {
        ok: false,
        reason: `block ${contract.startBlock} of ${contract.name} is not the one in the broadcast (chain restarted since the deploy)`,
      };
    }
    const code = await call("eth_getCode", [contract.address, "latest"]);
    if (typeof code !== "string" || code === "0x") {
      return { ok: false, reason: `no code at ${contract.name} ${contract.address}` };
    }
  }
  return { ok: true };
}

async function rpc(url: string, method: string, params: unknown[], timeoutMs: number): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const body = (await response.json()) as { result?: unknown; error?: { message?: string } };
  if (body.error !== undefined) throw new Error(body.error.message ?? "JSON-RPC error");
  return body.result;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? cause.message : error.message;
  }
  return String(error);
}
