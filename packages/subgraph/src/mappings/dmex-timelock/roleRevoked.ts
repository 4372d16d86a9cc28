import { RoleRevoked } from "../../../generated/DmexTimelock/DmexTimelock";
import { TIMELOCK } from "../../utils/governance";
import { recordRoleChange } from "../../utils/roles";

export function handleRoleRevoked(event: RoleRevoked): void {
  recordRoleChange(event, TIMELOCK, event.params.role, event.params.account, event.params.sender, false);
}
