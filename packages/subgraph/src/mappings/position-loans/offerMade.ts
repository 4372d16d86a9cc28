import { OfferMade } from "../../../generated/PositionLoans/PositionLoans";
import { LoanOffer, Position } from "../../../generated/schema";
import { getOrCreateToken } from "../../utils/loaders";
import {
  addressOfTarget,
  collateralKindName,
  getOrCreateLender,
  OFFER_NONCE_CANCELLED,
  OFFER_OPEN,
  smallInt,
} from "../../utils/loans";

/** makeOffer: a lender's standing offer (Terms and Collateral are tuples), Open unless its nonce is already void. */
export function handleOfferMade(event: OfferMade): void {
  const params = event.params;
  const terms = params.terms;
  const collateral = params.collateral;
  const kind = collateralKindName(collateral.kind);
  if (kind === null) return; // None or an unknown kind: the contract refuses it, nothing can fill it
  const lender = getOrCreateLender(params.lender, event.block);

  const offer = new LoanOffer(params.offerId.toString());
  offer.offerId = params.offerId;
  offer.lender = lender.account;
  offer.currency = getOrCreateToken(terms.currency).id;
  offer.principal = terms.principal;
  offer.aprBps = terms.aprBps;
  offer.duration = terms.duration;
  offer.minInterest = terms.minInterest;
  offer.rewardPriceWad = terms.rewardPriceWad;
  offer.collateralKind = kind;
  offer.target = collateral.target;
  if (kind == "Position") {
    const position = Position.load(collateral.target.toString());
    if (position != null) {
      offer.position = position.id;
      offer.offering = position.offering;
    }
  } else if (kind == "Offering") {
    offer.offering = collateral.target.toString();
  } else if (kind == "Asset") {
    offer.asset = collateral.target.toString();
  } else {
    const token = addressOfTarget(collateral.target);
    if (token !== null) offer.collateralToken = getOrCreateToken(token).id;
  }
  offer.collateralAmount = collateral.amount;
  offer.minUnits = collateral.minUnits;
  offer.minDaysLeft = collateral.minDaysLeft;
  offer.maxFills = smallInt(params.maxFills);
  offer.fills = 0;
  offer.nonce = params.nonce;
  offer.expiry = params.expiry;
  // The contract stamps the lender's current nonce; one below it was cancelled by cancelAllOffers.
  const live = params.nonce.ge(lender.nonce);
  offer.status = live ? OFFER_OPEN : OFFER_NONCE_CANCELLED;
  offer.createdAtTimestamp = event.block.timestamp;
  offer.createdAtBlock = event.block.number;
  offer.updatedAtTimestamp = event.block.timestamp;
  offer.save();

  if (live) {
    const open = lender.openOffers;
    open.push(offer.id);
    lender.openOffers = open;
  }
  lender.save();
}
