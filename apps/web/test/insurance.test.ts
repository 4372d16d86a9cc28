import { describe, expect, it } from "vitest";

import { exitActions, exitPhase, sharesForAmount } from "~/lib/insurance/exit";
import {
  claimStatusName,
  isExecuted,
  payoutLines,
  payoutOf,
  standingOfPosition,
  type PayoutRecord,
} from "~/lib/insurance/payouts";
import { maxPayout, poolComposition, poolFromTuple, poolTotal, shareOfPotBps } from "~/lib/insurance/pool";

const E18 = 10n ** 18n;
const NOW = 1_800_000_000;
const open = { isFrozen: false, until: 0 };

describe("pool composition", () => {
  const pool = poolFromTuple([6_000n * E18, 3_000n * E18, 1_000n * E18, 0n, 123n]);
  it("lists the pots in the order of loss with their shares", () => {
    expect(poolTotal(pool)).toBe(10_000n * E18);
    expect(poolComposition(pool).map((p) => [p.key, p.bps, p.lossOrder])).toEqual([
      ["slashed", 1_000, 1],
      ["pot", 3_000, 2],
      ["fund", 6_000, 3],
      ["unclaimed", 0, null],
    ]);
    expect(poolComposition(poolFromTuple([0n, 0n, 0n, 0n, 0n])).every((p) => p.bps === 0)).toBe(true);
  });
  it("bounds a payout by the slashed stake, the capped pot and the fund", () => {
    expect(maxPayout(500n * E18, pool, 5_000)).toBe(500n * E18 + 1_500n * E18 + 6_000n * E18);
  });
  it("gives an underwriter's share of the pot", () => {
    expect(shareOfPotBps(25n, 100n)).toBe(2_500);
    expect(shareOfPotBps(1n, 0n)).toBe(0);
  });
});

describe("unstake: request, cooldown, window", () => {
  const req = { shares: 100n, readyAt: NOW + 10, expiresAt: NOW + 20 };
  it("moves from cooldown to the window to lapsed", () => {
    expect(exitPhase({ shares: 0n, readyAt: 0, expiresAt: 0 }, NOW)).toEqual({ name: "none" });
    expect(exitPhase(req, NOW).name).toBe("cooling");
    expect(exitPhase(req, NOW + 10).name).toBe("window");
    expect(exitPhase(req, NOW + 19).name).toBe("window");
    expect(exitPhase(req, NOW + 20)).toEqual({ name: "lapsed", shares: 100n, expiresAt: NOW + 20 });
  });
  it("allows a withdrawal only inside the window and nothing while frozen (cancel stays possible)", () => {
    expect(exitActions(exitPhase(req, NOW + 10), open, 100n)).toMatchObject({
      canWithdraw: true,
      canRequest: true,
      reason: null,
    });
    expect(exitActions(exitPhase(req, NOW), open, 100n)).toMatchObject({
      canWithdraw: false,
      reason: expect.stringContaining("cooldown"),
    });
    expect(exitActions(exitPhase(req, NOW + 30), open, 100n).reason).toContain("request the unstake again");
    const frozen = exitActions(exitPhase(req, NOW + 10), { isFrozen: true, until: NOW + 99 }, 100n);
    expect(frozen).toMatchObject({ canWithdraw: false, canRequest: false, canCancel: true });
    expect(frozen.reason).toContain("frozen while a payout claim is open");
    expect(exitActions({ name: "none" }, open, 0n).reason).toBe("Underwrite first: you hold no shares.");
  });
  it("turns a DMC amount into the shares worth at most it", () => {
    expect(sharesForAmount(50n * E18, 1_000n, 100n * E18)).toBe(500n);
    expect(sharesForAmount(1n, 3n, 10n)).toBe(0n);
    expect(sharesForAmount(500n * E18, 1_000n, 100n * E18)).toBe(1_000n);
    expect(sharesForAmount(1n, 1n, 0n)).toBe(0n);
  });
});

describe("payouts on positions", () => {
  const payout: PayoutRecord = {
    perUnit: 3n * E18,
    claimed: 0n,
    offeringId: 3,
    claimDeadline: NOW + 1_000,
    total: 300n * E18,
    units: 100,
  };
  const pos = (tokenId: string, over: object = {}) => ({
    tokenId,
    units: 10n,
    refundToLocker: false,
    claimable: 30n * E18,
    claimed: false,
    ...over,
  });
  it("pays perUnit x units", () => {
    expect(payoutOf(payout, 10n)).toBe(30n * E18);
    expect(isExecuted(payout)).toBe(true);
    expect(isExecuted({ ...payout, perUnit: 0n })).toBe(false);
  });
  it("tells claimable, claimed, pledged and expired apart", () => {
    expect(standingOfPosition(payout, pos("2"), NOW)).toBe("claimable");
    expect(standingOfPosition(payout, pos("2", { claimed: true, claimable: 0n }), NOW)).toBe("claimed");
    expect(standingOfPosition(payout, pos("2", { refundToLocker: true }), NOW)).toBe("pledged");
    expect(standingOfPosition(payout, pos("2"), NOW + 1_000)).toBe("expired");
    expect(standingOfPosition(payout, pos("2", { claimable: undefined }), NOW)).toBe("checking");
  });
  it("claims only the owner's unpledged positions, in one call", () => {
    const r = payoutLines(
      payout,
      [
        pos("2"),
        pos("5", { refundToLocker: true }),
        pos("9", { claimed: true, claimable: 0n }),
        pos("11", { units: 4n, claimable: 12n * E18 }),
      ],
      NOW,
    );
    expect(r.claimIds).toEqual([2n, 11n]);
    expect(r.claimTotal).toBe(42n * E18);
    expect(r.lines.map((l) => l.standing)).toEqual(["claimable", "pledged", "claimed", "claimable"]);
    expect(r.lines[2]?.amount).toBe(30n * E18);
  });
  it("names the claim states", () => {
    expect(claimStatusName(1)).toBe("Open");
    expect(claimStatusName(2)).toBe("Executed");
    expect(claimStatusName(9)).toBe("None");
  });
});
