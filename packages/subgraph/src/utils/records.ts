import { Entity, ethereum, Value } from "@graphprotocol/graph-ts";

/** Sets the block number, timestamp and transaction hash every DAO event record carries. */
export function stamp(record: Entity, event: ethereum.Event): void {
  record.set("blockNumber", Value.fromBigInt(event.block.number));
  record.set("timestamp", Value.fromBigInt(event.block.timestamp));
  record.set("transactionHash", Value.fromBytes(event.transaction.hash));
}
