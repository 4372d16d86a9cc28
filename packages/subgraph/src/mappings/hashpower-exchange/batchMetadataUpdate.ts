import { BatchMetadataUpdate } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { MetadataUpdate as MetadataUpdateRecord } from "../../../generated/schema";
import { eventId } from "../../utils/ids";
import { getOrCreateProtocol } from "../../utils/loaders";

/**
 * ERC-4906 BatchMetadataUpdate (status change of an offering, new renderer) covers every token
 * id: recorded once on the protocol instead of touching every position.
 */
export function handleBatchMetadataUpdate(event: BatchMetadataUpdate): void {
  const record = new MetadataUpdateRecord(eventId(event));
  record.fromTokenId = event.params._fromTokenId;
  record.toTokenId = event.params._toTokenId;
  record.blockNumber = event.block.number;
  record.timestamp = event.block.timestamp;
  record.transactionHash = event.transaction.hash;
  record.logIndex = event.logIndex;
  record.save();

  const protocol = getOrCreateProtocol(event.address);
  protocol.lastBatchMetadataUpdate = record.id;
  protocol.save();
}
