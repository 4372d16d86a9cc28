import { RoleRevoked } from "../../../generated/MarketRateOracle/MarketRateOracle";
import { ORACLE } from "../../utils/governance";
import { recordRoleChange } from "../../utils/roles";

export function handleRoleRevoked(event: RoleRevoked): void {
  recordRoleChange(event, ORACLE, event.params.role, event.params.account, event.params.sender, false);
}
