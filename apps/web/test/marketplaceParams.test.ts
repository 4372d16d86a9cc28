import { describe, expect, it } from "vitest";

import { buildWhere, hrefWith, parseParams } from "~/app/_components/marketplaceParams";

describe("marketplace URL parameters", () => {
  it("ignores malformed values instead of querying with them", () => {
    const p = parseParams({
      asset: "x",
      miner: "0x12",
      status: "bogus",
      sort: "nope",
      dir: "up",
      page: "-3",
      minDays: "1e3",
    });
    expect(p).toMatchObject({ asset: "", miner: "", status: "", sort: "id", dir: "desc", page: 1, minDays: "" });
  });
  it("maps filters to subgraph where clauses in base units and chain days", () => {
    const p = parseParams({
      asset: "2",
      status: "Flagged",
      minPrice: "0.4",
      maxPrice: "8.5",
      maxDays: "100",
      miner: "0xAbCdEf0123456789abcdef0123456789ABCDEF01",
    });
    const { where, errors } = buildWhere(p, 20_000, 6);
    expect(errors).toEqual([]);
    expect(where).toEqual({
      asset: "2",
      status: "Flagged",
      pricePerUnit_gte: "400000",
      pricePerUnit_lte: "8500000",
      termEndDay_lte: 20_100,
      miner: "0xabcdef0123456789abcdef0123456789abcdef01",
    });
  });
  it("reports a price the token cannot represent", () => {
    const { where, errors } = buildWhere(parseParams({ maxPrice: "0.0000001" }), 1, 6);
    expect(errors[0]).toMatch(/6 decimal places/);
    expect(where).toEqual({ status_in: ["Active", "Flagged"] });
  });
  it("builds links that keep the other filters", () => {
    const p = parseParams({ asset: "1", sort: "price", dir: "asc" });
    expect(hrefWith(p, { page: 2 })).toBe("/?asset=1&sort=price&dir=asc&page=2");
    expect(hrefWith(parseParams({}), {})).toBe("/");
  });
});
