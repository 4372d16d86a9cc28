"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { useChainNow } from "~/hooks/useChainNow";
import { formatDay } from "~/lib/format";
import { rpcUrl } from "~/services/chains";
import { runIndexedRefetchers, waitIndexed } from "~/services/indexer";
import { queryClient } from "~/services/queryClient";

async function rpc<T>(method: string, params: unknown[]): Promise<T> {
  const res = await fetch(rpcUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
  const body = (await res.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(body.error.message);
  return body.result as T;
}

/** Local chain only: anvil time travel by whole days, plus a block so the new time is on chain. */
export function DevClock() {
  const { day } = useChainNow();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const router = useRouter();

  async function advance(days: number) {
    setBusy(true);
    setError(null);
    try {
      await rpc("evm_increaseTime", [days * 86_400]);
      await rpc("evm_mine", []);
      const head = BigInt(await rpc<string>("eth_blockNumber", []));
      await waitIndexed(head, 30_000);
      await Promise.allSettled([runIndexedRefetchers(), queryClient.invalidateQueries()]);
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex items-center gap-1 text-xs" role="group" aria-label="Dev clock (local chain)">
      <span className="text-slate-700" data-testid="chain-day">
        Chain day {day === undefined ? "…" : formatDay(day)}
      </span>
      <button type="button" className="btn-secondary px-2 py-1 text-xs" disabled={busy} onClick={() => advance(1)}>
        +1 day
      </button>
      <button type="button" className="btn-secondary px-2 py-1 text-xs" disabled={busy} onClick={() => advance(7)}>
        +7 days
      </button>
      {error && <span role="alert" className="text-red-800">{error}</span>}
    </div>
  );
}
