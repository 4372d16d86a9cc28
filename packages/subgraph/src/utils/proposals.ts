import { Address, BigInt, ethereum, log } from "@graphprotocol/graph-ts";

import { Application, MinerStake, Proposal, Vote } from "../../generated/schema";
import { getOrCreateDelegate } from "./delegates";
import { eventId } from "./ids";
import { stamp } from "./records";

/** First line of a proposal description, without a leading Markdown '#' heading marker. */
export function titleOf(description: string): string {
  let line = description;
  const newline = line.indexOf("\n");
  if (newline >= 0) line = line.slice(0, newline);
  let start = 0;
  while (start < line.length && (line.charAt(start) == "#" || line.charAt(start) == " ")) start++;
  return line.slice(start).trim();
}

export function loadProposal(proposalId: BigInt): Proposal {
  const p = Proposal.load(proposalId.toString());
  if (p == null)
    log.critical("Proposal {} not indexed: is startBlock at or before the governor deployment?", [
      proposalId.toString(),
    ]);
  return p!;
}

/** GovernorCountingSimple's support values. */
export function supportName(support: i32): string {
  if (support == 0) return "Against";
  if (support == 1) return "For";
  return "Abstain";
}

/** VoteCast and VoteCastWithParams: the vote, the tally and the voter's count. */
export function recordVote(
  event: ethereum.Event,
  voter: Address,
  proposalId: BigInt,
  support: i32,
  weight: BigInt,
  reason: string,
): void {
  const p = loadProposal(proposalId);
  if (support == 0) p.againstVotes = p.againstVotes.plus(weight);
  else if (support == 1) p.forVotes = p.forVotes.plus(weight);
  else p.abstainVotes = p.abstainVotes.plus(weight);
  p.voteCount += 1;
  p.save();

  const delegate = getOrCreateDelegate(voter, event.block.timestamp);
  delegate.voteCount += 1;
  delegate.save();

  const vote = new Vote(eventId(event));
  vote.proposal = p.id;
  vote.voter = delegate.id;
  vote.support = supportName(support);
  vote.weight = weight;
  vote.reason = reason;
  stamp(vote, event);
  vote.save();
}

/** An application whose proposal was cancelled by the guardian: rejected, its stake withdrawable. */
export function rejectApplication(id: string): void {
  const a = Application.load(id);
  if (a == null || a.status != "Voting") return;
  a.status = "Rejected";
  a.save();
  const stake = MinerStake.load(id);
  if (stake != null && stake.state == "Locked") {
    stake.state = "Withdrawable";
    stake.save();
  }
}
