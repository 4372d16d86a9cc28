/**
 * The referrer a node's link brought, remembered for the browser session (sessionStorage) so that it still
 * reaches the buy form after the visitor browses from the marketplace to an offering or a listing. One
 * subscribable store: the capture (components/ReferralCapture) writes, every buy form reads.
 */
import { useSyncExternalStore } from "react";
import type { Address } from "viem";

import { parseReferrer, REFERRER_STORAGE_KEY } from "~/lib/nodes/referral";

const listeners = new Set<() => void>();

function storage(): Storage | undefined {
  try {
    return typeof window === "undefined" ? undefined : window.sessionStorage;
  } catch {
    return undefined;
  }
}

function read(): Address | null {
  const parsed = parseReferrer(storage()?.getItem(REFERRER_STORAGE_KEY));
  return parsed.ok ? parsed.address : null;
}

export const referralStore = {
  get: read,
  set(address: Address) {
    storage()?.setItem(REFERRER_STORAGE_KEY, address);
    for (const l of listeners) l();
  },
  clear() {
    storage()?.removeItem(REFERRER_STORAGE_KEY);
    for (const l of listeners) l();
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** The remembered referrer (checksummed), or null. Null on the server. */
export function useReferrer(): Address | null {
  return useSyncExternalStore(referralStore.subscribe, read, () => null);
}
