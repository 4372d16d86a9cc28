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

export function contains(list: Bytes[], item: Bytes): boolean {
  for (let i = 0; i < list.length; i++) if (list[i].equals(item)) return true;
  return false;
}

/** `list` with `item` in place of `old`. */
export function replaced(list: Bytes[], old: Bytes, item: Bytes): Bytes[] {
  const out: Bytes[] = [];
  for (let i = 0; i < list.length; i++) out.push(list[i].equals(old) ? item : list[i]);
  return out;
}

/** keccak256("AddedOwner(address)") */
const ADDED_OWNER = Bytes.fromHexString("0x9465fa0c962cc76958e6373a993326400c1c94f8be2fe3a952adfa7f60b2ea26");

/**
 * The owner a swapOwner puts in place of the removed one: swapOwner emits RemovedOwner and, as the
 * next log of the Safe, AddedOwner (needs `receipt: true`). Null for a plain removeOwner.
 */
export function swapSuccessor(event: ethereum.Event): Address | null {
  const receipt = event.receipt;
  if (!receipt) return null;
  const next = event.logIndex.plus(BigInt.fromI32(1));
  for (let i = 0; i < receipt.logs.length; i++) {
    const log = receipt.logs[i];
    if (!log.logIndex.equals(next) || !log.address.equals(event.address) || log.topics.length < 2) continue;
    if (!log.topics[0].equals(ADDED_OWNER)) return null;
    return Address.fromBytes(Bytes.fromUint8Array(log.topics[1].subarray(12)));
  }
  return null;
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
