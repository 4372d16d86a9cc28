import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Abi, Address, Hex } from "viem";

interface ForgeArtifact {
  abi: Abi;
  bytecode: {
    object: Hex;
    linkReferences: Record<string, Record<string, { start: number; length: number }[]>>;
  };
}

const contractsRoot = dirname(createRequire(import.meta.url).resolve("@dmex/contracts/package.json"));

/** Reads a contract's forge artifact from packages/contracts/out. */
export function readArtifact(contract: string, file = `${contract}.sol`): ForgeArtifact {
  const path = join(contractsRoot, "out", file, `${contract}.json`);
  try {
    return JSON.parse(readFileSync(path, "utf8")) as ForgeArtifact;
  } catch (error) {
    throw new Error(`Missing forge artifact ${path}: run \`forge build\` in packages/contracts first.`, { cause: error });
  }
}

/** Creation bytecode with linked library addresses patched in at their link references. */
export function linkBytecode(artifact: ForgeArtifact, libraries: Record<string, Address>): Hex {
  let code = artifact.bytecode.object.slice(2);
  for (const byLibrary of Object.values(artifact.bytecode.linkReferences)) {
    for (const [name, offsets] of Object.entries(byLibrary)) {
      const address = libraries[name];
      if (!address) throw new Error(`Library ${name} must be deployed and linked`);
      for (const { start, length } of offsets) {
        code = code.slice(0, start * 2) + address.slice(2).toLowerCase() + code.slice((start + length) * 2);
      }
    }
  }
  return `0x${code}`;
}

export const contractsPackageRoot = contractsRoot;
