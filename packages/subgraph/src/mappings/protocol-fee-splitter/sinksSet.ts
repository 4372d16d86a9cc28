import { SinksSet } from "../../../generated/ProtocolFeeSplitter/ProtocolFeeSplitter";
import { feeSplitter } from "../../utils/fees";

/** The sinks: the nodes' commission ledger, the insurance pool and the buyback (zero: skipped). */
export function handleSinksSet(event: SinksSet): void {
  const splitter = feeSplitter(event);
  splitter.commissionLedger = event.params.commissionLedger;
  splitter.premiumSink = event.params.premiumSink;
  splitter.buyback = event.params.buyback;
  splitter.save();
}
