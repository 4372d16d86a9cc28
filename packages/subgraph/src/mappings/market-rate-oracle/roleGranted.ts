import { RoleGranted } from "../../../generated/MarketRateOracle/MarketRateOracle";
import { ORACLE } from "../../utils/governance";
import { recordRoleChange } from "../../utils/roles";

export function handleRoleGranted(event: RoleGranted): void {
  recordRoleChange(event, ORACLE, event.params.role, event.params.account, event.params.sender, true);
}
