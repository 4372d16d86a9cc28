import { ProposalGuardianSet } from "../../../generated/DmexGovernor/DmexGovernor";
import { ZERO_ADDRESS } from "../../utils/constants";
import { PROPOSAL_GUARDIAN, setCouncilPower } from "../../utils/council";
import { getOrCreateDao } from "../../utils/dao";
import { GOVERNOR, setAddressParameter } from "../../utils/governance";

/** The council's proposalGuardian power follows the guardian; address(0) removes it (hand-over). */
export function handleProposalGuardianSet(event: ProposalGuardianSet): void {
  const guardian = event.params.newGuardian;
  // Council first: it saves DaoContracts, which the Dao loaded below then includes.
  setCouncilPower(event, event.params.oldGuardian, PROPOSAL_GUARDIAN, false);
  setCouncilPower(event, guardian, PROPOSAL_GUARDIAN, true);
  const dao = getOrCreateDao(event.address);
  dao.proposalGuardian = guardian.equals(ZERO_ADDRESS) ? null : guardian;
  dao.save();
  setAddressParameter(event, GOVERNOR, "proposalGuardian", guardian);
}
