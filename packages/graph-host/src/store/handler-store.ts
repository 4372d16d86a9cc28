import type { EntityDef, FieldDef, SchemaModel } from "../manifest/schema.js";
import { DeterministicError } from "../internal/errors.js";
import type { HandlerStore } from "../runtime/host-imports.js";
import type { EntityCache } from "./entity-cache.js";
import type { BlockWrites } from "./store.js";
import { type Entity, type StoreValue, bytesToHex, hexToBytes, idKey } from "./values.js";

function layerGet(layer: BlockWrites, type: string, id: string): Entity | null | undefined {
  return layer.get(type)?.get(id);
}

function layerSet(layer: BlockWrites, type: string, id: string, value: Entity | null): void {
  let m = layer.get(type);
  if (!m) layer.set(type, (m = new Map()));
  m.set(id, value);
}

export function mergeLayer(into: BlockWrites, from: BlockWrites): void {
  for (const [type, m] of from) for (const [id, v] of m) layerSet(into, type, id, v);
}

function describe(v: StoreValue): string {
  switch (v.kind) {
    case "Bytes":
      return bytesToHex(v.value);
    case "Array":
      return `[${v.value.map(describe).join(", ")}]`;
    case "BigDecimal":
      return `${v.value.digits}e${v.value.exp}`;
    case "Null":
      return "null";
    default:
      return String(v.value);
  }
}

/**
 * The store as a handler sees it: its own writes, then earlier handlers of this block, then
 * earlier uncommitted blocks of the batch, then the committed store.
 */
export class HandlerStoreImpl implements HandlerStore {
  readonly writes: BlockWrites = new Map();

  constructor(
    private readonly schema: SchemaModel,
    private readonly cache: EntityCache,
    /** Uncommitted earlier blocks of this batch (merged). */
    private readonly batch: BlockWrites,
    /** Earlier handlers of this block. */
    private readonly block: BlockWrites,
    private readonly allowedEntities: Set<string>,
    private readonly blockNumber: number,
    /** Ids of immutable entities known to be written in an earlier block (committed). */
    private readonly immutableExisting: (type: string, id: string) => boolean,
  ) {}

  private entity(type: string): EntityDef {
    const e = this.schema.entities.get(type);
    if (!e) throw new DeterministicError(`Entity type \`${type}\` is not defined in the subgraph schema`);
    return e;
  }

  private beforeBlock(type: string, id: string): Entity | null {
    const b = layerGet(this.batch, type, id);
    if (b !== undefined) return b;
    return this.cache.get(type, id);
  }

  getInBlock(type: string, id: string): Entity | null {
    this.entity(type);
    const h = layerGet(this.writes, type, id);
    if (h !== undefined) return h;
    return layerGet(this.block, type, id) ?? null;
  }

  get(type: string, id: string): Entity | null {
    this.entity(type);
    const h = layerGet(this.writes, type, id);
    if (h !== undefined) return h;
    const b = layerGet(this.block, type, id);
    if (b !== undefined) return b;
    return this.beforeBlock(type, id);
  }

  set(type: string, id: string, data: Entity): void {
    const def = this.entity(type);
    if (!this.allowedEntities.has(type)) {
      throw new DeterministicError(`Entity type \`${type}\` is not in the \`entities\` list of this data source`);
    }
    const given = data.get("id");
    if (given && given.kind !== "Null") {
      if (idKey(given) !== id) {
        throw new DeterministicError(
          `Value of ${type} attribute 'id' conflicts with ID passed to \`store.set()\`: ${idKey(given)} != ${id}`,
        );
      }
    }
    for (const key of data.keys()) {
      const f = def.fieldMap.get(key);
      if (!f)
        throw new DeterministicError(`Entity ${type}[${id}]: unknown field \`${key}\`; it is not part of the schema`);
      if (f.derivedFrom)
        throw new DeterministicError(`Entity ${type}[${id}]: field \`${key}\` is derived and can not be set`);
    }
    let existing: Entity | null;
    if (def.immutable) {
      // Immutable entities are not looked up in the store (as in graph-node); a duplicate of a
      // committed one is caught when the batch is committed (see sync/batch-commit.ts).
      const earlier =
        layerGet(this.batch, type, id) ??
        this.cache.peek(type, id) ??
        (this.immutableExisting(type, id) ? new Map() : null);
      if (earlier) {
        throw new DeterministicError(
          `Entity ${type}[${id}] is immutable; it was already written in an earlier block and can not be updated at block ${this.blockNumber}`,
        );
      }
      existing = layerGet(this.writes, type, id) ?? layerGet(this.block, type, id) ?? null;
    } else {
      existing = this.get(type, id);
    }
    const merged: Entity = existing ? new Map(existing) : new Map();
    for (const [k, v] of data) {
      if (v.kind === "Null") merged.delete(k);
      else merged.set(k, v);
    }
    if (!merged.has("id")) merged.set("id", this.idValue(def, id));
    for (const f of def.columns) {
      const v = merged.get(f.name);
      if (!v) {
        if (!f.nullable)
          throw new DeterministicError(`Entity ${type}[${id}]: missing value for non-nullable field \`${f.name}\``);
        continue;
      }
      merged.set(f.name, this.coerce(def, id, f, v));
    }
    layerSet(this.writes, type, id, merged);
  }

