import { RoleRevoked } from "../../../generated/DmexTimelock/DmexTimelock";
import { TIMELOCK } from "../../utils/governance";
import { recordRoleChange } from "../../utils/roles";
import { PROPOSER_ROLE, recordProposerRole } from "../../utils/timelock";

/** Also a renounce (OpenZeppelin emits RoleRevoked with the account as sender). Losing PROPOSER_ROLE orphans the account's pending operations. */
export function handleRoleRevoked(event: RoleRevoked): void {
  recordRoleChange(event, TIMELOCK, event.params.role, event.params.account, event.params.sender, false);
  if (event.params.role.equals(PROPOSER_ROLE)) recordProposerRole(event, event.params.account, false);
}
