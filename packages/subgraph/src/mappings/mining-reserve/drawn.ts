import { BigInt } from "@graphprotocol/graph-ts";

import { Drawn } from "../../../generated/MiningReserve/MiningReserve";
import { Parameter } from "../../../generated/schema";
import { RESERVE, setIntParameter } from "../../utils/governance";
import { remainingName } from "../../utils/reserve";

/** The DMC itself moves by Transfer (DMCToken); this lowers the bucket's remaining amount. */
export function handleDrawn(event: Drawn): void {
  const name = remainingName(event.params.bucket);
  const current = Parameter.load(RESERVE + "-" + name);
  const left = current == null ? BigInt.zero() : BigInt.fromString(current.value);
  setIntParameter(event, RESERVE, name, left.minus(event.params.amount));
}
