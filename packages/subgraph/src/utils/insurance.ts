// MutualInsurance: the pool's pots and parameters, underwriters and their premiums per token.
import { Address, BigInt, Bytes, ethereum } from "@graphprotocol/graph-ts";

import { InsurancePool, PremiumToken, SlashedStake, Underwriter, UnderwriterPremium } from "../../generated/schema";
import { ZERO } from "./constants";

/** MutualInsurance.ACC_PRECISION: scale of a premium token's accPerShare. */
export const PREMIUM_PRECISION = BigInt.fromString("1000000000000000000000000000000000000");
/** MutualInsurance.CLAIM_PERIOD (730 days): a payout's claim deadline after its execution. */
export const PAYOUT_CLAIM_PERIOD = BigInt.fromI32(730 * 86400);

/** IMutualInsurance.ClaimStatus: None, Open, Executed, Rejected, Closed. */
export function claimStatusName(status: i32): string {
  if (status == 2) return "Executed";
  if (status == 3) return "Rejected";
  if (status == 4) return "Closed";
  return "Open";
}

/** The pool (the contract's own entity), created by the constructor's ParamsSet; the caller saves it. */
export function insurancePool(event: ethereum.Event): InsurancePool {
  let p = InsurancePool.load(event.address);
  if (p == null) {
    p = new InsurancePool(event.address);
    p.fund = ZERO;
    p.pot = ZERO;
    p.slashed = ZERO;
    p.unclaimed = ZERO;
    p.totalShares = ZERO;
    p.underwriterCount = 0;
    p.cooldown = ZERO;
    p.window = ZERO;
    p.claimDuration = ZERO;
    p.maxPotShareBps = 0;
    p.nextCooldown = ZERO;
    p.nextWindow = ZERO;
    p.nextClaimDuration = ZERO;
    p.nextMaxPotShareBps = 0;
    p.paramsEffectiveAt = ZERO;
    p.openClaims = 0;
    p.freezeEnd = ZERO;
    p.claimCount = 0;
    p.payoutCount = 0;
    p.payoutsClaimed = ZERO;
    p.premiumTokenAddresses = [];
  }
  p.updatedAtBlock = event.block.number;
  return p;
}

export function loadPremiumToken(pool: InsurancePool, token: Address): PremiumToken {
  let t = PremiumToken.load(token);
  if (t != null) return t;
  t = new PremiumToken(token);
  t.pool = pool.id;
  t.listed = false;
  t.accPerShare = ZERO;
  t.carry = ZERO;
  t.deposited = ZERO;
  t.paid = ZERO;
  return t;
}

export function loadUnderwriter(pool: InsurancePool, account: Address, event: ethereum.Event): Underwriter {
  let u = Underwriter.load(account);
  if (u == null) {
    u = new Underwriter(account);
    u.pool = pool.id;
    u.shares = ZERO;
    u.deposited = ZERO;
    u.withdrawn = ZERO;
    u.requestShares = ZERO;
  }
  u.updatedAtBlock = event.block.number;
  u.updatedAtTimestamp = event.block.timestamp;
  return u;
}

export function loadUnderwriterPremium(account: Bytes, token: Bytes): UnderwriterPremium {
  const id = account.toHexString() + "-" + token.toHexString();
  let s = UnderwriterPremium.load(id);
  if (s != null) return s;
  s = new UnderwriterPremium(id);
  s.underwriter = account;
  s.token = token;
  s.owed = ZERO;
  s.debt = ZERO;
  s.claimed = ZERO;
  return s;
}

/** MutualInsurance._settle: what `shares` earned in `token` since the last settlement, now owed. */
export function settle(s: UnderwriterPremium, accPerShare: BigInt, shares: BigInt): void {
  if (s.debt.equals(accPerShare)) return;
  if (!shares.isZero()) s.owed = s.owed.plus(shares.times(accPerShare.minus(s.debt)).div(PREMIUM_PRECISION));
  s.debt = accPerShare;
}

/** MutualInsurance._settleAll: the underwriter's premiums in every token ever listed, at its shares before the change. */
export function settleAll(pool: InsurancePool, u: Underwriter): void {
  const tokens = pool.premiumTokenAddresses;
  for (let i = 0; i < tokens.length; i++) {
    const t = PremiumToken.load(tokens[i]);
    if (t == null) continue;
    const s = loadUnderwriterPremium(u.id, t.id);
    settle(s, t.accPerShare, u.shares);
    s.save();
  }
}

/** Counts an underwriter in or out of the pool's holders when its shares go from or to zero. */
export function setShares(pool: InsurancePool, u: Underwriter, shares: BigInt): void {
  if (u.shares.isZero() && !shares.isZero()) pool.underwriterCount += 1;
  if (!u.shares.isZero() && shares.isZero()) pool.underwriterCount -= 1;
  u.shares = shares;
}

export function loadSlashedStake(offeringId: BigInt): SlashedStake {
  const id = offeringId.toString();
  let s = SlashedStake.load(id);
  if (s != null) return s;
  s = new SlashedStake(id);
  s.offering = id;
  s.amount = ZERO;
  s.deposited = ZERO;
  s.movedToFund = ZERO;
  s.paidOut = ZERO;
  return s;
}
