// The money math lives in @dmex/money-math (one copy for the app, the subgraph's tests and the
// contracts' vectors). This module only keeps the `~/lib/rewards` import path working; add nothing here.
export * from "@dmex/money-math/rewards";
