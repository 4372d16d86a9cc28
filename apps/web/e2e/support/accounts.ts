/** The seeded dev accounts the scenarios act as (one source: @dmex/deployments dev-accounts). */
import {
  ANVIL_ACCOUNTS,
  anvilAddress,
  BUYER_INDICES,
  MINER_INDICES,
  ROLE_INDEX,
  SPARE_INDICES,
} from "@dmex/deployments/dev-accounts";

export { ANVIL_ACCOUNTS as ANVIL, anvilAddress };

/** Holds no role since issue D (the DAO timelock does). */
export const DEPLOYER = ROLE_INDEX.deployer;
export const ORACLE_REPORTER = ROLE_INDEX.reporter;
export const BRIDGE_MINTER = ROLE_INDEX.minter;
export const MINER_DEEPWELL = MINER_INDICES[0];
/** Its application is still in the vote when the seed ends; holds no USDT. */
export const MINER_AURORA = MINER_INDICES[3];
/** Holds positions of offerings 1 (Deepwell) and 3 (the defaulting one); 2.2M DMC, self-delegated. */
export const BUYER_1 = BUYER_INDICES[0];
/** 2.2M DMC, self-delegated. */
export const BUYER_2 = BUYER_INDICES[1];
/** Funded with USDT, untouched by the seed. */
export const FRESH = SPARE_INDICES[1];
/** Funded with USDT, untouched by the seed. */
export const FRESH_2 = SPARE_INDICES[2];
