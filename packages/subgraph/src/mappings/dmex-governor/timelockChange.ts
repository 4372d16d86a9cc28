import { TimelockChange } from "../../../generated/DmexGovernor/DmexGovernor";
import { getOrCreateDao, registerDaoContract } from "../../utils/dao";
import { GOVERNOR, setAddressParameter } from "../../utils/governance";

export function handleTimelockChange(event: TimelockChange): void {
  registerDaoContract("timelock", event.params.newTimelock);
  const dao = getOrCreateDao(event.address);
  dao.timelock = event.params.newTimelock;
  dao.save();
  setAddressParameter(event, GOVERNOR, "timelock", event.params.newTimelock);
}
