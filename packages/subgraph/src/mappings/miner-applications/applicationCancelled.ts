import { ApplicationCancelled } from "../../../generated/MinerApplications/MinerApplications";
import { loadApplication, loadStake } from "../../utils/applications";

/**
 * The miner withdrew it before the vote. The stake stays Locked until the cancelled vote would have
 * ended (`stakeUnlockAt`), so one stake cannot be recycled into many proposals; the app derives
 * Withdrawable from chain time >= unlockAt.
 */
export function handleApplicationCancelled(event: ApplicationCancelled): void {
  const id = event.params.applicationId;
  const a = loadApplication(id);
  a.status = "Cancelled";
  a.save();
  const stake = loadStake(id);
  stake.unlockAt = event.params.stakeUnlockAt;
  stake.save();
}
