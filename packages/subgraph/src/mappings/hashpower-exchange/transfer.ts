import { Transfer } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { Position, PositionTransfer } from "../../../generated/schema";
import { ZERO_ADDRESS } from "../../utils/constants";
import { eventId, positionId } from "../../utils/ids";
import { getOrCreateAccount, getOrCreateProtocol, getOrCreateProtocolDay } from "../../utils/loaders";
import { VOID_TRANSFER, voidListingOf } from "../../utils/trading";

/**
 * ERC-721 Transfer. A mint comes before its PositionPurchased (which creates the Position with
 * its owner), so only the counts and the history are written for it here. A Live listing is void
 * once the position leaves its seller (a sold one was closed by ListingSold, which comes first).
 */
export function handleTransfer(event: Transfer): void {
  const params = event.params;
  const protocol = getOrCreateProtocol(event.address);
  const protocolDay = getOrCreateProtocolDay(event.block.timestamp);
  const id = positionId(params.tokenId);
  const isMint = params.from.equals(ZERO_ADDRESS);

  const to = getOrCreateAccount(protocol, params.to, event.block);
  to.positionCount += 1;
  to.save();

  const record = new PositionTransfer(eventId(event));
  record.position = id;
  record.from = params.from;
  record.to = params.to;
  record.receiver = to.id;
  if (!isMint) {
    const from = getOrCreateAccount(protocol, params.from, event.block);
    from.positionCount -= 1;
    from.save();
    record.sender = from.id;

    const position = Position.load(id)!;
    position.owner = to.id;
    position.transferCount += 1;
    // ERC-721 clears the per-token approval on every transfer (without an Approval event).
    position.listingsApproved = false;
    voidListingOf(position, VOID_TRANSFER, event);
    position.updatedAtBlock = event.block.number;
    position.save();
    protocolDay.transfers += 1;
  }
  record.blockNumber = event.block.number;
  record.timestamp = event.block.timestamp;
  record.transactionHash = event.transaction.hash;
  record.logIndex = event.logIndex;
  record.save();

  protocol.save();
  protocolDay.save();
}
