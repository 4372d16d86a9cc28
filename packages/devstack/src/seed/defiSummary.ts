import type { Address, PublicClient } from "viem";

import { anvilAddress } from "./accounts.js";
import {
  feeBuybackAbi,
  liquidityMiningAbi,
  mutualInsuranceAbi,
  nodeStakingRewardsAbi,
  positionStakingAbi,
  promotionNodesAbi,
  requireContractIn,
  uniswapV2PairAbi,
  type Deployment,
} from "./contracts.js";
import { INSURANCE, LIGHT_NODES, MAIN_NODES, type PairQuote, POSITION_STAKES } from "./plan.js";

/** Amounts are base units of their token as decimal strings (DMC 18 decimals, USDT 6, IFIL 18). */
export interface SeededPair {
  readonly quote: PairQuote;
  readonly address: Address;
  readonly reserveDmc: string;
  readonly reserveQuote: string;
  readonly lpSupply: string;
}

export interface SeededEmissionPool {
  readonly name: "PositionStaking" | "LiquidityMiningDmcUsdt" | "LiquidityMiningDmcIfil" | "NodeStakingRewards";
  /** DMC wei per second, shared by the total weight. */
  readonly ratePerSecond: string;
  readonly totalWeight: string;
  /** DMC wei emitted to date. */
  readonly emitted: string;
}

export interface SeededNode {
  /** anvil account index */
  readonly account: number;
  readonly kind: "Main" | "Light";
  /** The main node's anvil index (light nodes). */
  readonly mainNode: number | null;
  readonly stake: string;
  readonly recruits: number;
  readonly referrals: number;
  /** USDT commission earned and claimed. */
  readonly commissionEarned: string;
  readonly commissionClaimed: string;
}

export interface SeededInsurance {
  readonly fund: string;
  readonly pot: string;
  readonly slashed: string;
  readonly unclaimedPayouts: string;
  readonly totalShares: string;
  readonly underwriters: number;
  /** USDT premiums the pool received. */
  readonly premiumsUsdt: string;
  readonly payout: {
    readonly id: string;
    readonly offeringId: number;
    readonly perUnit: string;
    readonly total: string;
    readonly claimed: string;
  } | null;
}

export interface SeededBuyback {
  /** USDT swapped, DMC bought and what the USDT was worth at the TWAPs (DMC wei). */
  readonly usdtIn: string;
  readonly dmcOut: string;
  readonly dmcAtTwap: string;
  readonly conversions: number;
}

/** The DeFi of issue 13 as the chain has it at the end of the seed. */
export interface SeededDefi {
  readonly pairs: readonly SeededPair[];
  readonly pools: readonly SeededEmissionPool[];
  readonly stakedPositions: number;
  readonly nodes: readonly SeededNode[];
  readonly insurance: SeededInsurance;
  readonly buyback: SeededBuyback;
}

export async function readDefi(publicClient: PublicClient, deployment: Deployment): Promise<SeededDefi> {
  const read = publicClient.readContract.bind(publicClient);
  const address = (name: Parameters<typeof requireContractIn>[1]) => requireContractIn(deployment, name);
  const dmc = address("DMCToken").toLowerCase();
  const usdt = address("USDT");

  const pairs: SeededPair[] = [];
  for (const [quote, name] of [
    ["USDT", "DmcUsdtPair"],
    ["IFIL", "DmcIfilPair"],
  ] as const) {
    const pair = { address: address(name), abi: uniswapV2PairAbi } as const;
    const [r0, r1] = await read({ ...pair, functionName: "getReserves" });
    const dmcIs0 = (await read({ ...pair, functionName: "token0" })).toLowerCase() === dmc;
    pairs.push({
      quote,
      address: pair.address,
      reserveDmc: (dmcIs0 ? r0 : r1).toString(),
      reserveQuote: (dmcIs0 ? r1 : r0).toString(),
      lpSupply: (await read({ ...pair, functionName: "totalSupply" })).toString(),
    });
  }

  const pools: SeededEmissionPool[] = [];
  for (const [name, abi] of [
    ["PositionStaking", positionStakingAbi],
    ["LiquidityMiningDmcUsdt", liquidityMiningAbi],
    ["LiquidityMiningDmcIfil", liquidityMiningAbi],
    ["NodeStakingRewards", nodeStakingRewardsAbi],
  ] as const) {
    const pool = { address: address(name), abi } as const;
    pools.push({
      name,
      ratePerSecond: (await read({ ...pool, functionName: "ratePerSecond" })).toString(),
      totalWeight: (await read({ ...pool, functionName: "totalWeight" })).toString(),
      emitted: (await read({ ...pool, functionName: "emitted" })).toString(),
    });
  }
  let stakedPositions = 0;
  for (const tokenId of POSITION_STAKES.flatMap((s) => s.tokenIds)) {
    const [staker] = await read({
      address: address("PositionStaking"),
      abi: positionStakingAbi,
      functionName: "stakeOf",
      args: [tokenId],
    });
    if (BigInt(staker) !== 0n) stakedPositions++;
  }

  const nodesContract = { address: address("PromotionNodes"), abi: promotionNodesAbi } as const;
  const nodes: SeededNode[] = [];
  for (const account of [...MAIN_NODES, ...LIGHT_NODES.map((l) => l.account)]) {
    const node = await read({ ...nodesContract, functionName: "nodeOf", args: [anvilAddress(account)] });
    if (node.kind === 0) continue;
    const commission = await read({
      ...nodesContract,
      functionName: "commissionOf",
      args: [anvilAddress(account), usdt],
    });
    nodes.push({
      account,
      kind: node.kind === 1 ? "Main" : "Light",
      mainNode: LIGHT_NODES.find((l) => l.account === account)?.mainNode ?? null,
      stake: node.stake.toString(),
      recruits: node.recruits,
      referrals: Number(node.referrals),
      commissionEarned: commission.earned.toString(),
      commissionClaimed: commission.claimed.toString(),
    });
  }

  const pool = { address: address("MutualInsurance"), abi: mutualInsuranceAbi } as const;
  const [fund, pot, slashed, unclaimed, totalShares] = await read({ ...pool, functionName: "pools" });
  let underwriters = 0;
  for (const u of INSURANCE.underwriters) {
    const [shares] = await read({ ...pool, functionName: "underwriterOf", args: [anvilAddress(u.account)] });
    if (shares > 0n) underwriters++;
  }
  const [, , , premiumsUsdt] = await read({ ...pool, functionName: "premiumToken", args: [usdt] });
  const claimCount = await read({ ...pool, functionName: "claimCount" });
  const payout = claimCount === 0n ? undefined : await read({ ...pool, functionName: "getPayout", args: [1n] });

  const [usdtIn, dmcOut, dmcAtTwap, conversions] = await read({
    address: address("FeeBuyback"),
    abi: feeBuybackAbi,
    functionName: "totals",
    args: [usdt],
  });

  return {
    pairs,
    pools,
    stakedPositions,
    nodes,
    insurance: {
      fund: fund.toString(),
      pot: pot.toString(),
      slashed: slashed.toString(),
      unclaimedPayouts: unclaimed.toString(),
      totalShares: totalShares.toString(),
      underwriters,
      premiumsUsdt: premiumsUsdt.toString(),
      payout:
        payout === undefined || payout.perUnit === 0n
          ? null
          : {
              id: "1",
              offeringId: payout.offeringId,
              perUnit: payout.perUnit.toString(),
              total: payout.total.toString(),
              claimed: payout.claimed.toString(),
            },
    },
    buyback: {
      usdtIn: usdtIn.toString(),
      dmcOut: dmcOut.toString(),
      dmcAtTwap: dmcAtTwap.toString(),
      conversions: Number(conversions),
    },
  };
}

