import { DelegateVotesChanged } from "../../../generated/DMCToken/DMCToken";
import { VotingPowerChange } from "../../../generated/schema";
import { daoContracts, saveDaoContracts } from "../../utils/dao";
import { getOrCreateDelegate } from "../../utils/delegates";
import { eventId } from "../../utils/ids";
import { stamp } from "../../utils/records";

export function handleDelegateVotesChanged(event: DelegateVotesChanged): void {
  const previous = event.params.previousVotes;
  const votes = event.params.newVotes;
  const delegate = getOrCreateDelegate(event.params.delegate, event.block.timestamp);
  delegate.votingPower = votes;
  delegate.updatedAt = event.block.timestamp;
  delegate.save();

  const r = daoContracts();
  r.delegatedVotes = r.delegatedVotes.plus(votes).minus(previous);
  if (previous.isZero() && !votes.isZero()) r.delegateCount += 1;
  if (!previous.isZero() && votes.isZero()) r.delegateCount -= 1;
  saveDaoContracts(r);

  const change = new VotingPowerChange(eventId(event));
  change.delegate = delegate.id;
  change.previousVotes = previous;
  change.newVotes = votes;
  stamp(change, event);
  change.save();
}
