import { describe, expect, it } from "vitest";
import { queryFieldNames, toPlural } from "../src/graphql/naming.js";

describe("query field names (Inflector 0.11 rules, case-sensitive)", () => {
  it.each([
    ["TokenDayData", "tokenDayData", "tokenDayDatas"],
    ["Account", "account", "accounts"],
    ["Box", "box", "boxes"],
    ["Status", "status", "statuses"],
    ["Category", "category", "categories"],
    ["Index", "index", "indexes"],
    ["OfferingDay", "offeringDay", "offeringDays"],
    // Rules are lower-case and case-sensitive: capitalised type names mostly just get an `s`.
    ["Child", "child", "childs"],
    ["Sheep", "sheep", "sheeps"],
    ["Person", "person", "persons"],
    // Plural equal to the singular gets `_collection`.
    ["Series", "series", "series_collection"],
    ["Stats", "stats", "stats_collection"],
  ])("%s -> %s / %s", (type, singular, plural) => {
    expect(queryFieldNames(type)).toEqual({ singular, plural });
  });

  it("applies the lower-case rules and special cases", () => {
    expect(toPlural("child")).toBe("children");
    // The rule for person/people wraps its whole pattern in group 1, so Inflector really says this:
    expect(toPlural("person")).toBe("personople");
    expect(toPlural("datum")).toBe("data");
    expect(toPlural("knife")).toBe("knives");
    expect(toPlural("sheep")).toBe("sheep");
    expect(toPlural("ox")).toBe("oxen");
    expect(toPlural("axis")).toBe("axes");
    expect(toPlural("geometry")).toBe("geometries");
  });
});
