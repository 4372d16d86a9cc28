// DmexTimelock operations and their schedulers. Orphaning is O(1) per event, as on chain: losing
// PROPOSER_ROLE bumps the scheduler's epoch, and an operation is orphaned while it is Pending with a
// schedulerEpoch below it (see TimelockProposer in schema.graphql); no handler loops over operations.
import { Address, Bytes, ethereum, log } from "@graphprotocol/graph-ts";

import { TimelockOperation, TimelockProposer } from "../../generated/schema";

/** keccak256("PROPOSER_ROLE") */
export const PROPOSER_ROLE = Bytes.fromHexString("0xb09aa5aeb3702cfd50b6b62bc4532604938f21248a27a1d5ca736082b6819cc1");

export function getOrCreateProposer(timelock: Address, account: Address): TimelockProposer {
  let p = TimelockProposer.load(account);
  if (p != null) return p;
  p = new TimelockProposer(account);
  p.timelock = timelock;
  p.epoch = 0;
  p.isProposer = false;
  p.operationCount = 0;
  return p;
}

/** RoleGranted / RoleRevoked of PROPOSER_ROLE: a revoke (or renounce) starts a new epoch. */
export function recordProposerRole(event: ethereum.Event, account: Address, granted: boolean): void {
  const p = getOrCreateProposer(event.address, account);
  p.isProposer = granted;
  if (!granted) {
    p.epoch += 1;
    p.lostRoleAt = event.block.timestamp;
  }
  p.save();
}

/** The operation `id`, or null (logged) if its OperationScheduledBy was not indexed. */
export function loadOperation(id: Bytes, what: string): TimelockOperation | null {
  const op = TimelockOperation.load(id);
  if (op == null) log.warning("{} of timelock operation {} that was never scheduled here", [what, id.toHexString()]);
  return op;
}
