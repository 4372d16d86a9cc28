import { DeterministicError, MissingData } from "../internal/errors.js";
import { AscHeap } from "./asc.js";
import { type HostContext, createHostImports } from "./host-imports.js";

interface Slot {
  heap: AscHeap | undefined;
  ctx: HostContext | undefined;
}

const MAX_REPLAYS = 10_000;

/**
 * One compiled mapping module. Every trigger runs in a fresh instance (the stub runtime never frees
 * memory); the compiled module and the import object are reused.
 */
export class MappingModule {
  private readonly module: WebAssembly.Module;
  private readonly slot: Slot = { heap: undefined, ctx: undefined };
  private readonly imports: WebAssembly.Imports;
  private readonly rtIds = new Map<number, number>();

  constructor(
    wasm: Uint8Array,
    readonly name: string,
  ) {
    this.module = new WebAssembly.Module(withoutGlobalExports(wasm) as Uint8Array<ArrayBuffer>);
    const slot = this.slot;
    const ctxProxy = new Proxy({} as HostContext, {
      get: (_t, key: string) => (slot.ctx as unknown as Record<string, unknown>)[key],
    });
    const host = createHostImports(() => slot.heap!, ctxProxy);
    const imports: Record<string, Record<string, WebAssembly.ImportValue>> = {};
    for (const imp of WebAssembly.Module.imports(this.module)) {
      if (imp.kind !== "function") continue;
      const fn =
        host[imp.name] ??
        (() => {
          throw new DeterministicError(`host export \`${imp.name}\` is not available in graph-host`);
        });
      (imports[imp.module] ??= {})[imp.name] = fn as WebAssembly.ImportValue;
    }
    // graph-node injects gas metering; mappings that were instrumented import it.
    (imports.gas ??= {}).gas = () => {};
    this.imports = imports;
  }

  hasExport(name: string): boolean {
    return WebAssembly.Module.exports(this.module).some((e) => e.name === name);
  }

  /**
   * Runs `handler(arg)` where `arg` is written by `writeArg` into the fresh instance. Host calls
   * that need I/O throw MissingData: it is loaded and the trigger replayed from scratch.
   */
  async run(handler: string, ctx: () => HostContext, writeArg: (heap: AscHeap) => number): Promise<HostContext> {
    for (let attempt = 0; attempt < MAX_REPLAYS; attempt++) {
      const context = ctx();
      try {
        this.runOnce(handler, context, writeArg);
        return context;
      } catch (error) {
        if (error instanceof MissingData) {
          await error.load();
          continue;
        }
        if (error instanceof WebAssembly.RuntimeError) {
          throw new DeterministicError(
            `WASM runtime error in handler \`${handler}\` of \`${this.name}\`: ${error.message}`,
          );
        }
        throw error;
      } finally {
        this.slot.ctx = undefined;
        this.slot.heap = undefined;
      }
    }
    throw new DeterministicError(`handler \`${handler}\` needed more than ${MAX_REPLAYS} store/chain loads`);
  }

  private runOnce(handler: string, context: HostContext, writeArg: (heap: AscHeap) => number): void {
    this.slot.ctx = context;
    const instance = new WebAssembly.Instance(this.module, this.imports);
    const exports = instance.exports as unknown as {
      memory: WebAssembly.Memory;
      __new(size: number, id: number): number;
      id_of_type(t: number): number;
      _start?: () => void;
    } & Record<string, unknown>;
    this.slot.heap = new AscHeap(exports, this.rtIds);
    exports._start?.();
    const fn = exports[handler];
    if (typeof fn !== "function")
      throw new DeterministicError(`handler \`${handler}\` is not exported by \`${this.name}\``);
    const arg = writeArg(this.slot.heap);
    (fn as (p: number) => void)(arg);
  }
}

function readLeb(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let shift = 0;
  let b: number;
  let pos = at;
  do {
    if (pos >= bytes.length) throw new DeterministicError("malformed WASM module: truncated LEB128");
    b = bytes[pos++]!;
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  return [value, pos];
}

function writeLeb(value: number): number[] {
  const out: number[] = [];
  let v = value;
  do {
    let b = v % 128;
    v = Math.floor(v / 128);
    if (v > 0) b |= 0x80;
    out.push(b);
  } while (v > 0);
  return out;
}

/**
 * The module with its exported globals left out of the export section. graph-ts exports ~180
 * `TypeId.*` globals that neither graph-node nor this host reads, and every instance wraps each
 * export in a JS object: instantiation (once per trigger) costs a third less without them. Code,
 * memory, functions and the globals themselves are untouched, so handlers run exactly the same.
 */
export function withoutGlobalExports(wasm: Uint8Array): Uint8Array {
  if (wasm.length < 8) return wasm;
  const parts: Uint8Array[] = [wasm.subarray(0, 8)];
  let pos = 8;
  while (pos < wasm.length) {
    const id = wasm[pos]!;
    const [size, start] = readLeb(wasm, pos + 1);
    const end = start + size;
    if (id !== 7) {
      parts.push(wasm.subarray(pos, end));
      pos = end;
      continue;
    }
    const [count, first] = readLeb(wasm, start);
    const kept: Uint8Array[] = [];
    let q = first;
    for (let i = 0; i < count; i++) {
      const entry = q;
      const [nameLength, name] = readLeb(wasm, q);
      const kind = wasm[name + nameLength]!;
      [, q] = readLeb(wasm, name + nameLength + 1);
      if (kind !== 0x03) kept.push(wasm.subarray(entry, q));
    }
    const body = [...writeLeb(kept.length)];
    const length = kept.reduce((n, k) => n + k.length, body.length);
    const section = new Uint8Array(1 + writeLeb(length).length + length);
    section.set([7, ...writeLeb(length), ...body]);
    let at = 1 + writeLeb(length).length + body.length;
    for (const k of kept) {
      section.set(k, at);
      at += k.length;
    }
    parts.push(section);
    pos = end;
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
