import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GraphHost, startGraphHost } from "../src/index.js";
import { type Anvil, FIXTURE_BUILD, blockInfo, deployFixture, gql, sendTx, startAnvil } from "./helpers/anvil.js";
import { freshStore } from "./helpers/store-backend.js";

/** What the test sent, as an independent model of what the subgraph must contain. */
interface Dep {
  id: string;
  user: string;
  amount: bigint;
  delta: bigint;
  data: string;
  note: string;
  flag: boolean;
  tag: string;
  block: number;
  at: string;
  seq: string;
  ratio: bigint;
  kind: "Small" | "Large";
  score: string | null;
}

const A = "0x00000000000000000000000000000000000000a1";
const B = "0x00000000000000000000000000000000000000b2";
const C = "0x00000000000000000000000000000000000000c3";
const tag = (n: number) => `0x${n.toString(16).padStart(2, "0").repeat(32)}`;

// amount is a multiple of 3 so that ratio = amount / 3 is an integer.
const INPUT: [string, bigint, bigint, string, string, boolean][] = [
  [A, 3n, -10n, "0x01", "Alpha", true],
  [B, 30n, 5n, "0xabcdef", "alpha beta", false],
  [A, 150n, 0n, "0x", "Gamma_%", true],
  [C, 300n, -1n, "0x0102", "beta", false],
  [B, 600n, 100n, "0xab", "BETA max", true],
  [A, 999n, 7n, "0xff00", "omega", false],
];

let anvil: Anvil;
let host: GraphHost;
const deps: Dep[] = [];
const probes: { id: string; name: string; block: number }[] = [];
let head = 0;

async function q<T = Record<string, unknown>>(query: string) {
  return gql<T>(host.url, query);
}
async function ids(entity: string, args: string): Promise<string[]> {
  const r = await q<Record<string, { id: string }[]>>(`{ ${entity}${args ? `(${args})` : ""} { id } }`);
  if (r.errors) throw new Error(r.errors[0]!.message);
  return r.data![entity]!.map((x) => x.id);
}
const depIds = (pred: (d: Dep) => boolean) =>
  deps
    .filter(pred)
    .map((d) => d.id)
    .sort();
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

beforeAll(async () => {
  anvil = await startAnvil();
  await deployFixture(anvil.rpcUrl);
  for (const [i, [user, amount, delta, data, note, flag]] of INPUT.entries()) {
    const s = await sendTx(anvil.rpcUrl, "deposit", [user, amount, delta, data, note, flag, tag(i + 1)]);
    const { timestamp } = await blockInfo(anvil.rpcUrl, s.block);
    deps.push({
      id: `${s.hash}-0`,
      user,
      amount,
      delta,
      data,
      note,
      flag,
      tag: tag(i + 1),
      block: s.block,
      at: `${timestamp * 1_000_000n}`,
      seq: `${s.block * 1000}`,
      ratio: amount / 3n,
      kind: amount > 100n ? "Large" : "Small",
      score: flag ? "1.5" : null,
    });
  }
  for (const [id, name] of [
    ["a", "Alpha"],
    ["b", "alpha beta"],
    ["c", "Gamma_%"],
    ["d", "beta"],
  ] as const) {
    const s = await sendTx(anvil.rpcUrl, "probe", [
      1n,
      1n,
      `{"id":"${id}","name":"${name}","n":${name.length},"big":1,"f":1}`,
    ]);
    probes.push({ id, name, block: s.block });
  }
  head = probes[probes.length - 1]!.block;
  host = await startGraphHost({
    buildDir: FIXTURE_BUILD,
    rpcUrl: anvil.rpcUrl,
    name: "conformance",
    port: 0,
    ...(await freshStore("conformance")),
    logLevel: "warn",
    queryCache: false,
  });
  await host.waitForBlock(head, 30_000);
});

afterAll(async () => {
  await host?.stop();
  await anvil?.stop();
});

