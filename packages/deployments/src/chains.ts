/**
 * The one source of truth for the chains DMEX runs on: the web app, the devstack, the seed and
 * the subgraph config all read these. Chain definitions come from viem so wallets and clients agree.
 */
import { defineChain, type Chain } from "viem";
import { anvil, filecoin, filecoinCalibration } from "viem/chains";

/** Default local ports of the devstack services. */
export const localPorts = { rpc: 8545, graph: 8000, web: 3000 } as const;

export const LOCAL_CHAIN_ID = 31337;
export const CALIBRATION_CHAIN_ID = 314159;
export const FILECOIN_CHAIN_ID = 314;

export type ChainKey = "localhost" | "calibration" | "filecoin";
export type SupportedChainId = typeof LOCAL_CHAIN_ID | typeof CALIBRATION_CHAIN_ID | typeof FILECOIN_CHAIN_ID;

export interface DmexChain {
  /** EVM chain id. */
  readonly id: SupportedChainId;
  /** Our short name; `deployments/<chainId>.json` records it as `network`. */
  readonly key: ChainKey;
  /** The network name graph-node and the subgraph manifest use. */
  readonly graphNetwork: string;
  /** Default JSON-RPC endpoint (override per environment). */
  readonly rpcUrl: string;
  /** Local development chain: stand-in tokens, burner accounts, state lost on restart. */
  readonly isLocal: boolean;
  /** The viem chain definition. */
  readonly chain: Chain;
}

/** Local anvil: chain id 31337 on 127.0.0.1:8545 (viem's `anvil`, renamed). */
export const localChain: Chain = defineChain({
  ...anvil,
  name: "DMEX local (anvil)",
  rpcUrls: { default: { http: [`http://127.0.0.1:${localPorts.rpc}`] } },
});

export const chains: { readonly [K in ChainKey]: DmexChain & { readonly key: K } } = {
  localhost: {
    id: LOCAL_CHAIN_ID,
    key: "localhost",
    graphNetwork: "localhost",
    rpcUrl: `http://127.0.0.1:${localPorts.rpc}`,
    isLocal: true,
    chain: localChain,
  },
  calibration: {
    id: CALIBRATION_CHAIN_ID,
    key: "calibration",
    graphNetwork: "filecoin-testnet",
    rpcUrl: firstHttp(filecoinCalibration),
    isLocal: false,
    chain: filecoinCalibration,
  },
  filecoin: {
    id: FILECOIN_CHAIN_ID,
    key: "filecoin",
    graphNetwork: "filecoin",
    rpcUrl: firstHttp(filecoin),
    isLocal: false,
    chain: filecoin,
  },
};

const byId: ReadonlyMap<number, DmexChain> = new Map(Object.values(chains).map((c) => [c.id, c]));

/** Every supported chain, local first. */
export const supportedChains: readonly DmexChain[] = [chains.localhost, chains.calibration, chains.filecoin];

export function isSupportedChainId(chainId: number): chainId is SupportedChainId {
  return byId.has(chainId);
}

/** The chain config of `chainId`, or undefined if DMEX does not run there. */
export function getChain(chainId: number): DmexChain | undefined {
  return byId.get(chainId);
}

function firstHttp(chain: Chain): string {
  const url = chain.rpcUrls.default.http[0];
  if (url === undefined) throw new Error(`viem chain ${chain.id} has no default RPC URL`);
  return url;
}
