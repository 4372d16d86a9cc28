// The day arithmetic of the escrow release, in plain i32 (no graph-ts import), so that
// test/escrow.test.ts can compile this file on its own with the AssemblyScript compiler graph-cli
// uses and run it against the contracts' shared vectors and @dmex/money-math.

/**
 * EscrowMath.holdbackDay: the day release has reached at `day` under the end-of-term holdback:
 * within the last `holdbackDays` of the term, release never passes `lastCoveredDay + 1`.
 */
export function holdbackDay(day: i32, endDay: i32, holdbackDays: i32, lastCoveredDay: i32): i32 {
  const zoneStart = endDay - holdbackDays;
  if (day <= zoneStart) return day;
  const cap = lastCoveredDay + 1 > zoneStart ? lastCoveredDay + 1 : zoneStart;
  return day < cap ? day : cap;
}

/**
 * HashpowerExchange._releasedToDate's day on `today`: frozen at `frozenDay` while not active
 * (once it is past), held back near the term end otherwise, capped at `endDay`.
 */
export function releaseDayOf(
  active: bool,
  frozenDay: i32,
  today: i32,
  endDay: i32,
  holdbackDays: i32,
  lastCoveredDay: i32,
): i32 {
  const day = !active && frozenDay < today ? frozenDay : holdbackDay(today, endDay, holdbackDays, lastCoveredDay);
  return day < endDay ? day : endDay;
}

/**
 * DefaultMonitor.flaggable's missed days on `today`: how long the oldest uncovered term day has
 * waited for its deposit (0 once the last term day is covered).
 */
export function missedDaysOf(lastCoveredDay: i32, endDay: i32, today: i32): i32 {
  if (lastCoveredDay + 1 < endDay && today > lastCoveredDay + 1) return today - 1 - lastCoveredDay;
  return 0;
}
