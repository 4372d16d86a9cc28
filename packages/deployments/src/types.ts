import type { ChainKey } from "./chains.js";
import type { ContractArtifactName } from "./generated/abis.js";

/** A 20-byte hex address (same shape as viem's `Address`). */
export type Address = `0x${string}`;

/**
 * Names under which the deploy script's contracts are recorded. Every contract is named by its
 * artifact, except:
 * - the stand-in tokens, three `BridgedToken`s named by their symbol (`USDT`, `IFIL`, `WBTC`);
 * - the two `VestingWallet`s, named by the DMC allocation they receive (`TeamVesting`,
 *   `BackersVesting`: the labels of DMCToken's `Allocated` events, else creation order);
 * - `CouncilSafe`, the council's Safe proxy (ABI: `SafeL2`), created by `SafeProxyFactory`;
 * - `SafeL2` and `SafeProxyFactory`, Safe 1.4.1 deployed from the npm artifacts (forge cannot
 *   name them: recognised by their creation code). Absent where canonical Safe deployments are used.
 * - `WETH9`, `UniswapV2Factory` and `UniswapV2Router02`, Uniswap V2 deployed from the npm
 *   artifacts (recognised by their creation code like the Safe ones; absent where an existing
 *   Uniswap V2 is given by env);
 * - `DmcUsdtPair` and `DmcIfilPair`, the pairs (ABI: `UniswapV2Pair`) the factory creates in
 *   `createPair`, named by their tokens (else creation order: DMC/USDT first);
 * - `LiquidityMiningDmcUsdt` and `LiquidityMiningDmcIfil`, the two `LiquidityMining`s, named by
 *   the pair they stake (their first constructor argument; else creation order).
 * `MiningReserve` is created by DMCToken's constructor. `CouncilSafeSetup` (a one-shot setup
 * helper) and the `NodeVault` implementation PromotionNodes creates are not recorded.
 */
export const deployedContractNames = [
  "HashpowerExchange",
  "AssetRegistry",
  "MarketRateOracle",
  "OfferingFactory",
  "DefaultMonitor",
  "PrimaryAuctionSales",
  "PositionRenderer",
  "USDT",
  "IFIL",
  "WBTC",
  "DMCToken",
  "MiningReserve",
  "InsuranceFund",
  "DmexTimelock",
  "DmexGovernor",
  "MinerApplications",
  "ProtocolParameters",
  "CouncilSafe",
  "SafeL2",
  "SafeProxyFactory",
  "TeamVesting",
  "BackersVesting",
  "TradingRewards",
  "PositionListings",
  "PositionAuctions",
  "LoanOrders",
  "PositionLoans",
  "WETH9",
  "UniswapV2Factory",
  "UniswapV2Router02",
  "DmcUsdtPair",
  "DmcIfilPair",
  "ProtocolFeeSplitter",
  "FeeBuyback",
  "PromotionNodes",
  "MutualInsurance",
  "PositionStaking",
  "LiquidityMiningDmcUsdt",
  "LiquidityMiningDmcIfil",
  "NodeStakingRewards",
] as const;
export type DeployedContractName = (typeof deployedContractNames)[number];

export interface ContractDeployment {
  readonly address: Address;
  /** Block of the creation transaction: where indexers start. */
  readonly startBlock: number;
  /** The artifact (and so the ABI in `abis`) this instance was created from. */
  readonly contract: ContractArtifactName;
}

export interface Deployment {
  readonly chainId: number;
  readonly network: ChainKey;
  readonly contracts: Readonly<Partial<Record<DeployedContractName, ContractDeployment>>>;
}
