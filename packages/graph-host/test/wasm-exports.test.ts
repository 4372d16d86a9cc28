import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withoutGlobalExports } from "../src/runtime/module.js";
import { FIXTURE_BUILD } from "./helpers/anvil.js";

describe("mapping modules are compiled without their exported globals", () => {
  const wasm = new Uint8Array(readFileSync(join(FIXTURE_BUILD, "Fixture", "Fixture.wasm")));
  const before = WebAssembly.Module.exports(new WebAssembly.Module(wasm));
  const after = WebAssembly.Module.exports(
    new WebAssembly.Module(withoutGlobalExports(wasm) as Uint8Array<ArrayBuffer>),
  );
  it("drops exactly the global exports and keeps functions and memory in order", () => {
    expect(before.some((e) => e.kind === "global")).toBe(true);
    expect(after).toEqual(before.filter((e) => e.kind !== "global"));
    expect(after.some((e) => e.name === "memory" && e.kind === "memory")).toBe(true);
  });
  it("keeps imports and a module without an export section unchanged", () => {
    expect(
      WebAssembly.Module.imports(new WebAssembly.Module(withoutGlobalExports(wasm) as Uint8Array<ArrayBuffer>)),
    ).toEqual(WebAssembly.Module.imports(new WebAssembly.Module(wasm)));
    const empty = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
    expect(withoutGlobalExports(empty)).toEqual(empty);
  });
});
