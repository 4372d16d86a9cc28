/**
 * anvil's well-known default accounts (mnemonic "test test ... junk", unlocked on every fresh
 * anvil) and the part each plays in the devstack seed: declared once in @dmex/deployments
 * (devAccounts.ts); here only the labels the dev wallet shows. Only ever used on the local chain.
 */
import {
  BUYER_INDICES,
  COUNCIL_INDICES,
  MINER_INDICES,
  ROLE_INDEX,
  SPARE_INDICES,
} from "@dmex/deployments/dev-accounts";

export {
  ANVIL_ACCOUNTS,
  BUYER_INDICES,
  COUNCIL_INDICES,
  MINER_INDICES,
  ROLE_INDEX,
  SPARE_INDICES,
} from "@dmex/deployments/dev-accounts";

const MINER_NAMES = [
  "Deepwell (miner)",
  "Nordic Hash (miner)",
  "Quickfil (miner, defaulting)",
  "Aurora Hashworks (miner, applying)",
];
/** What the seed gives the DMC holders among the buyers (packages/devstack/src/seed/plan.ts DMC_GRANTS). */
const BUYER_DMC: Readonly<Record<number, string>> = {
  8: "2.2M DMC",
  9: "2.2M DMC",
  10: "DMC delegate",
  11: "DMC, delegates to 10",
  15: "DMC, not delegated",
};

/** A short label of what account `index` does in the seeded world. */
export function devAccountLabel(index: number): string {
  const council = (COUNCIL_INDICES as readonly number[]).includes(index) ? ", council" : "";
  if (index === ROLE_INDEX.deployer) return `Deployer (DMC${council})`;
  if (index === ROLE_INDEX.treasury) return `Treasury${council ? " (council)" : ""}`;
  if (index === ROLE_INDEX.reporter) return `Oracle reporter${council ? " (council)" : ""}`;
  if (index === ROLE_INDEX.minter) return `Bridge minter${council ? " (council)" : ""}`;
  const miner = (MINER_INDICES as readonly number[]).indexOf(index);
  if (miner >= 0) return (MINER_NAMES[miner] ?? "Miner ()").replace(/\)$/, `${council})`);
  const buyer = (BUYER_INDICES as readonly number[]).indexOf(index);
  if (buyer >= 0) return `Buyer ${buyer + 1}${BUYER_DMC[index] ? ` (${BUYER_DMC[index]})` : ""}`;
  const spare = (SPARE_INDICES as readonly number[]).indexOf(index);
  if (spare >= 0) return `Fresh account ${spare + 1} (USDT${council})`;
  return `Account ${index}`;
}

/** Default dev account: the first spare, funded with USDT and untouched by the seed. */
export const DEFAULT_DEV_ACCOUNT_INDEX = SPARE_INDICES[0];
