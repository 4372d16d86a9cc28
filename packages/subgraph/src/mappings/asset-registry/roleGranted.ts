import { RoleGranted } from "../../../generated/AssetRegistry/AssetRegistry";
import { ASSETS } from "../../utils/governance";
import { recordRoleChange } from "../../utils/roles";

export function handleRoleGranted(event: RoleGranted): void {
  recordRoleChange(event, ASSETS, event.params.role, event.params.account, event.params.sender, true);
}
