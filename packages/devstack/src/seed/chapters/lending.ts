import { decodeEventLog, maxUint256, zeroAddress, type Address, type TransactionReceipt } from "viem";

import { StackError } from "../../internal/errors.js";
import { anvilAddress } from "../accounts.js";
import { DAY, type SeedContext } from "../context.js";
import { hashpowerExchangeAbi, positionLoansAbi } from "../contracts.js";
import {
  ASSET_ID,
  BORROWERS,
  LENDERS,
  LENDING_E2E,
  LENDING_TIME_OF_DAY,
  LENDING_USDT,
  LOAN_OFFERS,
  LOAN_REQUESTS,
  LOANS,
  type LoanCollateralPlan,
  type LoanOfferPlan,
  type LoanPlan,
  type LoanRequestPlan,
  type LoanStep,
  type LoanTermsPlan,
} from "../plan.js";
import { send } from "../send.js";
import type { SeedChapter } from "./chapter.js";

/** IPositionLoans.CollateralKind, by value. */
const COLLATERAL_KIND = { position: 1, offering: 2, asset: 3, token: 4 } as const;

/**
 * Lenders post offers, borrowers accept them or post requests lenders fill, and the loans live out their terms:
 * repaid in two payments, paid down by the position's own rewards, taken over by a cheaper lender, foreclosed
 * after the grace period, or left overdue (LOAN_OFFERS, LOAN_REQUESTS and LOANS in plan.ts). Everything happens at
 * LENDING_TIME_OF_DAY: after the day's deposits (so self-repaying loans have rewards to apply) and trades.
 */
export const lending: SeedChapter = {
  name: "lending",
  async onDay0(ctx) {
    for (const lender of Object.values(LENDERS)) {
      await ctx.mint(ctx.contracts.usdt, anvilAddress(lender), LENDING_USDT);
      await ctx.approve(anvilAddress(lender), ctx.contracts.usdt, ctx.contracts.loans);
    }
    // Borrowers repay from their own USDT (the principal plus what every seeded account holds).
    for (const borrower of Object.values(BORROWERS)) {
      await ctx.approve(anvilAddress(borrower), ctx.contracts.usdt, ctx.contracts.loans);
    }
  },
  async onDay(ctx, offset) {
    const offers = LOAN_OFFERS.filter((o) => o.dayOffset === offset);
    const requests = LOAN_REQUESTS.filter((r) => r.dayOffset === offset);
    const starts = LOANS.filter((l) => l.dayOffset === offset);
    const steps = LOANS.flatMap((loan) =>
      loan.steps.filter((s) => s.dayOffset === offset).map((step) => ({ loan, step })),
    );
    if (offers.length + requests.length + starts.length + steps.length === 0) return;
    await ctx.setTime((ctx.day0 + offset) * DAY + LENDING_TIME_OF_DAY);
    for (const plan of offers) await makeOffer(ctx, plan);
    for (const plan of requests) await requestLoan(ctx, plan);
    for (const plan of starts) await startLoan(ctx, plan);
    for (const { loan, step } of steps) await runStep(ctx, loan, step);
  },
  async atEnd(ctx) {
    await expectEndState(ctx);
  },
};

function termsOf(ctx: SeedContext, t: LoanTermsPlan) {
  return {
    currency: ctx.contracts.usdt,
    principal: t.principal,
    aprBps: t.aprBps,
    duration: t.durationDays * DAY,
    minInterest: t.minInterest,
    rewardPriceWad: t.rewardPriceWad,
  };
}

function collateralOf(ctx: SeedContext, c: LoanCollateralPlan) {
  const none = { minUnits: 0, minDaysLeft: 0, amount: 0n };
  switch (c.kind) {
    case "position":
      return { ...none, kind: COLLATERAL_KIND.position, target: c.tokenId };
    case "offering":
      return { ...none, kind: COLLATERAL_KIND.offering, target: BigInt(c.offeringId), ...pick(c) };
    case "asset":
      return { ...none, kind: COLLATERAL_KIND.asset, target: BigInt(ASSET_ID[c.asset]), ...pick(c) };
    case "token":
      return {
        ...none,
        kind: COLLATERAL_KIND.token,
        target: BigInt(ctx.contracts.rewardToken[c.asset]),
        amount: c.amount,
      };
  }
}

const pick = (c: { readonly minUnits: number; readonly minDaysLeft: number }) => ({
  minUnits: c.minUnits,
  minDaysLeft: c.minDaysLeft,
});

async function now(ctx: SeedContext): Promise<number> {
  return Number((await ctx.publicClient.getBlock()).timestamp);
}

