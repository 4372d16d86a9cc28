"use client";
/**
 * A countdown to a chain time. `now` is the chain's time when the page rendered; the countdown then
 * ticks with the wall clock from there (the dev clock's jumps re-render the page with a new `now`).
 */
import { useEffect, useState } from "react";

import { formatDuration } from "~/lib/dao/governance";

export function Countdown({ at, now, label, testId }: { at: number; now: number; label: string; testId?: string }) {
  const [elapsed, setElapsed] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new target or a dev-clock jump (`at`, `now`) restarts the count from 0
  useEffect(() => {
    const started = Date.now();
    setElapsed(0);
    const t = window.setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 1_000);
    return () => window.clearInterval(t);
  }, [at, now]);
  const left = at - now - elapsed;
  return (
    <span className="num" data-testid={testId}>
      {label} {left <= 0 ? "now" : `in ${formatDuration(left)}`}
      <span className="text-xs text-slate-600">
        {" "}
        ({new Date(at * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC)
      </span>
    </span>
  );
}
