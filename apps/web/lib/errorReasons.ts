/**
 * Plain language for the string reasons of contracts that predate custom errors: Uniswap V2's pair, library and
 * Router02 (the npm artifacts the local chain deploys) and its TransferHelper and ds-math. lib/errors.ts explains
 * every custom error by selector; a `revert("...")` reason lands here.
 */
const REASONS: Readonly<Record<string, string>> = {
  "UniswapV2Router: EXPIRED":
    "The transaction was mined after its deadline, so the router refused it: fill in the form again and send it at once.",
  "UniswapV2Router: INSUFFICIENT_A_AMOUNT":
    "The pair's price moved beyond your slippage since you filled in the form: the router would take less of the first token than your minimum. Nothing was added; refresh the amounts or allow more slippage.",
  "UniswapV2Router: INSUFFICIENT_B_AMOUNT":
    "The pair's price moved beyond your slippage since you filled in the form: the router would take less of the second token than your minimum. Nothing was added; refresh the amounts or allow more slippage.",
  "UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT":
    "The swap would pay less than your minimum: the price moved. Nothing was swapped.",
  "UniswapV2Router: EXCESSIVE_INPUT_AMOUNT":
    "The swap would cost more than your maximum: the price moved. Nothing was swapped.",
  "UniswapV2Router: INVALID_PATH": "That swap route is not valid.",
  "TransferHelper: TRANSFER_FROM_FAILED":
    "The router could not pull your tokens: approve the router for both amounts first (or your balance is too low).",
  "TransferHelper::transferFrom: transferFrom failed":
    "The router could not pull your tokens: approve the router for both amounts first (or your balance is too low).",
  "TransferHelper: TRANSFER_FAILED": "A token transfer by the router failed.",
  "UniswapV2Library: INSUFFICIENT_AMOUNT": "Enter an amount above zero.",
  "UniswapV2Library: INSUFFICIENT_LIQUIDITY": "The pair has no liquidity yet.",
  "UniswapV2Library: INSUFFICIENT_INPUT_AMOUNT": "Enter an amount above zero to swap.",
  "UniswapV2Library: INSUFFICIENT_OUTPUT_AMOUNT": "Enter an amount above zero to receive.",
  "UniswapV2Library: IDENTICAL_ADDRESSES": "A pair needs two different tokens.",
  "UniswapV2Library: ZERO_ADDRESS": "A token address is missing.",
  "UniswapV2: INSUFFICIENT_LIQUIDITY_MINTED": "The amounts are too small to mint any LP token: add more.",
  "UniswapV2: INSUFFICIENT_LIQUIDITY_BURNED": "Too few LP tokens to withdraw anything: remove more.",
  "UniswapV2: INSUFFICIENT_OUTPUT_AMOUNT": "The swap would pay out nothing.",
  "UniswapV2: INSUFFICIENT_INPUT_AMOUNT": "The swap sent nothing in.",
  "UniswapV2: INSUFFICIENT_LIQUIDITY": "The pair does not hold that much.",
  "UniswapV2: K": "The swap would take value out of the pair: it was refused.",
  "UniswapV2: LOCKED": "The pair refused a re-entrant call.",
  "UniswapV2: OVERFLOW": "The pair's reserves would overflow.",
  "UniswapV2: TRANSFER_FAILED": "A token transfer out of the pair failed.",
  "UniswapV2: EXPIRED": "The LP permit signature expired; sign again.",
  "UniswapV2: INVALID_SIGNATURE": "The LP permit signature does not match your account.",
  "ds-math-sub-underflow": "You do not hold that many LP tokens (or have not approved that many).",
  "ds-math-add-overflow": "An amount is too large for the pair.",
  "ds-math-mul-overflow": "An amount is too large for the pair.",
};

/** The plain-language reading of a string revert reason (the raw reason, quoted, for one we do not know). */
export function explainReason(reason: string): string {
  return REASONS[reason] ?? `The contract refused the transaction: ${reason}`;
}

/** The reasons explained (for the unit test). */
export const KNOWN_REASONS: readonly string[] = Object.keys(REASONS);
