import { RoleRevoked } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { recordRoleChange } from "../../utils/roles";

export function handleRoleRevoked(event: RoleRevoked): void {
  recordRoleChange(event, event.params.role, event.params.account, event.params.sender, false);
}
