import { ApplicationSubmitted } from "../../../generated/MinerApplications/MinerApplications";
import { Application, MinerStake } from "../../../generated/schema";
import { daoContracts, saveDaoContracts, withContract } from "../../utils/dao";
import { assetId } from "../../utils/ids";
import { loadProposal } from "../../utils/proposals";

/** The application, its Locked stake, and the link from its proposal (created earlier in the same transaction). */
export function handleApplicationSubmitted(event: ApplicationSubmitted): void {
  const params = event.params;
  const t = params.terms;
  const id = params.applicationId.toString();

  const stake = new MinerStake(id);
  stake.application = id;
  stake.miner = params.miner;
  stake.amount = params.stake;
  stake.state = "Locked";
  stake.save();

  const a = new Application(id);
  a.applicationId = params.applicationId;
  a.miner = params.miner;
  a.minerName = t.minerName;
  a.disclosureURI = t.disclosureURI;
  a.asset = assetId(t.assetId.toI32());
  a.paymentToken = t.paymentToken;
  a.rewardToken = t.rewardToken;
  a.unitsTotal = t.unitsTotal;
  a.pricePerUnit = t.pricePerUnit;
  a.saleStart = t.saleStart;
  a.saleEnd = t.saleEnd;
  a.termStartDay = t.termStartDay.toI32();
  a.termEndDay = t.termEndDay.toI32();
  a.expectedDailyRewardPerUnitWad = t.expectedDailyRewardPerUnitWad;
  a.totalHashpower = t.totalHashpower;
  a.effectiveHashpower = t.effectiveHashpower;
  a.description = params.description;
  a.proposal = params.proposalId.toString();
  a.status = "Voting";
  a.stake = id;
  a.createdAt = event.block.timestamp;
  a.transactionHash = event.transaction.hash;
  a.save();

  const proposal = loadProposal(params.proposalId);
  proposal.application = id;
  proposal.save();

  const r = withContract(daoContracts(), "applications", event.address);
  r.applicationCount += 1;
  r.stakedTotal = r.stakedTotal.plus(params.stake);
  saveDaoContracts(r);
}
