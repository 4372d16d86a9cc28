import { Address, Bytes, ethereum } from "@graphprotocol/graph-ts";

import { RoleChange, RoleMember } from "../../generated/schema";
import { setCouncilPower } from "./council";
import { eventId } from "./ids";

/** keccak256 of the role names the exchange, the oracle and the timelock define (DEFAULT_ADMIN_ROLE is zero). */
export function roleName(role: Bytes): string | null {
  const hex = role.toHexString();
  if (hex == "0x0000000000000000000000000000000000000000000000000000000000000000") return "DEFAULT_ADMIN_ROLE";
  if (hex == "0x7935bd0ae54bc31f548c14dba4d37c5c64b3f8ca900cb468fb8abd54d5894f55") return "GOVERNOR_ROLE";
  if (hex == "0xedcc084d3dcd65a1f7f23c65c46722faca6953d28e43150a467cf43e5c309238") return "REGISTRAR_ROLE";
  if (hex == "0x31636343563841f1b0ba7a27ebfe605d4056502213af7283fe7d96b5c2902748") return "HALT_GUARDIAN_ROLE";
  if (hex == "0x3204c940063673962b481a0395619b3dbbd137589c419e993978c1c71bcf68ec") return "REPORTER_ROLE";
  if (hex == "0xb09aa5aeb3702cfd50b6b62bc4532604938f21248a27a1d5ca736082b6819cc1") return "PROPOSER_ROLE";
  if (hex == "0xd8aa0f3194971a2a116679f7c2090f6939c8d4e01a2a8d7e41d55e5351469e63") return "EXECUTOR_ROLE";
  if (hex == "0xfd643c72710c63c0180259aba6b2d05451e3591a24e58b62239378085726f783") return "CANCELLER_ROLE";
  return null;
}

/**
 * Applies a RoleGranted (granted = true) or RoleRevoked of `event.address`, whose short name is
 * `contractKey` (exchange, oracle, timelock): a role of the council Safe is one of its powers,
 * named `<ROLE>@<contractKey>`.
 */
export function recordRoleChange(
  event: ethereum.Event,
  contractKey: string,
  role: Bytes,
  account: Address,
  sender: Address,
  granted: boolean,
): void {
  const contract = event.address;
  const id = contract.toHexString() + "-" + role.toHexString() + "-" + account.toHexString();
  const name = roleName(role);
  let member = RoleMember.load(id);
  if (member == null) {
    member = new RoleMember(id);
    member.contract = contract;
    member.role = role;
    member.roleName = name;
    member.account = account;
  }
  member.active = granted;
  member.updatedAtBlock = event.block.number;
  member.save();

  const change = new RoleChange(eventId(event));
  change.member = id;
  change.contract = contract;
  change.role = role;
  change.roleName = name;
  change.account = account;
  change.sender = sender;
  change.granted = granted;
  change.blockNumber = event.block.number;
  change.timestamp = event.block.timestamp;
  change.transactionHash = event.transaction.hash;
  change.logIndex = event.logIndex;
  change.save();

  const power = name ? name : role.toHexString();
  setCouncilPower(event, account, power + "@" + contractKey, granted);
}
