import { RoleGranted } from "../../../generated/DmexTimelock/DmexTimelock";
import { TIMELOCK } from "../../utils/governance";
import { recordRoleChange } from "../../utils/roles";
import { PROPOSER_ROLE, recordProposerRole } from "../../utils/timelock";

export function handleRoleGranted(event: RoleGranted): void {
  recordRoleChange(event, TIMELOCK, event.params.role, event.params.account, event.params.sender, true);
  if (event.params.role.equals(PROPOSER_ROLE)) recordProposerRole(event, event.params.account, true);
}
