/**
 * The peer indexer of `npm run bench:indexer`: Ponder on the bench's anvil chain, indexing the
 * AssetRegistry and HashpowerExchange events the bench history holds into its own PGlite. The bench
 * passes the chain and the deployment in the environment (PONDER_BENCH_*); the ABIs are the
 * generated ones.
 */
import { assetRegistryAbi, hashpowerExchangeAbi } from "@dmex/deployments";
import { createConfig } from "ponder";

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: the indexer bench starts this app (packages/bench/src/indexer/ponder.ts)`);
  return value;
}

export default createConfig({
  database: { kind: "pglite", directory: required("PONDER_BENCH_PGLITE_DIR") },
  chains: {
    anvil: {
      id: Number(required("PONDER_BENCH_CHAIN_ID")),
      rpc: required("PONDER_BENCH_RPC_URL"),
      // From scratch every run, as graph-host: no RPC cache carried over.
      disableCache: true,
      // The last 30 blocks (its finality depth) come as realtime blocks: poll for them as often as graph-host does.
      pollingInterval: 250,
    },
  },
  contracts: {
    AssetRegistry: {
      chain: "anvil",
      abi: assetRegistryAbi,
      address: required("PONDER_BENCH_ASSET_REGISTRY") as `0x${string}`,
      startBlock: Number(required("PONDER_BENCH_ASSET_REGISTRY_START_BLOCK")),
      endBlock: Number(required("PONDER_BENCH_END_BLOCK")),
    },
    HashpowerExchange: {
      chain: "anvil",
      abi: hashpowerExchangeAbi,
      address: required("PONDER_BENCH_EXCHANGE") as `0x${string}`,
      startBlock: Number(required("PONDER_BENCH_EXCHANGE_START_BLOCK")),
      endBlock: Number(required("PONDER_BENCH_END_BLOCK")),
    },
  },
});
