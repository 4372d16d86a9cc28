import {
  bridgedTokenAbi,
  dmcTokenAbi,
  errorsAbi,
  dmexGovernorAbi,
  feeBuybackAbi,
  hashpowerExchangeAbi,
  insuranceFundAbi,
  liquidityMiningAbi,
  localChain,
  marketRateOracleAbi,
  minerApplicationsAbi,
  mutualInsuranceAbi,
  nodeStakingRewardsAbi,
  positionAuctionsAbi,
  positionListingsAbi,
  positionLoansAbi,
  positionStakingAbi,
  promotionNodesAbi,
  protocolFeeSplitterAbi,
  protocolParametersAbi,
  tradingRewardsAbi,
  uniswapV2PairAbi,
  uniswapV2Router02Abi,
  type DeployedContractName,
  type Deployment,
} from "@dmex/deployments";
import type { Address } from "viem";

import { StackError } from "../internal/errors.js";

export {
  bridgedTokenAbi,
  dmcTokenAbi,
  errorsAbi,
  dmexGovernorAbi,
  feeBuybackAbi,
  hashpowerExchangeAbi,
  insuranceFundAbi,
  liquidityMiningAbi,
  localChain,
  marketRateOracleAbi,
  minerApplicationsAbi,
  mutualInsuranceAbi,
  nodeStakingRewardsAbi,
  positionAuctionsAbi,
  positionListingsAbi,
  positionLoansAbi,
  positionStakingAbi,
  promotionNodesAbi,
  protocolFeeSplitterAbi,
  protocolParametersAbi,
  tradingRewardsAbi,
  uniswapV2PairAbi,
  uniswapV2Router02Abi,
  type Deployment,
};

/** Address of `name` in `deployment`, or a clear error. */
export function requireContractIn(deployment: Deployment, name: DeployedContractName): Address {
  const contract = deployment.contracts[name];
  if (contract === undefined) throw new StackError(`The deployment on chain ${deployment.chainId} has no ${name}.`);
  return contract.address;
}

/** Governor proposal states (OpenZeppelin IGovernor.ProposalState), by value. */
export const PROPOSAL_STATES = [
  "Pending",
  "Active",
  "Canceled",
  "Defeated",
  "Succeeded",
  "Queued",
  "Expired",
  "Executed",
] as const;
export type ProposalStateName = (typeof PROPOSAL_STATES)[number];

/** MinerApplications stake states (StakeState), by value. */
export const STAKE_STATES = ["Locked", "Withdrawable", "Withdrawn", "Slashed"] as const;
export type StakeStateName = (typeof STAKE_STATES)[number];
