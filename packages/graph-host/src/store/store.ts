import type { EntityDef, SchemaModel } from "../manifest/schema.js";
import * as bd from "../runtime/bigdecimal.js";
import type { Db } from "./db.js";
import {
  OPEN,
  idCast,
  idParam,
  paramExpr,
  q,
  queryIndexDdl,
  rowToEntity,
  selectList,
  tableDdl,
  toJsonRow,
} from "./layout.js";
import { type Entity, type StoreValue, bytesToHex, hexToBytes } from "./values.js";

export interface HeadBlock {
  number: number;
  hash: string;
  timestamp: string;
  parentHash: string;
}

export interface DynamicDataSource {
  template: string;
  address: string;
  context: Entity | null;
  createdBlock: number;
}

/** The writes of one block: entity type -> id key -> final state (null = removed). */
export type BlockWrites = Map<string, Map<string, Entity | null>>;

export interface BlockCommit {
  number: number;
  hash: string;
  writes: BlockWrites;
  dataSources: DynamicDataSource[];
}

export interface Status {
  failed: boolean;
  error: string | null;
  errorBlock: number | null;
}

const SCHEMA_VERSION = "2";
/** Rows per statement when a batch is committed. */
const COMMIT_CHUNK = 2_000;

function valueToJson(v: StoreValue): unknown {
  switch (v.kind) {
    case "Bytes":
      return { k: v.kind, v: bytesToHex(v.value) };
    case "BigInt":
    case "Int8":
    case "Timestamp":
      return { k: v.kind, v: v.value.toString() };
    case "BigDecimal":
      return { k: v.kind, v: bd.toString(v.value) };
    case "Array":
      return { k: v.kind, v: v.value.map(valueToJson) };
    case "Null":
      return { k: v.kind };
    default:
      return { k: v.kind, v: v.value };
  }
}

function valueFromJson(j: { k: StoreValue["kind"]; v?: unknown }): StoreValue {
  switch (j.k) {
    case "Bytes":
      return { kind: "Bytes", value: hexToBytes(j.v as string) };
    case "BigInt":
    case "Int8":
    case "Timestamp":
      return { kind: j.k, value: BigInt(j.v as string) };
    case "BigDecimal":
      return { kind: "BigDecimal", value: bd.parse(j.v as string) };
    case "Array":
      return { kind: "Array", value: (j.v as { k: StoreValue["kind"] }[]).map(valueFromJson) };
    case "Null":
      return { kind: "Null" };
    case "String":
      return { kind: "String", value: j.v as string };
    case "Int":
      return { kind: "Int", value: j.v as number };
    case "Bool":
      return { kind: "Bool", value: j.v as boolean };
  }
}

export const entityToJson = (e: Entity): string => JSON.stringify([...e].map(([k, v]) => [k, valueToJson(v)]));
export const entityFromJson = (s: string): Entity =>
  new Map((JSON.parse(s) as [string, { k: StoreValue["kind"]; v?: unknown }][]).map(([k, v]) => [k, valueFromJson(v)]));

/**
 * Entity versions on Postgres. Invariant: the head pointer in `_meta` and the rows of every block
 * up to it are written in the same transaction, so a crash never leaves a partial block behind.
 */
export class Store {
  readonly s: string;

  constructor(
    readonly db: Db,
    schemaName: string,
    readonly schema: SchemaModel,
    private readonly deploymentId: string,
  ) {
    this.s = q(schemaName);
    this.schemaName = schemaName;
  }

  private readonly schemaName: string;

  table(entity: EntityDef | string): string {
    return `${this.s}.${q(typeof entity === "string" ? entity : entity.name)}`;
  }

  /** Creates the schema, or drops and recreates it when it belongs to another build. */
  async init(): Promise<void> {
    const exists = await this.db
      .query<{ deployment: string; version: string }>(`select deployment, version from ${this.s}._meta where id = 1`)
      .catch(() => null);
    if (exists && exists[0]?.deployment === this.deploymentId && exists[0]?.version === SCHEMA_VERSION) return;
    await this.create();
  }

  /** Drops everything indexed (chain reset, new build) and starts over. */
  async create(): Promise<void> {
    const ddl: string[] = [`drop schema if exists ${this.s} cascade`, `create schema ${this.s}`];
    for (const [name, values] of this.schema.enums) {
      ddl.push(
        `create type ${this.s}.${q(name)} as enum (${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ")})`,
      );
    }
    for (const entity of this.schema.entities.values()) ddl.push(...tableDdl(this.schemaName, this.schema, entity));
    ddl.push(
      `create table ${this.s}._meta (id int primary key, version text not null, deployment text not null, head_number int, head_hash text, head_timestamp text, head_parent_hash text, failed bool not null default false, error text, error_block int, query_indexes bool not null default false)`,
      `insert into ${this.s}._meta (id, version, deployment) values (1, '${SCHEMA_VERSION}', '${this.deploymentId.replace(/'/g, "")}')`,
      `create table ${this.s}._blocks (number int primary key, hash text not null)`,
      `create index on ${this.s}._blocks (hash)`,
      `create table ${this.s}._data_sources (seq serial primary key, template text not null, address text not null, context text, created_block int not null)`,
    );
    // One round trip: a table and its indexes for each entity.
    await this.db.transaction(async (tx) => tx.exec(ddl.join(";\n")));
    this.queryIndexes = false;
  }

