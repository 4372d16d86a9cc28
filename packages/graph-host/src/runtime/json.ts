import { DeterministicError } from "../internal/errors.js";

/** JSON as graph-ts sees it: numbers keep their literal text (`JSONValue.toBigInt` needs every digit). */
export type JsonValue =
  | { kind: "null" }
  | { kind: "bool"; value: boolean }
  | { kind: "number"; value: string }
  | { kind: "string"; value: string }
  | { kind: "array"; value: JsonValue[] }
  | { kind: "object"; value: [string, JsonValue][] };

const MAX_DEPTH = 256;

/** A strict JSON parser that preserves number literals; errors are deterministic (bad input data). */
export function parseJson(text: string): JsonValue {
  let i = 0;
  const fail = (what: string): never => {
    throw new DeterministicError(`Failed to parse JSON: ${what} at position ${i}`);
  };
  const ws = () => {
    while (i < text.length && (text[i] === " " || text[i] === "\n" || text[i] === "\r" || text[i] === "\t")) i++;
  };
  const value = (depth: number): JsonValue => {
    if (depth > MAX_DEPTH) fail("nesting too deep");
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      const entries: [string, JsonValue][] = [];
      ws();
      if (text[i] === "}") {
        i++;
        return { kind: "object", value: entries };
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail("expected a key");
        const key = string();
        ws();
        if (text[i] !== ":") fail("expected `:`");
        i++;
        entries.push([key, value(depth + 1)]);
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "}") {
          i++;
          return { kind: "object", value: entries };
        } else fail("expected `,` or `}`");
      }
    }
    if (c === "[") {
      i++;
      const items: JsonValue[] = [];
      ws();
      if (text[i] === "]") {
        i++;
        return { kind: "array", value: items };
      }
      for (;;) {
        items.push(value(depth + 1));
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "]") {
          i++;
          return { kind: "array", value: items };
        } else fail("expected `,` or `]`");
      }
    }
    if (c === '"') return { kind: "string", value: string() };
    if (text.startsWith("true", i)) {
      i += 4;
      return { kind: "bool", value: true };
    }
    if (text.startsWith("false", i)) {
      i += 5;
      return { kind: "bool", value: false };
    }
    if (text.startsWith("null", i)) {
      i += 4;
      return { kind: "null" };
    }
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 4096));
    if (!m) return fail("unexpected character");
    i += m[0].length;
    return { kind: "number", value: m[0] };
  };
  const string = (): string => {
    const start = i;
    i++;
    let simple = true;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\\") {
        simple = false;
        i += 2;
      } else i++;
    }
    if (i >= text.length) fail("unterminated string");
    i++;
    const raw = text.slice(start, i);
    if (simple) return raw.slice(1, -1);
    try {
      return JSON.parse(raw) as string;
    } catch {
      return fail("bad string escape");
    }
  };
  const result = value(0);
  ws();
  if (i !== text.length) fail("trailing characters");
  return result;
}
