/**
 * THE chain configuration of the web app. Chain definitions come from @dmex/deployments (shared
 * with the devstack, the seed and the subgraph); this module adds what only the web needs: which
 * chain this build serves, its RPC and subgraph endpoints. Nothing else in the app hard-codes a
 * chain id or a URL.
 *
 * Environment (all optional):
 *   NEXT_PUBLIC_DMEX_CHAIN_ID      31337 (default) | 314159 (Calibration) | 314 (Filecoin)
 *   NEXT_PUBLIC_RPC_URL            overrides the chain's default RPC
 *   NEXT_PUBLIC_SUBGRAPH_URL       overrides the subgraph endpoint (required off the local chain)
 *   DMEX_SERVER_SUBGRAPH_URL       the subgraph as the Next server reaches it (default: the public one)
 */
import {
  chains,
  getChain,
  LOCAL_CHAIN_ID,
  localPorts,
  supportedChains,
  type DmexChain,
} from "@dmex/deployments/chains";
import type { Chain } from "viem";

export { LOCAL_CHAIN_ID };

function resolveTarget(): DmexChain {
  const raw = process.env.NEXT_PUBLIC_DMEX_CHAIN_ID;
  const id = raw === undefined || raw === "" ? LOCAL_CHAIN_ID : Number(raw);
  const chain = getChain(id);
  if (chain === undefined) {
    throw new Error(
      `NEXT_PUBLIC_DMEX_CHAIN_ID=${raw} is not a DMEX chain (${supportedChains.map((c) => c.id).join(", ")})`,
    );
  }
  return chain;
}

/** The chain this build of the app serves. */
export const targetChain: DmexChain = resolveTarget();
export const isLocalChain: boolean = targetChain.isLocal;

/** Chains wagmi knows: the target first (wallets on another chain are asked to switch). */
export const wagmiChains: readonly [Chain, ...Chain[]] = [
  targetChain.chain,
  ...supportedChains.filter((c) => c.id !== targetChain.id).map((c) => c.chain),
];

export const rpcUrl: string = process.env.NEXT_PUBLIC_RPC_URL || targetChain.rpcUrl;

const LOCAL_SUBGRAPH = `http://127.0.0.1:${localPorts.graph}/subgraphs/name/dmex`;
/** The subgraph as the browser reaches it. */
export const subgraphUrl: string = process.env.NEXT_PUBLIC_SUBGRAPH_URL || (targetChain.isLocal ? LOCAL_SUBGRAPH : "");
/** The subgraph as the Next server reaches it. */
export const serverSubgraphUrl: string = process.env.DMEX_SERVER_SUBGRAPH_URL || subgraphUrl;

export function chainName(chainId: number): string {
  return getChain(chainId)?.chain.name ?? `chain ${chainId}`;
}

export { chains };
