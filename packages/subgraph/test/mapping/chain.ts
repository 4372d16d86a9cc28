// A private anvil for the mapping tests, and the contracts deployed from Foundry artifacts.
// Kept separate from @dmex/devstack on purpose: the scenario needs its own clock, thresholds and
// roles to reach every event; test/devstack.test.ts indexes the devstack's seeded chain instead.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import {
  type Abi,
  type Address,
  type Hex,
  createPublicClient,
  createTestClient,
  createWalletClient,
  http,
  publicActions,
} from "viem";
import { ANVIL_MNEMONIC } from "@dmex/deployments/dev-accounts";
import { mnemonicToAccount } from "viem/accounts";
import { foundry } from "viem/chains";

const HERE = dirname(fileURLToPath(import.meta.url));

const REPO = join(HERE, "../../../..");

/** The shared test kit: a free port, readiness, and anvil killed on exit, on signals and if this process dies. */
export { startAnvil, type Anvil } from "@dmex/testkit";

export function clients(rpcUrl: string, count = 8) {
  const transport = http(rpcUrl);
  const accounts = Array.from({ length: count }, (_, i) => mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: i }));
  const publicClient = createPublicClient({ chain: foundry, transport });
  const testClient = createTestClient({ chain: foundry, mode: "anvil", transport }).extend(publicActions);
  const wallets = accounts.map((account) => createWalletClient({ account, chain: foundry, transport }));
  return { publicClient, testClient, wallets, accounts };
}

type Artifact = {
  abi: Abi;
  bytecode: { object: Hex; linkReferences: Record<string, Record<string, { start: number; length: number }[]>> };
};

/** Foundry artifact of `contract`, from DMEX_CONTRACTS_OUT or packages/contracts/out. */
export function artifact(contract: string): Artifact {
  const out = process.env.DMEX_CONTRACTS_OUT ?? join(REPO, "packages/contracts/out");
  const path = join(out, `${contract}.sol`, `${contract}.json`);
  if (!existsSync(path)) throw new Error(`${path} missing: build the contracts (pnpm --filter @dmex/contracts build)`);
  return JSON.parse(readFileSync(path, "utf8"));
}

/** Bytecode with library placeholders replaced by the deployed library addresses. */
export function link(a: Artifact, libraries: Record<string, Address>): Hex {
  let code = a.bytecode.object.slice(2);
  for (const file of Object.values(a.bytecode.linkReferences)) {
    for (const [name, refs] of Object.entries(file)) {
      const address = libraries[name];
      if (!address) throw new Error(`library ${name} not deployed`);
      for (const { start, length } of refs) {
        code = code.slice(0, start * 2) + address.slice(2).toLowerCase() + code.slice((start + length) * 2);
      }
    }
  }
  return `0x${code}`;
}