  /**
   * Builds the query indexes (see layout.ts `queryIndexDdl`) unless they exist. A sync from scratch
   * writes without them and builds them once caught up: one `create index` over a table is far
   * cheaper than maintaining fifteen-odd indexes on every insert. Queries are answered meanwhile,
   * only slower.
   */
  async buildQueryIndexes(): Promise<boolean> {
    if (this.queryIndexes) return false;
    const rows = await this.db.query<{ query_indexes: boolean }>(
      `select query_indexes from ${this.s}._meta where id = 1`,
    );
    if (rows[0]?.query_indexes) {
      this.queryIndexes = true;
      return false;
    }
    const ddl = [...this.schema.entities.values()].flatMap((entity) => queryIndexDdl(this.schemaName, entity));
    ddl.push(`update ${this.s}._meta set query_indexes = true where id = 1`);
    await this.db.transaction(async (tx) => tx.exec(ddl.join(";\n")));
    this.queryIndexes = true;
    return true;
  }

  private queryIndexes = false;

  /** Refreshes planner statistics (PGlite has no autovacuum; without them every sort is a seq scan). */
  async analyze(): Promise<void> {
    for (const entity of this.schema.entities.values()) await this.db.exec(`analyze ${this.table(entity)}`);
  }

  async head(): Promise<HeadBlock | null> {
    const rows = await this.db.query<{
      head_number: number | null;
      head_hash: string;
      head_timestamp: string;
      head_parent_hash: string;
    }>(`select head_number, head_hash, head_timestamp, head_parent_hash from ${this.s}._meta where id = 1`);
    const r = rows[0];
    if (!r || r.head_number === null) return null;
    return { number: r.head_number, hash: r.head_hash, timestamp: r.head_timestamp, parentHash: r.head_parent_hash };
  }

  async status(): Promise<Status> {
    const rows = await this.db.query<{ failed: boolean; error: string | null; error_block: number | null }>(
      `select failed, error, error_block from ${this.s}._meta where id = 1`,
    );
    const r = rows[0]!;
    return { failed: r.failed, error: r.error, errorBlock: r.error_block };
  }

  async dataSources(): Promise<DynamicDataSource[]> {
    const rows = await this.db.query<{
      template: string;
      address: string;
      context: string | null;
      created_block: number;
    }>(`select template, address, context, created_block from ${this.s}._data_sources order by seq`);
    return rows.map((r) => ({
      template: r.template,
      address: r.address,
      context: r.context ? entityFromJson(r.context) : null,
      createdBlock: r.created_block,
    }));
  }

  async blockNumberByHash(hash: string): Promise<number | null> {
    const rows = await this.db.query<{ number: number }>(`select number from ${this.s}._blocks where hash = $1`, [
      hash.toLowerCase(),
    ]);
    return rows[0]?.number ?? null;
  }

  async blockHashByNumber(number: number): Promise<string | null> {
    const rows = await this.db.query<{ hash: string }>(`select hash from ${this.s}._blocks where number = $1`, [
      number,
    ]);
    return rows[0]?.hash ?? null;
  }

  /** Latest committed versions of `ids` (keys). Missing ids are absent from the map. */
  async loadLatest(type: string, ids: string[]): Promise<Map<string, Entity>> {
    const entity = this.schema.entities.get(type)!;
    const rows = await this.db.query<Record<string, unknown>>(
      `select ${selectList(this.schema, entity)} from ${this.table(entity)} t where t.id = any(${paramExpr("$1", `${idCast(entity)}[]`)}) and t._to = ${OPEN}`,
      [ids.map((id) => idParam(entity, id))],
    );
    const out = new Map<string, Entity>();
    for (const row of rows) {
      const e = rowToEntity(this.schema, entity, row);
      out.set(String(row.id), e);
    }
    return out;
  }

  /** Latest committed entities of `type` whose `field` references `id` (scalar or list reference). */
  async loadReferencing(type: string, field: string, id: string): Promise<Entity[]> {
    const entity = this.schema.entities.get(type)!;
    const f = entity.fieldMap.get(field)!;
    const target = this.schema.entities.get((f.base as { name: string }).name)!;
    const one = paramExpr("$1", idCast(target));
    const cond = f.list ? `${one} = any(t.${q(field)})` : `t.${q(field)} = ${one}`;
    const rows = await this.db.query<Record<string, unknown>>(
      `select ${selectList(this.schema, entity)} from ${this.table(entity)} t where ${cond} and t._to = ${OPEN}`,
      [idParam(target, id)],
    );
    return rows.map((row) => rowToEntity(this.schema, entity, row));
  }

