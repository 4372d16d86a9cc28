import { RoleRevoked } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { EXCHANGE } from "../../utils/governance";
import { recordRoleChange } from "../../utils/roles";

export function handleRoleRevoked(event: RoleRevoked): void {
  recordRoleChange(event, EXCHANGE, event.params.role, event.params.account, event.params.sender, false);
}
