import { describe, expect, it } from "vitest";
import * as bd from "../src/runtime/bigdecimal.js";
import { bigIntToLeBytes } from "../src/runtime/asc.js";
import { parseJson } from "../src/runtime/json.js";
import { toBase58 } from "../src/internal/base58.js";

const s = (x: string) => bd.toString(bd.parse(x));

describe("BigDecimal (graph-node semantics: 34 significant digits)", () => {
  it("normalises: trailing zeros removed, plain notation", () => {
    expect(s("1.500")).toBe("1.5");
    expect(s("1e3")).toBe("1000");
    expect(s("-0.00012300")).toBe("-0.000123");
    expect(s("0.000")).toBe("0");
  });

  it("rounds positives half-up and truncates negatives at 34 digits (bigdecimal 0.1 with_prec)", () => {
    expect(s("1.2345678901234567890123456789012345")).toBe("1.234567890123456789012345678901235");
    expect(s("1.2345678901234567890123456789012344")).toBe("1.234567890123456789012345678901234");
    expect(s("-1.2345678901234567890123456789012349")).toBe("-1.234567890123456789012345678901234");
  });

  it("divides to 34 digits", () => {
    expect(bd.toString(bd.dividedBy(bd.parse("1"), bd.parse("3")))).toBe("0.3333333333333333333333333333333333");
    expect(bd.toString(bd.dividedBy(bd.parse("2"), bd.parse("3")))).toBe("0.6666666666666666666666666666666667");
    expect(bd.toString(bd.dividedBy(bd.parse("-2"), bd.parse("3")))).toBe("-0.6666666666666666666666666666666666");
    expect(bd.toString(bd.dividedBy(bd.parse("10"), bd.parse("4")))).toBe("2.5");
    expect(() => bd.dividedBy(bd.parse("1"), bd.parse("0"))).toThrow(/Division by zero/);
  });

  it("adds, subtracts, multiplies exactly before normalising", () => {
    expect(bd.toString(bd.plus(bd.parse("0.1"), bd.parse("0.2")))).toBe("0.3");
    expect(bd.toString(bd.minus(bd.parse("1"), bd.parse("1.0001")))).toBe("-0.0001");
    expect(bd.toString(bd.times(bd.parse("1.5"), bd.parse("-2")))).toBe("-3");
    expect(bd.equals(bd.parse("1.0"), bd.parse("1"))).toBe(true);
  });

  it("rejects garbage", () => {
    expect(() => bd.parse("abc")).toThrow();
    expect(() => bd.parse("1e99999")).toThrow(/exponent/);
  });
});

describe("wire formats", () => {
  it("BigInt is minimal two's complement little-endian", () => {
    expect([...bigIntToLeBytes(0n)]).toEqual([0]);
    expect([...bigIntToLeBytes(255n)]).toEqual([255, 0]);
    expect([...bigIntToLeBytes(-1n)]).toEqual([255]);
    expect([...bigIntToLeBytes(-129n)]).toEqual([127, 255]);
    expect([...bigIntToLeBytes(256n)]).toEqual([0, 1]);
  });

  it("JSON keeps number literals", () => {
    expect(parseJson('{"a":[1,123456789012345678901234567890,-1.5e3,"x",null,true]}')).toEqual({
      kind: "object",
      value: [
        [
          "a",
          {
            kind: "array",
            value: [
              { kind: "number", value: "1" },
              { kind: "number", value: "123456789012345678901234567890" },
              { kind: "number", value: "-1.5e3" },
              { kind: "string", value: "x" },
              { kind: "null" },
              { kind: "bool", value: true },
            ],
          },
        ],
      ],
    });
    expect(() => parseJson("{bad")).toThrow(/JSON/);
    expect(() => parseJson("[1] x")).toThrow(/trailing/);
  });

  it("base58 keeps leading zero bytes as 1s", () => {
    expect(toBase58(Uint8Array.from([0, 1, 2, 3]))).toBe("1Ldp");
    expect(toBase58(Uint8Array.from([0x12, 0x20, ...new Uint8Array(32)]))).toBe(
      "QmNLei78zWmzUdbeRB3CiUfAizWUrbeeZh5K1rhAQKCh51",
    );
  });
});
