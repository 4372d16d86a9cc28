import type { EntityDef, FieldDef, SchemaModel } from "../manifest/schema.js";
import * as bd from "../runtime/bigdecimal.js";
import { parseJson, type JsonValue } from "../runtime/json.js";
import { type Entity, type StoreValue, bytesToHex, hexToBytes } from "./values.js";

/** Upper bound of an open block range: the version is current. */
export const OPEN = 2147483647;

export const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** How a field is stored: the SQL type of one element. */
export type ColumnKind = "text" | "bytea" | "int4" | "int8" | "numeric" | "bool" | "enum";

export function columnKind(schema: SchemaModel, field: FieldDef): ColumnKind {
  const base = field.base;
  if (base.kind === "enum") return "enum";
  if (base.kind === "entity") {
    const idType = schema.entities.get(base.name)!.idType;
    return idType === "Bytes" ? "bytea" : idType === "Int8" ? "int8" : "text";
  }
  switch (base.scalar) {
    case "ID":
    case "String":
      return "text";
    case "Bytes":
      return "bytea";
    case "Int":
      return "int4";
    case "Int8":
    case "Timestamp":
      return "int8";
    case "BigInt":
    case "BigDecimal":
      return "numeric";
    case "Boolean":
      return "bool";
  }
}

export function sqlType(schemaName: string, schema: SchemaModel, field: FieldDef): string {
  const kind = columnKind(schema, field);
  const base = kind === "enum" ? `${q(schemaName)}.${q((field.base as { name: string }).name)}` : kind;
  // Text sorts byte-wise, as graph-node requires of its database (C locale).
  return `${field.list ? `${base}[]` : base}${kind === "text" ? ' collate "C"' : ""}`;
}

/**
 * DDL for one entity table: every version of an entity is a row valid for blocks [_from, _to).
 * Only the indexes the indexer itself reads by (`id`, current versions); the query indexes are
 * `queryIndexDdl`, built once the store has caught up (see Store.buildQueryIndexes).
 */
export function tableDdl(schemaName: string, schema: SchemaModel, entity: EntityDef): string[] {
  const t = `${q(schemaName)}.${q(entity.name)}`;
  const cols = entity.columns.map(
    (f) => `${q(f.name)} ${sqlType(schemaName, schema, f)}${f.nullable ? "" : " not null"}`,
  );
  return [
    `create table ${t} (vid bigserial primary key, _from int4 not null, _to int4 not null default ${OPEN}, ${cols.join(", ")})`,
    `create index on ${t} (id, _to)`,
    `create index on ${t} (id) where _to = ${OPEN}`,
  ];
}

/** The indexes queries use: block ranges, and one per column for filters, sorts and references. */
export function queryIndexDdl(schemaName: string, entity: EntityDef): string[] {
  const t = `${q(schemaName)}.${q(entity.name)}`;
  const ddl = [`create index on ${t} (_from)`];
  for (const f of entity.columns) {
    if (f.name === "id" || f.list) continue;
    // Current versions only (queries at the head say `_to = OPEN`): `order by f, id limit n`
    // walks the index; references also serve derived fields and nested filters.
    ddl.push(`create index on ${t} (${q(f.name)}, id) where _to = ${OPEN}`);
  }
  return ddl;
}

/** SQL expression reading a column back as text/number/bool that `fromSql` understands. */
export function selectExpr(alias: string, schema: SchemaModel, field: FieldDef): string {
  const c = `${alias}.${q(field.name)}`;
  if (field.list) return `to_json(${c})::text`;
  switch (columnKind(schema, field)) {
    case "bytea":
      return `'0x' || encode(${c}, 'hex')`;
    case "int8":
    case "numeric":
    case "enum":
      return `${c}::text`;
    default:
      return c;
  }
}

function jsonScalar(schema: SchemaModel, field: FieldDef, v: JsonValue): StoreValue {
  if (v.kind === "null") return { kind: "Null" };
  const kind = columnKind(schema, field);
  const text = v.kind === "string" || v.kind === "number" ? v.value : String((v as { value: unknown }).value);
  return scalarFromText(
    schema,
    field,
    kind === "bytea" ? `0x${text.replace(/^\\x/, "")}` : text,
    v.kind === "bool" ? v.value : undefined,
  );
}

