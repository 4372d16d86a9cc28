import { abis } from "@dmex/deployments";
import { describe, expect, it } from "vitest";
import { encodeFunctionData, zeroAddress, type Address } from "viem";

import {
  applicationStep,
  executionLeadSeconds,
  parseUtcDateTime,
  parseUtcDay,
  SUBMIT_MARGIN_SECONDS,
  utcDateTimeText,
  validateApplication,
  type ApplicationForm,
  type ApplicationRules,
} from "~/lib/dao/application";
import { bpsPercent, describeAction, roleHash, type ActionContext } from "~/lib/dao/actions";
import {
  availableActions,
  deriveProposalState,
  formatDuration,
  groupByState,
  nextMilestone,
  titleOf,
  voteBreakdown,
  type ProposalTally,
} from "~/lib/dao/governance";

const M = 10n ** 18n * 1_000_000n;
const base: ProposalTally = {
  voteStart: 1_000n,
  voteEnd: 1_600n,
  extendedVoteEnd: null,
  quorum: 4n * M,
  forVotes: 0n,
  againstVotes: 0n,
  abstainVotes: 0n,
  indexedState: "Pending",
  eta: null,
};

describe("proposal state (OpenZeppelin 5.0 Governor.state)", () => {
  it("is Pending up to and including the snapshot, Active up to and including the deadline", () => {
    expect(deriveProposalState(base, 999n)).toBe("Pending");
    expect(deriveProposalState(base, 1_000n)).toBe("Pending");
    expect(deriveProposalState(base, 1_001n)).toBe("Active");
    expect(deriveProposalState(base, 1_600n)).toBe("Active");
  });
  it("follows a late-quorum extension", () => {
    expect(deriveProposalState({ ...base, extendedVoteEnd: 2_000n }, 1_800n)).toBe("Active");
  });
  it("is Defeated without quorum or majority, Succeeded with both; abstain counts towards quorum only", () => {
    expect(deriveProposalState({ ...base, forVotes: 3n * M }, 1_601n)).toBe("Defeated");
    expect(deriveProposalState({ ...base, forVotes: 3n * M, abstainVotes: M }, 1_601n)).toBe("Succeeded");
    expect(deriveProposalState({ ...base, forVotes: 4n * M, againstVotes: 4n * M }, 1_601n)).toBe("Defeated");
    expect(deriveProposalState({ ...base, forVotes: 4n * M + 1n, againstVotes: 4n * M }, 1_601n)).toBe("Succeeded");
  });
  it("takes Queued, Executed and Canceled from the index", () => {
    const passed = { ...base, forVotes: 5n * M };
    expect(deriveProposalState({ ...passed, indexedState: "Queued", eta: 1_700n }, 1_650n)).toBe("Queued");
    expect(deriveProposalState({ ...passed, indexedState: "Executed", eta: 1_700n }, 1_800n)).toBe("Executed");
    expect(deriveProposalState({ ...base, indexedState: "Canceled" }, 1_100n)).toBe("Canceled");
  });
  it("offers queue when succeeded and execute only once the eta has passed", () => {
    expect(availableActions("Succeeded", null, 10n)).toMatchObject({ queue: true, execute: false });
    expect(availableActions("Queued", 100n, 99n)).toMatchObject({ execute: false, waitingForEta: true });
    expect(availableActions("Queued", 100n, 100n)).toMatchObject({ execute: true, waitingForEta: false });
    expect(availableActions("Active", null, 10n).vote).toBe(true);
  });
  it("counts down to the next milestone", () => {
    expect(nextMilestone(base, "Pending")).toEqual({ label: "Voting opens", at: 1_001n });
    expect(nextMilestone(base, "Active")).toEqual({ label: "Voting closes", at: 1_601n });
    expect(nextMilestone({ ...base, eta: 1_700n }, "Queued")).toEqual({ label: "Executable", at: 1_700n });
    expect(formatDuration(0)).toBe("now");
    expect(formatDuration(65)).toBe("1 min 05 s");
    expect(formatDuration(600)).toBe("10 min");
    expect(formatDuration(3 * 86_400 + 7_200)).toBe("3 d 2 h");
  });
  it("breaks votes down with quorum progress", () => {
    const b = voteBreakdown({ quorum: 4n * M, forVotes: 3n * M, againstVotes: M, abstainVotes: 0n });
    expect(b).toMatchObject({
      total: 4n * M,
      forShare: 0.75,
      againstShare: 0.25,
      quorumProgress: 0.75,
      quorumReached: false,
    });
    expect(voteBreakdown({ quorum: 4n * M, forVotes: 9n * M, againstVotes: 0n, abstainVotes: 0n }).quorumProgress).toBe(
      1,
    );
  });
  it("groups by state in display order and titles from the description", () => {
    const g = groupByState(["Executed", "Active", "Defeated", "Pending"] as const, (s) => s);
    expect(g.map((x) => x.title)).toEqual(["Voting now", "Waiting for the vote to open", "Closed"]);
    expect(titleOf("\n# Set trading fee\n\nbody")).toBe("Set trading fee");
  });
});

