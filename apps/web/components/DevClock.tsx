"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { rpcUrl } from "~/services/chains";
import { runIndexedRefetchers, waitIndexed } from "~/services/indexer";
import { queryClient } from "~/services/queryClient";

async function rpc<T>(method: string, params: unknown[]): Promise<T> {
  const res = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await res.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(body.error.message);
  return body.result as T;
}

/**
 * Steps of the dev clock: days for escrow and rewards, an hour for the oracle's correction window (a
 * report is final, and deposits can be judged against it, an hour after publication), minutes for the
 * local governance periods (60 s delay, 600 s vote).
 */
const STEPS = [
  { label: "+1 min", seconds: 60, title: "Advance the chain by 1 minute (local voting delay and timelock: 60 s)" },
  { label: "+10 min", seconds: 600, title: "Advance the chain by 10 minutes (local voting period: 600 s)" },
  {
    label: "+1 h",
    seconds: 3_600,
    title: "Advance the chain by 1 hour (the oracle's correction window: a report is final 1 h after publication)",
  },
  { label: "+1 day", seconds: 86_400, title: "Advance the chain by 1 day" },
  { label: "+7 days", seconds: 7 * 86_400, title: "Advance the chain by 7 days" },
] as const;

/** Local chain only: anvil time travel, plus a block so the new time is on chain. Shown in the dev tools popover (DevTools). */
export function DevClock() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [advancedTo, setAdvancedTo] = useState<string>("");
  const router = useRouter();

  async function advance(seconds: number) {
    setBusy(true);
    setError(null);
    try {
      // Relative to the latest block, not to anvil's wall clock: after the seed's time travel the
      // chain can run ahead of wall clock + offset, and evm_increaseTime would then move it by less.
      const latest = await rpc<{ timestamp: string }>("eth_getBlockByNumber", ["latest", false]);
      await rpc("evm_setNextBlockTimestamp", [Number(latest.timestamp) + seconds]);
      await rpc("evm_mine", []);
      const block = await rpc<{ number: string; timestamp: string }>("eth_getBlockByNumber", ["latest", false]);
      const head = BigInt(block.number);
      await waitIndexed(head, 30_000);
      await Promise.allSettled([runIndexedRefetchers(), queryClient.invalidateQueries()]);
      router.refresh();
      setAdvancedTo(String(Number(block.timestamp)));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div
      className="flex flex-wrap items-center gap-1 text-xs"
      role="group"
      aria-label="Dev clock (local chain)"
      data-testid="dev-clock"
      data-advanced-to={advancedTo}
    >
      <span className="w-full text-slate-700">Advance the chain</span>
      {STEPS.map((s) => (
        <button
          key={s.label}
          type="button"
          className="btn-secondary px-2 py-1 text-xs"
          disabled={busy}
          onClick={() => advance(s.seconds)}
          title={s.title}
        >
          {s.label}
        </button>
      ))}
      {error && (
        <span role="alert" className="w-full text-red-800">
          {error}
        </span>
      )}
    </div>
  );
}
