import { anvilAddress, BUYER_INDICES, MINER_INDICES, ROLE_INDEX, SPARE_INDICES } from "@dmex/devstack";
import { describe, expect, it } from "vitest";

import * as dev from "~/services/devAccounts";

describe("dev wallet accounts", () => {
  it("are anvil's well-known accounts, in order", () => {
    dev.ANVIL_ACCOUNTS.forEach((a, i) => expect(a.toLowerCase()).toBe(anvilAddress(i).toLowerCase()));
    expect(dev.ANVIL_ACCOUNTS).toHaveLength(20);
  });
  it("label the parts the devstack seed gives them", () => {
    expect(dev.ROLE_INDEX).toEqual(ROLE_INDEX);
    expect(dev.MINER_INDICES).toEqual(MINER_INDICES);
    expect(dev.BUYER_INDICES).toEqual(BUYER_INDICES);
    expect(dev.SPARE_INDICES).toEqual(SPARE_INDICES);
    expect(dev.devAccountLabel(0)).toMatch(/Deployer/);
    expect(dev.devAccountLabel(7)).toMatch(/Quickfil/);
    expect(dev.devAccountLabel(2)).toBe("Aurora Hashworks (miner, applying, council)");
    expect(dev.devAccountLabel(5)).toBe("Deepwell (miner)");
    expect(dev.devAccountLabel(8)).toBe("Buyer 1 (2.2M DMC)");
    expect(dev.devAccountLabel(15)).toMatch(/not delegated/);
    expect(dev.devAccountLabel(16)).toMatch(/Fresh/);
  });
});
