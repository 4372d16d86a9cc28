import { FeeDistribution } from "../../../generated/schema";
import { Distributed } from "../../../generated/ProtocolFeeSplitter/ProtocolFeeSplitter";
import { feeSplitter, loadSplitterToken } from "../../utils/fees";
import { eventId } from "../../utils/ids";
import { stamp } from "../../utils/records";

/** A fee token's balance split: the nodes' owed commission, the insurance premium share, the rest to the buyback. */
export function handleDistributed(event: Distributed): void {
  const p = event.params;
  const splitter = feeSplitter(event);
  splitter.distributionCount += 1;
  splitter.save();
  const t = loadSplitterToken(splitter, p.token);
  t.commission = t.commission.plus(p.commission);
  t.premium = t.premium.plus(p.premium);
  t.buyback = t.buyback.plus(p.buyback);
  t.kept = t.kept.plus(p.kept);
  t.save();
  const r = new FeeDistribution(eventId(event));
  r.token = t.id;
  r.caller = p.caller;
  r.balance = p.balance;
  r.commission = p.commission;
  r.premium = p.premium;
  r.buyback = p.buyback;
  r.kept = p.kept;
  stamp(r, event);
  r.save();
}
