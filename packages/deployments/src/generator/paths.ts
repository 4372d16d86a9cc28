import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Root of the @dmex/deployments package (the same from src/generator and dist/generator). */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Root of the Foundry project (packages/contracts); `DMEX_CONTRACTS_DIR` overrides. */
export function contractsRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DMEX_CONTRACTS_DIR) return resolve(env.DMEX_CONTRACTS_DIR);
  try {
    const require = createRequire(join(packageRoot, "package.json"));
    return dirname(require.resolve("@dmex/contracts/package.json"));
  } catch {
    const sibling = resolve(packageRoot, "..", "contracts");
    if (existsSync(sibling)) return sibling;
    throw new Error("Cannot find @dmex/contracts; set DMEX_CONTRACTS_DIR to the Foundry project.");
  }
}

/**
 * forge's artifacts directory: `DMEX_ARTIFACTS_DIR`, else `FOUNDRY_OUT` (relative to the Foundry
 * project, as forge reads it), else `<contracts>/out`.
 */
export function defaultArtifactsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DMEX_ARTIFACTS_DIR) return resolve(env.DMEX_ARTIFACTS_DIR);
  const root = contractsRoot(env);
  return env.FOUNDRY_OUT ? fromProject(root, env.FOUNDRY_OUT) : join(root, "out");
}

/** forge's broadcast directory: `DMEX_BROADCAST_DIR`, else `FOUNDRY_BROADCAST`, else `<contracts>/broadcast`. */
export function defaultBroadcastDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DMEX_BROADCAST_DIR) return resolve(env.DMEX_BROADCAST_DIR);
  const root = contractsRoot(env);
  return env.FOUNDRY_BROADCAST ? fromProject(root, env.FOUNDRY_BROADCAST) : join(root, "broadcast");
}

function fromProject(root: string, path: string): string {
  return isAbsolute(path) ? path : resolve(root, path);
}

/**
 * `build/artifacts/contracts` of `@safe-global/safe-contracts` (a dependency of this package, and
 * the same version the deploy script reads through @dmex/contracts); `DMEX_SAFE_ARTIFACTS_DIR` overrides.
 */
export function defaultSafeArtifactsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DMEX_SAFE_ARTIFACTS_DIR) return resolve(env.DMEX_SAFE_ARTIFACTS_DIR);
  const inside = (pkg: string) => join(dirname(pkg), "build", "artifacts", "contracts");
  for (const from of [packageRoot, contractsRootOrUndefined(env)]) {
    if (from === undefined) continue;
    try {
      return inside(createRequire(join(from, "package.json")).resolve("@safe-global/safe-contracts/package.json"));
    } catch {
      // try the next place
    }
  }
  throw new Error("Cannot find @safe-global/safe-contracts; install it or set DMEX_SAFE_ARTIFACTS_DIR.");
}

function contractsRootOrUndefined(env: NodeJS.ProcessEnv): string | undefined {
  try {
    return contractsRoot(env);
  } catch {
    return undefined;
  }
}

/**
 * `build/` of `@uniswap/v2-core` and `@uniswap/v2-periphery` (the packages the deploy script reads the
 * bytecode from, resolved from this package or @dmex/contracts); `DMEX_UNISWAP_CORE_BUILD_DIR` and
 * `DMEX_UNISWAP_PERIPHERY_BUILD_DIR` override.
 */
export function defaultUniswapBuildDirs(env: NodeJS.ProcessEnv = process.env): {
  "@uniswap/v2-core": string;
  "@uniswap/v2-periphery": string;
} {
  const find = (pkg: string, override: string | undefined): string => {
    if (override) return resolve(override);
    for (const from of [packageRoot, contractsRootOrUndefined(env)]) {
      if (from === undefined) continue;
      try {
        return join(dirname(createRequire(join(from, "package.json")).resolve(`${pkg}/package.json`)), "build");
      } catch {
        // try the next place
      }
    }
    throw new Error(`Cannot find ${pkg}; install it or set the DMEX_UNISWAP_*_BUILD_DIR variables.`);
  };
  return {
    "@uniswap/v2-core": find("@uniswap/v2-core", env.DMEX_UNISWAP_CORE_BUILD_DIR),
    "@uniswap/v2-periphery": find("@uniswap/v2-periphery", env.DMEX_UNISWAP_PERIPHERY_BUILD_DIR),
  };
}
