import { gql } from "./anvil.js";

async function all(url: string, field: string, selection: string, block: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for (let skip = 0; ; skip += 1000) {
    const r = await gql<Record<string, unknown[]>>(
      url,
      `{ ${field}(first: 1000, skip: ${skip}, orderBy: id${block}) { ${selection} } }`,
    );
    if (r.errors) throw new Error(r.errors[0]!.message);
    const page = r.data![field]!;
    out.push(...page);
    if (page.length < 1000) return out;
  }
}

/** Every entity of the fixture at the head, plus mutable entities at a few past blocks. */
export async function dumpFixture(url: string, pastBlocks: number[]): Promise<Record<string, unknown>> {
  const dump: Record<string, unknown> = {};
  const meta = await gql(url, "{ _meta { block { number hash } hasIndexingErrors } }");
  dump.meta = meta.data;
  dump.accounts = await all(url, "accounts", "id total count lastNote tags kind removed", "");
  dump.deposits = await all(
    url,
    "deposits",
    "id account { id } amount delta seq ratio data note flag kind at blockNumber score",
    "",
  );
  dump.probes = await all(url, "probes", "id sum", "");
  dump.childs = await all(url, "childs", "id name pings label", "");
  dump.stats = await all(url, "stats", "id count firstBlock lastBlock lastHash depositsInBlock", "");
  for (const b of pastBlocks)
    dump[`accounts@${b}`] = await all(url, "accounts", "id total count tags", `, block: { number: ${b} }`);
  return dump;
}
