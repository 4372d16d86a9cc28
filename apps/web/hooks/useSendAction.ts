"use client";
import { useState } from "react";
import type { Abi, Address } from "viem";

import { useTx } from "./useTx";

/**
 * A panel's sends through `useTx` (simulate, sign, mined, indexed; reverts explained by lib/errors): one busy flag
 * for the panel and the last outcome as a message line.
 */
export function useSendAction() {
  const { run } = useTx();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function send(label: string, address: Address, abi: Abi, functionName: string, args: readonly unknown[]) {
    setBusy(true);
    setMessage(null);
    const r = await run({ label, call: { address, abi, functionName, args } });
    setMessage(r.ok ? { ok: true, text: `${label}: done.` } : { ok: false, text: r.error });
    setBusy(false);
    return r.ok;
  }

  return { send, busy, message };
}
