import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GraphHost, startGraphHost } from "../src/index.js";
import { type Anvil, FIXTURE_BUILD, deployFixture, gql, sendInOneBlock, sendTx, startAnvil } from "./helpers/anvil.js";
import { freshStore } from "./helpers/store-backend.js";

const A = "0x00000000000000000000000000000000000000a1";
const B = "0x00000000000000000000000000000000000000b2";
const TAG = `0x${"11".repeat(32)}`;

let anvil: Anvil;
let host: GraphHost;
let good = 0;
let failing = 0;

beforeAll(async () => {
  anvil = await startAnvil();
  await deployFixture(anvil.rpcUrl);
  good = (await sendTx(anvil.rpcUrl, "deposit", [A, 3n, 0n, "0x", "ok", true, TAG])).block;
  // B's deposit and the failing handler share a block: the whole block must be discarded.
  failing = (
    await sendInOneBlock(anvil.rpcUrl, [
      ["deposit", [B, 6n, 0n, "0x", "lost", true, TAG]],
      ["boom", ["kaput"]],
    ])
  ).block;
  await sendTx(anvil.rpcUrl, "deposit", [B, 9n, 0n, "0x", "after", true, TAG]);
  host = await startGraphHost({
    buildDir: FIXTURE_BUILD,
    rpcUrl: anvil.rpcUrl,
    name: "robust",
    port: 0,
    ...(await freshStore("robust")),
    logLevel: "silent",
  });
});

afterAll(async () => {
  await host?.stop();
  await anvil?.stop();
});

describe("a deterministic mapping error", () => {
  it("fails the subgraph at that block and discards the block's writes", async () => {
    await expect(host.waitForBlock(failing, 20_000)).rejects.toThrow(/Critical error logged in mapping: boom: kaput/);
    const r = await gql<{
      accounts: { id: string }[];
      _meta: { hasIndexingErrors: boolean; block: { number: number } };
    }>(host.url, `{ accounts { id } _meta { hasIndexingErrors block { number } } }`);
    expect(r.data).toEqual({
      accounts: [{ id: A }],
      _meta: { hasIndexingErrors: true, block: { number: failing - 1 } },
    });
    expect(failing - 1).toBe(good);
    const health = await (await fetch(host.url.replace(/\/subgraphs\/.*/, "/health"))).json();
    expect(health).toEqual({ block: good, hasIndexingErrors: true });
  });
});

describe("the HTTP endpoint", () => {
  const base = () => host.url.replace(/\/subgraphs\/.*/, "");

  it("answers GET ?query= and sets CORS headers; OPTIONS is a preflight", async () => {
    const r = await fetch(`${host.url}?query=${encodeURIComponent("{ accounts { id } }")}`);
    expect(r.status).toBe(200);
    expect(r.headers.get("access-control-allow-origin")).toBe("*");
    expect(await r.json()).toEqual({ data: { accounts: [{ id: A }] } });
    const pre = await fetch(host.url, { method: "OPTIONS", headers: { "access-control-request-method": "POST" } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("*");
    expect(pre.headers.get("access-control-allow-methods")).toContain("POST");
  });

  it.each([
    ["invalid JSON body", "{not json", "Invalid query body"],
    ["no query", JSON.stringify({}), "The query is empty"],
    ["query is not a string", JSON.stringify({ query: 42 }), "The query is empty"],
    ["unterminated query", JSON.stringify({ query: "{ accounts { id " }), "Syntax Error"],
    [
      "too many tokens",
      JSON.stringify({ query: `{ ${"accounts { id } ".repeat(8000)} }` }),
      "Document contains more tha",
    ],
    [
      "too deep",
      JSON.stringify({ query: `{ accounts { ${"deposits { account { ".repeat(40)} id ${"} } ".repeat(40)} } }` }),
      "query has a depth that exceeds the limit",
    ],
    [
      "larger than the body limit",
      JSON.stringify({ query: `{ accounts { id } } #${"x".repeat(2 * 1024 * 1024)}` }),
      "too large",
    ],
    [
      "bad variables",
      JSON.stringify({ query: "query($n: Int!) { accounts(first: $n) { id } }", variables: { n: "x" } }),
      "Int cannot represent non-integer value",
    ],
    [
      "potentially too many entities",
      JSON.stringify({
        query: "{ accounts(first: 1000) { deposits(first: 1000) { account { deposits(first: 1000) { id } } } } }",
      }),
      "query potentially returns",
    ],
    [
      "fragment cycle",
      JSON.stringify({ query: "{ accounts { ...F } } fragment F on Account { deposits { account { ...F } } }" }),
      "Cannot spread fragment",
    ],
  ])("%s -> 200 with an error, and the server stays up", async (_name, body, message) => {
    const r = await fetch(host.url, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(r.status).toBe(200);
    const json = (await r.json()) as { data?: unknown; errors: { message: string }[] };
    expect(json.data).toBeUndefined();
    expect(json.errors[0]!.message).toContain(message);
    const alive = await gql(host.url, "{ _meta { hasIndexingErrors } }");
    expect(alive.data).toEqual({ _meta: { hasIndexingErrors: true } });
  });

  it("unknown paths are 404 with a hint", async () => {
    const r = await fetch(`${base()}/subgraphs/name/other`, { method: "POST", body: "{}" });
    expect(r.status).toBe(404);
    expect(((await r.json()) as { errors: { message: string }[] }).errors[0]!.message).toContain(
      "/subgraphs/name/robust",
    );
  });
});
