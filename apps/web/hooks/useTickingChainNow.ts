"use client";
import { useEffect, useRef, useState } from "react";

import { useChainNow } from "./useChainNow";

/**
 * The chain's time, ticking every second with the wall clock between blocks (a countdown must move
 * while no block is mined; the local chain mines only on transactions). A dev-clock jump shows up
 * with the next block read.
 */
export function useTickingChainNow(): number | undefined {
  const { seconds } = useChainNow();
  const base = useRef<{ chain: number; wall: number } | null>(null);
  const [now, setNow] = useState<number | undefined>(seconds);
  useEffect(() => {
    if (seconds === undefined) return;
    base.current = { chain: seconds, wall: Date.now() };
    setNow(seconds);
  }, [seconds]);
  useEffect(() => {
    const t = window.setInterval(() => {
      const b = base.current;
      if (b !== null) setNow(b.chain + Math.floor((Date.now() - b.wall) / 1000));
    }, 1_000);
    return () => window.clearInterval(t);
  }, []);
  return now;
}
