import { PremiumBpsSet } from "../../../generated/ProtocolFeeSplitter/ProtocolFeeSplitter";
import { feeSplitter } from "../../utils/fees";

/** The insurance premium share of what is left after commission (basis points). */
export function handlePremiumBpsSet(event: PremiumBpsSet): void {
  const splitter = feeSplitter(event);
  splitter.premiumBps = event.params.premiumBps.toI32();
  splitter.save();
}
