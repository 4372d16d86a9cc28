import { ApplicationCancelled } from "../../../generated/MinerApplications/MinerApplications";
import { loadApplication, loadStake } from "../../utils/applications";

/** The miner withdrew it before the vote: the stake is Withdrawable at once. */
export function handleApplicationCancelled(event: ApplicationCancelled): void {
  const id = event.params.applicationId;
  const a = loadApplication(id);
  a.status = "Cancelled";
  a.save();
  const stake = loadStake(id);
  stake.state = "Withdrawable";
  stake.save();
}
