import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** One ABI item as solc emits it (functions, events, errors, constructor...). */
export interface AbiItem {
  readonly type: string;
  readonly name?: string;
  readonly inputs?: readonly AbiParameter[];
  readonly outputs?: readonly AbiParameter[];
  readonly [key: string]: unknown;
}
export interface AbiParameter {
  readonly name: string;
  readonly type: string;
  readonly internalType?: string;
  readonly components?: readonly AbiParameter[];
  readonly indexed?: boolean;
}

export interface ContractArtifact {
  /** Contract name (unique among the selected artifacts). */
  readonly name: string;
  /**
   * Source path relative to the Foundry project, e.g. `src/HashpowerExchange.sol`; for the Safe
   * artifacts, the npm path (`@safe-global/safe-contracts/contracts/SafeL2.sol`).
   */
  readonly sourcePath: string;
  readonly abi: readonly AbiItem[];
  /** Creation code, kept only where the broadcast must be matched against it (the Safe and Uniswap artifacts). */
  readonly bytecode?: `0x${string}`;
}

/**
 * Dependency contracts the deploy script creates itself, published with the DMEX ABIs:
 * `[source path in the Foundry project, contract name]`.
 */
export const DEPENDENCY_CONTRACTS: readonly (readonly [string, string])[] = [
  ["node_modules/@openzeppelin/contracts/finance/VestingWallet.sol", "VestingWallet"],
];

/**
 * Safe 1.4.1 contracts the deploy script creates from `@safe-global/safe-contracts`'s Hardhat
 * artifacts (path under `build/artifacts/contracts/`, name). forge records their creations without
 * a contract name: the generator recognises them by this creation code.
 */
export const SAFE_CONTRACTS: readonly (readonly [string, string])[] = [
  ["SafeL2.sol/SafeL2.json", "SafeL2"],
  ["proxies/SafeProxyFactory.sol/SafeProxyFactory.json", "SafeProxyFactory"],
];

/**
 * Uniswap V2 contracts the deploy script creates from the npm packages' `build/*.json` (v2-core 1.0.1,
 * v2-periphery 1.1.0-beta.0): `[package, file under build/, name]`. forge records their creations without a
 * contract name: the generator recognises WETH9, the factory and Router02 by their creation code. The pairs are
 * created by the factory (CREATE2 inside `createPair`) and named by their tokens; only their ABI is needed.
 */
export const UNISWAP_CONTRACTS: readonly (readonly ["@uniswap/v2-core" | "@uniswap/v2-periphery", string, string])[] = [
  ["@uniswap/v2-periphery", "WETH9.json", "WETH9"],
  ["@uniswap/v2-core", "UniswapV2Factory.json", "UniswapV2Factory"],
  ["@uniswap/v2-periphery", "UniswapV2Router02.json", "UniswapV2Router02"],
  ["@uniswap/v2-core", "UniswapV2Pair.json", "UniswapV2Pair"],
];

interface ForgeArtifact {
  abi?: AbiItem[];
  bytecode?: { object?: string };
  metadata?: { settings?: { compilationTarget?: Record<string, string> } };
}

export class ArtifactsError extends Error {
  override name = "ArtifactsError";
}

/**
 * Reads forge's `out/` and returns the deployable contracts and libraries whose source lives under
 * one of `sourceRoots` (default `src/`): not tests, scripts, mocks, interfaces or dependencies.
 * With `projectRoot`, artifacts whose source file no longer exists there are ignored.
 */
