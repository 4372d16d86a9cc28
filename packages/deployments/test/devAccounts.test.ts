import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { mnemonicToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";

import {
  ANVIL_ACCOUNTS,
  ANVIL_MNEMONIC,
  BUYER_INDICES,
  COUNCIL_INDICES,
  COUNCIL_THRESHOLD,
  devAccounts,
  MINER_INDICES,
  ROLE_INDEX,
  SPARE_INDICES,
} from "../src/devAccounts.js";

const DEPLOY_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), "../../contracts/script/Deploy.s.sol");

describe("dev accounts", () => {
  it("are the first 20 accounts of anvil's default mnemonic", () => {
    expect(ANVIL_ACCOUNTS).toHaveLength(20);
    ANVIL_ACCOUNTS.forEach((address, addressIndex) =>
      expect(address).toBe(mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex }).address),
    );
  });

  it("give miners, buyers and spares separate accounts, and every role an existing one", () => {
    const groups = [...MINER_INDICES, ...BUYER_INDICES, ...SPARE_INDICES];
    expect(new Set(groups).size).toBe(groups.length);
    for (const index of [...groups, ...COUNCIL_INDICES, ...Object.values(ROLE_INDEX)])
      expect(ANVIL_ACCOUNTS[index]).toBeDefined();
    expect(COUNCIL_INDICES).toHaveLength(7);
    expect(devAccounts[ROLE_INDEX.treasury]?.roles).toEqual(["treasury", "council"]);
    expect(devAccounts[2]?.roles).toEqual(["miner", "council"]);
    expect(devAccounts[18]?.roles).toEqual(["teamVesting", "spare"]);
  });

  describe("agree with Deploy.s.sol's local defaults", () => {
    const script = readFileSync(DEPLOY_SCRIPT, "utf8");
    /** The anvil index `account("<env>", <index>, …)` falls back to on the local chain. */
    const defaultIndex = (env: string): number => {
      const match = script.match(new RegExp(`account\\("${env}",\\s*(\\d+),`));
      if (!match?.[1]) throw new Error(`Deploy.s.sol has no local default for ${env}`);
      return Number(match[1]);
    };

    it.each([
      ["DMEX_TREASURY", ROLE_INDEX.treasury],
      ["DMEX_REPORTER", ROLE_INDEX.reporter],
      ["DMEX_MINTER", ROLE_INDEX.minter],
      ["DMEX_TEAM", ROLE_INDEX.teamVesting],
      ["DMEX_BACKERS", ROLE_INDEX.backersVesting],
    ])("%s defaults to anvil account %i", (env, index) => {
      expect(defaultIndex(env)).toBe(index);
    });

    it("the council's owners and threshold", () => {
      const owners = script.match(/uint32\[7\] memory indexes = \[([^\]]+)\]/)?.[1];
      if (owners === undefined) throw new Error("Deploy.s.sol lists no local council indexes");
      expect(owners.split(",").map((entry) => Number(entry.replace(/uint32\(|\)/g, "").trim()))).toEqual([
        ...COUNCIL_INDICES,
      ]);
      expect(script).toMatch(new RegExp(`p\\.councilThreshold = ${COUNCIL_THRESHOLD};`));
    });

    it("the genesis DMC goes to the broadcaster locally (the devstack deploys from the deployer)", () => {
      expect(script).toMatch(/p\.genesisRecipient = local \? vm\.envOr\("DMEX_GENESIS", msg\.sender\)/);
    });
  });
});
