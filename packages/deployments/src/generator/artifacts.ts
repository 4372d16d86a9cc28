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
  /** Source path relative to the Foundry project, e.g. `src/HashpowerExchange.sol`. */
  readonly sourcePath: string;
  readonly abi: readonly AbiItem[];
}

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
  options: { readonly projectRoot?: string; readonly sourceRoots?: readonly string[] } = {},
): ContractArtifact[] {
  const sourceRoots = options.sourceRoots ?? ["src/"];
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
      if (!sourceRoots.some((root) => sourcePath.startsWith(root))) continue;
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
