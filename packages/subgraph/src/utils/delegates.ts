import { Address, BigInt } from "@graphprotocol/graph-ts";

import { Delegate } from "../../generated/schema";
import { ZERO } from "./constants";

/** The Delegate of `address`, saved when new (votes and delegators reference it). */
export function getOrCreateDelegate(address: Address, timestamp: BigInt): Delegate {
  let d = Delegate.load(address);
  if (d != null) return d;
  d = new Delegate(address);
  d.balance = ZERO;
  d.votingPower = ZERO;
  d.delegatorCount = 0;
  d.voteCount = 0;
  d.proposalsCreated = 0;
  d.updatedAt = timestamp;
  d.save();
  return d;
}
