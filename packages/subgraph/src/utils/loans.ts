// Lending (issue 12): PositionLoans' loan ids, offer book, credits and the interest state a client needs
// to compute a loan's debt now. Every rule here runs on events only: no eth_call.
import { Address, BigInt, Bytes, ethereum, store } from "@graphprotocol/graph-ts";

import {
  Loan,
  LoanCredit,
  LoanLender,
  LoanOffer,
  LoanPendingPayoff,
  LoanSlot,
  Position,
  Repayment,
} from "../../generated/schema";
import { ONE, ZERO } from "./constants";
import { tradingAccount } from "./trading";

/** Parameter key of the loans contract (<key>-<name>). */
export const LOANS = "loans";

// Enum values, spelled as in schema.graphql.
export const OFFER_OPEN = "Open";
export const OFFER_FILLED = "Filled";
export const OFFER_CANCELLED = "Cancelled";
export const OFFER_NONCE_CANCELLED = "NonceCancelled";
export const REQUEST_OPEN = "Open";
export const REQUEST_FILLED = "Filled";
export const REQUEST_CANCELLED = "Cancelled";
export const LOAN_ACTIVE = "Active";
export const LOAN_REPAID = "Repaid";
export const LOAN_FORECLOSED = "Foreclosed";

/** IPositionLoans.LoanSource.Offer (Request is 1). */
export const SOURCE_OFFER: i32 = 0;

/** PositionLoans.TOKEN_LOAN_BASE (2^128): token loans' ids start here, a position loan's id is its token id. */
export const TOKEN_LOAN_BASE = BigInt.fromI32(2).pow(128);
const ADDRESS_LIMIT = BigInt.fromI32(2).pow(160);
/** LoanMath: BPS * YEAR (365 days), the denominator of the interest formula. */
const INTEREST_DENOMINATOR = BigInt.fromI32(10_000).times(BigInt.fromI32(31_536_000));
const I32_LIMIT = BigInt.fromI32(i32.MAX_VALUE);

/** IPositionLoans.CollateralKind by number (None and unknown kinds: null, the contract refuses them). */
export function collateralKindName(kind: i32): string | null {
  if (kind == 1) return "Position";
  if (kind == 2) return "Offering";
  if (kind == 3) return "Asset";
  if (kind == 4) return "Token";
  return null;
}

export function isTokenLoan(loanId: BigInt): boolean {
  return loanId.ge(TOKEN_LOAN_BASE);
}

/** A bounded event number (uint16 fields sent as uint256) as i32, saturating instead of aborting. */
export function smallInt(value: BigInt): i32 {
  if (value.gt(I32_LIMIT)) return i32.MAX_VALUE;
  if (value.lt(ZERO)) return 0;
  return value.toI32();
}

/** A Token collateral's `target` (the token address as a number); null if it is no address. */
export function addressOfTarget(target: BigInt): Address | null {
  if (target.lt(ZERO) || target.ge(ADDRESS_LIMIT)) return null;
  let hex = target.toHex().slice(2);
  while (hex.length < 40) hex = "0" + hex;
  return Address.fromString("0x" + hex);
}

/** Id of a Repayment, Refinancing or Foreclosure: tx hash - log index. */
export function eventKey(event: ethereum.Event): string {
  return event.transaction.hash.toHexString() + "-" + event.logIndex.toString();
}

// ------------------------------------------------------------------ interest (LoanMath)

/** LoanMath.interest: ceil(principal * aprBps * elapsed / (10_000 * 31_536_000)), 0 if any is 0. */
export function interestFor(principal: BigInt, aprBps: i32, elapsed: BigInt): BigInt {
  if (principal.le(ZERO) || aprBps <= 0 || elapsed.le(ZERO)) return ZERO;
  const product = principal.times(BigInt.fromI32(aprBps)).times(elapsed);
  return product.plus(INTEREST_DENOMINATOR).minus(ONE).div(INTEREST_DENOMINATOR);
}

/** PositionLoans._accrued: interest from lastAccrualTime to `now`, never past the due time. */
export function accrue(loan: Loan, now: BigInt): void {
  const until = now.lt(loan.dueTime) ? now : loan.dueTime;
  if (until.le(loan.lastAccrualTime)) return;
  const elapsed = until.minus(loan.lastAccrualTime);
  loan.interestOwed = loan.interestOwed.plus(interestFor(loan.principal, loan.aprBps, elapsed));
  loan.lastAccrualTime = until;
}

/** LoanMath.split's effect of a payment whose interest part is `toInterest` (interest first). */
export function payInterest(loan: Loan, toInterest: BigInt): void {
  loan.interestOwed = loan.interestOwed.minus(toInterest);
  loan.minInterestLeft = loan.minInterestLeft.gt(toInterest) ? loan.minInterestLeft.minus(toInterest) : ZERO;
}

// ------------------------------------------------------------------ loan ids

/** Starts the next Loan under the contract's `loanId`: returns its id `loanId-n` (slot saved here). */
export function nextLoanId(loanId: BigInt): string {
  const key = loanId.toString();
  let slot = LoanSlot.load(key);
  if (slot == null) {
    slot = new LoanSlot(key);
    slot.loanId = loanId;
    slot.count = 0;
  }
  slot.count += 1;
  const id = key + "-" + slot.count.toString();
  slot.current = id;
  slot.save();
  return id;
}

