// The judged-days window (DelinquencyMath): the contract packs the last judged shares of the
// market newest first into one word, bits 0-3 the count (saturating at MAX_WINDOW_DAYS) and bits
// 4+10i the i-th newest share. The Offering keeps the word as stored and its decoding; the
// window's sum, average and low-reward condition use the current thresholds (Protocol), as
// DefaultMonitor.flaggable does, so a threshold change recomputes them for every offering.
import { BigInt } from "@graphprotocol/graph-ts";

import { Offering, Protocol } from "../../generated/schema";
import { MAX_WINDOW_DAYS } from "./constants";

const COUNT_MASK = BigInt.fromI32(15);
const SHARE_MASK = BigInt.fromI32(1023);

/** DelinquencyMath.judgedDays */
export function judgedDaysOf(recent: BigInt): i32 {
  return recent.bitAnd(COUNT_MASK).toI32();
}

/** DelinquencyMath.shareAt: the i-th newest judged share (0 = the latest). */
export function shareAt(recent: BigInt, i: i32): i32 {
  return recent
    .rightShift(<u8>(4 + 10 * i))
    .bitAnd(SHARE_MASK)
    .toI32();
}

/** Sets `o.recentShares` and everything derived from it under the protocol's current thresholds. */
export function setWindow(o: Offering, recent: BigInt, protocol: Protocol): void {
  o.recentShares = recent;
  const count = judgedDaysOf(recent);
  const shares = new Array<i32>(0);
  for (let i = 0; i < count && i < MAX_WINDOW_DAYS; i++) shares.push(shareAt(recent, i));
  o.windowShares = shares;
  o.judgedDays = count;
  refreshWindow(o, protocol);
}

/** Recomputes the window's sum, average and low flag from `o.windowShares` (DelinquencyMath.windowSum / isLow). */
export function refreshWindow(o: Offering, protocol: Protocol): void {
  const windowDays = protocol.windowDays;
  const shares = o.windowShares;
  const full = windowDays > 0 && o.judgedDays >= windowDays;
  const n = full ? windowDays : o.judgedDays;
  let sum = 0;
  for (let i = 0; i < n && i < shares.length; i++) sum += shares[i];
  o.windowSum = sum;
  if (full) {
    o.windowShare = sum / windowDays;
  } else {
    o.unset("windowShare");
  }
  o.windowLow = full && sum * 10 < protocol.minRewardRatioBps * windowDays;
}
