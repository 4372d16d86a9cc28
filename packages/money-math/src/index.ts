/**
 * @dmex/money-math: the contracts' money arithmetic in TypeScript, one copy for the web app, the
 * subgraph's tests and the generator of the contracts' shared vectors. Everything is bigint with
 * the contracts' rounding; checked against HashpowerExchange by the vectors in
 * packages/contracts/test/vectors (forge test/unit/Vectors.t.sol).
 */
export * from "./days.js";
export * from "./escrow.js";
export * from "./rewards.js";
export * from "./delinquency.js";
export * from "./simulate.js";
export * from "./trading.js";
export * from "./lending.js";
export * from "./emission.js";
export * from "./uniswap.js";
export * from "./buyback.js";
