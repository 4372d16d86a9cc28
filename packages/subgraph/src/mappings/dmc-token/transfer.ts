import { Transfer } from "../../../generated/DMCToken/DMCToken";
import { ZERO_ADDRESS } from "../../utils/constants";
import { daoContracts, saveDaoContracts, withContract } from "../../utils/dao";
import { getOrCreateDelegate } from "../../utils/delegates";

/** Balances; mints (the genesis allocations, the only ones) and burns move the total supply. */
export function handleTransfer(event: Transfer): void {
  const from = event.params.from;
  const to = event.params.to;
  const value = event.params.value;
  const now = event.block.timestamp;
  if (from.equals(ZERO_ADDRESS) || to.equals(ZERO_ADDRESS)) {
    const r = withContract(daoContracts(), "token", event.address);
    r.totalSupply = from.equals(ZERO_ADDRESS) ? r.totalSupply.plus(value) : r.totalSupply.minus(value);
    saveDaoContracts(r);
  }
  if (!from.equals(ZERO_ADDRESS)) {
    const sender = getOrCreateDelegate(from, now);
    sender.balance = sender.balance.minus(value);
    sender.updatedAt = now;
    sender.save();
  }
  if (!to.equals(ZERO_ADDRESS)) {
    const receiver = getOrCreateDelegate(to, now);
    receiver.balance = receiver.balance.plus(value);
    receiver.updatedAt = now;
    receiver.save();
  }
}
