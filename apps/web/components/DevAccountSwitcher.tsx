"use client";
import { useEffect, useState } from "react";

import { shortAddress } from "~/lib/format";
import { ANVIL_ACCOUNTS, devAccountLabel } from "~/services/devAccounts";
import { currentDevAccountIndex, selectDevAccount } from "~/services/devWallet";

/** Switches the local dev wallet between anvil's accounts (governor, miners, buyers, fresh ones). */
export function DevAccountSwitcher() {
  const [index, setIndex] = useState<number | null>(null);
  useEffect(() => setIndex(currentDevAccountIndex()), []);
  if (index === null) return null;
  return (
    <label className="flex flex-col gap-1 text-xs text-slate-700">
      <span>Dev account</span>
      <select
        data-testid="dev-account"
        className="w-full rounded border border-slate-400 bg-white px-1 py-1 text-xs"
        value={index}
        onChange={(e) => {
          const i = Number(e.target.value);
          setIndex(i);
          selectDevAccount(i);
        }}
      >
        {ANVIL_ACCOUNTS.map((a, i) => (
          <option key={a} value={i}>
            #{i} {devAccountLabel(i)} ({shortAddress(a)})
          </option>
        ))}
      </select>
    </label>
  );
}
