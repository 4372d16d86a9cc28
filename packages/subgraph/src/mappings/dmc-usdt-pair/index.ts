// Handlers of the DMC/USDT Uniswap V2 pair's events: reserves and price, swaps, liquidity, LP supply.
export { handleBurn } from "./burn";
export { handleMint } from "./mint";
export { handleSwap } from "./swap";
export { handleSync } from "./sync";
export { handleTransfer } from "./transfer";
