import { GovernorSet } from "../../../generated/MinerApplications/MinerApplications";
import { APPLICATIONS, setAddressParameter } from "../../utils/governance";

export function handleGovernorSet(event: GovernorSet): void {
  setAddressParameter(event, APPLICATIONS, "governor", event.params.newGovernor);
}
