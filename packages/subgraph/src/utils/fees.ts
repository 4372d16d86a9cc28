// ProtocolFeeSplitter and FeeBuyback: the fee flow after collection (commission, premiums, DMC buyback).
import { Address, ethereum } from "@graphprotocol/graph-ts";

import { BuybackProgram, BuybackToken, FeeSplitter, FeeSplitterToken } from "../../generated/schema";
import { ZERO, ZERO_ADDRESS } from "./constants";

/** The splitter (its own entity); the caller saves it. */
export function feeSplitter(event: ethereum.Event): FeeSplitter {
  let s = FeeSplitter.load(event.address);
  if (s != null) return s;
  s = new FeeSplitter(event.address);
  s.commissionLedger = ZERO_ADDRESS;
  s.premiumSink = ZERO_ADDRESS;
  s.buyback = ZERO_ADDRESS;
  s.premiumBps = 0;
  s.distributionCount = 0;
  return s;
}

export function loadSplitterToken(splitter: FeeSplitter, token: Address): FeeSplitterToken {
  let t = FeeSplitterToken.load(token);
  if (t != null) return t;
  t = new FeeSplitterToken(token);
  t.splitter = splitter.id;
  t.listed = false;
  t.commission = ZERO;
  t.premium = ZERO;
  t.buyback = ZERO;
  t.kept = ZERO;
  return t;
}

/** The buyback (its own entity); the caller saves it. */
export function buybackProgram(event: ethereum.Event): BuybackProgram {
  let b = BuybackProgram.load(event.address);
  if (b != null) return b;
  b = new BuybackProgram(event.address);
  b.maxSlippageBps = 0;
  b.maxInputBps = 0;
  b.minWindow = ZERO;
  b.maxAge = ZERO;
  b.totalDmcBought = ZERO;
  b.conversions = 0;
  return b;
}

export function loadBuybackToken(program: BuybackProgram, token: Address): BuybackToken {
  let t = BuybackToken.load(token);
  if (t != null) return t;
  t = new BuybackToken(token);
  t.program = program.id;
  t.listed = false;
  t.amountIn = ZERO;
  t.dmcOut = ZERO;
  t.dmcAtTwap = ZERO;
  t.conversions = 0;
  t.prevObservedAt = ZERO;
  t.lastObservedAt = ZERO;
  t.lastPriceCumulative = ZERO;
  return t;
}