describe("where filters, per type", () => {
  // [description, entity, where, expected ids]
  const cases: [string, () => [string, string, string[]]][] = [
    // ID (String ids of Probe)
    ["ID eq", () => ["probes", `{ id: "b" }`, ["b"]]],
    ["ID _not", () => ["probes", `{ id_not: "b" }`, ["a", "c", "d"]]],
    ["ID _gt", () => ["probes", `{ id_gt: "b" }`, ["c", "d"]]],
    ["ID _lt", () => ["probes", `{ id_lt: "b" }`, ["a"]]],
    ["ID _gte", () => ["probes", `{ id_gte: "b" }`, ["b", "c", "d"]]],
    ["ID _lte", () => ["probes", `{ id_lte: "b" }`, ["a", "b"]]],
    ["ID _in", () => ["probes", `{ id_in: ["a", "d", "zz"] }`, ["a", "d"]]],
    ["ID _not_in", () => ["probes", `{ id_not_in: ["a", "d"] }`, ["b", "c"]]],
    // String
    ["String eq", () => ["probes", `{ jsonName: "beta" }`, ["d"]]],
    ["String _contains", () => ["probes", `{ jsonName_contains: "lph" }`, ["a", "b"]]],
    ["String _contains treats % literally", () => ["probes", `{ jsonName_contains: "_%" }`, ["c"]]],
    ["String _contains_nocase", () => ["probes", `{ jsonName_contains_nocase: "ALPHA" }`, ["a", "b"]]],
    ["String _not_contains", () => ["probes", `{ jsonName_not_contains: "lph" }`, ["c", "d"]]],
    ["String _not_contains_nocase", () => ["probes", `{ jsonName_not_contains_nocase: "BETA" }`, ["a", "c"]]],
    ["String _starts_with", () => ["probes", `{ jsonName_starts_with: "alpha" }`, ["b"]]],
    ["String _starts_with_nocase", () => ["probes", `{ jsonName_starts_with_nocase: "alpha" }`, ["a", "b"]]],
    ["String _not_starts_with", () => ["probes", `{ jsonName_not_starts_with: "alpha" }`, ["a", "c", "d"]]],
    ["String _not_starts_with_nocase", () => ["probes", `{ jsonName_not_starts_with_nocase: "ALPHA" }`, ["c", "d"]]],
    ["String _ends_with", () => ["probes", `{ jsonName_ends_with: "beta" }`, ["b", "d"]]],
    ["String _ends_with_nocase", () => ["probes", `{ jsonName_ends_with_nocase: "PHA" }`, ["a"]]],
    ["String _not_ends_with", () => ["probes", `{ jsonName_not_ends_with: "beta" }`, ["a", "c"]]],
    ["String _not_ends_with_nocase", () => ["probes", `{ jsonName_not_ends_with_nocase: "BETA" }`, ["a", "c"]]],
    ["String _gt (byte order)", () => ["probes", `{ jsonName_gt: "Gamma_%" }`, ["b", "d"]]],
    ["String _in", () => ["probes", `{ jsonName_in: ["Alpha", "beta"] }`, ["a", "d"]]],
    // Int8 (jsonNumber = name length)
    ["Int8 _gte with a string", () => ["probes", `{ jsonNumber_gte: "7" }`, ["b", "c"]]],
    ["Int8 _lt with an int", () => ["probes", `{ jsonNumber_lt: 5 }`, ["d"]]],
  ];
  it.each(cases)("%s", async (_name, make) => {
    const [entity, where, expected] = make();
    expect(await ids(entity, `where: ${where}`)).toEqual([...expected].sort(byId));
  });

  const depCases: [string, string, (d: Dep) => boolean][] = [
    ["BigInt eq", `{ amount: "150" }`, (d) => d.amount === 150n],
    ["BigInt _not", `{ amount_not: "150" }`, (d) => d.amount !== 150n],
    ["BigInt _gt", `{ amount_gt: "150" }`, (d) => d.amount > 150n],
    ["BigInt _lt (negative)", `{ delta_lt: "0" }`, (d) => d.delta < 0n],
    ["BigInt _gte", `{ amount_gte: 150 }`, (d) => d.amount >= 150n],
    ["BigInt _lte", `{ amount_lte: "30" }`, (d) => d.amount <= 30n],
    ["BigInt _in", `{ amount_in: ["3", "600", "7"] }`, (d) => d.amount === 3n || d.amount === 600n],
    ["BigInt _not_in", `{ amount_not_in: ["3", "600"] }`, (d) => d.amount !== 3n && d.amount !== 600n],
    ["BigDecimal _gt", `{ ratio_gt: "49.5" }`, (d) => d.ratio > 49n],
    ["BigDecimal _lte", `{ ratio_lte: "10" }`, (d) => d.ratio <= 10n],
    ["BigDecimal eq", `{ ratio: "100" }`, (d) => d.ratio === 100n],
    ["BigDecimal _in", `{ ratio_in: ["1", "333"] }`, (d) => d.ratio === 1n || d.ratio === 333n],
    ["nullable BigDecimal: null", `{ score: null }`, (d) => d.score === null],
    ["nullable BigDecimal: _not null", `{ score_not: null }`, (d) => d.score !== null],
    ["Int _gt", `{ blockNumber_gt: ${3} }`, (d) => d.block > 3],
    ["Int _lte", `{ blockNumber_lte: ${4} }`, (d) => d.block <= 4],
    ["Int _in", `{ blockNumber_in: [2, 5] }`, (d) => d.block === 2 || d.block === 5],
    ["Int _not_in", `{ blockNumber_not_in: [2, 5] }`, (d) => d.block !== 2 && d.block !== 5],
    ["Int _not", `{ blockNumber_not: 2 }`, (d) => d.block !== 2],
    ["Int _lt", `{ blockNumber_lt: 4 }`, (d) => d.block < 4],
    ["Int _gte", `{ blockNumber_gte: 4 }`, (d) => d.block >= 4],
    ["Int8 _gt", `{ seq_gt: "4000" }`, (d) => BigInt(d.seq) > 4000n],
    ["Boolean eq", `{ flag: true }`, (d) => d.flag],
    ["Boolean _not", `{ flag_not: true }`, (d) => !d.flag],
    ["Boolean _in", `{ flag_in: [false] }`, (d) => !d.flag],
    ["Boolean _not_in", `{ flag_not_in: [false] }`, (d) => d.flag],
    ["enum eq", `{ kind: Large }`, (d) => d.kind === "Large"],
    ["enum _not", `{ kind_not: Large }`, (d) => d.kind !== "Large"],
    ["enum _in", `{ kind_in: [Small] }`, (d) => d.kind === "Small"],
    ["enum _not_in", `{ kind_not_in: [Small] }`, (d) => d.kind !== "Small"],
    ["Bytes eq", `{ data: "0xab" }`, (d) => d.data === "0xab"],
    ["Bytes eq without 0x", `{ data: "abcdef" }`, (d) => d.data === "0xabcdef"],
    ["Bytes _not", `{ data_not: "0x" }`, (d) => d.data !== "0x"],
    ["Bytes _contains", `{ data_contains: "0xab" }`, (d) => d.data.includes("ab")],
    ["Bytes _not_contains", `{ data_not_contains: "0x01" }`, (d) => !d.data.slice(2).match(/^(..)*01/)],
    ["Bytes _gt", `{ data_gt: "0xab" }`, (d) => d.data > "0xab" && d.data.length >= 4],
    ["Bytes _in", `{ data_in: ["0x01", "0xff00"] }`, (d) => d.data === "0x01" || d.data === "0xff00"],
    ["Bytes _not_in", `{ data_not_in: ["0x01", "0xff00"] }`, (d) => d.data !== "0x01" && d.data !== "0xff00"],
    ["Bytes _lt", `{ data_lt: "0x02" }`, (d) => ["0x", "0x01", "0x0102"].includes(d.data)],
    ["Bytes _gte", `{ data_gte: "0xab" }`, (d) => ["0xab", "0xabcdef", "0xff00"].includes(d.data)],
    ["Bytes _lte", `{ data_lte: "0x01" }`, (d) => ["0x", "0x01"].includes(d.data)],
    ["Timestamp _gte", `{ at_gte: "0" }`, () => true],
    ["Timestamp _lt", `{ at_lt: "1" }`, () => false],
    ["reference eq (Bytes id)", `{ account: "${A}" }`, (d) => d.user === A],
    ["reference _in", `{ account_in: ["${A}", "${C}"] }`, (d) => d.user === A || d.user === C],
    ["reference _not", `{ account_not: "${A}" }`, (d) => d.user !== A],
    ["nested reference filter account_", `{ account_: { total_gt: "700" } }`, (d) => d.user === A],
    ["and", `{ and: [{ flag: true }, { amount_gt: "100" }] }`, (d) => d.flag && d.amount > 100n],
    ["or", `{ or: [{ flag: true }, { amount_gt: "500" }] }`, (d) => d.flag || d.amount > 500n],
    [
      "or of ands",
      `{ or: [{ and: [{ flag: true }, { amount_lt: "10" }] }, { note_contains: "beta" }] }`,
      (d) => (d.flag && d.amount < 10n) || d.note.includes("beta"),
    ],
    ["_change_block", `{ _change_block: { number_gte: 5 } }`, (d) => d.block >= 5],
    [
      "String on deposits (note _starts_with_nocase)",
      `{ note_starts_with_nocase: "BETA" }`,
      (d) => d.note.toLowerCase().startsWith("beta"),
    ],
  ];
  it.each(depCases)("%s", async (_name, where, pred) => {
    expect(await ids("deposits", `where: ${where}`)).toEqual(depIds(pred));
  });

  it("Timestamp eq / _not / _gt / _in use microseconds", async () => {
    const d = deps[2]!;
    expect(await ids("deposits", `where: { at: "${d.at}" }`)).toEqual(depIds((x) => x.at === d.at));
    expect(await ids("deposits", `where: { at_not: "${d.at}" }`)).toEqual(depIds((x) => x.at !== d.at));
    expect(await ids("deposits", `where: { at_gt: "${d.at}" }`)).toEqual(depIds((x) => BigInt(x.at) > BigInt(d.at)));
    expect(await ids("deposits", `where: { at_in: ["${d.at}"] }`)).toEqual(depIds((x) => x.at === d.at));
  });

  it("list filters: eq, _contains, _not_contains; derived field filters", async () => {
    expect(await ids("accounts", `where: { tags_contains: ["${tag(1)}"] }`)).toEqual([A]);
    expect(await ids("accounts", `where: { tags_not_contains: ["${tag(1)}"] }`)).toEqual([B, C]);
    expect(await ids("accounts", `where: { tags: ["${tag(4)}"] }`)).toEqual([C]);
    expect(await ids("accounts", `where: { tags_not: ["${tag(4)}"] }`)).toEqual([A, B]);
    expect(await ids("accounts", `where: { deposits_: { amount_gt: "500" } }`)).toEqual([A, B]);
    expect(await ids("accounts", `where: { deposits_: { note: "beta" } }`)).toEqual([C]);
    expect(await ids("accounts", `where: { count_gt: 1, kind: Large }`)).toEqual([A]);
  });
});

