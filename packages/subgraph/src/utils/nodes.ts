// PromotionNodes: the program's parameters, nodes, their commission per token and the token ledgers.
import { Address, Bytes, ethereum } from "@graphprotocol/graph-ts";

import { Node, NodeCommission, NodeCommissionLedger, NodeProgram } from "../../generated/schema";
import { ZERO, ZERO_ADDRESS } from "./constants";

export const NODE_LIVE = "Live";
export const NODE_EXITING = "Exiting";
export const NODE_WITHDRAWN = "Withdrawn";

/** IPromotionNodes.Kind: None, Main, Light. */
export function nodeKindName(kind: i32): string {
  return kind == 2 ? "Light" : "Main";
}

/** The program (the PromotionNodes contract's own entity); the caller saves it. */
export function nodeProgram(event: ethereum.Event): NodeProgram {
  let p = NodeProgram.load(event.address);
  if (p != null) return p;
  p = new NodeProgram(event.address);
  p.mainStake = ZERO;
  p.lightStake = ZERO;
  p.cooldown = ZERO;
  p.commissionBps = 0;
  p.mainShareBps = 0;
  p.maxRecruits = 0;
  p.feeHook = ZERO_ADDRESS;
  p.weightSink = ZERO_ADDRESS;
  p.liveMainNodes = 0;
  p.liveLightNodes = 0;
  p.referralCount = 0;
  return p;
}

/** A node that registered (every node event but RecruitSet follows its NodeRegistered). */
export function loadNode(account: Address): Node {
  const n = Node.load(account);
  if (n == null) throw new Error("PromotionNodes: no NodeRegistered for " + account.toHexString());
  return n;
}

export function loadCommission(node: Bytes, token: Address): NodeCommission {
  const id = node.toHexString() + "-" + token.toHexString();
  let c = NodeCommission.load(id);
  if (c != null) return c;
  c = new NodeCommission(id);
  c.node = node;
  c.token = token;
  c.earned = ZERO;
  c.claimed = ZERO;
  c.earnedAsReferrer = ZERO;
  c.earnedAsMain = ZERO;
  return c;
}

export function loadLedger(program: NodeProgram, token: Address): NodeCommissionLedger {
  let l = NodeCommissionLedger.load(token);
  if (l != null) return l;
  l = new NodeCommissionLedger(token);
  l.program = program.id;
  l.recorded = ZERO;
  l.funded = ZERO;
  l.paid = ZERO;
  return l;
}

/** Counts a node in or out of the program's live nodes. */
export function countLive(program: NodeProgram, kind: string, delta: i32): void {
  if (kind == "Light") program.liveLightNodes += delta;
  else program.liveMainNodes += delta;
}
