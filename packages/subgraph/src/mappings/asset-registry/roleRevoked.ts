import { RoleRevoked } from "../../../generated/AssetRegistry/AssetRegistry";
import { ASSETS } from "../../utils/governance";
import { recordRoleChange } from "../../utils/roles";

export function handleRoleRevoked(event: RoleRevoked): void {
  recordRoleChange(event, ASSETS, event.params.role, event.params.account, event.params.sender, false);
}