const A = (n: number) => `0x${n.toString(16).padStart(40, "0")}` as Address;
const ctx: ActionContext = {
  contracts: {
    [A(1).toLowerCase()]: "HashpowerExchange",
    [A(2).toLowerCase()]: "MinerApplications",
    [A(3).toLowerCase()]: "ProtocolParameters",
    [A(4).toLowerCase()]: "DmexTimelock",
    [A(5).toLowerCase()]: "CouncilSafe",
    [A(6).toLowerCase()]: "DmexGovernor",
    [A(10).toLowerCase()]: "AssetRegistry",
  },
  tokens: { [A(7).toLowerCase()]: { symbol: "USDT", decimals: 6 } },
  applications: new Map([
    [
      "4",
      {
        id: "4",
        minerName: "Miner X",
        assetSymbol: "FIL",
        unitLabel: "TiB",
        unitsTotal: 500n,
        pricePerUnit: 38_000_000n,
        paymentToken: A(7),
        termStartDay: 20_000,
        termEndDay: 20_540,
      },
    ],
  ]),
  offerings: new Map([["3", "Quickfil"]]),
};

describe("proposal actions in plain language", () => {
  it("describes an application approval from its terms", () => {
    const data = encodeFunctionData({ abi: abis.MinerApplications, functionName: "approve", args: [4n] });
    expect(describeAction({ target: A(2), value: 0n, calldata: data }, ctx).text).toBe(
      "Approve FIL offering: 500 TiB at 38 USDT/TiB for 540 days by Miner X",
    );
  });
  it("groups thousands of units", () => {
    const data = encodeFunctionData({ abi: abis.MinerApplications, functionName: "approve", args: [4n] });
    const big = new Map([["4", { ...ctx.applications!.get("4")!, unitsTotal: 15_000n, pricePerUnit: 360_000n }]]);
    expect(describeAction({ target: A(2), value: 0n, calldata: data }, { ...ctx, applications: big }).text).toBe(
      "Approve FIL offering: 15,000 TiB at 0.36 USDT/TiB for 540 days by Miner X",
    );
  });
  it("describes halts, fees and hand-over steps", () => {
    const halt = encodeFunctionData({ abi: abis.HashpowerExchange, functionName: "halt", args: [3n] });
    expect(describeAction({ target: A(1), value: 0n, calldata: halt }, ctx).text).toMatch(
      /^Halt offering #3 \(Quickfil\)/,
    );
    const fee = encodeFunctionData({ abi: abis.ProtocolParameters, functionName: "setTradingFee", args: [150] });
    expect(describeAction({ target: A(3), value: 0n, calldata: fee }, ctx).text).toBe("Set trading fee to 1.5%");
    const revoke = encodeFunctionData({
      abi: abis.DmexTimelock,
      functionName: "revokeRole",
      args: [roleHash("PROPOSER_ROLE"), A(5)],
    });
    expect(describeAction({ target: A(4), value: 0n, calldata: revoke }, ctx).text).toBe(
      "Revoke the proposer power on the timelock from the council",
    );
    const guardian = encodeFunctionData({
      abi: abis.DmexGovernor,
      functionName: "setProposalGuardian",
      args: [zeroAddress],
    });
    expect(describeAction({ target: A(6), value: 0n, calldata: guardian }, ctx).text).toMatch(
      /^Remove the proposal guardian/,
    );
    const swap = encodeFunctionData({ abi: abis.SafeL2, functionName: "swapOwner", args: [A(1), A(8), A(9)] });
    expect(describeAction({ target: A(5), value: 0n, calldata: swap }, ctx).text).toMatch(
      /^Replace council member 0x0000…0008 with 0x0000…0009/,
    );
  });
  it("words the buyer-protection thresholds and token listings", () => {
    const thresholds = encodeFunctionData({
      abi: abis.HashpowerExchange,
      functionName: "setDefaultThresholds",
      args: [
        { missedDaysThreshold: 5, windowDays: 8, minRewardRatioBps: 7500, minCoverageBps: 4000, postTermFlagDays: 14 },
      ],
    });
    expect(describeAction({ target: A(1), value: 0n, calldata: thresholds }, ctx).text).toBe(
      "Set the buyer-protection thresholds: flag after 5 days without a deposit (also the end-of-term holdback of new offerings) or when the last 8 judged days average under 75% of the market; refuse deposits under 40% of the market; flags allowed until 14 days after a term ends",
    );
    const list = encodeFunctionData({
      abi: abis.HashpowerExchange,
      functionName: "setPaymentToken",
      args: [A(7), true],
    });
    expect(describeAction({ target: A(1), value: 0n, calldata: list }, ctx).text).toBe(
      "List USDT as a payment token for new offerings",
    );
    const delist = encodeFunctionData({
      abi: abis.HashpowerExchange,
      functionName: "setPaymentToken",
      args: [A(8), false],
    });
    expect(describeAction({ target: A(1), value: 0n, calldata: delist }, ctx).text).toMatch(
      /^Delist 0x0000…0008 as a payment token \(new offerings can no longer use it; live ones keep it\)$/,
    );
    // Assets and their reward tokens are the asset registry's (A(10)), no longer the exchange's.
    const reward = encodeFunctionData({
      abi: abis.AssetRegistry,
      functionName: "setRewardToken",
      args: [1, A(7), true],
    });
    expect(
      describeAction({ target: A(10), value: 0n, calldata: reward }, { ...ctx, assets: new Map([["1", "FIL"]]) }).text,
    ).toBe("List USDT as a reward token of FIL (asset #1) offerings");
    expect(describeAction({ target: A(10), value: 0n, calldata: reward }, ctx)).toMatchObject({
      contract: "AssetRegistry",
      functionName: "setRewardToken",
      text: "List USDT as a reward token of asset #1 offerings",
    });
    const asset = encodeFunctionData({ abi: abis.AssetRegistry, functionName: "registerAsset", args: ["BTC", "TH/s"] });
    expect(describeAction({ target: A(10), value: 0n, calldata: asset }, ctx).text).toBe(
      "Register the hashpower asset BTC, sold per TH/s",
    );
    // The same calldata sent to the exchange matches no function there.
    expect(describeAction({ target: A(1), value: 0n, calldata: asset }, ctx).functionName).toBeNull();
  });

  it("falls back to the raw call for unknown targets", () => {
    expect(describeAction({ target: A(99), value: 0n, calldata: "0x12345678" }, ctx)).toMatchObject({
      contract: null,
      text: "Call 0x12345678 on 0x0000…0063",
    });
    expect(bpsPercent(500)).toBe("5%");
    expect(bpsPercent(125)).toBe("1.25%");
  });
});

