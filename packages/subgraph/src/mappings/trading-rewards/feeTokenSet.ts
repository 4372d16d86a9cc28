import { BigInt } from "@graphprotocol/graph-ts";

import { FeeTokenSet } from "../../../generated/TradingRewards/TradingRewards";
import { setIntParameter, setParameter } from "../../utils/governance";
import { REWARDS } from "../../utils/rewards";
import { feeTokenDecimalsParameter } from "../../utils/trading";

/**
 * setFeeToken: a fee token listed (or not) with its decimals; the decimals also let the floor price
 * compare listings priced in another stablecoin than the offering's.
 */
export function handleFeeTokenSet(event: FeeTokenSet): void {
  const token = event.params.token;
  setParameter(event, REWARDS, "feeToken." + token.toHexString(), event.params.listed ? "true" : "false");
  setIntParameter(event, REWARDS, feeTokenDecimalsParameter(token), BigInt.fromI32(event.params.decimals));
}
