import { type Hex, decodeAbiParameters } from "viem";

interface Input {
  readonly type: string;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const STATIC = /^(u?int(\d*)|address|bool|bytes([1-9]|[12]\d|3[012]))$/;

/**
 * `decodeAbiParameters` with a fast path for lists of static elementary types (uintN, intN,
 * address, bool, bytesN): the words are sliced out of the hex directly. Everything else, and any
 * malformed data, goes to viem, so results and failures are viem's (including its conversion of
 * uint/int of 48 bits or fewer to a JS number), except that addresses come back in lower case,
 * not checksummed: the indexer only reads their bytes.
 */
export function decodeParameters(inputs: readonly Input[], data: Hex): readonly unknown[] {
  const fast = decodeStatic(inputs, data);
  return fast ?? decodeAbiParameters(inputs as Parameters<typeof decodeAbiParameters>[0], data);
}

function decodeStatic(inputs: readonly Input[], data: Hex): unknown[] | null {
  if (inputs.length === 0 || data.length < 2 + 64 * inputs.length) return null;
  const out = new Array<unknown>(inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    const m = STATIC.exec(inputs[i]!.type);
    if (!m) return null;
    const word = data.slice(2 + 64 * i, 66 + 64 * i);
    if (!/^[0-9a-fA-F]{64}$/.test(word)) return null;
    if (m[2] !== undefined) {
      const bits = m[2] === "" ? 256 : Number(m[2]);
      const raw = BigInt(`0x${word}`);
      const value = m[1]!.startsWith("u") ? raw : BigInt.asIntN(256, raw);
      if (bits > 48) out[i] = value;
      else if (value <= MAX_SAFE && value >= -MAX_SAFE) out[i] = Number(value);
      else return null; // viem refuses it (IntegerOutOfRangeError)
    } else if (m[1] === "address") {
      out[i] = `0x${word.slice(24)}`;
    } else if (m[1] === "bool") {
      if (/^0{63}[01]$/.test(word)) out[i] = word.endsWith("1");
      else return null; // viem rejects anything but 0 and 1
    } else {
      out[i] = `0x${word.slice(0, 2 * Number(m[3]))}`;
    }
  }
  return out;
}
