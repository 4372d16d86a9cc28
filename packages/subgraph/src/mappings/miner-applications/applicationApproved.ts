import { ApplicationApproved } from "../../../generated/MinerApplications/MinerApplications";
import { loadApplication, loadStake } from "../../utils/applications";
import { offeringId } from "../../utils/ids";

/** Executed: the offering exists (OfferingCreated came first); the stake stays Locked until unlockAt. */
export function handleApplicationApproved(event: ApplicationApproved): void {
  const id = event.params.applicationId;
  const a = loadApplication(id);
  a.status = "Approved";
  a.offering = offeringId(event.params.offeringId);
  a.approvedAt = event.block.timestamp;
  a.save();
  const stake = loadStake(id);
  stake.unlockAt = event.params.stakeUnlockAt;
  stake.save();
}
