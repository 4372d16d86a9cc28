import {
  parseEventLogs,
  type Abi,
  type ContractEventName,
  type ParseEventLogsReturnType,
  type TransactionReceipt,
} from "viem";

import { StackError } from "../internal/errors.js";

/** The first `eventName` event `address` emitted in `receipt`, or a clear error (the seed relies on it). */
export function eventIn<const abi extends Abi, name extends ContractEventName<abi>>(
  receipt: TransactionReceipt,
  address: `0x${string}`,
  abi: abi,
  eventName: name,
): ParseEventLogsReturnType<abi, name, true>[number] {
  const logs = receipt.logs.filter((l) => l.address.toLowerCase() === address.toLowerCase());
  const [event] = parseEventLogs({ abi, eventName, logs });
  if (event === undefined) throw new StackError(`no ${eventName} event of ${address} in ${receipt.transactionHash}`);
  return event;
}
