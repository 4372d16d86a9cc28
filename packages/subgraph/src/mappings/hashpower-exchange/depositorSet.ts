import { Bytes } from "@graphprotocol/graph-ts";

import { DepositorSet } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { Depositor } from "../../../generated/schema";
import { ZERO } from "../../utils/constants";
import { dayOf, depositorId, offeringId } from "../../utils/ids";
import { getOrCreateOfferingDay, loadOffering, saveOfferingWithDay } from "../../utils/loaders";

/** setDepositor: the miner approves or revokes an account that may deposit its rewards. */
export function handleDepositorSet(event: DepositorSet): void {
  const params = event.params;
  const o = loadOffering(offeringId(params.offeringId));
  const id = depositorId(o.id, params.depositor);
  let d = Depositor.load(id);
  if (d == null) {
    d = new Depositor(id);
    d.offering = o.id;
    d.account = params.depositor;
    d.approved = false;
    d.depositCount = 0;
    d.rewardsDeposited = ZERO;
  }
  d.approved = params.approved;
  if (params.approved) {
    d.approvedAt = event.block.timestamp;
  } else {
    d.revokedAt = event.block.timestamp;
  }
  d.updatedAtBlock = event.block.number;
  d.save();

  const current = o.approvedDepositors;
  const kept = new Array<Bytes>(0);
  for (let i = 0; i < current.length; i++) {
    if (!current[i].equals(params.depositor)) kept.push(current[i]);
  }
  if (params.approved) kept.push(params.depositor);
  o.approvedDepositors = kept;
  saveOfferingWithDay(o, getOrCreateOfferingDay(o.id, dayOf(event.block.timestamp)), event);
}
