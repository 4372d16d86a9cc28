import { RequestMade } from "../../../generated/PositionLoans/PositionLoans";
import { LoanRequest, Position } from "../../../generated/schema";
import { getOrCreateToken } from "../../utils/loaders";
import { addressOfTarget, collateralKindName, REQUEST_OPEN } from "../../utils/loans";
import { tradingAccount } from "../../utils/trading";

/** requestLoan: a borrower's request (Terms and Collateral are tuples); nothing is locked until filled. */
export function handleRequestMade(event: RequestMade): void {
  const params = event.params;
  const terms = params.terms;
  const collateral = params.collateral;
  const kind = collateralKindName(collateral.kind);
  if (kind === null) return; // None or an unknown kind: the contract refuses it

  const request = new LoanRequest(params.requestId.toString());
  request.requestId = params.requestId;
  request.borrower = tradingAccount(params.borrower, event.block).id;
  request.currency = getOrCreateToken(terms.currency).id;
  request.principal = terms.principal;
  request.aprBps = terms.aprBps;
  request.duration = terms.duration;
  request.minInterest = terms.minInterest;
  request.rewardPriceWad = terms.rewardPriceWad;
  request.collateralKind = kind;
  request.target = collateral.target;
  if (kind == "Position") {
    const position = Position.load(collateral.target.toString());
    if (position != null) {
      request.position = position.id;
      request.offering = position.offering;
    }
  } else if (kind == "Offering") {
    request.offering = collateral.target.toString();
  } else if (kind == "Token") {
    const token = addressOfTarget(collateral.target);
    if (token !== null) request.collateralToken = getOrCreateToken(token).id;
  }
  request.collateralAmount = collateral.amount;
  request.expiry = params.expiry;
  request.status = REQUEST_OPEN;
  request.createdAtTimestamp = event.block.timestamp;
  request.createdAtBlock = event.block.number;
  request.updatedAtTimestamp = event.block.timestamp;
  request.save();
}
