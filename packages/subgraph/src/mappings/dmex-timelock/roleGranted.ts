import { RoleGranted } from "../../../generated/DmexTimelock/DmexTimelock";
import { TIMELOCK } from "../../utils/governance";
import { recordRoleChange } from "../../utils/roles";

export function handleRoleGranted(event: RoleGranted): void {
  recordRoleChange(event, TIMELOCK, event.params.role, event.params.account, event.params.sender, true);
}
