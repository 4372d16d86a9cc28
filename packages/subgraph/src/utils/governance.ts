// Parameter / ParameterUpdate: every governable value of every DMEX contract, one entity each.
import { Address, BigInt, Bytes, ethereum } from "@graphprotocol/graph-ts";

import { Parameter, ParameterUpdate } from "../../generated/schema";
import { registerDaoContract } from "./dao";
import { eventId } from "./ids";
import { stamp } from "./records";

// Short contract keys of Parameter ids (<key>-<name>).
export const EXCHANGE = "exchange";
export const ORACLE = "oracle";
export const ASSETS = "assets";
export const PROTOCOL = "protocol";
export const APPLICATIONS = "applications";
export const GOVERNOR = "governor";
export const TIMELOCK = "timelock";
export const RESERVE = "reserve";
export const INSURANCE = "insurance";

/**
 * Sets parameter `<key>-<name>` of the event's contract to `value` and records the update; a
 * value equal to the current one records nothing (setters that rewrite several values at once).
 */
export function setParameter(event: ethereum.Event, key: string, name: string, value: string): void {
  const id = key + "-" + name;
  let p = Parameter.load(id);
  let old: string | null = null;
  if (p == null) {
    p = new Parameter(id);
    p.name = name;
  } else {
    if (p.value == value) return;
    old = p.value;
  }
  p.contract = event.address;
  p.value = value;
  p.updatedAt = event.block.timestamp;
  p.save();

  const update = new ParameterUpdate(eventId(event).concat(Bytes.fromUTF8(id)));
  update.parameter = id;
  update.oldValue = old;
  update.newValue = value;
  stamp(update, event);
  update.save();
}

export function setIntParameter(event: ethereum.Event, key: string, name: string, value: BigInt): void {
  setParameter(event, key, name, value.toString());
}

export function setAddressParameter(event: ethereum.Event, key: string, name: string, value: Address): void {
  setParameter(event, key, name, value.toHexString());
}

/**
 * OwnershipTransferred of an Ownable DAO contract (the constructor's included): registers the
 * contract as the DAO's `field` and records its `owner` parameter.
 */
export function recordOwner(event: ethereum.Event, key: string, field: string, owner: Address): void {
  registerDaoContract(field, event.address);
  setAddressParameter(event, key, "owner", owner);
}
