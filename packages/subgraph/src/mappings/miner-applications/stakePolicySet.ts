import { StakePolicySet } from "../../../generated/MinerApplications/MinerApplications";
import { daoContracts, saveDaoContracts, withContract } from "../../utils/dao";
import { APPLICATIONS, setIntParameter } from "../../utils/governance";

export function handleStakePolicySet(event: StakePolicySet): void {
  const params = event.params;
  const r = withContract(daoContracts(), "applications", event.address);
  r.minStake = params.minStake;
  r.stakePerValueWad = params.stakePerValueWad;
  r.lockGraceDays = params.lockGraceDays.toI32();
  saveDaoContracts(r);
  setIntParameter(event, APPLICATIONS, "minStake", params.minStake);
  setIntParameter(event, APPLICATIONS, "stakePerValueWad", params.stakePerValueWad);
  setIntParameter(event, APPLICATIONS, "lockGraceDays", params.lockGraceDays);
}
