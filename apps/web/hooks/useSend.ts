"use client";
/** A labelled contract call through `useTx` (simulate, sign, mined, indexed) with a busy flag and the last outcome. */
import { useState } from "react";
import type { Abi, Address } from "viem";

import { useTx } from "./useTx";

export function useSend() {
  const { run } = useTx();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function send(
    label: string,
    address: Address,
    abi: Abi,
    functionName: string,
    args: readonly unknown[] = [],
  ): Promise<boolean> {
    setBusy(true);
    setMessage(null);
    const r = await run({ label, call: { address, abi, functionName, args } });
    setMessage(r.ok ? { ok: true, text: `${label}: done.` } : { ok: false, text: r.error });
    setBusy(false);
    return r.ok;
  }

  return { send, busy, message };
}
