import { Observed } from "../../../generated/FeeBuyback/FeeBuyback";
import { buybackProgram, loadBuybackToken } from "../../utils/fees";

/** A checkpoint of the pair's cumulative price: the newer one becomes the older one. */
export function handleObserved(event: Observed): void {
  const program = buybackProgram(event);
  program.save();
  const t = loadBuybackToken(program, event.params.token);
  t.prevObservedAt = t.lastObservedAt;
  t.lastObservedAt = event.params.timestamp;
  t.lastPriceCumulative = event.params.priceCumulative;
  t.save();
}
