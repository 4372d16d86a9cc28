// Event parameters as graph-node hands them to a mapping: non-indexed tuple parameters (PositionLoans'
// OfferMade carries two structs) decode into ethereum.Tuple values whose items follow the components'
// order, enums as uint, negative int256 as int; an indexed tuple is only its topic hash (fixedBytes);
// data that does not decode with the handler's ABI is no event for it.
import {
  type AbiEvent,
  encodeAbiParameters,
  encodeEventTopics,
  type Hex,
  keccak256,
  toEventSelector,
  toHex,
} from "viem";
import { describe, expect, it } from "vitest";

import type { EventHandlerSpec } from "../src/manifest/types.js";
import type { ChainLog } from "../src/runtime/triggers.js";
import { decodeEventParams } from "../src/sync/event-params.js";
import { bytesToHex } from "../src/store/values.js";

const TERMS = {
  name: "terms",
  type: "tuple",
  components: [
    { name: "currency", type: "address" },
    { name: "principal", type: "uint96" },
    { name: "aprBps", type: "uint16" },
    { name: "duration", type: "uint32" },
    { name: "minInterest", type: "uint96" },
    { name: "rewardPriceWad", type: "uint96" },
  ],
} as const;
const COLLATERAL = {
  name: "collateral",
  type: "tuple",
  components: [
    { name: "target", type: "uint256" },
    { name: "kind", type: "uint8" },
    { name: "minUnits", type: "uint40" },
    { name: "minDaysLeft", type: "uint16" },
    { name: "amount", type: "uint96" },
  ],
} as const;
const OFFER_MADE = {
  type: "event",
  name: "OfferMade",
  inputs: [
    { name: "offerId", type: "uint256", indexed: true },
    { name: "lender", type: "address", indexed: true },
    { ...TERMS, indexed: false },
    { ...COLLATERAL, indexed: false },
    { name: "expiry", type: "uint256", indexed: false },
    { name: "delta", type: "int256", indexed: false },
  ],
} as const satisfies AbiEvent;

const CURRENCY = "0x00000000000000000000000000000000000a11ce";
const LENDER = "0x0000000000000000000000000000000000000bee";
const terms = {
  currency: CURRENCY,
  principal: 10n ** 27n,
  aprBps: 65_535,
  duration: 86_400,
  minInterest: 3n,
  rewardPriceWad: 5_000_000n,
};
const collateral = { target: (1n << 256n) - 1n, kind: 4, minUnits: 2n ** 40n - 1n, minDaysLeft: 7, amount: 9n };

function logOf(event: AbiEvent, args: Record<string, unknown>): ChainLog {
  const topics = encodeEventTopics({ abi: [event], eventName: event.name, args } as never) as Hex[];
  const data = event.inputs.filter((i) => !i.indexed);
  return {
    address: CURRENCY,
    topics,
    data: encodeAbiParameters(
      data,
      data.map((i) => args[i.name!]),
    ),
    blockNumber: 1n,
    blockHash: `0x${"11".repeat(32)}`,
    transactionHash: `0x${"22".repeat(32)}`,
    transactionIndex: 0n,
    logIndex: 0n,
    removed: false,
  };
}

const spec = (event: AbiEvent) => ({ abiEvent: event }) as EventHandlerSpec;
type Plain = string | bigint | boolean | Plain[];
/** EthValue -> plain values (bytes as hex) for comparison. */
function plain(value: { kind: string; value: unknown }): Plain {
  if (value.value instanceof Uint8Array) return bytesToHex(value.value);
  if (Array.isArray(value.value)) return value.value.map(plain);
  return value.value as Plain;
}

describe("event parameters", () => {
  it("decodes non-indexed tuple parameters into ethereum.Tuple values in component order", () => {
    const params = decodeEventParams(
      spec(OFFER_MADE),
      logOf(OFFER_MADE, { offerId: 7n, lender: LENDER, terms, collateral, expiry: 99n, delta: -5n }),
    )!;
    expect(params.map((p) => [p.name, p.value.kind])).toEqual([
      ["offerId", "uint"],
      ["lender", "address"],
      ["terms", "tuple"],
      ["collateral", "tuple"],
      ["expiry", "uint"],
      ["delta", "int"],
    ]);
    const [, , t, c, , delta] = params;
    expect((t!.value.value as { kind: string }[]).map((v) => v.kind)).toEqual([
      "address",
      "uint",
      "uint",
      "uint",
      "uint",
      "uint",
    ]);
    expect(plain(t!.value)).toEqual([CURRENCY, 10n ** 27n, 65_535n, 86_400n, 3n, 5_000_000n]);
    expect(plain(c!.value)).toEqual([(1n << 256n) - 1n, 4n, 2n ** 40n - 1n, 7n, 9n]);
    expect(delta!.value).toEqual({ kind: "int", value: -5n });
    expect(plain(params[1]!.value)).toBe(LENDER);
  });

  it("gives an indexed tuple as its topic (the hash), as graph-node does", () => {
    const event = {
      type: "event",
      name: "Pledged",
      inputs: [
        { ...COLLATERAL, indexed: true },
        { name: "amount", type: "uint256", indexed: false },
      ],
    } as const satisfies AbiEvent;
    // viem encodes no tuple topic: the hash of the struct's encoding, as solc emits it.
    const hash = keccak256(
      encodeAbiParameters(
        COLLATERAL.components.map((x) => ({ type: x.type })),
        [collateral.target, collateral.kind, collateral.minUnits, collateral.minDaysLeft, collateral.amount],
      ),
    );
    const log = {
      ...logOf(OFFER_MADE, { offerId: 7n, lender: LENDER, terms, collateral, expiry: 99n, delta: 0n }),
      topics: [toEventSelector(event), hash],
      data: encodeAbiParameters([{ type: "uint256" }], [1n]),
    };
    const params = decodeEventParams(spec(event), log)!;
    expect(params[0]!.value.kind).toBe("fixedBytes");
    expect(bytesToHex(params[0]!.value.value as Uint8Array)).toBe(hash);
    expect(params[1]!.value).toEqual({ kind: "uint", value: 1n });
  });

  it("returns null for data that does not decode with the handler's ABI (short tuple data)", () => {
    const log = logOf(OFFER_MADE, { offerId: 7n, lender: LENDER, terms, collateral, expiry: 99n, delta: 0n });
    expect(decodeEventParams(spec(OFFER_MADE), { ...log, data: log.data.slice(0, 2 + 64 * 5) as Hex })).toBeNull();
    expect(decodeEventParams(spec(OFFER_MADE), { ...log, data: toHex(new Uint8Array(0)) })).toBeNull();
  });
});
