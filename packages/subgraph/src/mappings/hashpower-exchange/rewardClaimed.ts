import { RewardClaimed } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { RewardClaim } from "../../../generated/schema";
import { dayOf, eventId, offeringId, positionId } from "../../utils/ids";
import {
  getOrCreateAccount,
  getOrCreateOfferingDay,
  getOrCreateProtocol,
  getOrCreateProtocolDay,
  loadOffering,
  loadPosition,
  recordFlow,
  saveOfferingWithDay,
} from "../../utils/loaders";

/** claimRewards settles the position at the offering's accumulator. */
export function handleRewardClaimed(event: RewardClaimed): void {
  const params = event.params;
  const protocol = getOrCreateProtocol(event.address);
  const protocolDay = getOrCreateProtocolDay(event.block.timestamp);
  const position = loadPosition(positionId(params.tokenId));
  const o = loadOffering(offeringId(params.offeringId));
  const owner = getOrCreateAccount(protocol, params.owner, event.block);

  position.rewardSnapshot = params.accRewardPerUnit;
  position.claimed = position.claimed.plus(params.amount);
  position.updatedAtBlock = event.block.number;
  position.save();

  owner.rewardsClaimed = owner.rewardsClaimed.plus(params.amount);
  owner.save();

  const claim = new RewardClaim(eventId(event));
  claim.position = position.id;
  claim.offering = o.id;
  claim.owner = owner.id;
  claim.amount = params.amount;
  claim.accRewardPerUnit = params.accRewardPerUnit;
  claim.blockNumber = event.block.number;
  claim.timestamp = event.block.timestamp;
  claim.transactionHash = event.transaction.hash;
  claim.logIndex = event.logIndex;
  claim.save();

  o.rewardsClaimed = o.rewardsClaimed.plus(params.amount);
  const day = getOrCreateOfferingDay(o.id, dayOf(event.block.timestamp));
  day.rewardsClaimed = day.rewardsClaimed.plus(params.amount);
  saveOfferingWithDay(o, day, event);

  recordFlow(protocol, protocolDay, o.rewardToken, "rewardsClaimed", params.amount);
  protocol.save();
  protocolDay.save();
}
