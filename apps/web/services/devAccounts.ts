/**
 * anvil's well-known default accounts (mnemonic "test test ... junk", unlocked on every fresh
 * anvil) and the part each plays in the devstack seed (packages/devstack/src/seed/accounts.ts;
 * a unit test checks both agree). Only ever used on the local chain.
 */
import type { Address } from "viem";

export const ANVIL_ACCOUNTS: readonly Address[] = [
  "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
  "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
  "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
  "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
  "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65",
  "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc",
  "0x976EA74026E726554dB657fA54763abd0C3a0aa9",
  "0x14dC79964da2C08b23698B3D3cc7Ca32193d9955",
  "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f",
  "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720",
  "0xBcd4042DE499D14e55001CcbB24a551F3b954096",
  "0x71bE63f3384f5fb98995898A86B02Fb2426c5788",
  "0xFABB0ac9d68B0B445fB7357272Ff202C5651694a",
  "0x1CBd3b2770909D4e10f157cABC84C7264073C9Ec",
  "0xdF3e18d64BC6A983f673Ab319CCaE4f1a57C7097",
  "0xcd3B766CCDd6AE721141F452C550Ca635964ce71",
  "0x2546BcD3c84621e976D8185a91A922aE77ECEc30",
  "0xbDA5747bFD65F08deb54cb465eB87D40e51B197E",
  "0xdD2FD4581271e230360230F9337D5c0430Bf44C0",
  "0x8626f6940E2eb28930eFb4CeF49B2d1F2C9C1199",
];

/** No registrar since issue D: offerings come from DAO-approved applications (account 2 is a miner). */
export const ROLE_INDEX = { deployer: 0, treasury: 1, reporter: 3, minter: 4 } as const;
export const MINER_INDICES = [5, 6, 7, 2] as const;
export const BUYER_INDICES = [8, 9, 10, 11, 12, 13, 14, 15] as const;
export const SPARE_INDICES = [16, 17, 18, 19] as const;
/** The council Safe's owners on the local chain (4 of 7). */
export const COUNCIL_INDICES = [0, 1, 2, 3, 4, 16, 17] as const;
const MINER_NAMES = ["Deepwell (miner)", "Nordic Hash (miner)", "Quickfil (miner, defaulting)", "Aurora Hashworks (miner, applying)"];
/** What the seed gives the DMC holders among the buyers (packages/devstack/src/seed/plan.ts DMC_GRANTS). */
const BUYER_DMC: Readonly<Record<number, string>> = { 8: "2.2M DMC", 9: "2.2M DMC", 10: "DMC delegate", 11: "DMC, delegates to 10", 15: "DMC, not delegated" };

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
