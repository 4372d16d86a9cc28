import { mnemonicToAccount } from "viem/accounts";
import type { Address } from "viem";

/** anvil's default mnemonic: every account below is unlocked on a fresh anvil. */
export const ANVIL_MNEMONIC = "test test test test test test test test test test test junk";

/**
 * Which anvil account plays which part. The deploy script's local defaults use the same indices.
 * There is no registrar: offerings exist only through DAO-approved miner applications, and the
 * deployer renounces every role (the DAO timelock holds them). The council Safe's owners are
 * accounts 0-4, 16 and 17 (threshold 4); 18 and 19 are the team and backers vesting beneficiaries.
 */
export const ROLE_INDEX = {
  deployer: 0, // deploys; receives the 5M DMC genesis distribution, which the seed hands out
  treasury: 1, // channel fee recipient
  reporter: 3, // oracle REPORTER_ROLE: publishes daily market averages
  minter: 4, // the bridge: MINTER_ROLE on USDT/IFIL/WBTC stand-ins
} as const;
/**
 * Miner slots (plan.ts MINERS): Deepwell, Nordic Hash, Quickfil, and Aurora Hashworks on account 2
 * (free since the registrar went), whose application is still being voted on when the seed ends.
 */
export const MINER_INDICES = [5, 6, 7, 2] as const;
export const BUYER_INDICES = [8, 9, 10, 11, 12, 13, 14, 15] as const;
/**
 * Funded with USDT but otherwise untouched by the seed (no DMC, no positions): free for manual and
 * e2e use. 16 and 17 are also council Safe owners, 18 and 19 the vesting beneficiaries (deploy).
 */
export const SPARE_INDICES = [16, 17, 18, 19] as const;

const cache = new Map<number, Address>();
/** Address of anvil default account `index`. */
export function anvilAddress(index: number): Address {
  let address = cache.get(index);
  if (address === undefined) {
    address = mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: index }).address;
    cache.set(index, address);
  }
  return address;
}
