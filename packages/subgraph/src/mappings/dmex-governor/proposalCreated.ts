import { ByteArray, Bytes, crypto } from "@graphprotocol/graph-ts";

import { ProposalCreated } from "../../../generated/DmexGovernor/DmexGovernor";
import { Proposal } from "../../../generated/schema";
import { saveAction } from "../../utils/actions";
import { ZERO } from "../../utils/constants";
import { daoContracts, getOrCreateDao } from "../../utils/dao";
import { getOrCreateDelegate } from "../../utils/delegates";
import { titleOf } from "../../utils/proposals";

/** A proposal, Pending; quorum = quorumNumerator x DMC supply / 100 (the supply is fixed after genesis). */
export function handleProposalCreated(event: ProposalCreated): void {
  const params = event.params;
  const dao = getOrCreateDao(event.address);
  dao.proposalCount += 1;
  dao.save();

  const proposer = getOrCreateDelegate(params.proposer, event.block.timestamp);
  proposer.proposalsCreated += 1;
  proposer.save();

  const id = params.proposalId.toString();
  const p = new Proposal(id);
  p.proposalId = params.proposalId;
  p.proposer = params.proposer;
  p.description = params.description;
  p.title = titleOf(params.description);
  p.descriptionHash = Bytes.fromByteArray(crypto.keccak256(ByteArray.fromUTF8(params.description)));
  p.targets = changetype<Bytes[]>(params.targets);
  p.values = params.values;
  p.calldatas = params.calldatas;
  p.voteStart = params.voteStart;
  p.voteEnd = params.voteEnd;
  p.quorum = dao.quorumNumerator.times(dao.totalSupply).div(dao.quorumDenominator);
  p.forVotes = ZERO;
  p.againstVotes = ZERO;
  p.abstainVotes = ZERO;
  p.voteCount = 0;
  p.state = "Pending";
  p.createdAt = event.block.timestamp;
  p.createdAtBlock = event.block.number;
  p.transactionHash = event.transaction.hash;
  p.save();

  const r = daoContracts();
  for (let i = 0; i < params.targets.length; i++) {
    saveAction(id, i, params.targets[i], params.values[i], params.calldatas[i], r);
  }
}
