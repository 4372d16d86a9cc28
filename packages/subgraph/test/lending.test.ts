// Lending mappings (issue 12) on graph-host: the real compiled WASM indexes test/mapping/lending-scenario.ts
// (the real PositionLoans on the real exchange) and the entities the web reads are compared with the
// contract's own views at the blocks that changed them (GraphQL time travel) and with its logs: offers
// (tuple event params decoded), requests, loans and their interest state (the debt a client computes from
// the indexed fields equals debtOf), repayments (partial, self-repayment, payoffs inside refinancings),
// refinancings, a reused position loan id, a foreclosure, a token loan, credits, the day totals, governance,
// and odd events that must not stop the indexer.
import type { Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type Anvil, clients, startAnvil } from "./mapping/chain";
import { buildFor, gql, loadGraphHost, type RunningHost, startHost } from "./mapping/host";
import { IFIL, type LendingScenario, runLendingScenario, TOKEN_LOAN_BASE, USDC } from "./mapping/lending-scenario";

const graphHost = await loadGraphHost();
const missing = "missing" in graphHost ? graphHost.missing : undefined;
if (missing) console.warn(`[lending mapping tests SKIPPED] ${missing}`);

let anvil: Anvil;
let s: LendingScenario;
let host: RunningHost;
const lower = (a: string) => a.toLowerCase();
const TOKEN_LOAN = TOKEN_LOAN_BASE + 1n;
const KIND_NAMES = ["None", "Position", "Offering", "Asset", "Token"];

type IndexedLoan = {
  id: string;
  status: string;
  borrower: { id: string };
  lender: { id: string };
  originalLender: { id: string };
  principal: string;
  principalOriginal: string;
  aprBps: number;
  feeBps: number;
  minInterest: string;
  rewardPriceWad: string;
  lastAccrualTime: string;
  dueTime: string;
  graceEnd: string;
  gracePeriod: string;
  interestOwed: string;
  minInterestLeft: string;
  selfRepaying: boolean;
  repaid: string;
  interestPaid: string;
  principalPaid: string;
  rewardsApplied: string;
  collateralToken: { id: string } | null;
  collateralAmount: string;
  position: { id: string } | null;
  offer: { id: string } | null;
  request: { id: string } | null;
};
const LOAN_FIELDS = `id status borrower { id } lender { id } originalLender { id } principal principalOriginal aprBps
  feeBps minInterest rewardPriceWad lastAccrualTime dueTime graceEnd gracePeriod interestOwed minInterestLeft
  selfRepaying repaid interestPaid principalPaid rewardsApplied collateralToken { id } collateralAmount
  position { id } offer { id } request { id }`;

async function loanAt(id: string, block?: bigint): Promise<IndexedLoan> {
  const { loan } = await gql(
    host.url,
    block === undefined
      ? `query($id: ID!) { loan(id: $id) { ${LOAN_FIELDS} } }`
      : `query($id: ID!, $b: Int!) { loan(id: $id, block: {number: $b}) { ${LOAN_FIELDS} } }`,
    block === undefined ? { id } : { id, b: Number(block) },
  );
  return loan;
}

/** LoanMath.interest: ceil(principal * aprBps * elapsed / (10_000 * 365 days)). */
function interest(principal: bigint, aprBps: bigint, elapsed: bigint): bigint {
  if (principal === 0n || aprBps === 0n || elapsed <= 0n) return 0n;
  const d = 10_000n * 31_536_000n;
  return (principal * aprBps * elapsed + d - 1n) / d;
}

/** What a client computes from the indexed loan: debtOf at `now` (accrue to now, never past the due time). */
function debtAt(loan: IndexedLoan, now: bigint): bigint {
  const principal = BigInt(loan.principal);
  const due = BigInt(loan.dueTime);
  const last = BigInt(loan.lastAccrualTime);
  const until = now < due ? now : due;
  let owed = BigInt(loan.interestOwed);
  if (until > last) owed += interest(principal, BigInt(loan.aprBps), until - last);
  const minLeft = BigInt(loan.minInterestLeft);
  return principal + (owed <= 0n ? minLeft : owed > minLeft ? owed : minLeft);
}