async function makeOffer(ctx: SeedContext, plan: LoanOfferPlan): Promise<void> {
  const receipt = await send(ctx, anvilAddress(plan.lender), ctx.contracts.loans, positionLoansAbi, "makeOffer", [
    termsOf(ctx, plan.terms),
    collateralOf(ctx, plan.collateral),
    (await now(ctx)) + plan.expiryDays * DAY,
    plan.maxFills,
  ]);
  expectId("offer", eventArg(receipt, "OfferMade"), plan.id);
  ctx.counts.loanOffers++;
}

async function requestLoan(ctx: SeedContext, plan: LoanRequestPlan): Promise<void> {
  const borrower = anvilAddress(plan.borrower);
  if (plan.collateral.kind === "position") {
    await expectOwner(ctx, plan.collateral.tokenId, borrower);
    await approvePosition(ctx, borrower, plan.collateral.tokenId);
  } else {
    // The token collateral is pulled when a lender fills the request: the borrower holds and approves it now.
    const token = ctx.contracts.rewardToken[plan.collateral.asset];
    await ctx.mint(token, borrower, plan.collateral.amount);
    await ctx.approve(borrower, token, ctx.contracts.loans);
  }
  const receipt = await send(ctx, borrower, ctx.contracts.loans, positionLoansAbi, "requestLoan", [
    termsOf(ctx, plan.terms),
    collateralOf(ctx, plan.collateral),
    (await now(ctx)) + plan.expiryDays * DAY,
  ]);
  expectId("request", eventArg(receipt, "RequestMade"), plan.id);
  ctx.counts.loanRequests++;
}

async function startLoan(ctx: SeedContext, plan: LoanPlan): Promise<void> {
  const borrower = anvilAddress(plan.borrower);
  await expectOwner(ctx, plan.loanId, borrower);
  let receipt: TransactionReceipt;
  if ("offer" in plan.source) {
    await approvePosition(ctx, borrower, plan.loanId);
    receipt = await send(ctx, borrower, ctx.contracts.loans, positionLoansAbi, "acceptOffer", [
      BigInt(plan.source.offer),
      plan.loanId,
    ]);
  } else {
    receipt = await send(ctx, anvilAddress(plan.source.lender), ctx.contracts.loans, positionLoansAbi, "fillRequest", [
      BigInt(plan.source.request),
    ]);
  }
  expectId(`loan "${plan.label}"`, eventArg(receipt, "LoanStarted"), Number(plan.loanId));
  ctx.counts.loansStarted++;
}

async function runStep(ctx: SeedContext, loan: LoanPlan, step: LoanStep): Promise<void> {
  const loans = ctx.contracts.loans;
  const borrower = anvilAddress(loan.borrower);
  switch (step.kind) {
    case "repay":
      await send(ctx, borrower, loans, positionLoansAbi, "repay", [
        loan.loanId,
        step.amount === "full" ? maxUint256 : step.amount,
      ]);
      ctx.counts.loanRepayments++;
      return;
    case "claim": {
      const account = anvilAddress(step.account);
      await send(ctx, account, loans, positionLoansAbi, "claim", [ctx.contracts.usdt, account]);
      ctx.counts.loanClaims++;
      return;
    }
    case "selfRepay":
      await send(ctx, borrower, loans, positionLoansAbi, "setSelfRepaying", [loan.loanId, true]);
      return;
    case "applyRewards": {
      const [before] = await debtOf(ctx, loan.loanId);
      await send(ctx, borrower, loans, positionLoansAbi, "applyRewards", [loan.loanId]);
      const [after] = await debtOf(ctx, loan.loanId);
      if (after >= before)
        throw new StackError(`applyRewards on loan ${loan.loanId} did not reduce its debt (${before} -> ${after})`);
      ctx.counts.rewardApplications++;
      return;
    }
    case "refinance": {
      const [debt] = await debtOf(ctx, loan.loanId);
      const dueTime = (ctx.day0 + step.dueDayOffset) * DAY + LENDING_TIME_OF_DAY;
      // the debt grows by the second: allow a percent more than it is now
      await send(ctx, anvilAddress(step.lender), loans, positionLoansAbi, "refinance", [
        loan.loanId,
        step.aprBps,
        dueTime,
        debt + debt / 100n,
      ]);
      ctx.counts.loanRefinancings++;
      return;
    }
    case "foreclose":
      await send(ctx, anvilAddress(step.by), loans, positionLoansAbi, "foreclose", [loan.loanId]);
      ctx.counts.foreclosures++;
      return;
  }
}