/** The live Loan the contract's `loanId` stands for, null if none (never started, repaid or foreclosed). */
export function activeLoan(loanId: BigInt): Loan | null {
  const slot = LoanSlot.load(loanId.toString());
  if (slot == null || slot.current === null) return null;
  const loan = Loan.load(slot.current as string);
  if (loan == null || loan.status != LOAN_ACTIVE) return null;
  return loan;
}

/** Closes `loan` as Repaid or Foreclosed and frees its position's `loan` link (caller saves `loan`). */
export function closeLoan(loan: Loan, status: string, event: ethereum.Event): void {
  loan.status = status;
  loan.closedAtTimestamp = event.block.timestamp;
  loan.updatedAtTimestamp = event.block.timestamp;
  const positionId = loan.position;
  if (positionId === null) return;
  const position = Position.load(positionId as string);
  if (position == null || position.loan != loan.id) return;
  position.loan = null;
  position.save();
}

// ------------------------------------------------------------------ offers

export function getOrCreateLender(address: Address, block: ethereum.Block): LoanLender {
  let lender = LoanLender.load(address);
  if (lender != null) return lender;
  lender = new LoanLender(address);
  lender.account = tradingAccount(address, block).id;
  lender.nonce = ZERO;
  lender.openOffers = [];
  return lender;
}

function removeOpenOffer(lenderAddress: Bytes, offerId: string): void {
  const lender = LoanLender.load(lenderAddress);
  if (lender == null) return;
  const ids = lender.openOffers;
  const kept: string[] = [];
  for (let i = 0; i < ids.length; i++) if (ids[i] != offerId) kept.push(ids[i]);
  lender.openOffers = kept;
  lender.save();
}

/** Ends an Open offer (Filled or Cancelled) and drops it from its lender's open list (saved here). */
export function closeOffer(offer: LoanOffer, status: string, event: ethereum.Event): void {
  offer.status = status;
  offer.updatedAtTimestamp = event.block.timestamp;
  offer.save();
  removeOpenOffer(offer.lender, offer.id);
}

/** PositionLoans._useOffer: one more fill; the last one fills the offer (saved here). */
export function useOffer(offer: LoanOffer, event: ethereum.Event): void {
  offer.fills += 1;
  if (offer.fills >= offer.maxFills && offer.status == OFFER_OPEN) {
    closeOffer(offer, OFFER_FILLED, event);
    return;
  }
  offer.updatedAtTimestamp = event.block.timestamp;
  offer.save();
}

// ------------------------------------------------------------------ repayments

/**
 * A full payoff's Repayment waits for the event right after it (LoanRepaid or LoanRefinanced, same
 * transaction) to know whether it paid off the old lender of a refinancing: Repayment is immutable.
 */
export function holdPayoff(
  loan: Loan,
  repaymentId: string,
  payer: Bytes,
  token: Bytes,
  amount: BigInt,
  interestPaid: BigInt,
  principalPaid: BigInt,
  fee: BigInt,
  event: ethereum.Event,
): void {
  releasePayoff(loan.id, false); // one left by an event that never came: written as a repayment
  const pending = new LoanPendingPayoff(loan.id);
  pending.repaymentId = repaymentId;
  pending.loan = loan.id;
  pending.payer = payer;
  pending.token = token;
  pending.amount = amount;
  pending.interestPaid = interestPaid;
  pending.principalPaid = principalPaid;
  pending.fee = fee;
  pending.selfRepayment = !token.equals(loan.currency);
  pending.timestamp = event.block.timestamp;
  pending.blockNumber = event.block.number;
  pending.transactionHash = event.transaction.hash;
  pending.save();
}

/** Writes the held payoff of `loanId` (if any) as its Repayment, `refinancing` or not. */
export function releasePayoff(loanId: string, refinancing: boolean): void {
  const pending = LoanPendingPayoff.load(loanId);
  if (pending == null) return;
  const r = new Repayment(pending.repaymentId);
  r.loan = pending.loan;
  r.payer = pending.payer;
  r.token = pending.token;
  r.amount = pending.amount;
  r.interestPaid = pending.interestPaid;
  r.principalPaid = pending.principalPaid;
  r.fee = pending.fee;
  r.principalLeft = ZERO;
  r.selfRepayment = pending.selfRepayment;
  r.refinancing = refinancing;
  r.timestamp = pending.timestamp;
  r.blockNumber = pending.blockNumber;
  r.transactionHash = pending.transactionHash;
  r.save();
  store.remove("LoanPendingPayoff", loanId);
}

// ------------------------------------------------------------------ credits

export function getOrCreateCredit(account: Address, token: Bytes, block: ethereum.Block): LoanCredit {
  const id = account.toHexString() + "-" + token.toHexString();
  let credit = LoanCredit.load(id);
  if (credit != null) return credit;
  credit = new LoanCredit(id);
  credit.account = tradingAccount(account, block).id;
  credit.token = token;
  credit.amount = ZERO;
  credit.totalCredited = ZERO;
  credit.totalClaimed = ZERO;
  return credit;
}