const NOW = parseUtcDateTime("2026-11-22T06:00") as number;
const rules: ApplicationRules = {
  now: NOW,
  governanceSeconds: 720,
  paymentToken: { address: A(7), decimals: 6, symbol: "USDT" },
  assets: [
    { id: 1, symbol: "FIL", unitLabel: "TiB", rewardToken: { address: A(8), decimals: 18, symbol: "IFIL" } },
    { id: 2, symbol: "BTC", unitLabel: "TH/s", rewardToken: { address: A(9), decimals: 8, symbol: "WBTC" } },
  ],
};
const form: ApplicationForm = {
  assetId: "1",
  units: "500",
  price: "38",
  saleStart: "2026-11-22T06:00",
  saleEnd: "2026-12-01T00:00",
  termStart: "2026-12-02",
  termEnd: "2028-05-25",
  expectedDailyReward: "0.00045",
  totalHashpower: "1000",
  effectiveHashpower: "900",
  minerName: "Miner X",
  disclosureURI: "https://minerx.example/disclosure.json",
};

describe("miner application form", () => {
  it("turns valid input into the contract's terms", () => {
    const v = validateApplication(form, rules);
    expect(v.ok).toBe(true);
    expect(v.terms).toMatchObject({
      assetId: 1,
      paymentToken: A(7),
      rewardToken: A(8),
      unitsTotal: 500n,
      pricePerUnit: 38_000_000n,
      termStartDay: parseUtcDay("2026-12-02"),
      expectedDailyRewardPerUnitWad: 450_000_000_000_000n * 10n ** 18n,
    });
  });
  it("rejects too many decimals for the payment and the reward token", () => {
    expect(validateApplication({ ...form, price: "38.0000001" }, rules).errors.price).toBe(
      "At most 6 decimal places for this token.",
    );
    expect(
      validateApplication({ ...form, assetId: "2", expectedDailyReward: "0.000000001" }, rules).errors
        .expectedDailyReward,
    ).toBe("At most 8 decimal places for this token.");
  });
  it("enforces units <= effective <= total", () => {
    expect(validateApplication({ ...form, effectiveHashpower: "1001" }, rules).errors.effectiveHashpower).toMatch(
      /cannot exceed the total/,
    );
    expect(validateApplication({ ...form, units: "901" }, rules).errors.units).toMatch(
      /cannot exceed the effective hashpower \(900\)/,
    );
    expect(validateApplication({ ...form, units: "1.5" }, rules).errors.units).toMatch(/whole number/);
  });
  it("checks the windows as the contract does", () => {
    expect(validateApplication({ ...form, saleEnd: "2026-11-22T06:10" }, rules).errors.saleEnd).toMatch(
      /still be open when the vote can execute/,
    );
    // SaleEndsBeforeExecution: proposalDeadline + late-quorum extension + 1 s + timelock delay, plus a minute for the transaction.
    const lead = executionLeadSeconds({
      votingDelay: "60",
      votingPeriod: "600",
      lateQuorumExtension: "120",
      timelockDelay: "60",
    });
    expect(lead).toBe(841);
    const timing = { ...rules, governanceSeconds: lead };
    const at = (s: number) => utcDateTimeText(s);
    const edge = NOW + lead + SUBMIT_MARGIN_SECONDS; // 06:15:01; the form is minute-granular, so 06:16 is the first closing time that passes
    expect(validateApplication({ ...form, saleEnd: at(edge - 1) }, timing).errors.saleEnd).toBe(
      "The sale must still be open when the vote can execute at the earliest: after the voting delay and period, a possible late-quorum extension and the timelock delay, so close it at 2026-11-22T06:16 UTC or later.",
    );
    expect(validateApplication({ ...form, saleEnd: at(edge + 59) }, timing).errors.saleEnd).toBeUndefined();
    expect(validateApplication({ ...form, saleEnd: "2026-11-22T05:00" }, rules).errors.saleEnd).toMatch(
      /close after it opens/,
    );
    expect(validateApplication({ ...form, termEnd: "2026-12-01" }, rules).errors.termEnd).toMatch(
      /end after it starts/,
    );
    expect(validateApplication({ ...form, saleEnd: "2026-12-02T00:01" }, rules).errors.saleEnd).toBe(
      "The sale must close by the time the term starts (2026-12-02T00:00 UTC), so every buyer pays for the whole term.",
    );
    expect(validateApplication({ ...form, saleEnd: "2026-12-02T00:00" }, rules).ok).toBe(true);
  });
  it("requires a name and a disclosure URI", () => {
    const v = validateApplication({ ...form, minerName: " ", disclosureURI: "minerx" }, rules);
    expect(v.ok).toBe(false);
    expect(Object.keys(v.errors).sort()).toEqual(["disclosureURI", "minerName"]);
  });
  it("maps the proposal to the application's progress", () => {
    expect(applicationStep("Active", null)).toEqual({ reached: 1, failed: null });
    expect(applicationStep("Defeated", null)).toEqual({ reached: 1, failed: "Defeated" });
    expect(applicationStep("Executed", "6")).toEqual({ reached: 5, failed: null });
  });
});

