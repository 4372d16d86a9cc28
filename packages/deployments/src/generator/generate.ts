import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

import { getChain, LOCAL_CHAIN_ID } from "../chains.js";
import type { ContractDeployment, DeployedContractName, Deployment } from "../types.js";
import {
  ArtifactsError,
  collectErrors,
  readArtifacts,
  readSafeArtifacts,
  readUniswapArtifacts,
  type ContractArtifact,
} from "./artifacts.js";
import { readBroadcasts, type BroadcastRun } from "./broadcast.js";
import {
  contractsRoot,
  defaultArtifactsDir,
  defaultBroadcastDir,
  defaultSafeArtifactsDir,
  defaultUniswapBuildDirs,
  packageRoot,
} from "./paths.js";
import { GENERATED_NOTICE, renderAbiJson, renderAbisTs, renderDeploymentJson, renderDeploymentsTs } from "./render.js";
import { verifyRun } from "./verify.js";

export interface GenerateOptions {
  /** forge's `out/` (default: see `defaultArtifactsDir`). */
  readonly artifactsDir?: string;
  /** forge's `broadcast/` (default: see `defaultBroadcastDir`). */
  readonly broadcastDir?: string;
  /** The Foundry project the artifacts belong to (default: packages/contracts); sources must still exist there. */
  readonly contractsDir?: string;
  /**
   * `build/artifacts/contracts` of `@safe-global/safe-contracts` 1.4.1, whose SafeL2 and
   * SafeProxyFactory the deploy creates and whose ABIs are published (default: see `defaultSafeArtifactsDir`).
   */
  readonly safeArtifactsDir?: string;
  /**
   * `build/` of `@uniswap/v2-core` and `@uniswap/v2-periphery`, whose WETH9, factory, Router02 and pair the deploy
   * creates and whose ABIs are published (default: see `defaultUniswapBuildDirs`).
   */
  readonly uniswapBuildDirs?: { readonly "@uniswap/v2-core": string; readonly "@uniswap/v2-periphery": string };
  /** Where `abis/`, `deployments/` and `src/generated/` go (default: this package). */
  readonly outDir?: string;
  /**
   * JSON-RPC endpoints to verify broadcasts against, by chain id. The local chain is always
   * verified (default endpoint: `chains.localhost.rpcUrl`): its state dies with anvil, so a local
   * broadcast that the running chain does not confirm is dropped. Other chains are verified only
   * when an endpoint is given here.
   */
  readonly rpcUrls?: Readonly<Record<number, string>>;
  /** Also compile this package (tsc) so `dist/` matches the new sources. Default false. */
  readonly compile?: boolean;
  readonly log?: (message: string) => void;
}

export interface SkippedRun {
  readonly chainId: number;
  readonly file: string;
  readonly reason: string;
}

export interface GenerateResult {
  readonly contracts: readonly string[];
  readonly deployments: readonly Deployment[];
  readonly skipped: readonly SkippedRun[];
  /** Every file written, absolute. */
  readonly files: readonly string[];
}

/**
 * Regenerates every output from scratch. Outputs are removed first (also when reading the inputs
 * fails), so nothing from an earlier run survives: no ABI of a deleted contract, no address of a
 * chain that is gone or of a superseded deploy.
 */