  remove(type: string, id: string): void {
    const def = this.entity(type);
    if (def.immutable) throw new DeterministicError(`Entity ${type}[${id}]: immutable entities can not be removed`);
    layerSet(this.writes, type, id, null);
  }

  loadRelated(type: string, id: string, field: string): Entity[] {
    const def = this.entity(type);
    const f = def.fieldMap.get(field);
    if (!f || !f.derivedFrom || f.base.kind !== "entity") {
      throw new DeterministicError(`Entity ${type}: \`${field}\` is not a derived field`);
    }
    const target = f.base.name;
    const back = f.derivedFrom;
    const result = new Map<string, Entity>();
    for (const e of this.cache.referencing(target, back, id)) result.set(idKey(e.get("id")), e);
    const refers = (e: Entity) => {
      const v = e.get(back);
      if (!v) return false;
      if (v.kind === "Array") return v.value.some((x) => x.kind !== "Null" && idKey(x) === id);
      return v.kind !== "Null" && idKey(v) === id;
    };
    for (const layer of [this.batch, this.block, this.writes]) {
      for (const [key, e] of layer.get(target) ?? []) {
        if (e && refers(e)) result.set(key, e);
        else result.delete(key);
      }
    }
    return [...result.keys()].sort().map((k) => result.get(k)!);
  }

  private idValue(def: EntityDef, id: string): StoreValue {
    if (def.idType === "Bytes") return { kind: "Bytes", value: hexToBytes(id) };
    if (def.idType === "Int8") return { kind: "Int8", value: BigInt(id) };
    return { kind: "String", value: id };
  }

  /** Checks a value against the field type; graph-node accepts a few conversions (e.g. Int for BigInt). */
  private coerce(def: EntityDef, id: string, f: FieldDef, v: StoreValue): StoreValue {
    const fail = (): never => {
      throw new DeterministicError(
        `Entity ${def.name}[${id}]: the value \`${describe(v)}\` for field \`${f.name}\` must have type ${this.typeName(f)} but has type ${v.kind}`,
      );
    };
    if (f.list) {
      if (v.kind !== "Array") return fail();
      return {
        kind: "Array",
        value: v.value.map((x) =>
          x.kind === "Null" ? (f.elementNullable ? x : fail()) : this.coerceScalar(f, x, fail),
        ),
      };
    }
    return this.coerceScalar(f, v, fail);
  }

  private coerceScalar(f: FieldDef, v: StoreValue, fail: () => never): StoreValue {
    const base = f.base;
    if (base.kind === "enum") {
      if (v.kind !== "String") return fail();
      if (!this.schema.enums.get(base.name)!.includes(v.value)) return fail();
      return v;
    }
    const scalar = base.kind === "entity" ? this.schema.entities.get(base.name)!.idType : base.scalar;
    switch (scalar) {
      case "ID":
      case "String":
        return v.kind === "String" ? v : fail();
      case "Bytes":
        return v.kind === "Bytes" ? v : fail();
      case "Int":
        return v.kind === "Int" ? v : fail();
      case "Int8":
        return v.kind === "Int8" ? v : v.kind === "Int" ? { kind: "Int8", value: BigInt(v.value) } : fail();
      case "Timestamp":
        return v.kind === "Timestamp" || v.kind === "Int8" ? { kind: "Timestamp", value: v.value } : fail();
      case "BigInt":
        return v.kind === "BigInt" ? v : v.kind === "Int" ? { kind: "BigInt", value: BigInt(v.value) } : fail();
      case "BigDecimal":
        return v.kind === "BigDecimal" ? v : fail();
      case "Boolean":
        return v.kind === "Bool" ? v : fail();
    }
  }

  private typeName(f: FieldDef): string {
    const base = f.base.kind === "scalar" ? f.base.scalar : f.base.name;
    return f.list ? `[${base}]` : base;
  }
}