import { delegationStatus, parseDelegatee } from "~/lib/dao/delegation";
import { councilChangeText, powerMismatches } from "~/lib/dao/council";

describe("delegation", () => {
  const me = "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f";
  it("detects a balance that counts for nobody", () => {
    expect(delegationStatus(me, 5n, zeroAddress, 0n)).toBe("undelegated");
    expect(delegationStatus(me, 0n, zeroAddress, 0n)).toBe("no-balance");
    expect(delegationStatus(me, 5n, me.toLowerCase(), 5n)).toBe("self");
    expect(delegationStatus(me, 5n, me, 0n)).toBe("undelegated");
    expect(delegationStatus(me, 5n, A(9), 0n)).toBe("other");
  });
  it("validates a delegate address, checksum included", () => {
    expect(parseDelegatee(me)).toEqual({ ok: true, value: me });
    expect(parseDelegatee(me.toLowerCase()).ok).toBe(true);
    expect(parseDelegatee("0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8F")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/checksum/),
    });
    expect(parseDelegatee("0x1234")).toMatchObject({ ok: false, error: expect.stringMatching(/40 hexadecimal/) });
    expect(parseDelegatee(zeroAddress)).toMatchObject({ ok: false });
    expect(parseDelegatee(" ")).toMatchObject({ ok: false, error: "Enter an address." });
  });
});

