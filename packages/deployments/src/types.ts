import type { ChainKey } from "./chains.js";
import type { ContractArtifactName } from "./generated/abis.js";

/** A 20-byte hex address (same shape as viem's `Address`). */
export type Address = `0x${string}`;

/**
 * Names under which the deploy script's contracts are recorded. The stand-in tokens are three
 * instances of `BridgedToken`, named by their symbol; every other contract by its artifact name.
 */
export const deployedContractNames = [
  "HashpowerExchange",
  "MarketRateOracle",
  "OfferingFactory",
  "PositionRenderer",
  "USDT",
  "IFIL",
  "WBTC",
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
