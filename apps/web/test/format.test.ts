import { describe, expect, it } from "vitest";

import { parseAmount, validateAmount, validateUnits } from "~/lib/amount";
import { formatAmount, formatDay, formatPercent, formatToken, shortAddress } from "~/lib/format";

describe("formatAmount", () => {
  it("groups thousands and trims trailing zeros", () => {
    expect(formatAmount(1_234_567_890_000n, 6)).toBe("1,234,567.89");
    expect(formatAmount(1_000_000n, 6)).toBe("1");
    expect(formatAmount(0n, 18)).toBe("0");
  });
  it("rounds down, never up", () => {
    expect(formatAmount(999_999n, 6, 2)).toBe("0.99");
    expect(formatAmount(19_999n, 4, 2)).toBe("1.99");
  });
  it("marks dust instead of showing zero", () => {
    expect(formatAmount(1n, 18)).toBe("<0.0001");
    expect(formatAmount(-1n, 18)).toBe(">-0.0001");
  });
  it("handles 0 and 8 decimals and negatives", () => {
    expect(formatAmount(42n, 0)).toBe("42");
    expect(formatAmount(12_345_678n, 8, 8)).toBe("0.12345678");
    expect(formatAmount(-2_500_000n, 6)).toBe("-2.5");
    expect(formatToken(420_000n, 6, "USDT")).toBe("0.42 USDT");
  });
  it("formats percents, days and addresses", () => {
    expect(formatPercent(0.12345)).toBe("12.3%");
    expect(formatPercent(null)).toBe("n/a");
    expect(formatDay(20_000)).toBe("2024-10-04");
    expect(shortAddress("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")).toBe("0x7099…79C8");
  });
});

describe("amount input", () => {
  it("parses decimals exactly in base units", () => {
    expect(parseAmount("12.5", 6)).toEqual({ ok: true, value: 12_500_000n });
    expect(parseAmount("0.000001", 6)).toEqual({ ok: true, value: 1n });
    expect(parseAmount(".5", 18)).toEqual({ ok: true, value: 5n * 10n ** 17n });
    expect(parseAmount("1,000", 6)).toEqual({ ok: true, value: 1_000_000_000n });
  });
  it("rejects more decimals than the token has (USDT has 6)", () => {
    expect(parseAmount("0.0000001", 6).ok).toBe(false);
    expect(parseAmount("1.5", 0)).toEqual({ ok: false, error: "Whole numbers only." });
  });
  it("rejects signs, exponents, garbage and empty input", () => {
    for (const bad of ["-1", "1e6", "abc", ".", "1.2.3", "", "  "]) expect(parseAmount(bad, 6).ok).toBe(false);
  });
  it("rejects zero, more than the balance and overflow", () => {
    expect(validateAmount("0", 6).ok).toBe(false);
    expect(validateAmount("2", 6, { balance: 1_000_000n, symbol: "USDT" })).toEqual({
      ok: false,
      error: "Insufficient USDT balance.",
    });
    expect(validateAmount("1", 6, { balance: 1_000_000n }).ok).toBe(true);
    expect(parseAmount("1" + "0".repeat(80), 0).ok).toBe(false);
  });
  it("validates units as whole numbers within what is left", () => {
    expect(validateUnits("10", 100n)).toEqual({ ok: true, value: 10n });
    expect(validateUnits("1.5", 100n).ok).toBe(false);
    expect(validateUnits("0", 100n).ok).toBe(false);
    expect(validateUnits("101", 100n)).toEqual({ ok: false, error: "Only 100 units are left." });
  });
});