function scalarFromText(schema: SchemaModel, field: FieldDef, text: string, bool?: boolean): StoreValue {
  const base = field.base;
  if (base.kind === "enum") return { kind: "String", value: text };
  if (base.kind === "entity") {
    const idType = schema.entities.get(base.name)!.idType;
    if (idType === "Bytes") return { kind: "Bytes", value: hexToBytes(text) };
    if (idType === "Int8") return { kind: "Int8", value: BigInt(text) };
    return { kind: "String", value: text };
  }
  switch (base.scalar) {
    case "ID":
    case "String":
      return { kind: "String", value: text };
    case "Bytes":
      return { kind: "Bytes", value: hexToBytes(text) };
    case "Int":
      return { kind: "Int", value: Number(text) };
    case "Int8":
      return { kind: "Int8", value: BigInt(text) };
    case "Timestamp":
      return { kind: "Timestamp", value: BigInt(text) };
    case "BigInt":
      return { kind: "BigInt", value: BigInt(text) };
    case "BigDecimal":
      return { kind: "BigDecimal", value: bd.parse(text) };
    case "Boolean":
      return { kind: "Bool", value: bool ?? text === "true" };
  }
}

/** Converts one value read with `selectExpr` into a StoreValue. */
export function fromSql(schema: SchemaModel, field: FieldDef, raw: unknown): StoreValue {
  if (raw === null || raw === undefined) return { kind: "Null" };
  if (field.list) {
    const parsed = parseJson(String(raw));
    if (parsed.kind !== "array") return { kind: "Null" };
    return { kind: "Array", value: parsed.value.map((v) => jsonScalar(schema, field, v)) };
  }
  if (typeof raw === "boolean") return { kind: "Bool", value: raw };
  if (typeof raw === "number")
    return field.base.kind === "scalar" && field.base.scalar === "Int"
      ? { kind: "Int", value: raw }
      : scalarFromText(schema, field, String(raw));
  return scalarFromText(schema, field, String(raw));
}

function scalarToJson(v: StoreValue): unknown {
  switch (v.kind) {
    case "Null":
      return null;
    case "String":
      return v.value;
    case "Int":
      return v.value;
    case "Bool":
      return v.value;
    case "Bytes":
      return `\\x${bytesToHex(v.value).slice(2)}`;
    case "BigInt":
    case "Int8":
    case "Timestamp":
      return v.value.toString();
    case "BigDecimal":
      return bd.toString(v.value);
    case "Array":
      return v.value.map(scalarToJson);
  }
}

/** An entity version as a JSON row for `json_populate_recordset`. */
export function toJsonRow(entity: EntityDef, data: Entity, from: number): Record<string, unknown> {
  const row: Record<string, unknown> = { _from: from, _to: OPEN };
  for (const f of entity.columns) row[f.name] = scalarToJson(data.get(f.name) ?? { kind: "Null" });
  return row;
}

export function rowToEntity(schema: SchemaModel, entity: EntityDef, row: Record<string, unknown>): Entity {
  const out: Entity = new Map();
  for (const f of entity.columns) {
    const v = fromSql(schema, f, row[f.name]);
    if (v.kind !== "Null") out.set(f.name, v);
  }
  return out;
}

/** The `select` list for reading whole entities from alias `t`. */
export function selectList(schema: SchemaModel, entity: EntityDef, alias = "t", only?: ReadonlySet<string>): string {
  const cols = only ? entity.columns.filter((f) => f.name === "id" || only.has(f.name)) : entity.columns;
  return cols.map((f) => `${selectExpr(alias, schema, f)} as ${q(f.name)}`).join(", ");
}

/** The SQL literal for an id key (the hex string for Bytes ids). */
export function idParam(entity: EntityDef, key: string): string {
  return entity.idType === "Bytes" ? key.replace(/^0x/, "") : key;
}

/**
 * Typed parameter expressions. Bytes travel as plain hex text and are decoded in SQL: array
 * literals with backslashes are not escaped the same way by every driver.
 */
export function paramExpr(placeholder: string, cast: string): string {
  if (cast === "bytea") return `decode(${placeholder}::text, 'hex')`;
  if (cast === "bytea[]") return `array(select decode(x, 'hex') from unnest(${placeholder}::text[]) x)`;
  return `${placeholder}::${cast}`;
}

export function idCast(entity: EntityDef): string {
  return entity.idType === "Bytes" ? "bytea" : entity.idType === "Int8" ? "int8" : "text";
}
