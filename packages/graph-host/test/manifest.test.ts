import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { keccak256, toHex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadManifest } from "../src/manifest/load.js";
import { parseSchema } from "../src/manifest/schema.js";
import { FIXTURE_BUILD } from "./helpers/anvil.js";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "graph-host-manifest-"));
  await cp(FIXTURE_BUILD, dir, { recursive: true });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("loading graph build output", () => {
  it("derives topic0 from the signature without `indexed` and the topic count from it", async () => {
    const m = await loadManifest(dir);
    const ds = m.dataSources[0]!;
    const deposited = ds.eventHandlers.find((h) => h.handler === "handleDeposited")!;
    expect(deposited.topic0).toBe(keccak256(toHex("Deposited(address,uint256,int256,bytes,string,bool,bytes32)")));
    expect(deposited.topicCount).toBe(3);
    expect(ds.eventHandlers.find((h) => h.handler === "handleProbed")!.topicCount).toBe(1);
    expect(ds.blockHandlers).toEqual([
      { handler: "handleInit", filter: { kind: "once" } },
      { handler: "handleBlock", filter: { kind: "all" } },
    ]);
    expect(m.templates.map((t) => t.name)).toEqual(["Child"]);
  });

  it("a manifest event whose `indexed` keywords do not match the ABI is rejected", async () => {
    const yaml = await readFile(join(dir, "subgraph.yaml"), "utf8");
    await writeFile(join(dir, "subgraph.yaml"), yaml.replace("Boom(string)", "Boom(indexed string)"));
    try {
      await expect(loadManifest(dir)).rejects.toThrow(
        "event `Boom(indexed string)` of data source `Fixture` is not in its ABI",
      );
    } finally {
      await writeFile(join(dir, "subgraph.yaml"), yaml);
    }
  });

  it("a rebuilt mapping is a new deployment even when the manifest is unchanged", async () => {
    const before = (await loadManifest(dir)).deploymentId;
    const wasm = join(dir, "Fixture", "Fixture.wasm");
    const bytes = await readFile(wasm);
    await writeFile(wasm, Buffer.concat([bytes, Buffer.from([0, 1, 0x61, 0])])); // an extra custom section
    expect((await loadManifest(dir)).deploymentId).not.toBe(before);
    await writeFile(wasm, bytes);
    expect((await loadManifest(dir)).deploymentId).toBe(before);
  });

  it("rejects schema features the host does not implement, by name", () => {
    expect(() => parseSchema("interface Thing { id: ID! } type A implements Thing @entity { id: ID! }")).toThrow(
      /interface `Thing`/,
    );
    expect(() => parseSchema("type S @entity(timeseries: true) { id: Int8! timestamp: Timestamp! }")).toThrow(
      /timeseries entity `S`/,
    );
    expect(() => parseSchema("type A @entity { id: ID! b: Nope }")).toThrow(/unknown type `Nope`/);
  });
});
