import { MetadataUpdate } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { MetadataUpdate as MetadataUpdateRecord, Position } from "../../../generated/schema";
import { eventId, positionId } from "../../utils/ids";

/** ERC-4906 MetadataUpdate: the card of one position changed (lock, unlock, refund). */
export function handleMetadataUpdate(event: MetadataUpdate): void {
  const tokenId = event.params._tokenId;
  const record = new MetadataUpdateRecord(eventId(event));
  record.fromTokenId = tokenId;
  record.toTokenId = tokenId;
  record.blockNumber = event.block.number;
  record.timestamp = event.block.timestamp;
  record.transactionHash = event.transaction.hash;
  record.logIndex = event.logIndex;
  record.save();

  const position = Position.load(positionId(tokenId));
  if (position != null) {
    position.metadataUpdatedAtBlock = event.block.number;
    position.save();
  }
}
