import { StakeSlashed } from "../../../generated/MinerApplications/MinerApplications";
import { loadStake } from "../../utils/applications";
import { daoContracts, saveDaoContracts } from "../../utils/dao";

/** Slashed to the insurance fund by a DAO proposal. */
export function handleStakeSlashed(event: StakeSlashed): void {
  const stake = loadStake(event.params.applicationId);
  stake.state = "Slashed";
  stake.slashedAt = event.block.timestamp;
  stake.slashReason = event.params.reason;
  stake.save();
  const r = daoContracts();
  r.stakedTotal = r.stakedTotal.minus(event.params.amount);
  r.slashedTotal = r.slashedTotal.plus(event.params.amount);
  saveDaoContracts(r);
}
