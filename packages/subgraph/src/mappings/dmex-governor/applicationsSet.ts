import { ApplicationsSet } from "../../../generated/DmexGovernor/DmexGovernor";
import { ZERO_ADDRESS } from "../../utils/constants";
import { getOrCreateDao, registerDaoContract } from "../../utils/dao";
import { GOVERNOR, setAddressParameter } from "../../utils/governance";

export function handleApplicationsSet(event: ApplicationsSet): void {
  const applications = event.params.newApplications;
  if (!applications.equals(ZERO_ADDRESS)) registerDaoContract("applications", applications);
  const dao = getOrCreateDao(event.address);
  dao.applications = applications;
  dao.save();
  setAddressParameter(event, GOVERNOR, "applications", applications);
}
