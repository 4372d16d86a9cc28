/**
 * The one source of the local chain's dev accounts and the part each plays: anvil's default
 * mnemonic (unlocked on every fresh anvil), the deploy script's local defaults
 * (packages/contracts/script/Deploy.s.sol, checked against this file by test/devAccounts.test.ts),
 * the devstack seed, the gas and indexer benches, the web app's dev wallet and the e2e suite all
 * read it. Only ever used on the local chain (31337).
 */
import type { Address } from "viem";

/** anvil's default mnemonic. */
export const ANVIL_MNEMONIC = "test test test test test test test test test test test junk";

/** The first 20 accounts of the mnemonic (anvil is started with `--accounts 20`). */
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

/**
 * Single-holder roles. There is no registrar: offerings exist only through DAO-approved miner
 * applications, and the deployer renounces every role (the DAO timelock holds them).
 */
export const ROLE_INDEX = {
  /** Deploys; on the local chain receives the 5M DMC genesis distribution, which the seed hands out. */
  deployer: 0,
  /** Channel fee recipient (Deploy.s.sol DMEX_TREASURY). */
  treasury: 1,
  /** Oracle REPORTER_ROLE: publishes daily market averages (DMEX_REPORTER). */
  reporter: 3,
  /** The bridge: MINTER_ROLE on the USDT/IFIL/WBTC stand-ins (DMEX_MINTER). */
  minter: 4,
  /** Team vesting beneficiary (DMEX_TEAM). */
  teamVesting: 18,
  /** Backers vesting beneficiary (DMEX_BACKERS). */
  backersVesting: 19,
} as const;

/**
 * Miner slots (the seed plan's MINERS): Deepwell, Nordic Hash, Quickfil, and Aurora Hashworks on
 * account 2, whose application is still being voted on when the seed ends.
 */
export const MINER_INDICES = [5, 6, 7, 2] as const;
/** Buyers and DMC holders of the seed. */
export const BUYER_INDICES = [8, 9, 10, 11, 12, 13, 14, 15] as const;
/**
 * Funded with USDT but otherwise untouched by the seed (no DMC, no positions): free for manual and
 * e2e use. 16 and 17 are also council Safe owners, 18 and 19 the vesting beneficiaries.
 */
export const SPARE_INDICES = [16, 17, 18, 19] as const;
/** The council Safe's owners on the local chain (threshold 4 of 7; DMEX_COUNCIL). */
export const COUNCIL_INDICES = [0, 1, 2, 3, 4, 16, 17] as const;
export const COUNCIL_THRESHOLD = 4;

export type DevRole = keyof typeof ROLE_INDEX | "miner" | "buyer" | "spare" | "council";

export interface DevAccount {
  readonly index: number;
  readonly address: Address;
  readonly roles: readonly DevRole[];
}

const has = (list: readonly number[], index: number) => list.includes(index);

/** Every dev account with the roles it plays, by index. */
export const devAccounts: readonly DevAccount[] = ANVIL_ACCOUNTS.map((address, index) => ({
  index,
  address,
  roles: [
    ...(Object.entries(ROLE_INDEX) as [keyof typeof ROLE_INDEX, number][])
      .filter(([, i]) => i === index)
      .map(([role]) => role),
    ...(has(MINER_INDICES, index) ? (["miner"] as const) : []),
    ...(has(BUYER_INDICES, index) ? (["buyer"] as const) : []),
    ...(has(SPARE_INDICES, index) ? (["spare"] as const) : []),
    ...(has(COUNCIL_INDICES, index) ? (["council"] as const) : []),
  ],
}));

/** Address of dev account `index` (0-19). */
export function anvilAddress(index: number): Address {
  const address = ANVIL_ACCOUNTS[index];
  if (address === undefined)
    throw new Error(`no dev account ${index}: anvil runs with ${ANVIL_ACCOUNTS.length} accounts`);
  return address;
}
