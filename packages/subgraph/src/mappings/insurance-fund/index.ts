// Handlers of InsuranceFund events: payouts voted by the DAO.
export { handleInsurancePaid } from "./insurancePaid";
export { handleOwnershipTransferred } from "./ownershipTransferred";
