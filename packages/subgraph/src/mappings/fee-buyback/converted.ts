import { BigInt } from "@graphprotocol/graph-ts";

import { Buyback } from "../../../generated/schema";
import { Converted } from "../../../generated/FeeBuyback/FeeBuyback";
import { ZERO } from "../../utils/constants";
import { buybackProgram, loadBuybackToken } from "../../utils/fees";
import { eventId } from "../../utils/ids";
import { stamp } from "../../utils/records";

const WAD = BigInt.fromString("1000000000000000000");

/** Fee token swapped for DMC on its pair, at no less than the TWAP bound; the DMC went to the behaviour bucket. */
export function handleConverted(event: Converted): void {
  const p = event.params;
  const program = buybackProgram(event);
  program.totalDmcBought = program.totalDmcBought.plus(p.dmcOut);
  program.conversions += 1;
  program.save();
  const t = loadBuybackToken(program, p.token);
  t.amountIn = t.amountIn.plus(p.amountIn);
  t.dmcOut = t.dmcOut.plus(p.dmcOut);
  t.dmcAtTwap = t.dmcAtTwap.plus(p.dmcAtTwap);
  t.conversions += 1;
  t.save();
  const r = new Buyback(eventId(event));
  r.token = t.id;
  r.caller = p.caller;
  r.amountIn = p.amountIn;
  r.dmcOut = p.dmcOut;
  r.dmcAtTwap = p.dmcAtTwap;
  r.minOut = p.minOut;
  r.window = p.window;
  r.pricePaidWad = p.dmcOut.isZero() ? ZERO : p.amountIn.times(WAD).div(p.dmcOut);
  r.twapPriceWad = p.dmcAtTwap.isZero() ? ZERO : p.amountIn.times(WAD).div(p.dmcAtTwap);
  stamp(r, event);
  r.save();
}
