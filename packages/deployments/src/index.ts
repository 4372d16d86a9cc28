/**
 * @dmex/deployments: ABIs, addresses and chain config for every DMEX consumer.
 * Everything under `generated/` is written by `src/generator` from forge's artifacts and broadcasts.
 */
import { deployments as generatedDeployments } from "./generated/deployments.js";
import type { ContractDeployment, DeployedContractName, Deployment } from "./types.js";

export * from "./generated/abis.js";
export * from "./chains.js";
export * from "./devAccounts.js";
export type { ApplicationTerms } from "./structs.js";
export {
  deployedContractNames,
  type Address,
  type ContractDeployment,
  type DeployedContractName,
  type Deployment,
} from "./types.js";

/** Every deployment known to this build, by chain id. The local one only while its chain runs. */
export const deployments: Readonly<Record<number, Deployment>> = generatedDeployments;

/** The deployment on `chainId`, or undefined if DMEX is not deployed there (in this build). */
export function getDeployment(chainId: number): Deployment | undefined {
  return deployments[chainId];
}

/** One deployed contract, or a clear error naming what is missing and how to get it. */
export function requireContract(chainId: number, name: DeployedContractName): ContractDeployment {
  const deployment = getDeployment(chainId);
  if (deployment === undefined) {
    throw new Error(
      `No DMEX deployment for chain ${chainId} in @dmex/deployments. ` +
        (chainId === 31337
          ? "Start the local stack with `npm run dev`."
          : "Deploy there and rebuild @dmex/deployments."),
    );
  }
  const contract = deployment.contracts[name];
  if (contract === undefined) throw new Error(`${name} is not part of the DMEX deployment on chain ${chainId}.`);
  return contract;
}