export function readArtifacts(
  outDir: string,
  options: {
    readonly projectRoot?: string;
    readonly sourceRoots?: readonly string[];
    /** Also these `[sourcePath, name]` pairs from outside the source roots (default DEPENDENCY_CONTRACTS). */
    readonly dependencies?: readonly (readonly [string, string])[];
  } = {},
): ContractArtifact[] {
  const sourceRoots = options.sourceRoots ?? ["src/"];
  const dependencies = options.dependencies ?? DEPENDENCY_CONTRACTS;
  if (!existsSync(outDir)) {
    throw new ArtifactsError(
      `No forge artifacts at ${outDir}. Build the contracts first: \`pnpm --filter @dmex/contracts run build\`.`,
    );
  }
  const found = new Map<string, ContractArtifact>();
  for (const dir of readdirSync(outDir, { withFileTypes: true })) {
    if (!dir.isDirectory() || !dir.name.endsWith(".sol")) continue;
    for (const file of readdirSync(join(outDir, dir.name))) {
      if (!file.endsWith(".json")) continue;
      const artifact = JSON.parse(readFileSync(join(outDir, dir.name, file), "utf8")) as ForgeArtifact;
      const target = Object.entries(artifact.metadata?.settings?.compilationTarget ?? {})[0];
      if (target === undefined || artifact.abi === undefined) continue;
      const [sourcePath, name] = target;
      const isDependency = dependencies.some(([path, dependency]) => path === sourcePath && dependency === name);
      if (!isDependency && !sourceRoots.some((root) => sourcePath.startsWith(root))) continue;
      // forge keeps artifacts of deleted sources until a clean build: never publish their ABIs.
      if (options.projectRoot !== undefined && !existsSync(join(options.projectRoot, sourcePath))) continue;
      // Interfaces and abstract contracts have no creation code.
      const bytecode = artifact.bytecode?.object ?? "";
      if (bytecode === "" || bytecode === "0x") continue;
      // Internal-only libraries (EscrowMath) have nothing to call or decode.
      if (artifact.abi.length === 0) continue;
      const previous = found.get(name);
      if (previous !== undefined && previous.sourcePath !== sourcePath) {
        throw new ArtifactsError(`Two contracts named ${name}: ${previous.sourcePath} and ${sourcePath}. Rename one.`);
      }
      found.set(name, { name, sourcePath, abi: artifact.abi });
    }
  }
  if (found.size === 0) throw new ArtifactsError(`No contracts under ${sourceRoots.join(", ")} in ${outDir}.`);
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

interface HardhatArtifact {
  contractName?: string;
  sourceName?: string;
  abi?: AbiItem[];
  bytecode?: string;
}

/**
 * Reads the Safe 1.4.1 artifacts (SAFE_CONTRACTS) from `@safe-global/safe-contracts`'s
 * `build/artifacts/contracts` folder, with their creation code.
 */
export function readSafeArtifacts(artifactsDir: string): ContractArtifact[] {
  return SAFE_CONTRACTS.map(([path, name]) => {
    const file = join(artifactsDir, path);
    if (!existsSync(file)) {
      throw new ArtifactsError(`No Safe artifact at ${file}: is @safe-global/safe-contracts 1.4.1 installed?`);
    }
    const artifact = JSON.parse(readFileSync(file, "utf8")) as HardhatArtifact;
    const bytecode = artifact.bytecode ?? "";
    if (artifact.abi === undefined || !/^0x[0-9a-fA-F]+$/.test(bytecode)) {
      throw new ArtifactsError(`${file} has no ABI or creation code.`);
    }
    return {
      name,
      sourcePath: `@safe-global/safe-contracts/${artifact.sourceName ?? `contracts/${path.replace(/\/[^/]*$/, "")}`}`,
      abi: artifact.abi,
      bytecode: bytecode.toLowerCase() as `0x${string}`,
    };
  });
}

interface UniswapBuildArtifact {
  abi?: AbiItem[];
  /** Creation code, without `0x` (also under `evm.bytecode.object`). */
  bytecode?: string;
}

/**
 * Reads the Uniswap V2 artifacts (UNISWAP_CONTRACTS) from the `build/` folders of `@uniswap/v2-core` and
 * `@uniswap/v2-periphery`, with their creation code (`0x`-prefixed; the files have none).
 */
export function readUniswapArtifacts(buildDirs: {
  readonly "@uniswap/v2-core": string;
  readonly "@uniswap/v2-periphery": string;
}): ContractArtifact[] {
  return UNISWAP_CONTRACTS.map(([pkg, path, name]) => {
    const file = join(buildDirs[pkg], path);
    if (!existsSync(file)) {
      throw new ArtifactsError(`No Uniswap artifact at ${file}: is ${pkg} installed?`);
    }
    const artifact = JSON.parse(readFileSync(file, "utf8")) as UniswapBuildArtifact;
    const bytecode = (artifact.bytecode ?? "").replace(/^0x/, "");
    if (artifact.abi === undefined || !/^[0-9a-fA-F]+$/.test(bytecode)) {
      throw new ArtifactsError(`${file} has no ABI or creation code.`);
    }
    return {
      name,
      sourcePath: `${pkg}/build/${path}`,
      abi: artifact.abi,
      bytecode: `0x${bytecode.toLowerCase()}`,
    };
  });
}

/** Canonical signature of an ABI item, e.g. `error InvalidTerms(string)`; tuples expanded. */
export function signatureOf(item: AbiItem): string {
  const params = (item.inputs ?? []).map(typeOf).join(",");
  return `${item.type} ${item.name ?? ""}(${params})`;
}

function typeOf(param: AbiParameter): string {
  if (!param.type.startsWith("tuple")) return param.type;
  return `(${(param.components ?? []).map(typeOf).join(",")})${param.type.slice("tuple".length)}`;
}

/** Every custom error of `artifacts`, each signature once, sorted: lets a client decode any revert. */
export function collectErrors(artifacts: readonly ContractArtifact[]): AbiItem[] {
  const errors = new Map<string, AbiItem>();
  for (const artifact of artifacts) {
    for (const item of artifact.abi) {
      if (item.type === "error" && !errors.has(signatureOf(item))) errors.set(signatureOf(item), item);
    }
  }
  return [...errors.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, item]) => item);
}