describe("ordering and pagination", () => {
  it("default order is id ascending; first/skip page through it", async () => {
    const all = depIds(() => true);
    expect(await ids("deposits", "")).toEqual(all);
    expect(await ids("deposits", "first: 2")).toEqual(all.slice(0, 2));
    expect(await ids("deposits", "first: 2, skip: 2")).toEqual(all.slice(2, 4));
    expect(await ids("deposits", "skip: 5")).toEqual(all.slice(5));
    expect(await ids("deposits", "orderDirection: desc")).toEqual([...all].reverse());
  });

  it("orderBy with ties falls back to id in the same direction", async () => {
    const asc = [...deps].sort((a, b) => Number(a.flag) - Number(b.flag) || byId(a.id, b.id)).map((d) => d.id);
    expect(await ids("deposits", "orderBy: flag")).toEqual(asc);
    const desc = [...deps].sort((a, b) => Number(b.flag) - Number(a.flag) || byId(b.id, a.id)).map((d) => d.id);
    expect(await ids("deposits", "orderBy: flag, orderDirection: desc")).toEqual(desc);
  });

  it("nulls sort last ascending and first descending", async () => {
    const withScore = deps
      .filter((d) => d.score !== null)
      .map((d) => d.id)
      .sort(byId);
    const nulls = deps
      .filter((d) => d.score === null)
      .map((d) => d.id)
      .sort(byId);
    expect(await ids("deposits", "orderBy: score")).toEqual([...withScore, ...nulls]);
    expect(await ids("deposits", "orderBy: score, orderDirection: desc")).toEqual([
      ...[...nulls].reverse(),
      ...[...withScore].reverse(),
    ]);
  });

  it("orders by BigInt numerically, String byte-wise, enum by declaration, parent__child", async () => {
    expect(await ids("deposits", "orderBy: delta")).toEqual(
      [...deps].sort((a, b) => (a.delta < b.delta ? -1 : a.delta > b.delta ? 1 : byId(a.id, b.id))).map((d) => d.id),
    );
    expect(await ids("probes", "orderBy: jsonName")).toEqual(["a", "c", "b", "d"]);
    const kindRank = { Small: 0, Large: 1 };
    expect(await ids("deposits", "orderBy: kind")).toEqual(
      [...deps].sort((a, b) => kindRank[a.kind] - kindRank[b.kind] || byId(a.id, b.id)).map((d) => d.id),
    );
    const totals = new Map<string, bigint>();
    for (const d of deps) totals.set(d.user, (totals.get(d.user) ?? 0n) + d.amount);
    const expected = [...deps].sort((a, b) => {
      const x = totals.get(a.user)!;
      const y = totals.get(b.user)!;
      return x < y ? -1 : x > y ? 1 : byId(a.id, b.id);
    });
    expect(await ids("deposits", "orderBy: account__total")).toEqual(expected.map((d) => d.id));
  });
});

