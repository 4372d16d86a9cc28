import { AllOffersCancelled } from "../../../generated/PositionLoans/PositionLoans";
import { LoanOffer } from "../../../generated/schema";
import { getOrCreateLender, OFFER_NONCE_CANCELLED, OFFER_OPEN } from "../../utils/loans";

/**
 * cancelAllOffers: the lender's nonce moves to `nonce`; its Open offers made with a lower one are
 * NonceCancelled. Only the lender's own open list is visited, never all offers.
 */
export function handleAllOffersCancelled(event: AllOffersCancelled): void {
  const nonce = event.params.nonce;
  const lender = getOrCreateLender(event.params.lender, event.block);
  if (nonce.gt(lender.nonce)) lender.nonce = nonce;
  const ids = lender.openOffers;
  const kept: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    const offer = LoanOffer.load(ids[i]);
    if (offer == null || offer.status != OFFER_OPEN) continue;
    if (offer.nonce.ge(nonce)) {
      kept.push(ids[i]);
      continue;
    }
    offer.status = OFFER_NONCE_CANCELLED;
    offer.updatedAtTimestamp = event.block.timestamp;
    offer.save();
  }
  lender.openOffers = kept;
  lender.save();
}
