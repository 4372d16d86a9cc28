/**
 * Which anvil account plays which part: declared once in @dmex/deployments (devAccounts.ts), which
 * the deploy script's local defaults are checked against; the seed reads it from there.
 */
export {
  ANVIL_ACCOUNTS,
  ANVIL_MNEMONIC,
  anvilAddress,
  BUYER_INDICES,
  COUNCIL_INDICES,
  devAccounts,
  MINER_INDICES,
  ROLE_INDEX,
  SPARE_INDICES,
  type DevAccount,
  type DevRole,
} from "@dmex/deployments";
