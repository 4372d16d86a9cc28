/**
 * The issue-13 DeFi contracts the Stake and DMC pages use, found by their deployment names in the record's
 * address -> name map (AppDeployment.contracts): a deployment made before them simply has none, and the pages say
 * so instead of calling a missing contract.
 */
import type { Address } from "viem";

/** Deployment names (packages/deployments, the deploy script's DefiDeployment). */
export const DEFI_NAMES = {
  positionStaking: "PositionStaking",
  router: "UniswapV2Router02",
  factory: "UniswapV2Factory",
  buyback: "FeeBuyback",
  splitter: "ProtocolFeeSplitter",
  dmcUsdtPair: "DmcUsdtPair",
  dmcIfilPair: "DmcIfilPair",
  miningDmcUsdt: "LiquidityMiningDmcUsdt",
  miningDmcIfil: "LiquidityMiningDmcIfil",
} as const;

/** One liquidity-mining pool: the LiquidityMining instance, the pair whose LP token it takes, the pair's other token. */
export interface LpPoolRef {
  readonly key: "dmc-usdt" | "dmc-ifil";
  /** "DMC/USDT" */
  readonly label: string;
  readonly pool: Address;
  readonly pair: Address;
  /** The token DMC is paired with ("USDT", "IFIL"): its symbol in the deployment's tokens. */
  readonly quoteSymbol: "USDT" | "IFIL";
}

export interface DefiAddresses {
  readonly positionStaking: Address | null;
  readonly router: Address | null;
  readonly buyback: Address | null;
  readonly splitter: Address | null;
  /** The DMC/USDT pair: DMC's price. */
  readonly dmcUsdtPair: Address | null;
  readonly dmcIfilPair: Address | null;
  /** The liquidity-mining pools whose pool and pair are both deployed. */
  readonly lpPools: readonly LpPoolRef[];
}

/** The DeFi addresses of a deployment's address -> name map (lowercase addresses, as AppDeployment has them). */
export function defiAddresses(contracts: Readonly<Record<string, string>>): DefiAddresses {
  const byName = new Map<string, Address>();
  for (const [address, name] of Object.entries(contracts)) byName.set(name, address as Address);
  const get = (name: string): Address | null => byName.get(name) ?? null;
  const pools: LpPoolRef[] = [];
  const usdtPool = get(DEFI_NAMES.miningDmcUsdt);
  const usdtPair = get(DEFI_NAMES.dmcUsdtPair);
  if (usdtPool && usdtPair)
    pools.push({ key: "dmc-usdt", label: "DMC/USDT", pool: usdtPool, pair: usdtPair, quoteSymbol: "USDT" });
  const ifilPool = get(DEFI_NAMES.miningDmcIfil);
  const ifilPair = get(DEFI_NAMES.dmcIfilPair);
  if (ifilPool && ifilPair)
    pools.push({ key: "dmc-ifil", label: "DMC/IFIL", pool: ifilPool, pair: ifilPair, quoteSymbol: "IFIL" });
  return {
    positionStaking: get(DEFI_NAMES.positionStaking),
    router: get(DEFI_NAMES.router),
    buyback: get(DEFI_NAMES.buyback),
    splitter: get(DEFI_NAMES.splitter),
    dmcUsdtPair: usdtPair,
    dmcIfilPair: ifilPair,
    lpPools: pools,
  };
}