describe("council", () => {
  it("finds powers the index and the chain disagree on", () => {
    const chain = {
      "PROPOSER_ROLE@timelock": true,
      "CANCELLER_ROLE@timelock": true,
      "HALT_GUARDIAN_ROLE@exchange": false,
      proposalGuardian: true,
    } as const;
    expect(
      powerMismatches(
        ["PROPOSER_ROLE@timelock", "CANCELLER_ROLE@timelock", "HALT_GUARDIAN_ROLE@exchange", "proposalGuardian"],
        chain,
      ),
    ).toEqual(["HALT_GUARDIAN_ROLE@exchange"]);
    expect(powerMismatches(["PROPOSER_ROLE@timelock", "CANCELLER_ROLE@timelock", "proposalGuardian"], chain)).toEqual(
      [],
    );
  });
  it("words the history", () => {
    expect(councilChangeText("PowerRevoked", A(1), null, "HALT_GUARDIAN_ROLE@exchange", (a) => a.slice(0, 6))).toBe(
      "Power revoked: halt guardian on the exchange",
    );
    expect(councilChangeText("Setup", null, 4, null, (a) => a)).toBe("Council created (threshold 4)");
  });
});

import { isProtectedProposal } from "~/lib/dao/protected";
import { encodeAbiParameters, concat, keccak256 as k256, toHex as hex } from "viem";

