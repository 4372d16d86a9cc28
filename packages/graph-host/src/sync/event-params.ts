import type { EventHandlerSpec } from "../manifest/types.js";
import { type EthValue, fromAbi } from "../runtime/ethereum.js";
import type { ChainLog } from "../runtime/triggers.js";
import { hexToBytes } from "../store/values.js";
import { decodeParameters } from "./decode.js";

/** A log's event parameters by the handler's ABI; null when the log does not decode with it. */
export function decodeEventParams(
  handler: EventHandlerSpec,
  log: ChainLog,
): { name: string; value: EthValue }[] | null {
  const inputs = handler.abiEvent.inputs;
  let data: readonly unknown[];
  try {
    data = decodeParameters(
      inputs.filter((i) => !i.indexed),
      log.data,
    );
  } catch {
    return null;
  }
  let topic = 1;
  let d = 0;
  return inputs.map((input, i) => {
    const name = input.name || `param${i}`;
    if (!input.indexed) return { name, value: fromAbi(input, data[d++]) };
    const t = log.topics[topic++]!;
    // An indexed dynamic value is only its keccak hash in the topic.
    const dynamic =
      input.type === "string" || input.type === "bytes" || input.type.endsWith("]") || input.type.startsWith("tuple");
    if (dynamic) return { name, value: { kind: "fixedBytes", value: hexToBytes(t) } as EthValue };
    return { name, value: fromAbi(input, decodeParameters([input], t)[0]) };
  });
}