  /** Ids among `ids` of immutable `type` that already exist (an immutable entity is written once). */
  async existing(type: string, ids: string[]): Promise<Set<string>> {
    const entity = this.schema.entities.get(type)!;
    const rows = await this.db.query<{ id: string }>(
      `select ${entity.idType === "Bytes" ? "'0x' || encode(id, 'hex')" : "id::text"} as id from ${this.table(entity)} where id = any(${paramExpr("$1", `${idCast(entity)}[]`)})`,
      [ids.map((id) => idParam(entity, id))],
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Writes the versions of `blocks` (in order) and moves the head to `head`, atomically.
   * A mutable entity's previous version is closed at the block that changes or removes it.
   *
   * The versions of all the blocks are written per entity type, not per block: an entity changed
   * in blocks b1 < b2 < b3 of the batch gets rows [b1, b2), [b2, b3), [b3, open) and its committed
   * version is closed at b1, exactly what committing the blocks one by one leaves behind, in two
   * statements per type (one `update`, one `insert`) instead of two per type and block.
   */
  async commit(blocks: BlockCommit[], head: HeadBlock, failure?: { error: string; block: number }): Promise<void> {
    const perType = new Map<
      string,
      { entity: EntityDef; closeIds: string[]; closeAt: number[]; rows: Record<string, unknown>[] }
    >();
    const open = new Map<string, Map<string, number>>();
    for (const block of blocks) {
      for (const [type, writes] of block.writes) {
        if (writes.size === 0) continue;
        let t = perType.get(type);
        if (!t)
          perType.set(type, (t = { entity: this.schema.entities.get(type)!, closeIds: [], closeAt: [], rows: [] }));
        let openRows = open.get(type);
        if (!openRows) open.set(type, (openRows = new Map()));
        for (const [id, data] of writes) {
          if (!t.entity.immutable) {
            const earlier = openRows.get(id);
            if (earlier !== undefined) {
              // A version written earlier in this batch ends here.
              if (earlier >= 0) t.rows[earlier]!._to = block.number;
            } else {
              // First write of this id in the batch: its committed version (if any) ends here.
              t.closeIds.push(id);
              t.closeAt.push(block.number);
            }
          }
          if (data) {
            t.rows.push(toJsonRow(t.entity, data, block.number));
            openRows.set(id, t.rows.length - 1);
          } else openRows.set(id, -1);
        }
      }
    }
    const numbers = new Map<number, string>();
    for (const block of blocks) numbers.set(block.number, block.hash.toLowerCase());
    numbers.set(head.number, head.hash.toLowerCase());
    await this.db.transaction(async (tx) => {
      for (const { entity, closeIds, closeAt, rows } of perType.values()) {
        const table = this.table(entity);
        // Closing comes first: the inserted rows are open too and must not be closed.
        for (let i = 0; i < closeIds.length; i += COMMIT_CHUNK) {
          const ids = closeIds.slice(i, i + COMMIT_CHUNK);
          await tx.query(
            `update ${table} t set _to = v.b from unnest(${paramExpr("$1", `${idCast(entity)}[]`)}, $2::int4[]) as v(id, b) where t.id = v.id and t._to = ${OPEN}`,
            [ids.map((id) => idParam(entity, id)), closeAt.slice(i, i + COMMIT_CHUNK)],
          );
        }
        const cols = ["_from", "_to", ...entity.columns.map((f) => f.name)].map(q).join(", ");
        for (let i = 0; i < rows.length; i += COMMIT_CHUNK) {
          await tx.query(
            `insert into ${table} (${cols}) select ${cols} from json_populate_recordset(null::${table}, $1::json)`,
            [JSON.stringify(rows.slice(i, i + COMMIT_CHUNK))],
          );
        }
      }
      for (const block of blocks) {
        for (const ds of block.dataSources) {
          await tx.query(
            `insert into ${this.s}._data_sources (template, address, context, created_block) values ($1, $2, $3, $4)`,
            [ds.template, ds.address, ds.context ? entityToJson(ds.context) : null, ds.createdBlock],
          );
        }
      }
      await tx.query(
        `insert into ${this.s}._blocks (number, hash) select * from unnest($1::int4[], $2::text[]) on conflict (number) do update set hash = excluded.hash`,
        [[...numbers.keys()], [...numbers.values()]],
      );
      await tx.query(
        `update ${this.s}._meta set head_number = $1, head_hash = $2, head_timestamp = $3, head_parent_hash = $4, failed = $5, error = $6, error_block = $7 where id = 1`,
        [
          head.number,
          head.hash.toLowerCase(),
          head.timestamp,
          head.parentHash.toLowerCase(),
          failure !== undefined,
          failure?.error ?? null,
          failure?.block ?? null,
        ],
      );
    });
  }
}
