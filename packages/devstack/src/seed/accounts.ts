import { mnemonicToAccount } from "viem/accounts";
import type { Address } from "viem";

/** anvil's default mnemonic: every account below is unlocked on a fresh anvil. */
export const ANVIL_MNEMONIC = "test test test test test test test test test test test junk";

/** Which anvil account plays which part. The deploy script's local defaults use the same indices 0-4. */
export const ROLE_INDEX = {
  deployer: 0, // admin + governor of the exchange and oracle, admin of the stand-in tokens
  treasury: 1, // channel fee recipient
  registrar: 2, // REGISTRAR_ROLE: creates offerings
  reporter: 3, // oracle REPORTER_ROLE: publishes daily market averages
  minter: 4, // the bridge: MINTER_ROLE on USDT/IFIL/WBTC stand-ins
} as const;
export const MINER_INDICES = [5, 6, 7] as const;
export const BUYER_INDICES = [8, 9, 10, 11, 12, 13, 14, 15] as const;
/** Funded with USDT but untouched by the seed: free for manual and e2e use. */
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
