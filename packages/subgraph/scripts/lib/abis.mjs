// Where the subgraph's JSON ABIs come from, in order of preference:
// 1. @dmex/deployments (packages/deployments/abis/<Contract>.json), generated from the contracts;
// 2. Foundry artifacts (<out>/<Contract>.sol/<Contract>.json, field `abi`), with <out> taken from
//    DMEX_CONTRACTS_OUT, else packages/contracts/out;
// 3. for the trading and lending contracts, until their implementations are built: the interface's artifact
//    (<out>/I<Contract>.sol/I<Contract>.json), which declares every event they emit;
// 4. for the council Safe (not compiled by forge): SafeL2 1.4.1 from @safe-global/safe-contracts,
//    the artifact the deploy script deploys.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const CONTRACTS = [
  "HashpowerExchange",
  "AssetRegistry",
  "MarketRateOracle",
  "DMCToken",
  "DmexGovernor",
  "DmexTimelock",
  "MinerApplications",
  "CouncilSafe",
  "ProtocolParameters",
  "InsuranceFund",
  "MiningReserve",
  "TradingRewards",
  "PositionListings",
  "PositionAuctions",
  "PositionLoans",
  // DeFi (issue 13); both LiquidityMining data sources share one ABI, both pairs UniswapV2Pair's (from the
  // @uniswap/v2-core npm artifact, recorded by @dmex/deployments).
  "PositionStaking",
  "LiquidityMining",
  "NodeStakingRewards",
  "PromotionNodes",
  "MutualInsurance",
  "ProtocolFeeSplitter",
  "FeeBuyback",
  "UniswapV2Pair",
];

/** Contracts whose interface artifact stands in for the implementation's ABI when that is not built. */
const INTERFACE_FALLBACK = new Set(["TradingRewards", "PositionListings", "PositionAuctions", "PositionLoans"]);

/** Contracts whose ABI is an npm artifact rather than a Foundry one (path under packages/contracts). */
const NPM_ARTIFACTS = {
  CouncilSafe: "node_modules/@safe-global/safe-contracts/build/artifacts/contracts/SafeL2.sol/SafeL2.json",
  UniswapV2Pair: "node_modules/@uniswap/v2-core/build/UniswapV2Pair.json",
};

/** Accepts a bare ABI array or an object with an `abi` array (Foundry artifact, some generators). */
export function abiOf(json, origin) {
  const abi = Array.isArray(json) ? json : json?.abi;
  if (!Array.isArray(abi) || abi.length === 0) {
    throw new Error(`${origin} holds no ABI (expected an array or an object with an "abi" array)`);
  }
  return abi;
}

export function candidatePaths(repoRoot, contract, env = process.env) {
  const out = env.DMEX_CONTRACTS_OUT ?? join(repoRoot, "packages/contracts/out");
  const paths = [
    join(repoRoot, "packages/deployments/abis", `${contract}.json`),
    join(out, `${contract}.sol`, `${contract}.json`),
  ];
  if (INTERFACE_FALLBACK.has(contract)) paths.push(join(out, `I${contract}.sol`, `I${contract}.json`));
  if (NPM_ARTIFACTS[contract]) paths.push(join(repoRoot, "packages/contracts", NPM_ARTIFACTS[contract]));
  return paths;
}

/**
 * Copies every contract's ABI into `targetDir`; returns the source used for each.
 * @param {string} repoRoot
 * @param {string} targetDir
 * @param {Record<string, string | undefined>} [env]
 * @returns {Record<string, string>}
 */
export function prepareAbis(repoRoot, targetDir, env = process.env) {
  mkdirSync(targetDir, { recursive: true });
  /** @type {Record<string, string>} */
  const sources = {};
  for (const contract of CONTRACTS) {
    const candidates = candidatePaths(repoRoot, contract, env);
    const found = candidates.find((path) => existsSync(path));
    if (!found) {
      throw new Error(
        `No ABI for ${contract}. Looked in:\n  ${candidates.join("\n  ")}\n` +
          "Build @dmex/deployments or the contracts first (pnpm turbo run build --filter=@dmex/subgraph...).",
      );
    }
    const abi = abiOf(JSON.parse(readFileSync(found, "utf8")), found);
    writeFileSync(join(targetDir, `${contract}.json`), `${JSON.stringify(abi, null, 2)}\n`);
    sources[contract] = found;
  }
  return sources;
}
