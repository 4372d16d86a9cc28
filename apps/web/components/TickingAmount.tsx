"use client";
import { useEffect, useRef, useState } from "react";

import { formatAmount } from "~/lib/format";

/** An amount that counts up smoothly to each new on-chain value (and flashes), so accruals are visible. */
export function TickingAmount({
  value,
  decimals,
  symbol,
  testId,
}: {
  value: bigint;
  decimals: number;
  symbol: string;
  testId?: string;
}) {
  const [shown, setShown] = useState(value);
  const [flash, setFlash] = useState(false);
  const from = useRef(value);
  useEffect(() => {
    const start = from.current;
    if (start === value) return;
    if (value < start) {
      from.current = value;
      setShown(value);
      return;
    }
    setFlash(true);
    const began = performance.now();
    let frame = 0;
    const step = (now: number) => {
      const k = Math.min((now - began) / 800, 1);
      setShown(start + ((value - start) * BigInt(Math.round(k * 1000))) / 1000n);
      if (k < 1) frame = requestAnimationFrame(step);
      else {
        from.current = value;
        setFlash(false);
      }
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [value]);
  return (
    <span
      data-testid={testId}
      data-value={value.toString()}
      className={`num transition-colors ${flash ? "text-emerald-700" : ""}`}
    >
      {formatAmount(shown, decimals, 6)} {symbol}
    </span>
  );
}
