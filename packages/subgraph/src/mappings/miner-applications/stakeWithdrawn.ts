import { StakeWithdrawn } from "../../../generated/MinerApplications/MinerApplications";
import { loadStake } from "../../utils/applications";
import { daoContracts, saveDaoContracts } from "../../utils/dao";

export function handleStakeWithdrawn(event: StakeWithdrawn): void {
  const stake = loadStake(event.params.applicationId);
  stake.state = "Withdrawn";
  stake.withdrawnAt = event.block.timestamp;
  stake.save();
  const r = daoContracts();
  r.stakedTotal = r.stakedTotal.minus(event.params.amount);
  saveDaoContracts(r);
}