/** Whole units of a base-unit amount (decimal string) with `decimals`, to `places` decimals, with separators. */
function units(amount: string, decimals: number, places = 0): string {
  const value = Number(BigInt(amount) / 10n ** BigInt(Math.max(decimals - 6, 0))) / 10 ** Math.min(decimals, 6);
  return value.toLocaleString("en-US", { minimumFractionDigits: places, maximumFractionDigits: places });
}

/** A pool's total weight: units x days left (positions), LP tokens, staked DMC (nodes). */
function weight(p: SeededEmissionPool): string {
  if (p.name === "PositionStaking") return `${BigInt(p.totalWeight).toLocaleString("en-US")} unit-days`;
  const whole = Number(BigInt(p.totalWeight)) / 1e18;
  return p.name === "NodeStakingRewards" ? `${whole.toLocaleString("en-US")} DMC` : `${whole.toPrecision(4)} LP`;
}

/** The DeFi lines of the terminal summary. */
export function formatDefi(d: SeededDefi): string[] {
  const quoteDecimals = { USDT: 6, IFIL: 18 } as const;
  const pairLine = (p: SeededPair) => {
    if (p.reserveDmc === "0") return `DMC/${p.quote} empty`;
    const price = Number(BigInt(p.reserveQuote) * 10n ** BigInt(18 - quoteDecimals[p.quote])) / Number(p.reserveDmc);
    return `DMC/${p.quote} ${units(p.reserveDmc, 18)} DMC + ${units(p.reserveQuote, quoteDecimals[p.quote])} ${p.quote} (1 DMC = ${price.toPrecision(4)} ${p.quote})`;
  };
  const i = d.insurance;
  return [
    `Uniswap V2: ${d.pairs.map(pairLine).join("; ")}.`,
    `Emission pools (total weight, DMC emitted): ${d.pools.map((p) => `${p.name} ${weight(p)}, ${units(p.emitted, 18)}`).join("; ")}; ` +
      `${d.stakedPositions} positions staked.`,
    `Promotion nodes: ${d.nodes
      .map(
        (n) =>
          `${n.kind.toLowerCase()} ${n.account}${n.mainNode === null ? "" : ` (under ${n.mainNode})`} ${n.referrals} referrals, ${units(n.commissionEarned, 6, 2)} USDT earned`,
      )
      .join("; ")}.`,
    `Mutual insurance: fund ${units(i.fund, 18)} DMC, underwriters' pot ${units(i.pot, 18)} DMC (${i.underwriters} underwriters), ` +
      `premiums ${units(i.premiumsUsdt, 6, 2)} USDT` +
      (i.payout === null
        ? "."
        : `; payout for offering ${i.payout.offeringId}: ${units(i.payout.perUnit, 18)} DMC per unit, ${units(i.payout.total, 18)} DMC, ${units(i.payout.claimed, 18)} claimed.`),
    `Fee buyback: ${d.buyback.conversions} conversions, ${units(d.buyback.usdtIn, 6, 2)} USDT for ${units(d.buyback.dmcOut, 18, 1)} DMC ` +
      `(${units(d.buyback.dmcAtTwap, 18, 1)} DMC at the TWAP).`,
  ];
}
