import { RoleGranted } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { recordRoleChange } from "../../utils/roles";

export function handleRoleGranted(event: RoleGranted): void {
  recordRoleChange(event, event.params.role, event.params.account, event.params.sender, true);
}