const logsOf = (name: string) => s.logs.filter((l) => l.eventName === name);
const keyOf = (l: { transactionHash: string | null; logIndex: number | null }) => `${l.transactionHash}-${l.logIndex}`;
const dayOf = (block: bigint | null) => (s.timestamps[block!.toString()]! / 86_400n).toString();

describe.skipIf(missing !== undefined)("lending mappings on graph-host (real WASM, real PositionLoans)", () => {
  beforeAll(async () => {
    anvil = await startAnvil();
    s = await runLendingScenario(anvil.rpcUrl);
    const buildDir = buildFor({
      HashpowerExchange: { address: s.exchange, startBlock: 0n },
      AssetRegistry: { address: s.assets, startBlock: 0n },
      MarketRateOracle: { address: s.oracle, startBlock: 0n },
      PositionLoans: { address: s.loans, startBlock: s.loansBlock },
    });
    host = await startHost((graphHost as { start: any }).start, buildDir, anvil.rpcUrl);
    const { publicClient } = clients(anvil.rpcUrl);
    await host.waitForBlock(await publicClient.getBlockNumber());
  }, 240_000);

  afterAll(async () => {
    await host?.stop();
    await anvil?.stop();
  });

  it("decodes OfferMade's Terms and Collateral tuples into every offer field", async () => {
    for (const [id, sent] of Object.entries(s.offers)) {
      const { loanOffer } = await gql(
        host.url,
        `query($id: ID!) { loanOffer(id: $id) { currency { id } principal aprBps duration minInterest rewardPriceWad
          collateralKind target minUnits minDaysLeft collateralAmount position { id } offering { id } asset { id }
          collateralToken { id } } }`,
        { id },
      );
      const t = sent.terms as Record<string, bigint | number | string>;
      const c = sent.collateral as Record<string, bigint | number>;
      expect(loanOffer, `offer ${id}`).toMatchObject({
        currency: { id: lower(t.currency as string) },
        principal: t.principal!.toString(),
        aprBps: t.aprBps,
        duration: t.duration!.toString(),
        minInterest: t.minInterest!.toString(),
        rewardPriceWad: t.rewardPriceWad!.toString(),
        collateralKind: KIND_NAMES[c.kind as number],
        target: c.target!.toString(),
        minUnits: c.minUnits!.toString(),
        minDaysLeft: c.minDaysLeft,
        collateralAmount: c.amount!.toString(),
      });
    }
    const links = async (id: string) =>
      (
        await gql(
          host.url,
          `query($id: ID!) { loanOffer(id: $id) { position { id } offering { id } asset { id } collateralToken { id } } }`,
          { id },
        )
      ).loanOffer;
    expect(await links("1")).toEqual({
      position: { id: "1" },
      offering: { id: "1" },
      asset: null,
      collateralToken: null,
    });
    expect(await links("2")).toEqual({ position: null, offering: { id: "1" }, asset: null, collateralToken: null });
    expect(await links("3")).toEqual({ position: null, offering: null, asset: { id: "1" }, collateralToken: null });
    expect(await links("4")).toEqual({
      position: null,
      offering: null,
      asset: null,
      collateralToken: { id: lower(s.ifil) },
    });
  });

  it("tracks offer fills, nonce cancels through the lender's open list and cancels, as isOfferOpen says", async () => {
    const { publicClient } = clients(anvil.rpcUrl);
    const { loanOffers } = await gql(
      host.url,
      `{ loanOffers(where: { offerId_lt: 100 }, orderBy: offerId) { id status fills maxFills nonce lender { id } } }`,
    );
    expect(loanOffers.map((o: { id: string; status: string; fills: number }) => [o.id, o.status, o.fills])).toEqual([
      ["1", "Filled", 1],
      ["2", "Filled", 2],
      ["3", "Open", 1], // the rollover used it
      ["4", "Filled", 1],
      ["5", "NonceCancelled", 0],
      ["6", "NonceCancelled", 0],
      ["7", "Open", 1],
      ["8", "Cancelled", 0],
    ]);
    for (const o of loanOffers) {
      const open = await publicClient.readContract({
        address: s.loans,
        abi: s.loansAbi,
        functionName: "isOfferOpen",
        args: [BigInt(o.id)],
      });
      expect(o.status === "Open", `offer ${o.id}`).toBe(open);
    }
    const before = s.at["dave cancels all his offers"]! - 1n;
    const statusAt = async (id: string, b: bigint) =>
      (
        await gql(host.url, `query($id: ID!, $b: Int!) { loanOffer(id: $id, block: {number: $b}) { status } }`, {
          id,
          b: Number(b),
        })
      ).loanOffer.status;
    expect(await statusAt("5", before)).toBe("Open");
    expect(await statusAt("6", before)).toBe("Open");
    expect(await statusAt("6", s.at["dave cancels all his offers"]!)).toBe("NonceCancelled");
    const lender = async (a: Address) =>
      (await gql(host.url, `query($id: ID!) { loanLender(id: $id) { nonce openOffers { id } } }`, { id: lower(a) }))
        .loanLender;
    expect(await lender(s.accounts[5]!)).toEqual({ nonce: "1", openOffers: [{ id: "7" }] });
    expect(await lender(s.accounts[4]!)).toEqual({ nonce: "0", openOffers: [{ id: "3" }] });
    const nonce = await publicClient.readContract({
      address: s.loans,
      abi: s.loansAbi,
      functionName: "lenderNonce",
      args: [s.accounts[5]!],
    });
    expect(nonce).toBe(1);
  });

  it("records requests: filled (linked to its loan), cancelled, open", async () => {
    const { loanRequests } = await gql(
      host.url,
      `{ loanRequests(where: { requestId_lt: 100 }, orderBy: requestId) { id status collateralKind position { id }
        collateralToken { id } collateralAmount loan { id } borrower { id } } }`,
    );
    expect(loanRequests).toEqual([
      {
        id: "1",
        status: "Filled",
        collateralKind: "Position",
        position: { id: "3" },
        collateralToken: null,
        collateralAmount: "0",
        loan: { id: "3-1" },
        borrower: { id: lower(s.accounts[3]!) },
      },
      {
        id: "2",
        status: "Cancelled",
        collateralKind: "Token",
        position: null,
        collateralToken: { id: lower(s.ifil) },
        collateralAmount: IFIL("50").toString(),
        loan: null,
        borrower: { id: lower(s.accounts[3]!) },
      },
      {
        id: "3",
        status: "Open",
        collateralKind: "Position",
        position: { id: "4" },
        collateralToken: null,
        collateralAmount: "0",
        loan: null,
        borrower: { id: lower(s.accounts[3]!) },
      },
      {
        id: "4",
        status: "Filled",
        collateralKind: "Position",
        position: { id: "1" },
        collateralToken: null,
        collateralAmount: "0",
        loan: { id: "1-2" },
        borrower: { id: lower(s.accounts[2]!) },
      },
    ]);
  });

  it("mirrors loanOf at every step, and the debt computed from the indexed fields equals debtOf", async () => {
    const entityOf: Record<string, string> = {
      "loan 1-2 started|1": "1-2",
      [`token loan started|${TOKEN_LOAN}`]: `${TOKEN_LOAN}-1`,
    };
    expect(Object.keys(s.views).length).toBeGreaterThanOrEqual(12);
    for (const [key, view] of Object.entries(s.views)) {
      const loanId = key.split("|")[1]!;
      const id = entityOf[key] ?? `${loanId}-1`;
      const loan = await loanAt(id, view.block);
      const v = view.loan;
      expect(
        {
          borrower: loan.borrower.id,
          lender: loan.lender.id,
          principal: loan.principal,
          aprBps: loan.aprBps,
          feeBps: loan.feeBps,
          rewardPriceWad: loan.rewardPriceWad,
          lastAccrualTime: loan.lastAccrualTime,
          dueTime: loan.dueTime,
          graceEnd: loan.graceEnd,
          gracePeriod: loan.gracePeriod,
          interestOwed: loan.interestOwed,
          minInterestLeft: loan.minInterestLeft,
          selfRepaying: loan.selfRepaying,
          status: loan.status,
        },
        key,
      ).toEqual({
        borrower: lower(v.borrower),
        lender: lower(v.lender),
        principal: v.principal.toString(),
        aprBps: v.aprBps,
        feeBps: v.feeBps,
        rewardPriceWad: v.rewardPriceWad.toString(),
        lastAccrualTime: v.lastAccrual.toString(),
        dueTime: v.dueTime.toString(),
        graceEnd: (BigInt(v.dueTime) + BigInt(v.gracePeriod)).toString(),
        gracePeriod: v.gracePeriod.toString(),
        interestOwed: v.interestOwed.toString(),
        minInterestLeft: v.minInterestLeft.toString(),
        selfRepaying: v.selfRepaying,
        status: "Active",
      });
      expect(debtAt(loan, view.timestamp), `${key}: debt`).toBe(view.debt);
    }
    // The partial repayment paid the 1 USDC minimum first, ahead of the interest accrued in 3 days:
    // interestOwed went negative (the indexed BigInt follows it).
    const partial = s.views["loan 1-1 partly repaid|1"]!;
    expect(partial.loan.minInterestLeft).toBe(0n);
    expect(partial.loan.interestOwed).toBeLessThan(0n);
    expect(partial.loan.principal).toBe(USDC("901"));
  });

  it("computes the debt now (a later block, no event since) from the indexed fields as debtOf does", async () => {
    const { publicClient, testClient } = clients(anvil.rpcUrl);
    await testClient.setNextBlockTimestamp({ timestamp: (await publicClient.getBlock()).timestamp + 86_400n });
    await testClient.mine({ blocks: 1 });
    const block = await publicClient.getBlock();
    await host.waitForBlock(block.number);
    for (const [loanId, id] of [
      [2n, "2-1"],
      [3n, "3-1"],
      [5n, "5-1"],
    ] as const) {
      const [debt] = (await publicClient.readContract({
        address: s.loans,
        abi: s.loansAbi,
        functionName: "debtOf",
        args: [loanId],
      })) as [bigint, bigint];
      expect(debtAt(await loanAt(id), block.timestamp), id).toBe(debt);
      // Past the due time nothing more accrues.
      const loan = await loanAt(id);
      expect(debtAt(loan, BigInt(loan.dueTime) + 10n ** 6n)).toBe(debtAt(loan, BigInt(loan.dueTime)));
    }
  });

  it("writes one Repayment per LoanPayment: partial, self-repayment in IFIL, payoffs (refinancing marked)", async () => {
    const { repayments } = await gql(
      host.url,
      `{ repayments(first: 100) { id loan { id } payer { id } token { id } amount interestPaid principalPaid fee
        principalLeft selfRepayment refinancing } }`,
    );
    const payments = logsOf("LoanPayment");
    expect(repayments).toHaveLength(payments.length);
    const byId = new Map(repayments.map((r: { id: string }) => [r.id, r]));
    for (const p of payments) {
      const a = p.args as Record<string, bigint | string>;
      const next = s.logs.find((l) => l.transactionHash === p.transactionHash && l.logIndex === p.logIndex! + 1);
      expect(byId.get(keyOf(p)), keyOf(p)).toMatchObject({
        payer: { id: lower(a.payer as string) },
        token: { id: lower(a.token as string) },
        amount: a.amount!.toString(),
        interestPaid: a.interestPaid!.toString(),
        principalPaid: a.principalPaid!.toString(),
        fee: a.fee!.toString(),
        principalLeft: a.principalLeft!.toString(),
        selfRepayment: lower(a.token as string) === lower(s.ifil),
        refinancing: next?.eventName === "LoanRefinanced",
      });
    }
    const of = (loan: string) =>
      repayments.filter((r: { loan: { id: string } }) => r.loan.id === loan) as {
        selfRepayment: boolean;
        refinancing: boolean;
        principalLeft: string;
        payer: { id: string };
      }[];
    expect(of("1-1").map((r) => [r.selfRepayment, r.refinancing, r.principalLeft === "0"])).toEqual(
      expect.arrayContaining([
        [false, false, false],
        [true, false, false],
        [false, false, true],
      ]),
    );
    expect(of("2-1")).toEqual([expect.objectContaining({ refinancing: true, payer: { id: lower(s.accounts[7]!) } })]);
    expect(of("3-1")).toEqual([expect.objectContaining({ refinancing: true, payer: { id: lower(s.accounts[3]!) } })]);
    // No payoff is left waiting for its follower.
    expect((await gql(host.url, "{ loanPendingPayoffs { id } }")).loanPendingPayoffs).toEqual([]);
    const selfRepaid = await loanAt("1-1", s.at["rewards applied to loan 1-1"]!);
    expect(BigInt(selfRepaid.rewardsApplied)).toBe(IFIL("40"));
    expect(selfRepaid.selfRepaying).toBe(true);
    // A self-repayment that clears the debt: held until its LoanRepaid, then a plain (not refinancing) payoff.
    const full = await loanAt("4-1");
    expect(full.status).toBe("Repaid");
    expect(of("4-1")).toEqual([
      expect.objectContaining({ selfRepayment: true, refinancing: false, principalLeft: "0" }),
    ]);
    expect(BigInt(full.rewardsApplied)).toBeGreaterThan(0n);
    expect(BigInt(full.rewardsApplied)).toBeLessThan(IFIL("24")); // the spare went back to bob
  });

  it("records refinancings: a takeover and a rollover, with the old and the new terms", async () => {
    const { refinancings: indexed } = await gql(
      host.url,
      `{ refinancings { id loan { id } oldLender { id } newLender { id } offer { id } paidToOldLender
        borrowerReceived principal aprBps minInterest dueTime graceEnd oldAprBps oldDueTime } }`,
    );
    const logs = logsOf("LoanRefinanced");
    // In the order of the logs (the takeover, then the rollover).
    const refinancings = logs.map((l) => indexed.find((r: { id: string }) => r.id === keyOf(l)));
    expect(indexed).toHaveLength(logs.length);
    for (const [i, l] of logs.entries()) {
      const a = l.args as Record<string, bigint | string>;
      expect(refinancings[i]).toMatchObject({
        oldLender: { id: lower(a.oldLender as string) },
        newLender: { id: lower(a.newLender as string) },
        offer: a.offerId === 0n ? null : { id: a.offerId!.toString() },
        paidToOldLender: a.paidToOldLender!.toString(),
        borrowerReceived: a.borrowerReceived!.toString(),
        principal: a.principal!.toString(),
        aprBps: Number(a.aprBps),
        minInterest: a.minInterest!.toString(),
        dueTime: a.dueTime!.toString(),
        graceEnd: a.graceEnd!.toString(),
      });
    }
    const started2 = s.views["loan 2-1 started|2"]!.loan;
    expect(refinancings[0]).toMatchObject({
      loan: { id: "2-1" },
      offer: null,
      oldAprBps: 2_000,
      oldDueTime: started2.dueTime.toString(),
      aprBps: 1_500,
    });
    expect(refinancings[1]).toMatchObject({ loan: { id: "3-1" }, offer: { id: "3" }, oldAprBps: 1_200 });
    expect(BigInt(refinancings[1].borrowerReceived)).toBeLessThan(0n);
    const taken = await loanAt("2-1");
    expect(taken).toMatchObject({
      lender: { id: lower(s.accounts[7]!) },
      originalLender: { id: lower(s.accounts[4]!) },
      principalOriginal: refinancings[0].principal,
      offer: { id: "2" },
    });
  });

  it("reuses a position's loan id (1-1 repaid, 1-2 foreclosed) and keeps Position.loan on the live one", async () => {
    const position = async (id: string, b: bigint) =>
      (
        await gql(
          host.url,
          `query($id: ID!, $b: Int!) { position(id: $id, block: {number: $b}) { loan { id } owner { id } loans { id status } } }`,
          { id, b: Number(b) },
        )
      ).position;
    expect((await position("1", s.at["loan 1-1 started"]!)).loan).toEqual({ id: "1-1" });
    expect((await position("1", s.at["loan 1-1 repaid"]!)).loan).toBeNull();
    expect((await position("1", s.at["loan 1-2 started"]!)).loan).toEqual({ id: "1-2" });
    const end = await position("1", s.at["loan 1-2 foreclosed"]!);
    expect(end.loan).toBeNull();
    expect(end.owner).toEqual({ id: lower(s.accounts[4]!) });
    expect(end.loans.map((l: { id: string; status: string }) => [l.id, l.status]).sort()).toEqual([
      ["1-1", "Repaid"],
      ["1-2", "Foreclosed"],
    ]);
    expect((await position("2", s.at["loan 2-1 refinanced"]!)).loan).toEqual({ id: "2-1" });
    const { loanSlot } = await gql(host.url, `{ loanSlot(id: "1") { count current { id } } }`);
    expect(loanSlot).toEqual({ count: 2, current: { id: "1-2" } });

    const [foreclosed] = logsOf("LoanForeclosed");
    const a = foreclosed!.args as Record<string, bigint | string>;
    const { foreclosures } = await gql(
      host.url,
      "{ foreclosures { id loan { id status foreclosure { id } } lender { id } by { id } principalLeft interestOwed } }",
    );
    expect(foreclosures).toEqual([
      {
        id: keyOf(foreclosed!),
        loan: { id: "1-2", status: "Foreclosed", foreclosure: { id: keyOf(foreclosed!) } },
        lender: { id: lower(a.lender as string) },
        by: { id: lower(s.accounts[6]!) },
        principalLeft: a.principalLeft!.toString(),
        interestOwed: a.interestOwed!.toString(),
      },
    ]);
    const repaid = await loanAt("1-1");
    expect(repaid.status).toBe("Repaid");
    expect(repaid.principal).toBe("0");
    expect(BigInt(repaid.repaid)).toBe(BigInt(repaid.interestPaid) + BigInt(repaid.principalPaid));
    expect(repaid.principalPaid).toBe(USDC("1000").toString());
  });

  it("indexes a token loan: its escrowed collateral, repaid, collateral credited back", async () => {
    const loan = await loanAt(`${TOKEN_LOAN}-1`);
    expect(loan).toMatchObject({
      status: "Repaid",
      position: null,
      collateralToken: { id: lower(s.ifil) },
      collateralAmount: IFIL("100").toString(),
      offer: { id: "4" },
      rewardPriceWad: "0",
    });
    const started = await loanAt(`${TOKEN_LOAN}-1`, s.at["token loan started"]!);
    expect(started.collateralAmount).toBe(IFIL("100").toString());
  });

  it("keeps each LoanCredit equal to creditOf, with the credited and claimed totals of the logs", async () => {
    const { publicClient } = clients(anvil.rpcUrl);
    const { loanCredits } = await gql(
      host.url,
      "{ loanCredits(first: 100) { id account { id } token { id } amount totalCredited totalClaimed } }",
    );
    expect(loanCredits.length).toBeGreaterThanOrEqual(4);
    for (const c of loanCredits) {
      const credit = await publicClient.readContract({
        address: s.loans,
        abi: s.loansAbi,
        functionName: "creditOf",
        args: [c.account.id, c.token.id],
      });
      expect(c.amount, c.id).toBe((credit as bigint).toString());
      const mine = (name: string) =>
        logsOf(name)
          .filter((l) => {
            const a = l.args as Record<string, string>;
            return lower(a.account!) === c.account.id && lower(a.token!) === c.token.id;
          })
          .reduce((sum, l) => sum + ((l.args as Record<string, bigint>).amount ?? 0n), 0n);
      expect(c.totalCredited, c.id).toBe(mine("Credited").toString());
      expect(c.totalClaimed, c.id).toBe(mine("Claimed").toString());
    }
    const carol = loanCredits.find((c: { id: string }) => c.id === `${lower(s.accounts[4]!)}-${lower(s.usdt)}`);
    expect(carol.amount).toBe("0");
    expect(BigInt(carol.totalClaimed)).toBeGreaterThan(0n);
  });

  it("adds the loans, interest, fees and foreclosures of each day to ProtocolDay", async () => {
    const expected = new Map<
      string,
      {
        lendingVolume: bigint;
        loansStarted: number;
        lendingInterest: bigint;
        lendingFees: bigint;
        foreclosures: number;
      }
    >();
    const day = (block: bigint | null) => {
      const key = dayOf(block);
      if (!expected.has(key))
        expected.set(key, {
          lendingVolume: 0n,
          loansStarted: 0,
          lendingInterest: 0n,
          lendingFees: 0n,
          foreclosures: 0,
        });
      return expected.get(key)!;
    };
    for (const l of s.logs) {
      const a = l.args as Record<string, bigint | { principal: bigint }>;
      if (l.eventName === "LoanStarted") {
        day(l.blockNumber).lendingVolume += (a.terms as { principal: bigint }).principal;
        day(l.blockNumber).loansStarted += 1;
      } else if (l.eventName === "LoanPayment") {
        day(l.blockNumber).lendingInterest += a.interestPaid as bigint;
        day(l.blockNumber).lendingFees += a.fee as bigint;
      } else if (l.eventName === "LoanForeclosed") day(l.blockNumber).foreclosures += 1;
    }
    expect(expected.size).toBeGreaterThanOrEqual(3);
    for (const [id, want] of expected) {
      const { protocolDay } = await gql(
        host.url,
        `query($id: ID!) { protocolDay(id: $id) { lendingVolume loansStarted lendingInterest lendingFees foreclosures } }`,
        { id },
      );
      expect(protocolDay, `day ${id}`).toEqual({
        lendingVolume: want.lendingVolume.toString(),
        loansStarted: want.loansStarted,
        lendingInterest: want.lendingInterest.toString(),
        lendingFees: want.lendingFees.toString(),
        foreclosures: want.foreclosures,
      });
    }
  });

  it("records governance: grace period, fee recipient, collateral tokens, fee sweeps", async () => {
    const parameter = async (id: string) =>
      (await gql(host.url, `query($id: ID!) { parameter(id: $id) { value history { id } } }`, { id })).parameter;
    expect(await parameter("loans-gracePeriod")).toMatchObject({ value: "3600" });
    expect((await parameter("loans-gracePeriod")).history).toHaveLength(2); // constructor, then setGracePeriod
    expect(await parameter("loans-feeRecipient")).toMatchObject({ value: lower(s.accounts[8]!) });
    expect(await parameter(`loans-collateralToken.${lower(s.ifil)}`)).toMatchObject({ value: "false" });
    expect(await parameter(`loans-collateralToken.${lower(s.wbtc)}`)).toMatchObject({ value: "true" });
    const { tokens } = await gql(host.url, "{ tokens(where: { loanCollateral: true }) { id } }");
    expect(tokens).toEqual([{ id: lower(s.wbtc) }]);
    const [swept] = logsOf("FeesSwept");
    const { loanFeeSweeps } = await gql(host.url, "{ loanFeeSweeps { token { id } to amount } }");
    const a = swept!.args as Record<string, bigint | string>;
    expect(loanFeeSweeps).toEqual([
      { token: { id: lower(s.usdt) }, to: lower(a.to as string), amount: a.amount!.toString() },
    ]);
    expect(a.amount).toBeGreaterThan(0n);
  });

  it("survives odd events: unknown kinds and ids, a token target that is no address, huge numbers", async () => {
    const { _meta } = await gql(host.url, "{ _meta { hasIndexingErrors } }");
    expect(_meta.hasIndexingErrors).toBe(false);
    const { none, bad, request, loans, lender } = await gql(
      host.url,
      `{ none: loanOffer(id: "900") { id } bad: loanOffer(id: "901") { collateralKind collateralToken { id } maxFills aprBps }
        request: loanRequest(id: "900") { id } loans(where: { loanId: "999" }) { id }
        lender: loanLender(id: "${lower(s.accounts[7]!)}") { nonce openOffers { id } } }`,
    );
    expect(none).toBeNull();
    expect(bad).toEqual({ collateralKind: "Token", collateralToken: null, maxFills: 2_147_483_647, aprBps: 65_535 });
    expect(request).toBeNull();
    expect(loans).toEqual([]);
    expect(lender).toEqual({ nonce: "5", openOffers: [] });
    // The live loans were not touched by the odd events about unknown ids.
    expect((await loanAt("2-1")).status).toBe("Active");
  });
});