/** The cases of the contracts' Governance.t.sol test_protectedActions, on the same rules. */
describe("protected proposals (DmexGovernor.isProtected)", () => {
  const council = A(5);
  const governor = A(6);
  const SENTINEL = A(1);
  const anyRole = k256(hex("ANY_ROLE"));
  const revokeCouncil = encodeFunctionData({
    abi: abis.DmexTimelock,
    functionName: "revokeRole",
    args: [anyRole, council],
  });
  const swap = encodeFunctionData({ abi: abis.SafeL2, functionName: "swapOwner", args: [SENTINEL, A(20), A(21)] });
  const moduleCall = (to: Address, value: bigint, data: `0x${string}`, operation: number) =>
    encodeFunctionData({
      abi: abis.SafeL2,
      functionName: "execTransactionFromModule",
      args: [to, value, data, operation],
    });
  const one = (target: Address, calldata: `0x${string}`, value = 0n) =>
    isProtectedProposal([{ target, value, calldata }], council, governor);

  it("protects the removal of the guardian's powers, a guardian change and member changes through the module", () => {
    expect(one(A(4), revokeCouncil)).toBe(true); // the timelock
    expect(one(A(1), revokeCouncil)).toBe(true); // the exchange
    expect(one(A(42), revokeCouncil)).toBe(true); // any future contract
    expect(
      one(
        governor,
        encodeFunctionData({ abi: abis.DmexGovernor, functionName: "setProposalGuardian", args: [zeroAddress] }),
      ),
    ).toBe(true);
    expect(
      one(governor, encodeFunctionData({ abi: abis.DmexGovernor, functionName: "setProposalGuardian", args: [A(30)] })),
    ).toBe(true);
    expect(one(council, moduleCall(council, 0n, swap, 0))).toBe(true);
    expect(
      one(
        council,
        moduleCall(
          council,
          0n,
          encodeFunctionData({ abi: abis.SafeL2, functionName: "addOwnerWithThreshold", args: [A(30), 4n] }),
          0,
        ),
      ),
    ).toBe(true);
    expect(
      one(
        council,
        moduleCall(
          council,
          0n,
          encodeFunctionData({ abi: abis.SafeL2, functionName: "removeOwner", args: [SENTINEL, A(20), 4n] }),
          0,
        ),
      ),
    ).toBe(true);
    expect(
      one(
        council,
        moduleCall(
          council,
          0n,
          encodeFunctionData({ abi: abis.SafeL2, functionName: "changeThreshold", args: [5n] }),
          0,
        ),
      ),
    ).toBe(true);
    // The omnibus hand-over's protected steps together (checksummed addresses compare as addresses).
    const handOver = [
      {
        target: governor,
        value: 0n,
        calldata: encodeFunctionData({
          abi: abis.DmexGovernor,
          functionName: "setProposalGuardian",
          args: [zeroAddress],
        }),
      },
      {
        target: A(4),
        value: 0n,
        calldata: encodeFunctionData({
          abi: abis.DmexTimelock,
          functionName: "revokeRole",
          args: [roleHash("PROPOSER_ROLE"), council],
        }),
      },
      {
        target: A(1),
        value: 0n,
        calldata: encodeFunctionData({
          abi: abis.HashpowerExchange,
          functionName: "revokeRole",
          args: [roleHash("HALT_GUARDIAN_ROLE"), council],
        }),
      },
    ];
    expect(isProtectedProposal(handOver, council.toUpperCase().replace("0X", "0x"), governor)).toBe(true);
  });

  it("leaves anything else cancellable, including a protected call with value or another shape", () => {
    expect(
      one(A(4), encodeFunctionData({ abi: abis.DmexTimelock, functionName: "revokeRole", args: [anyRole, governor] })),
    ).toBe(false);
    expect(one(A(4), revokeCouncil, 1n)).toBe(false);
    expect(one(A(4), concat([revokeCouncil, encodeAbiParameters([{ type: "uint256" }], [0n])]))).toBe(false);
    expect(
      one(
        A(1),
        encodeFunctionData({ abi: abis.HashpowerExchange, functionName: "grantRole", args: [anyRole, council] }),
      ),
    ).toBe(false);
    expect(
      one(
        A(1),
        encodeFunctionData({ abi: abis.HashpowerExchange, functionName: "renounceRole", args: [anyRole, A(4)] }),
      ),
    ).toBe(false);
    expect(
      one(
        A(43),
        encodeFunctionData({ abi: abis.DmexGovernor, functionName: "setProposalGuardian", args: [zeroAddress] }),
      ),
    ).toBe(false);
    expect(
      one(governor, encodeFunctionData({ abi: abis.DmexGovernor, functionName: "setVotingPeriod", args: [1] })),
    ).toBe(false);
    expect(
      one(governor, encodeFunctionData({ abi: abis.DmexGovernor, functionName: "setApplications", args: [A(30)] })),
    ).toBe(false);
    expect(one(A(4), encodeFunctionData({ abi: abis.DmexTimelock, functionName: "updateDelay", args: [0n] }))).toBe(
      false,
    );
    expect(
      one(
        council,
        moduleCall(
          A(10),
          0n,
          encodeFunctionData({ abi: abis.DMCToken, functionName: "transfer", args: [A(30), 1n] }),
          0,
        ),
      ),
    ).toBe(false);
    expect(one(council, moduleCall(council, 0n, swap, 1))).toBe(false); // delegatecall
    expect(one(council, moduleCall(council, 1n, swap, 0))).toBe(false); // inner value
    expect(one(council, moduleCall(council, 0n, swap, 0), 1n)).toBe(false);
    expect(
      one(
        council,
        moduleCall(
          council,
          0n,
          encodeFunctionData({ abi: abis.SafeL2, functionName: "disableModule", args: [SENTINEL, A(4)] }),
          0,
        ),
      ),
    ).toBe(false);
    expect(one(council, moduleCall(council, 0n, "0x", 0))).toBe(false);
    expect(one(A(44), moduleCall(council, 0n, swap, 0))).toBe(false); // another Safe
    expect(one(A(10), "0xa9")).toBe(false);
    expect(isProtectedProposal([], council, governor)).toBe(false);
    // Every action, not any: a treasury transfer riding along with a revoke stays cancellable.
    const transfer = encodeFunctionData({
      abi: abis.DMCToken,
      functionName: "transfer",
      args: [A(30), 20_000_000n * 10n ** 18n],
    });
    expect(
      isProtectedProposal(
        [
          { target: A(1), value: 0n, calldata: revokeCouncil },
          { target: A(10), value: 0n, calldata: transfer },
        ],
        council,
        governor,
      ),
    ).toBe(false);
  });

  it("follows the guardian: once another guardian is named, the old council's removal is cancellable", () => {
    const halt = encodeFunctionData({
      abi: abis.HashpowerExchange,
      functionName: "revokeRole",
      args: [roleHash("HALT_GUARDIAN_ROLE"), council],
    });
    expect(isProtectedProposal([{ target: A(1), value: 0n, calldata: halt }], A(31), governor)).toBe(false);
    expect(isProtectedProposal([{ target: A(1), value: 0n, calldata: halt }], council, governor)).toBe(true);
  });
});

import { pendingOperationState } from "~/lib/dao/council";

describe("the council's timelock operations", () => {
  it("are orphaned once the scheduler's proposer epoch moved past theirs, else waiting until readyAt, then ready", () => {
    const op = { schedulerEpoch: 0, readyAt: "1000" };
    expect(pendingOperationState(op, 0, 999)).toBe("Waiting");
    expect(pendingOperationState(op, 0, 1000)).toBe("Ready");
    expect(pendingOperationState(op, 1, 500)).toBe("Orphaned");
    expect(pendingOperationState(op, 1, 5000)).toBe("Orphaned");
    // Scheduled again after a new grant: alive in the new epoch.
    expect(pendingOperationState({ schedulerEpoch: 1, readyAt: 2000n }, 1, 2000n)).toBe("Ready");
  });
});
