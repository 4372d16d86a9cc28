import { FundAdded } from "../../../generated/MutualInsurance/MutualInsurance";
import { insurancePool } from "../../utils/insurance";

/** DMC joined the fund (addToFund, or syncFund of DMC sent without a call, e.g. InsuranceFund.pay). */
export function handleFundAdded(event: FundAdded): void {
  const pool = insurancePool(event);
  pool.fund = event.params.fund;
  pool.save();
}
