"use client";
/**
 * Wallet islands are not needed to read a page, so they load on the visitor's first interaction
 * (pointer, key, touch, scroll, focus) or after a short idle delay, whichever comes first. The
 * server-rendered content is usable immediately and the wallet stack's parse/execute cost does not
 * compete with the first paint and hydration.
 *
 * Except where waiting would hide the visitor's own data: on a route that needs an account
 * (components/nav/navConfig.ts `needsAccount`) or when a wallet connection is remembered, the gate
 * opens as soon as the page hydrates (components/walletMemory.ts).
 */
import { useEffect, useState } from "react";

import { needsAccount } from "./nav/navConfig";
import { shouldHydrateWalletAtOnce } from "./walletMemory";

const IDLE_DELAY_MS = 6_000;
const EVENTS = ["pointerdown", "pointermove", "keydown", "touchstart", "scroll", "focusin"] as const;
let opened = false;
const waiters = new Set<() => void>();

export function openGate(): void {
  if (opened) return;
  opened = true;
  EVENTS.forEach((e) => window.removeEventListener(e, openGate, true));
  waiters.forEach((w) => w());
  waiters.clear();
}

function localStorageOrUndefined(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage disabled (privacy settings): behave as a first visit
  }
}

let armed = false;
function arm() {
  if (armed || typeof window === "undefined") return;
  armed = true;
  if (shouldHydrateWalletAtOnce(window.location.pathname, localStorageOrUndefined(), needsAccount)) {
    openGate();
    return;
  }
  EVENTS.forEach((e) => window.addEventListener(e, openGate, { capture: true, passive: true }));
  window.setTimeout(openGate, IDLE_DELAY_MS);
}

/** True once wallet islands may load. */
export function useInteractionGate(): boolean {
  const [open, setOpen] = useState(opened);
  useEffect(() => {
    if (opened) {
      setOpen(true);
      return;
    }
    const w = () => setOpen(true);
    waiters.add(w);
    arm();
    return () => {
      waiters.delete(w);
    };
  }, []);
  return open;
}

let connectRequested = false;
/** The placeholder "Connect Wallet" was clicked before the wallet island loaded. */
export function requestConnect(): void {
  connectRequested = true;
  openGate();
}
/** True once, if a connect was requested before the island loaded. */
export function consumeConnectRequest(): boolean {
  const r = connectRequested;
  connectRequested = false;
  return r;
}
