import { zeroAddress } from "viem";
import { describe, expect, it } from "vitest";

import { contractAddress } from "~/lib/deployed";
import { commissionRow, referralCommission, unfunded } from "~/lib/nodes/commission";
import {
  durationText,
  kindName,
  lightRegistrationBlocker,
  nodePhase,
  stakeStep,
  type NodeRecord,
} from "~/lib/nodes/node";
import { parseReferrer, referralLink, referrerArg, standingOf, standingText } from "~/lib/nodes/referral";

const NODE = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" as const;
const BUYER = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC" as const;
const E18 = 10n ** 18n;

const record = (over: Partial<NodeRecord> = {}): NodeRecord => ({
  kind: 1,
  exitReadyAt: 0,
  cooldown: 14 * 86_400,
  referrals: 0n,
  stake: 20_000n * E18,
  mainNode: zeroAddress,
  recruits: 0,
  ...over,
});

describe("referral links", () => {
  it("accepts an address in any case and checksums it", () => {
    expect(parseReferrer(NODE.toLowerCase())).toEqual({ ok: true, address: NODE });
    expect(parseReferrer(`  ${NODE}  `)).toEqual({ ok: true, address: NODE });
  });
  it("refuses what is not a referrer, saying why", () => {
    expect(parseReferrer(null)).toEqual({ ok: false, error: "No referrer in the link." });
    expect(parseReferrer("0x1234")).toMatchObject({ ok: false, error: expect.stringContaining("is not an address") });
    expect(parseReferrer(`${NODE}00`)).toMatchObject({ ok: false });
    expect(parseReferrer(zeroAddress)).toEqual({ ok: false, error: "The zero address refers nobody." });
  });
  it("builds the marketplace and the offering links", () => {
    expect(referralLink("http://127.0.0.1:3000/", NODE)).toBe(`http://127.0.0.1:3000/?ref=${NODE}`);
    expect(referralLink("https://dmex.app", NODE, 6)).toBe(`https://dmex.app/offerings/6?ref=${NODE}`);
  });
  it("never sends the buyer as its own referrer, and zero without a referrer", () => {
    expect(referrerArg(null, BUYER)).toBe(zeroAddress);
    expect(referrerArg(BUYER, BUYER.toLowerCase() as `0x${string}`)).toBe(zeroAddress);
    expect(referrerArg(NODE, BUYER)).toBe(NODE);
    expect(referrerArg(NODE, undefined)).toBe(NODE);
  });
  it("says what the referrer earns", () => {
    expect(standingOf(NODE, BUYER, true)).toBe("live-node");
    expect(standingOf(NODE, BUYER, false)).toBe("not-a-node");
    expect(standingOf(NODE, BUYER, undefined)).toBe("checking");
    expect(standingOf(BUYER, BUYER, true)).toBe("self");
    expect(standingText("live-node", 500, 2000)).toContain("it earns 20% of the 5% fee");
    expect(standingText("not-a-node")).toContain("without a commission");
  });
});

describe("a node's phase", () => {
  it("follows registration, exit and the cooldown", () => {
    expect(nodePhase(record({ kind: 0 }), 100)).toEqual({ name: "none" });
    expect(nodePhase(record(), 100)).toEqual({ name: "live", kind: "Main" });
    expect(nodePhase(record({ kind: 2, exitReadyAt: 1_000 }), 400)).toEqual({
      name: "cooling",
      kind: "Light",
      readyAt: 1_000,
      secondsLeft: 600,
    });
    expect(nodePhase(record({ exitReadyAt: 1_000 }), 1_000)).toEqual({
      name: "withdrawable",
      kind: "Main",
      readyAt: 1_000,
    });
    expect(kindName(7)).toBe("None");
  });
  it("needs the DMC, then the allowance, then the call", () => {
    const stake = 2_000n * E18;
    expect(stakeStep(stake, stake - 1n, 0n)).toEqual({ step: "short", missing: 1n });
    expect(stakeStep(stake, stake, stake - 1n)).toEqual({ step: "approve", amount: stake });
    expect(stakeStep(stake, stake, stake)).toEqual({ step: "register" });
  });
  it("explains why a light node cannot register yet", () => {
    const base = { mainNode: NODE, self: BUYER, mainIsLiveMain: true, invited: true, mainRecruits: 1, maxRecruits: 50 };
    expect(lightRegistrationBlocker(base)).toBeNull();
    expect(lightRegistrationBlocker({ ...base, mainNode: BUYER })).toBe("A node cannot register under itself.");
    expect(lightRegistrationBlocker({ ...base, mainIsLiveMain: false })).toBe("That address runs no live main node.");
    expect(lightRegistrationBlocker({ ...base, invited: false })).toContain("has not invited you yet");
    expect(lightRegistrationBlocker({ ...base, mainRecruits: 50 })).toBe(
      "That main node already has its 50 light nodes.",
    );
  });
  it("writes durations coarsely", () => {
    expect(durationText(14 * 86_400)).toBe("14 days");
    expect(durationText(86_400 + 4 * 3_600 + 59)).toBe("1 day 4 h");
    expect(durationText(2 * 3_600 + 5 * 60)).toBe("2 h 5 min");
    expect(durationText(45)).toBe("45 s");
    expect(durationText(-3)).toBe("0 s");
  });
});

describe("commission", () => {
  it("caps the claimable at what is owed and shows what waits for funding", () => {
    expect(commissionRow({ earned: 1_000n, claimed: 200n }, 500n)).toEqual({
      earned: 1_000n,
      claimed: 200n,
      owed: 800n,
      claimable: 500n,
      awaitingFunds: 300n,
    });
    expect(commissionRow({ earned: 1_000n, claimed: 200n }, 5_000n).claimable).toBe(800n);
    expect(unfunded({ recorded: 900n, funded: 400n, paid: 100n })).toBe(500n);
    expect(unfunded({ recorded: 400n, funded: 400n, paid: 400n })).toBe(0n);
  });
  it("splits a light node's commission as PromotionNodes.recordReferral does (down, the remainder to the light node)", () => {
    // 20% of a 5 USDT fee = 1 USDT; 30% of it to the main node.
    expect(referralCommission(5_000_000n, 2_000, 3_000, true)).toEqual({
      commission: 1_000_000n,
      toNode: 700_000n,
      toMain: 300_000n,
    });
    expect(referralCommission(5_000_000n, 2_000, 3_000, false)).toEqual({
      commission: 1_000_000n,
      toNode: 1_000_000n,
      toMain: 0n,
    });
    expect(referralCommission(33n, 2_000, 3_000, true)).toEqual({ commission: 6n, toNode: 5n, toMain: 1n });
  });
});

describe("deployment lookup", () => {
  it("finds a contract by name, checksummed, or null", () => {
    const contracts = { [NODE.toLowerCase()]: "PromotionNodes" };
    expect(contractAddress(contracts, "PromotionNodes")).toBe(NODE);
    expect(contractAddress(contracts, "MutualInsurance")).toBeNull();
  });
});
