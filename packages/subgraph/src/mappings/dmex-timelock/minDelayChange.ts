import { MinDelayChange } from "../../../generated/DmexTimelock/DmexTimelock";
import { daoContracts, saveDaoContracts, withContract } from "../../utils/dao";
import { setIntParameter, TIMELOCK } from "../../utils/governance";

export function handleMinDelayChange(event: MinDelayChange): void {
  const r = withContract(daoContracts(), "timelock", event.address);
  r.timelockDelay = event.params.newDuration;
  saveDaoContracts(r);
  setIntParameter(event, TIMELOCK, "minDelay", event.params.newDuration);
}
