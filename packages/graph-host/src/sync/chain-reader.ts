import type { Hex } from "viem";
import { MissingData } from "../internal/errors.js";
import type { ChainReader } from "../runtime/host-imports.js";
import type { Rpc } from "./rpc.js";

/**
 * Chain reads of the handlers of one block, at that block. A read not cached yet throws
 * `MissingData`: the runner fetches it and replays the handler, which then finds it here.
 */
export function cachedChainReader(rpc: Rpc, block: number): ChainReader {
  const calls = new Map<string, Hex | null>();
  const balances = new Map<string, bigint>();
  const codes = new Map<string, Hex>();
  return {
    call(to, data) {
      const key = `${to}:${data}`;
      if (calls.has(key)) return calls.get(key)!;
      throw new MissingData(async () => {
        calls.set(key, await rpc.call(to, data, block));
      });
    },
    balance(address) {
      const hit = balances.get(address);
      if (hit !== undefined) return hit;
      throw new MissingData(async () => {
        balances.set(address, await rpc.balance(address, block));
      });
    },
    code(address) {
      const hit = codes.get(address);
      if (hit !== undefined) return hit;
      throw new MissingData(async () => {
        codes.set(address, await rpc.code(address, block));
      });
    },
  };
}
