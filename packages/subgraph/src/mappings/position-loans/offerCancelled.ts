import { OfferCancelled } from "../../../generated/PositionLoans/PositionLoans";
import { LoanOffer } from "../../../generated/schema";
import { closeOffer, OFFER_CANCELLED, OFFER_OPEN } from "../../utils/loans";

/** cancelOffer: an Open offer is Cancelled (one already void by the nonce keeps NonceCancelled). */
export function handleOfferCancelled(event: OfferCancelled): void {
  const offer = LoanOffer.load(event.params.offerId.toString());
  if (offer == null || offer.status != OFFER_OPEN) return;
  closeOffer(offer, OFFER_CANCELLED, event);
}
