import { RoleRevoked } from "../../../generated/MarketRateOracle/MarketRateOracle";
import { recordRoleChange } from "../../utils/roles";

export function handleRoleRevoked(event: RoleRevoked): void {
  recordRoleChange(event, event.params.role, event.params.account, event.params.sender, false);
}