async function debtOf(ctx: SeedContext, loanId: bigint): Promise<readonly [bigint, bigint]> {
  return ctx.publicClient.readContract({
    address: ctx.contracts.loans,
    abi: positionLoansAbi,
    functionName: "debtOf",
    args: [loanId],
  });
}

async function approvePosition(ctx: SeedContext, owner: Address, tokenId: bigint): Promise<void> {
  await send(ctx, owner, ctx.contracts.exchange, hashpowerExchangeAbi, "approve", [ctx.contracts.loans, tokenId]);
}

async function ownerOf(ctx: SeedContext, tokenId: bigint): Promise<Address> {
  return ctx.publicClient.readContract({
    address: ctx.contracts.exchange,
    abi: hashpowerExchangeAbi,
    functionName: "ownerOf",
    args: [tokenId],
  });
}

async function expectOwner(ctx: SeedContext, tokenId: bigint, owner: Address): Promise<void> {
  const actual = await ownerOf(ctx, tokenId);
  if (actual.toLowerCase() !== owner.toLowerCase())
    throw new StackError(`position ${tokenId} belongs to ${actual}, the lending plan expected ${owner}`);
}

/** The id the event of `name` in `receipt` names (offerId, requestId or loanId: its first argument). */
function eventArg(receipt: TransactionReceipt, name: "OfferMade" | "RequestMade" | "LoanStarted"): bigint {
  for (const log of receipt.logs) {
    try {
      const event = decodeEventLog({ abi: positionLoansAbi, data: log.data, topics: log.topics });
      if (event.eventName === "OfferMade" && name === "OfferMade") return event.args.offerId;
      if (event.eventName === "RequestMade" && name === "RequestMade") return event.args.requestId;
      if (event.eventName === "LoanStarted" && name === "LoanStarted") return event.args.loanId;
    } catch {
      // another contract's event
    }
  }
  throw new StackError(`no ${name} event in ${receipt.transactionHash}`);
}

function expectId(what: string, actual: bigint, planned: number): void {
  if (actual !== BigInt(planned))
    throw new StackError(`the seed's ${what} got id ${actual}, the plan says ${planned}: seed a fresh deployment`);
}

/** The state the e2e scenarios start from (LENDING_E2E), checked on the final clock. */
async function expectEndState(ctx: SeedContext): Promise<void> {
  const loans = { address: ctx.contracts.loans, abi: positionLoansAbi } as const;
  const { publicClient } = ctx;
  const wrong: string[] = [];
  const openOffers = [
    ...LENDING_E2E.borrow.collectionOfferIds,
    LENDING_E2E.borrow.singleOfferId,
    LENDING_E2E.selfRepaying.offerId,
    LENDING_E2E.tokenOfferId,
  ];
  for (const id of openOffers) {
    if (!(await publicClient.readContract({ ...loans, functionName: "isOfferOpen", args: [BigInt(id)] })))
      wrong.push(`offer ${id} is not open`);
  }
  const request = await publicClient.readContract({
    ...loans,
    functionName: "requestOf",
    args: [BigInt(LENDING_E2E.openRequestId)],
  });
  if (request.borrower === zeroAddress) wrong.push(`request ${LENDING_E2E.openRequestId} is not open`);
  for (const { borrower, tokenId } of [LENDING_E2E.borrow, LENDING_E2E.selfRepaying]) {
    const st = await publicClient.readContract({
      address: ctx.contracts.exchange,
      abi: hashpowerExchangeAbi,
      functionName: "positionState",
      args: [tokenId],
    });
    if (st.owner !== anvilAddress(borrower) || st.lockHolder !== zeroAddress)
      wrong.push(`position ${tokenId} is not free with account ${borrower}`);
  }
  const time = await now(ctx);
  const overdue = await publicClient.readContract({
    ...loans,
    functionName: "loanOf",
    args: [LENDING_E2E.foreclose.loanId],
  });
  if (overdue.lender !== anvilAddress(LENDING_E2E.foreclose.lender) || time < overdue.dueTime + overdue.gracePeriod)
    wrong.push(`loan ${LENDING_E2E.foreclose.loanId} is not past its grace period with its lender`);
  const active = await publicClient.readContract({
    ...loans,
    functionName: "loanOf",
    args: [LENDING_E2E.refinance.loanId],
  });
  if (active.lender !== anvilAddress(LENDING_E2E.refinance.lender) || time >= active.dueTime)
    wrong.push(`loan ${LENDING_E2E.refinance.loanId} cannot be refinanced`);
  if (wrong.length > 0) throw new StackError(`The lending chapter did not reach its end state: ${wrong.join("; ")}.`);
}
