export { generate, clearOutputs, compilePackage, type GenerateOptions, type GenerateResult, type SkippedRun } from "./generate.js";
export { readArtifacts, collectErrors, signatureOf, ArtifactsError, type AbiItem, type ContractArtifact } from "./artifacts.js";
export { readBroadcasts, parseBroadcast, BroadcastError, type BroadcastContract, type BroadcastRun } from "./broadcast.js";
export { verifyRun, type Verdict } from "./verify.js";
export { packageRoot, contractsRoot, defaultArtifactsDir, defaultBroadcastDir } from "./paths.js";
export { GENERATED_NOTICE } from "./render.js";
