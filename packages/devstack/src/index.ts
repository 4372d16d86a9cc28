export { startStack, type Stack, type StartStackOptions } from "./start.js";
export { runSteps, type RunningSteps, type Service, type StackContext, type Step } from "./stack.js";
export { processStep, type ProcessStepOptions } from "./steps/process.js";
export { anvilStep, type AnvilOptions } from "./steps/anvil.js";
export { deployStep, DEPLOYER, type DeployOptions } from "./steps/deploy.js";
export { generateStep, type GenerateStepOptions } from "./steps/generate.js";
export { seedStep } from "./steps/seed.js";
export { graphHostStep, type GraphHostStepOptions } from "./steps/graphHost.js";
export { webStep, type WebStepOptions } from "./steps/web.js";
export { seed, type SeedOptions } from "./seed/run.js";
export { formatSeedSummary, type SeedSummary, type SeededOffering } from "./seed/summary.js";
export * as seedPlan from "./seed/plan.js";
export {
  ANVIL_ACCOUNTS,
  anvilAddress,
  ANVIL_MNEMONIC,
  BUYER_INDICES,
  COUNCIL_INDICES,
  devAccounts,
  MINER_INDICES,
  ROLE_INDEX,
  SPARE_INDICES,
  type DevAccount,
  type DevRole,
} from "./seed/accounts.js";
export { waitFor, waitForHttp, waitForRpc, assertPortFree, freePort, type WaitOptions } from "./internal/wait.js";
export { StackError } from "./internal/errors.js";