describe("nested and derived fields", () => {
  it("references resolve to objects; derived lists take their own arguments", async () => {
    const r = await q<{
      accounts: { id: string; total: string; deposits: { amount: string; account: { id: string } }[] }[];
    }>(
      `{ accounts { id total deposits(first: 2, orderBy: amount, orderDirection: desc, where: { amount_gt: "10" }) { amount account { id } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const expected = [A, B, C].map((user) => ({
      id: user,
      total: `${deps.filter((d) => d.user === user).reduce((s, d) => s + d.amount, 0n)}`,
      deposits: deps
        .filter((d) => d.user === user && d.amount > 10n)
        .sort((a, b) => (a.amount > b.amount ? -1 : 1))
        .slice(0, 2)
        .map((d) => ({ amount: `${d.amount}`, account: { id: user } })),
    }));
    expect(r.data!.accounts).toEqual(expected);
  });
});

describe("time travel and _meta", () => {
  it("block: {number} returns the state at the end of that block", async () => {
    const firstA = deps.find((d) => d.user === A)!;
    const r = await q<{ account: { total: string; count: number } }>(
      `{ account(id: "${A}", block: { number: ${firstA.block} }) { total count } }`,
    );
    expect(r.data!.account).toEqual({ total: `${firstA.amount}`, count: 1 });
    const before = await q<{ account: unknown }>(
      `{ account(id: "${A}", block: { number: ${firstA.block - 1} }) { total } }`,
    );
    expect(before.data!.account).toBeNull();
    const list = await ids("deposits", `block: { number: ${deps[2]!.block} }`);
    expect(list).toEqual(depIds((d) => d.block <= deps[2]!.block));
  });

  it("block: {hash} and {number_gte}", async () => {
    const third = deps[2]!;
    const { hash } = await blockInfo(anvil.rpcUrl, third.block);
    expect(await ids("deposits", `block: { hash: "${hash}" }`)).toEqual(depIds((d) => d.block <= third.block));
    expect(await ids("deposits", `block: { number_gte: ${third.block} }`)).toEqual(depIds(() => true));
    // Genesis is before the start block, so the store never recorded it: its hash comes from the chain.
    const genesis = await blockInfo(anvil.rpcUrl, 0);
    expect(await ids("deposits", `block: { hash: "${genesis.hash}" }`)).toEqual([]);
  });

  it("_meta reports the head block", async () => {
    const info = await blockInfo(anvil.rpcUrl, head);
    const r = await q<{ _meta: unknown }>(
      `{ _meta { block { number hash timestamp parentHash } deployment hasIndexingErrors } }`,
    );
    expect(r.data!._meta).toEqual({
      block: { number: head, hash: info.hash, timestamp: Number(info.timestamp), parentHash: info.parentHash },
      deployment: expect.stringMatching(/^Qm[1-9A-HJ-NP-Za-km-z]{44}$/),
      hasIndexingErrors: false,
    });
  });
});

describe("errors use graph-node's messages", () => {
  it.each([
    ["first: 0", `{ deposits(first: 0) { id } }`, "The `first` argument must be between 0 and 1000, but is 0"],
    ["first: 1001", `{ deposits(first: 1001) { id } }`, "The `first` argument must be between 0 and 1000, but is 1001"],
    ["unknown field", `{ deposits { nope } }`, "Type `Deposit` has no field `nope`"],
    ["block beyond the head", `{ deposits(block: { number: 999999 }) { id } }`, "has only indexed up to block number"],
    [
      "number_gte beyond the head",
      `{ _meta(block: { number_gte: 999999 }) { deployment } }`,
      "data for block number 999999 is therefore not yet available",
    ],
    [
      "or mixed with column filters",
      `{ deposits(where: { flag: true, or: [{ amount: "3" }] }) { id } }`,
      "Cannot mix column filters with 'or' operator at the same level",
    ],
    [
      "unknown block hash",
      `{ deposits(block: { hash: "0x${"00".repeat(32)}" }) { id } }`,
      "no block with that hash found",
    ],
    ["syntax error", `{ deposits { id }`, "Syntax Error"],
  ])("%s", async (_name, query, message) => {
    const r = await q(query);
    expect(r.data).toBeUndefined();
    expect(r.errors?.[0]?.message).toContain(message);
  });
});

describe("the generated filter input types follow graph-node's operator sets", () => {
  const inputFields = async (type: string) => {
    const r = await q<{
      __type: {
        inputFields: {
          name: string;
          type: { name: string | null; kind: string; ofType: { name: string | null } | null };
        }[];
      };
    }>(`{ __type(name: "${type}") { inputFields { name type { name kind ofType { name } } } } }`);
    return r.data!.__type.inputFields;
  };
  it("ID gets comparison operators only; String gets the text set; lists and references get theirs", async () => {
    const probe = (await inputFields("Probe_filter")).map((f) => f.name);
    expect(probe.filter((n) => n.startsWith("id"))).toEqual([
      "id",
      "id_not",
      "id_gt",
      "id_lt",
      "id_gte",
      "id_lte",
      "id_in",
      "id_not_in",
    ]);
    expect(probe).toContain("jsonName_not_ends_with_nocase");
    const account = await inputFields("Account_filter");
    expect(account.map((f) => f.name).filter((n) => n.startsWith("tags"))).toEqual([
      "tags",
      "tags_not",
      "tags_contains",
      "tags_not_contains",
    ]);
    expect(account.map((f) => f.name).filter((n) => n.startsWith("deposits"))).toEqual(["deposits_"]);
    const deposit = await inputFields("Deposit_filter");
    const accountOps = deposit.filter((f) => f.name.startsWith("account"));
    expect(accountOps.map((f) => f.name)).toEqual([
      "account",
      "account_not",
      "account_gt",
      "account_lt",
      "account_gte",
      "account_lte",
      "account_in",
      "account_not_in",
      "account_contains",
      "account_not_contains",
      "account_",
    ]);
    expect(accountOps[0]!.type.name).toBe("Bytes");
    expect(deposit.map((f) => f.name)).toEqual(
      expect.arrayContaining(["_change_block", "and", "or", "kind_not_in", "flag_not_in", "at_gte", "seq_lte"]),
    );
  });
});

describe("stored lists of references", () => {
  it("resolve to entities with their own first/orderBy/where, and filter with _contains and child filters", async () => {
    const r = await q<{ accounts: { id: string; firstDeposits: { amount: string }[] }[] }>(
      `{ accounts { id firstDeposits(orderBy: amount, orderDirection: desc, first: 2, where: { amount_gt: "3" }) { amount } } }`,
    );
    expect(r.errors).toBeUndefined();
    const expected = [A, B, C].map((user) => ({
      id: user,
      firstDeposits: deps
        .filter((d) => d.user === user)
        .slice(0, 3)
        .filter((d) => d.amount > 3n)
        .sort((a, b) => (a.amount > b.amount ? -1 : 1))
        .slice(0, 2)
        .map((d) => ({ amount: `${d.amount}` })),
    }));
    expect(r.data!.accounts).toEqual(expected);
    const firstOfB = deps.find((d) => d.user === B)!;
    expect(await ids("accounts", `where: { firstDeposits_contains: ["${firstOfB.id}"] }`)).toEqual([B]);
    expect(await ids("accounts", `where: { firstDeposits_: { note: "omega" } }`)).toEqual([A]);
  });
});
