import { RoleGranted } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { EXCHANGE } from "../../utils/governance";
import { recordRoleChange } from "../../utils/roles";

export function handleRoleGranted(event: RoleGranted): void {
  recordRoleChange(event, EXCHANGE, event.params.role, event.params.account, event.params.sender, true);
}
