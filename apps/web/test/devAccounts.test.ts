import { devAccounts } from "@dmex/deployments/dev-accounts";
import { describe, expect, it } from "vitest";

import * as dev from "~/services/devAccounts";

describe("dev wallet accounts", () => {
  it("are the shared dev accounts (@dmex/deployments), in order", () => {
    expect(dev.ANVIL_ACCOUNTS).toEqual(devAccounts.map((a) => a.address));
    expect(dev.ANVIL_ACCOUNTS).toHaveLength(20);
  });
  it("label the parts the devstack seed gives them", () => {
    expect(dev.devAccountLabel(0)).toMatch(/Deployer/);
    expect(dev.devAccountLabel(7)).toMatch(/Quickfil/);
    expect(dev.devAccountLabel(2)).toBe("Aurora Hashworks (miner, applying, council)");
    expect(dev.devAccountLabel(5)).toBe("Deepwell (miner)");
    expect(dev.devAccountLabel(8)).toBe("Buyer 1 (2.2M DMC)");
    expect(dev.devAccountLabel(15)).toMatch(/not delegated/);
    expect(dev.devAccountLabel(16)).toMatch(/Fresh/);
  });
  it("give every account a part (none is a bare 'Account n')", () => {
    for (const { index } of devAccounts) expect(dev.devAccountLabel(index)).not.toMatch(/^Account \d+$/);
  });
});
