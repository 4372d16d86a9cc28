import { InsurancePaid } from "../../../generated/InsuranceFund/InsuranceFund";
import { InsurancePayout } from "../../../generated/schema";
import { daoContracts, saveDaoContracts, withContract } from "../../utils/dao";
import { eventId } from "../../utils/ids";
import { stamp } from "../../utils/records";

export function handleInsurancePaid(event: InsurancePaid): void {
  const payout = new InsurancePayout(eventId(event));
  payout.token = event.params.token;
  payout.to = event.params.to;
  payout.amount = event.params.amount;
  payout.reason = event.params.reason;
  stamp(payout, event);
  payout.save();
  const r = withContract(daoContracts(), "insuranceFund", event.address);
  r.insurancePaidTotal = r.insurancePaidTotal.plus(event.params.amount);
  saveDaoContracts(r);
}
