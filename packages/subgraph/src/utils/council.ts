// The council Safe: owners, threshold and modules from its own events; the powers it holds from
// role events of the timelock, the exchange and the oracle and from the governor's proposal guardian.
import { Address, BigInt, Bytes, ethereum } from "@graphprotocol/graph-ts";

import { Council, CouncilChange } from "../../generated/schema";
import { daoContracts, saveDaoContracts, withContract } from "./dao";
import { eventId } from "./ids";
import { stamp } from "./records";

export const PROPOSAL_GUARDIAN = "proposalGuardian";

/** The council of `safe`, created (and registered as the DAO's) at its first event. */
export function getOrCreateCouncil(safe: Address): Council {
  let c = Council.load(safe);
  if (c != null) return c;
  c = new Council(safe);
  c.owners = [];
  c.threshold = 0;
  c.modules = [];
  c.powers = [];
  c.handedOver = false;
  c.hadPowers = false;
  c.nonce = BigInt.zero();
  c.save();
  saveDaoContracts(withContract(daoContracts(), "council", safe));
  return c;
}

/** A CouncilChange record of `kind` for the event; the caller fills account/threshold/detail and saves. */
export function newCouncilChange(event: ethereum.Event, council: Bytes, kind: string): CouncilChange {
  const change = new CouncilChange(eventId(event));
  change.council = council;
  change.kind = kind;
  stamp(change, event);
  return change;
}

/** `list` without `item`. */
export function without(list: Bytes[], item: Bytes): Bytes[] {
  const out: Bytes[] = [];
  for (let i = 0; i < list.length; i++) if (!list[i].equals(item)) out.push(list[i]);
  return out;
}

/** `item` first, then `list` without it (Safe's linked lists insert at the head). */
export function prepend(list: Bytes[], item: Bytes): Bytes[] {
  const out: Bytes[] = [item];
  const rest = without(list, item);
  for (let i = 0; i < rest.length; i++) out.push(rest[i]);
  return out;
}

/**
 * Grants or revokes `power` (e.g. PROPOSER_ROLE@timelock, proposalGuardian) if `account` is the
 * council; otherwise does nothing. Keeps `handedOver` on the council and the Dao.
 */
export function setCouncilPower(event: ethereum.Event, account: Address, power: string, granted: boolean): void {
  const c = Council.load(account);
  if (c == null) return;
  const powers = c.powers;
  const held = powers.includes(power);
  if (granted == held) return;
  const next: string[] = [];
  for (let i = 0; i < powers.length; i++) if (powers[i] != power) next.push(powers[i]);
  if (granted) next.push(power);
  c.powers = next;
  if (granted) c.hadPowers = true;
  c.handedOver = c.hadPowers && next.length == 0;
  c.save();

  const change = newCouncilChange(event, c.id, granted ? "PowerGranted" : "PowerRevoked");
  change.account = event.address;
  change.detail = power;
  change.save();

  const r = daoContracts();
  r.handedOver = c.handedOver;
  saveDaoContracts(r);
}

/** execTransaction (success or failure): the nonce moves on; `detail` is the Safe tx hash. */
export function recordExecution(event: ethereum.Event, safeTxHash: Bytes, kind: string): void {
  const c = getOrCreateCouncil(event.address);
  c.nonce = c.nonce.plus(BigInt.fromI32(1));
  c.save();
  const change = newCouncilChange(event, c.id, kind);
  change.detail = safeTxHash.toHexString();
  change.save();
}