export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const outDir = options.outDir ?? packageRoot;
  const log = options.log ?? (() => {});
  const artifactsDir = options.artifactsDir ?? defaultArtifactsDir();
  const broadcastDir = options.broadcastDir ?? defaultBroadcastDir();

  let artifacts: ContractArtifact[];
  let deployments: Deployment[];
  const skipped: SkippedRun[] = [];
  try {
    const safe = readSafeArtifacts(options.safeArtifactsDir ?? defaultSafeArtifactsDir());
    const uniswap = readUniswapArtifacts(options.uniswapBuildDirs ?? defaultUniswapBuildDirs());
    const forge = readArtifacts(artifactsDir, { projectRoot: options.contractsDir ?? contractsRoot() });
    for (const [npm, what] of [
      [safe, "Safe"],
      [uniswap, "Uniswap"],
    ] as const) {
      const clash = npm.find((a) => forge.some((f) => f.name === a.name));
      if (clash !== undefined)
        throw new ArtifactsError(`A forge artifact is named ${clash.name} like the ${what} artifact: rename it.`);
    }
    artifacts = [...forge, ...safe, ...uniswap].sort((a, b) => a.name.localeCompare(b.name));
    const known = new Set(artifacts.map((a) => a.name));
    // The pair is created by the factory, never by a creation the broadcast records: no code to match.
    const creationCodes = new Map(
      [...safe, ...uniswap].flatMap((a) =>
        a.bytecode === undefined || a.name === "UniswapV2Pair" ? [] : [[a.name, a.bytecode] as const],
      ),
    );
    deployments = [];
    for (const run of readBroadcasts(broadcastDir, "Deploy.s.sol", { creationCodes })) {
      const reason = await rejectionOf(run, known, options.rpcUrls ?? {});
      if (reason === undefined) deployments.push(toDeployment(run));
      else {
        skipped.push({ chainId: run.chainId, file: run.file, reason });
        log(`skipped chain ${run.chainId} deployment: ${reason}`);
      }
    }
  } catch (error) {
    clearOutputs(outDir);
    throw error;
  }

  clearOutputs(outDir);
  const files: string[] = [];
  const write = (path: string, content: string) => {
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, content);
    files.push(path);
  };
  for (const artifact of artifacts) write(join(outDir, "abis", `${artifact.name}.json`), renderAbiJson(artifact));
  write(join(outDir, "abis", "README.md"), `# Generated JSON ABIs\n\n${GENERATED_NOTICE}\n`);
  for (const deployment of deployments) {
    write(join(outDir, "deployments", `${deployment.chainId}.json`), renderDeploymentJson(deployment));
  }
  write(join(outDir, "src", "generated", "abis.ts"), renderAbisTs(artifacts, collectErrors(artifacts)));
  write(join(outDir, "src", "generated", "deployments.ts"), renderDeploymentsTs(deployments));
  log(
    `wrote ${artifacts.length} ABIs and ${deployments.length} deployment(s)` +
      (deployments.length ? ` (chains ${deployments.map((d) => d.chainId).join(", ")})` : ""),
  );

  if (options.compile) compilePackage(outDir);
  return { contracts: artifacts.map((a) => a.name), deployments, skipped, files };
}

/** Removes every generated output under `outDir`. */
export function clearOutputs(outDir: string = packageRoot): void {
  for (const dir of ["abis", "deployments", join("src", "generated")]) {
    rmSync(join(outDir, dir), { recursive: true, force: true });
  }
}

/** Runs tsc on the package at `root` (its tsconfig.build.json), so dist/ reflects fresh generated sources. */
export function compilePackage(root: string = packageRoot): void {
  const require = createRequire(join(packageRoot, "package.json"));
  const tsc = require.resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { cwd: root, stdio: "inherit" });
}

async function rejectionOf(
  run: BroadcastRun,
  knownArtifacts: ReadonlySet<string>,
  rpcUrls: Readonly<Record<number, string>>,
): Promise<string | undefined> {
  if (getChain(run.chainId) === undefined) return `chain ${run.chainId} is not a DMEX chain (see src/chains.ts)`;
  const unknown = run.contracts.find((c) => !knownArtifacts.has(c.contract));
  if (unknown !== undefined) return `${unknown.contract} has no artifact under src/ (stale broadcast?)`;
  const rpcUrl =
    rpcUrls[run.chainId] ?? (run.chainId === LOCAL_CHAIN_ID ? getChain(LOCAL_CHAIN_ID)?.rpcUrl : undefined);
  if (rpcUrl === undefined) return undefined;
  const verdict = await verifyRun(run, rpcUrl);
  return verdict.ok ? undefined : verdict.reason;
}

function toDeployment(run: BroadcastRun): Deployment {
  const chain = getChain(run.chainId);
  if (chain === undefined) throw new Error(`unsupported chain ${run.chainId}`);
  const contracts: Partial<Record<DeployedContractName, ContractDeployment>> = {};
  for (const c of run.contracts) {
    // The artifact name was checked against the ABIs in rejectionOf.
    contracts[c.name] = {
      address: c.address,
      startBlock: c.startBlock,
      contract: c.contract as ContractDeployment["contract"],
    };
  }
  return { chainId: run.chainId, network: chain.key, contracts };
}
