import type { DataSourceSpec, Manifest } from "../manifest/types.js";
import { MappingModule } from "../runtime/module.js";
import type { DynamicDataSource, Store } from "../store/store.js";
import type { Entity } from "../store/values.js";

/** A data source being indexed: one of the manifest's, or one created from a template. */
export interface DataSourceInstance {
  spec: DataSourceSpec;
  module: MappingModule;
  /** Lower-case hex. */
  address: string;
  startBlock: number;
  context: Entity | null;
  entities: Set<string>;
}

/** The data sources the indexer follows; instances of one WASM file share its compiled module. */
export class DataSources {
  private readonly modules = new Map<string, MappingModule>();
  /** Replaced (not appended to) when data sources are created: a range fetch keeps the list it started with. */
  all: DataSourceInstance[] = [];

  constructor(private readonly manifest: Manifest) {}

  /** The manifest's data sources, then those created from templates as the store recorded them. */
  async load(store: Store): Promise<void> {
    this.all = this.manifest.dataSources.map((ds) => this.instance(ds, ds.address!, ds.startBlock, null));
    for (const d of await store.dataSources()) {
      const spec = this.template(d.template);
      if (!spec) throw new Error(`stored data source uses unknown template \`${d.template}\``);
      this.all.push(this.instance(spec, d.address, d.createdBlock, d.context));
    }
  }

  template(name: string): DataSourceSpec | undefined {
    return this.manifest.templates.find((t) => t.name === name);
  }

  /** Follows the data sources created at `block` from then on; returns their instances. */
  add(created: DynamicDataSource[], block: number): DataSourceInstance[] {
    const fresh = created.map((d) => this.instance(this.template(d.template)!, d.address, block, d.context));
    this.all = [...this.all, ...fresh];
    return fresh;
  }

  /** Where indexing from scratch begins. */
  get startBlock(): number {
    return Math.min(...this.all.map((i) => i.startBlock));
  }

  get hasBlockHandlers(): boolean {
    return this.all.some((i) => i.spec.blockHandlers.length > 0);
  }

  private instance(
    spec: DataSourceSpec,
    address: string,
    startBlock: number,
    context: Entity | null,
  ): DataSourceInstance {
    return {
      spec,
      module: this.module(spec),
      address: address.toLowerCase(),
      startBlock,
      context,
      entities: new Set(spec.entities),
    };
  }

  private module(spec: DataSourceSpec): MappingModule {
    let m = this.modules.get(spec.wasmFile);
    if (!m) this.modules.set(spec.wasmFile, (m = new MappingModule(spec.wasm, spec.name)));
    return m;
  }
}
