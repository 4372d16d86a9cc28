/**
 * Every query the app sends must be valid against the subgraph's schema (packages/subgraph/schema.graphql),
 * checked with the query schema the local graph host serves (graph-node's filters and ordering): a
 * renamed or removed field fails here instead of blanking a page.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { print, type DocumentNode } from "graphql";
import { describe, expect, it } from "vitest";

import * as dao from "~/lib/graphql/dao";
import * as dmc from "~/lib/graphql/dmc";
import * as insurance from "~/lib/graphql/insurance";
import * as exchange from "~/lib/graphql/queries";
import * as lending from "~/lib/graphql/lending";
import * as nodes from "~/lib/graphql/nodes";
import * as stake from "~/lib/graphql/stake";
import * as trading from "~/lib/graphql/trading";

const hostDir = fileURLToPath(new URL("../../../packages/graph-host/", import.meta.url));
const schemaFile = fileURLToPath(new URL("../../../packages/subgraph/schema.graphql", import.meta.url));

const operations = Object.entries({
  ...exchange,
  ...dao,
  ...trading,
  ...lending,
  ...stake,
  ...dmc,
  ...nodes,
  ...insurance,
}).filter(
  (e): e is [string, DocumentNode] =>
    typeof e[1] === "object" &&
    e[1] !== null &&
    "definitions" in e[1] &&
    (e[1] as DocumentNode).definitions.some((d) => d.kind === "OperationDefinition"),
);

/**
 * Validates in plain Node next to the graph host, so its schema builder and `graphql` are one module
 * instance (vitest would load a second copy of graphql and graphql-js refuses mixed instances).
 */
function validateAll(): Record<string, string[]> {
  const script = `
    import { readFileSync } from "node:fs";
    import { parse, validate } from "graphql";
    import { parseSchema } from "./dist/manifest/schema.js";
    import { buildApiSchema } from "./dist/graphql/schema.js";
    const { schema } = buildApiSchema(parseSchema(readFileSync(${JSON.stringify(schemaFile)}, "utf8")));
    const queries = JSON.parse(readFileSync(0, "utf8"));
    const out = {};
    for (const [name, text] of Object.entries(queries)) out[name] = validate(schema, parse(text)).map((e) => e.message);
    process.stdout.write(JSON.stringify(out));
  `;
  const input = JSON.stringify(Object.fromEntries(operations.map(([name, doc]) => [name, print(doc)])));
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: hostDir,
    input,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`validation failed to run (is @dmex/graph-host built?): ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, string[]>;
}

describe("subgraph queries", () => {
  const results = validateAll();
  it("finds the app's queries", () => {
    expect(operations.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        "MARKETPLACE_QUERY",
        "OFFERING_QUERY",
        "MINER_QUERY",
        "PROTOCOL_QUERY",
        "GOVERNANCE_QUERY",
        "TRADING_MARKET_QUERY",
        "AUCTION_QUERY",
        "ACCOUNT_TRADING_QUERY",
        "TRADING_REWARDS_QUERY",
        "OFFERING_TRADE_QUERY",
        "LENDING_BOOK_QUERY",
        "POSITION_OFFERS_QUERY",
        "MY_LOANS_QUERY",
        "ACTIVE_LOANS_QUERY",
        "LOANS_DUE_QUERY",
        "STAKE_POSITIONS_QUERY",
        "DMC_MARKET_QUERY",
        "BUYBACK_HISTORY_QUERY",
        "NODE_QUERY",
        "INSURANCE_QUERY",
        "UNDERWRITER_QUERY",
        "PAYOUT_POSITIONS_QUERY",
        "OFFERING_PAYOUTS_QUERY",
        "OPEN_PAYOUTS_QUERY",
      ]),
    );
  });
  for (const [name] of operations) {
    it(`${name} is valid against packages/subgraph/schema.graphql`, () => {
      expect(results[name]).toEqual([]);
    });
  }
});
