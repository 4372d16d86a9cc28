import {
  bridgedTokenAbi,
  hashpowerExchangeAbi,
  localChain,
  marketRateOracleAbi,
  type DeployedContractName,
  type Deployment,
} from "@dmex/deployments";
import type { Address } from "viem";

import { StackError } from "../internal/errors.js";

export { bridgedTokenAbi, hashpowerExchangeAbi, localChain, marketRateOracleAbi, type Deployment };

/** Address of `name` in `deployment`, or a clear error. */
export function requireContractIn(deployment: Deployment, name: DeployedContractName): Address {
  const contract = deployment.contracts[name];
  if (contract === undefined) throw new StackError(`The deployment on chain ${deployment.chainId} has no ${name}.`);
  return contract.address;
}
