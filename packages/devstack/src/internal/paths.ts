import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Root of @dmex/devstack (same from src/ and dist/). */
export const devstackRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The monorepo root. */
export const repoRoot = resolve(devstackRoot, "..", "..");

/** The Foundry project (packages/contracts). */
export function contractsDir(): string {
  const require = createRequire(join(devstackRoot, "package.json"));
  return dirname(require.resolve("@dmex/contracts/package.json"));
}

/** Default state folder of `up` (gitignored by the root `.dmex/` rule). */
export const defaultWorkDir = join(repoRoot, ".dmex", "devstack");

/**
 * The subgraph package, by path: it depends on this package for its tests, so a package
 * dependency back would be a cycle. `npm run dev` builds it before `up`.
 */
export function subgraphDir(): string {
  return join(repoRoot, "packages", "subgraph");
}

/** The web app, by path for the same reason (its e2e suite depends on this package). */
export function webDir(): string {
  return join(repoRoot, "apps", "web");
}
