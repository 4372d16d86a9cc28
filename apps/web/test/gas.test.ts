import { describe, expect, it } from "vitest";

import { GAS_MARGIN_BPS, withGasMargin } from "~/lib/gas";

describe("withGasMargin", () => {
  it("adds the margin to the estimate, rounding down", () => {
    expect(GAS_MARGIN_BPS).toBe(2_000n);
    // the estimate anvil gave PositionStaking.unstake, which reverted when sent as is
    expect(withGasMargin(66_074n)).toBe(79_288n);
    expect(withGasMargin(21_000n)).toBe(25_200n);
    expect(withGasMargin(0n)).toBe(0n);
  });
  it("refuses a negative estimate", () => {
    expect(() => withGasMargin(-1n)).toThrow(/negative/);
  });
});
