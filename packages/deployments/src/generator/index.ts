export {
  generate,
  clearOutputs,
  compilePackage,
  type GenerateOptions,
  type GenerateResult,
  type SkippedRun,
} from "./generate.js";
export {
  readArtifacts,
  readSafeArtifacts,
  readUniswapArtifacts,
  collectErrors,
  DEPENDENCY_CONTRACTS,
  SAFE_CONTRACTS,
  UNISWAP_CONTRACTS,
  signatureOf,
  ArtifactsError,
  type AbiItem,
  type ContractArtifact,
} from "./artifacts.js";
export {
  readBroadcasts,
  parseBroadcast,
  BroadcastError,
  type BroadcastContract,
  type BroadcastRun,
  type ParseOptions,
} from "./broadcast.js";
export { verifyRun, type Verdict } from "./verify.js";
export {
  packageRoot,
  contractsRoot,
  defaultArtifactsDir,
  defaultBroadcastDir,
  defaultSafeArtifactsDir,
  defaultUniswapBuildDirs,
} from "./paths.js";
export { GENERATED_NOTICE } from "./render.js";
