import { MissingData } from "../internal/errors.js";
import type { BlockWrites, Store } from "./store.js";
import type { Entity } from "./values.js";

const CACHE_LIMIT = 250_000;

/**
 * Cached in place of a committed immutable entity: it exists, its data is in the store. Handlers
 * rarely load immutable entities (event records); keeping them whole would make the live heap, and
 * so every garbage collection during indexing, several times larger.
 */
const EXISTS: Entity = new Map();

/**
 * Committed latest state, cached in memory. Only the host's sync paths read it; misses raise
 * `MissingData` so the runner can load them and replay.
 *
 * When the store was empty and every commit since went through `applyCommitted` with nothing
 * evicted, the cache holds the whole latest state (`complete`): a miss is then an entity that does
 * not exist, answered without a store round trip and a replay. Indexing from scratch runs this way
 * until the cache outgrows its limit.
 */
export class EntityCache {
  private readonly entities = new Map<string, Map<string, Entity | null>>();
  private readonly related = new Map<string, Entity[]>();
  private size = 0;
  private complete = false;

  constructor(readonly store: Store) {}

  /** Declares the store empty (fresh or rebuilt): the cache starts out complete. */
  startEmpty(): void {
    this.clear();
    this.complete = true;
  }

  /** Whether a miss means "does not exist" (see the class comment). */
  get isComplete(): boolean {
    return this.complete;
  }

  peek(type: string, id: string): Entity | null | undefined {
    return this.entities.get(type)?.get(id);
  }

  /** Committed state; an immutable entity is kept as a marker (see EXISTS). */
  put(type: string, id: string, value: Entity | null): void {
    this.keep(type, id, value !== null && this.store.schema.entities.get(type)?.immutable ? EXISTS : value);
  }

  private keep(type: string, id: string, value: Entity | null): void {
    if (this.size > CACHE_LIMIT) this.clear();
    if (this.complete && value === null && !this.entities.get(type)?.has(id)) return;
    let m = this.entities.get(type);
    if (!m) this.entities.set(type, (m = new Map()));
    if (!m.has(id)) this.size++;
    m.set(id, value);
  }

  clear(): void {
    this.entities.clear();
    this.related.clear();
    this.size = 0;
    this.complete = false;
  }

  /** Applies committed writes; derived lists of the written types are dropped. */
  applyCommitted(writes: BlockWrites): void {
    for (const [type, m] of writes) {
      for (const [id, v] of m) this.put(type, id, v);
      for (const key of [...this.related.keys()]) if (key.startsWith(`${type}\u0000`)) this.related.delete(key);
    }
  }

  get(type: string, id: string): Entity | null {
    const hit = this.peek(type, id);
    if (hit !== undefined && hit !== EXISTS) return hit;
    if (hit === undefined && this.complete) return null;
    throw new MissingData(async () => {
      const found = await this.store.loadLatest(type, [id]);
      // The data itself, immutable or not: the replay reads it from here.
      this.keep(type, id, found.get(id) ?? null);
    });
  }

  referencing(type: string, field: string, id: string): Entity[] {
    const key = `${type}\u0000${field}\u0000${id}`;
    const hit = this.related.get(key);
    if (hit) return hit;
    throw new MissingData(async () => {
      this.related.set(key, await this.store.loadReferencing(type, field, id));
    });
  }
}
