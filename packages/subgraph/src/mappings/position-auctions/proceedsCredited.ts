import { ProceedsCredited } from "../../../generated/PositionAuctions/PositionAuctions";
import { getOrCreateBalance } from "../../utils/auctions";
import { getOrCreateToken } from "../../utils/loaders";
import { tradingAccount } from "../../utils/trading";

/** A settled secondary auction's seller was credited the winning bid less the fee. */
export function handleProceedsCredited(event: ProceedsCredited): void {
  const params = event.params;
  const seller = tradingAccount(params.seller, event.block);
  getOrCreateToken(params.token);
  const balance = getOrCreateBalance(seller.id, params.token);
  balance.proceeds = balance.proceeds.plus(params.amount);
  balance.save();
}
