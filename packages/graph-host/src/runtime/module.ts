import { DeterministicError, MissingData } from "../internal/errors.js";
import { AscHeap } from "./asc.js";
import { type HostContext, createHostImports } from "./host.js";

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
    this.module = new WebAssembly.Module(wasm as Uint8Array<ArrayBuffer>);
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
          throw new DeterministicError(`WASM runtime error in handler \`${handler}\` of \`${this.name}\`: ${error.message}`);
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
    if (typeof fn !== "function") throw new DeterministicError(`handler \`${handler}\` is not exported by \`${this.name}\``);
    const arg = writeArg(this.slot.heap);
    (fn as (p: number) => void)(arg);
  }
}
