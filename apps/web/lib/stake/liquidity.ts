/**
 * The "Add liquidity" form: the DMC amount typed (18 decimals) and the other token's amount (USDT 6, IFIL 18),
 * validated with the token's decimals and against the balances; the router's arguments with slippage minimums and
 * a deadline. The router takes the amounts at the pair's ratio (`addLiquidityAmounts`), so the mins are set from
 * what it will take, less the slippage: a price move beyond it between signing and mining makes it refuse
 * ("UniswapV2Router: INSUFFICIENT_A_AMOUNT"), and a transaction mined after the deadline is refused ("EXPIRED").
 */
import { addLiquidityAmounts, liquidityMinted, minWithSlippage, pairQuote } from "@dmex/money-math/uniswap";

import { parseAmount, validateAmount } from "~/lib/amount";
import { formatAmount } from "~/lib/format";
import type { PairState } from "./pair";

/** Default slippage: 0.5%. */
export const DEFAULT_SLIPPAGE_BPS = 50n;
/** The most the form lets a user accept: 5%. */
export const MAX_SLIPPAGE_BPS = 500n;
/** The router refuses the transaction once the chain's clock passes this many seconds after the form was filled. */
export const DEADLINE_SECONDS = 20n * 60n;

export interface LiquidityInput {
  readonly dmcText: string;
  readonly quoteText: string;
  readonly slippageText: string;
  readonly quoteSymbol: string;
  readonly quoteDecimals: number;
  readonly dmcBalance: bigint | undefined;
  readonly quoteBalance: bigint | undefined;
  readonly pair: PairState;
  /** The chain's clock (seconds). */
  readonly now: bigint;
}

export interface LiquidityPlan {
  /** Desired amounts (what is approved). */
  readonly dmcDesired: bigint;
  readonly quoteDesired: bigint;
  /** What the router will take at the current reserves. */
  readonly dmcUsed: bigint;
  readonly quoteUsed: bigint;
  readonly dmcMin: bigint;
  readonly quoteMin: bigint;
  readonly slippageBps: bigint;
  readonly deadline: bigint;
  /** LP tokens expected at the current reserves. */
  readonly lpExpected: bigint;
}

export type LiquidityCheck =
  | { ok: true; plan: LiquidityPlan }
  | { ok: false; field: "dmc" | "quote" | "slippage"; error: string };

/** "0.5" (percent) -> 50 bps; refuses negatives, more than two decimals and more than {@link MAX_SLIPPAGE_BPS}. */
export function parseSlippage(text: string): { ok: true; bps: bigint } | { ok: false; error: string } {
  const parsed = parseAmount(text, 2);
  if (!parsed.ok) return { ok: false, error: `Slippage: ${parsed.error}` };
  if (parsed.value > MAX_SLIPPAGE_BPS)
    return {
      ok: false,
      error: `Slippage above ${formatAmount(MAX_SLIPPAGE_BPS, 2, 2)}% risks a bad price: use at most that.`,
    };
  return { ok: true, bps: parsed.value };
}

/** The other token's amount at the pair's ratio for `dmc` DMC wei (empty pair: none). */
export function quoteForDmc(dmc: bigint, pair: PairState): bigint | null {
  if (dmc <= 0n || pair.reserveDmc === 0n || pair.reserveQuote === 0n) return null;
  return pairQuote(dmc, pair.reserveDmc, pair.reserveQuote);
}

/** Validates the form and builds the router call's amounts. */
export function planLiquidity(i: LiquidityInput): LiquidityCheck {
  const dmc = validateAmount(i.dmcText, 18, {
    ...(i.dmcBalance !== undefined && { balance: i.dmcBalance }),
    symbol: "DMC",
  });
  if (!dmc.ok) return { ok: false, field: "dmc", error: dmc.error };
  const quote = validateAmount(i.quoteText, i.quoteDecimals, {
    ...(i.quoteBalance !== undefined && { balance: i.quoteBalance }),
    symbol: i.quoteSymbol,
  });
  if (!quote.ok) return { ok: false, field: "quote", error: quote.error };
  const slippage = parseSlippage(i.slippageText);
  if (!slippage.ok) return { ok: false, field: "slippage", error: slippage.error };
  const used = addLiquidityAmounts(dmc.value, quote.value, i.pair.reserveDmc, i.pair.reserveQuote);
  if (used.amountA === 0n || used.amountB === 0n)
    return { ok: false, field: "dmc", error: "Too little to add at the pair's price: enter more." };
  const lpExpected = liquidityMinted(
    used.amountA,
    used.amountB,
    i.pair.reserveDmc,
    i.pair.reserveQuote,
    i.pair.totalSupply,
  );
  if (lpExpected === 0n) return { ok: false, field: "dmc", error: "Too little to mint any LP token: enter more." };
  return {
    ok: true,
    plan: {
      dmcDesired: dmc.value,
      quoteDesired: quote.value,
      dmcUsed: used.amountA,
      quoteUsed: used.amountB,
      dmcMin: minWithSlippage(used.amountA, slippage.bps),
      quoteMin: minWithSlippage(used.amountB, slippage.bps),
      slippageBps: slippage.bps,
      deadline: i.now + DEADLINE_SECONDS,
      lpExpected,
    },
  };
}

/** The router's `addLiquidity(tokenA, tokenB, desiredA, desiredB, minA, minB, to, deadline)` arguments, DMC as A. */
export function addLiquidityArgs(
  plan: LiquidityPlan,
  dmc: `0x${string}`,
  quoteToken: `0x${string}`,
  to: `0x${string}`,
): readonly [`0x${string}`, `0x${string}`, bigint, bigint, bigint, bigint, `0x${string}`, bigint] {
  return [dmc, quoteToken, plan.dmcDesired, plan.quoteDesired, plan.dmcMin, plan.quoteMin, to, plan.deadline];
}
