import type { EntityDef, FieldDef, SchemaModel } from "../manifest/schema.js";
import { QueryError } from "../internal/errors.js";
import { type ColumnKind, OPEN, columnKind, idCast, paramExpr, q } from "../store/layout.js";

/** One entry of an `X_filter` input: which field and which operator. */
export interface FilterOp {
  field: FieldDef;
  op: string;
}

export const SCALAR_OPS = ["", "_not", "_gt", "_lt", "_gte", "_lte", "_in", "_not_in"];
export const BOOL_OPS = ["", "_not", "_in", "_not_in"];
export const BYTES_OPS = [...SCALAR_OPS, "_contains", "_not_contains"];
export const STRING_OPS = [
  ...SCALAR_OPS,
  "_contains",
  "_contains_nocase",
  "_not_contains",
  "_not_contains_nocase",
  "_starts_with",
  "_starts_with_nocase",
  "_not_starts_with",
  "_not_starts_with_nocase",
  "_ends_with",
  "_ends_with_nocase",
  "_not_ends_with",
  "_not_ends_with_nocase",
];
export const LIST_OPS = ["", "_not", "_contains", "_not_contains"];
export const TEXT_LIST_OPS = ["", "_not", "_contains", "_contains_nocase", "_not_contains", "_not_contains_nocase"];

/** graph-node's filter operators per field type (graph/src/schema/api.rs, field_filter_ops). */
export function opsFor(schema: SchemaModel, field: FieldDef): string[] {
  if (field.derivedFrom) return [];
  const kind = columnKind(schema, field);
  const stringLike =
    field.base.kind === "scalar" ? field.base.scalar === "String" : field.base.kind === "entity" && kind === "text";
  if (field.list) return stringLike ? TEXT_LIST_OPS : LIST_OPS;
  if (field.base.kind === "enum") return BOOL_OPS;
  if (field.base.kind === "scalar" && field.base.scalar === "Boolean") return BOOL_OPS;
  if (field.base.kind === "scalar" && field.base.scalar === "ID") return SCALAR_OPS;
  if (kind === "text") return STRING_OPS;
  if (kind === "bytea") return BYTES_OPS;
  return SCALAR_OPS;
}

/** Collects positional parameters. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return paramExpr(`$${this.values.length}`, cast);
  }
}

function castOf(kind: ColumnKind): string {
  return kind === "enum" ? "text" : kind;
}

/** Converts a GraphQL input value into the SQL text form of a column's element type. */
function sqlValue(kind: ColumnKind, v: unknown): unknown {
  if (kind === "bytea") {
    const s = String(v);
    return s.startsWith("0x") ? s.slice(2) : s;
  }
  if (kind === "int8" || kind === "numeric") return String(v);
  return v;
}

function column(alias: string, schema: SchemaModel, field: FieldDef): string {
  const c = `${alias}.${q(field.name)}`;
  return columnKind(schema, field) === "enum" ? (field.list ? `${c}::text[]` : `${c}::text`) : c;
}

export interface WhereContext {
  schema: SchemaModel;
  filterOps: Map<string, Map<string, FilterOp>>;
  params: Params;
  block: number;
  head: number;
  table: (entity: EntityDef) => string;
}

/** Versions valid at `block`. At the head, `_to = OPEN` lets the planner use the partial indexes. */
export const visible = (alias: string, block: number, head?: number) =>
  block === head
    ? `${alias}._to = ${OPEN} and ${alias}._from <= ${block}`
    : `${alias}._from <= ${block} and ${alias}._to > ${block}`;

let aliasCounter = 0;

/** SQL condition for an `X_filter` object on table alias `alias`. */
export function buildWhere(
  ctx: WhereContext,
  entity: EntityDef,
  alias: string,
  filter: Record<string, unknown> | null | undefined,
): string {
  if (!filter) return "true";
  const keys = Object.keys(filter);
  const parts: string[] = [];
  const columnKeys = keys.filter((k) => k !== "and" && k !== "or");
  if (keys.includes("or") && columnKeys.length > 0) {
    throw new QueryError(
      `Cannot mix column filters with 'or' operator at the same level. Found column filter(s) ${columnKeys.join(", ")} alongside 'or' operator.\n\n` +
        `Instead of:\nwhere: { ${columnKeys[0]}: ..., or: [...] }\n\nUse:\nwhere: { or: [{ ${columnKeys[0]}: ..., ... }, ...] }`,
    );
  }
  for (const key of keys) {
    const value = filter[key];
    if (key === "and" || key === "or") {
      const list = (value as Record<string, unknown>[] | null) ?? [];
      if (list.length === 0) continue;
      const subs = list.map((f) => `(${buildWhere(ctx, entity, alias, f)})`);
      parts.push(`(${subs.join(key === "and" ? " and " : " or ")})`);
      continue;
    }
    if (key === "_change_block") {
      const n = (value as { number_gte: number }).number_gte;
      parts.push(`${alias}._from >= ${ctx.params.add(n, "int4")}`);
      continue;
    }
    const op = ctx.filterOps.get(entity.name)!.get(key);
    if (!op) throw new QueryError(`Entity \`${entity.name}\` has no attribute \`${key}\``);
    parts.push(condition(ctx, alias, op, value));
  }
  return parts.length ? parts.join(" and ") : "true";
}

function condition(ctx: WhereContext, alias: string, { field, op }: FilterOp, value: unknown): string {
  const { schema, params } = ctx;
  if (op === "_") return childFilter(ctx, alias, field, value as Record<string, unknown>);
  const kind = columnKind(schema, field);
  const cast = castOf(kind);
  const c = column(alias, schema, field);
  if (field.list) {
    const arr = (v: unknown) =>
      params.add(
        (v as unknown[]).map((x) => sqlValue(kind, x)),
        `${cast}[]`,
      );
    if (value === null) return op === "" ? `${c} is null` : `${c} is not null`;
    switch (op) {
      case "":
        return `${c} = ${arr(value)}`;
      case "_not":
        return `${c} <> ${arr(value)}`;
      case "_contains":
        return `${c} @> ${arr(value)}`;
      case "_not_contains":
        return `not (${c} @> ${arr(value)})`;
      case "_contains_nocase":
        return `array(select lower(x) from unnest(${c}) x) @> array(select lower(y) from unnest(${arr(value)}) y)`;
      case "_not_contains_nocase":
        return `not (array(select lower(x) from unnest(${c}) x) @> array(select lower(y) from unnest(${arr(value)}) y))`;
    }
  }
  const one = () => params.add(sqlValue(kind, value), cast);
  if (value === null && (op === "" || op === "_not")) return op === "" ? `${c} is null` : `${c} is not null`;
  if (value === null) throw new QueryError(`Filter not supported by value \`null\`: \`${field.name}${op}\``);
  const str = () => params.add(String(value), "text");
  const lc = `lower(${c})`;
  switch (op) {
    case "":
      return `${c} = ${one()}`;
    case "_not":
      return `${c} <> ${one()}`;
    case "_gt":
      return `${c} > ${one()}`;
    case "_lt":
      return `${c} < ${one()}`;
    case "_gte":
      return `${c} >= ${one()}`;
    case "_lte":
      return `${c} <= ${one()}`;
    case "_in":
      return `${c} = any(${params.add(
        (value as unknown[]).map((x) => sqlValue(kind, x)),
        `${cast}[]`,
      )})`;
    case "_not_in":
      return `not (${c} = any(${params.add(
        (value as unknown[]).map((x) => sqlValue(kind, x)),
        `${cast}[]`,
      )}))`;
    case "_contains":
      return kind === "bytea" ? `position(${one()} in ${c}) > 0` : `strpos(${c}, ${str()}) > 0`;
    case "_not_contains":
      return kind === "bytea" ? `position(${one()} in ${c}) = 0` : `strpos(${c}, ${str()}) = 0`;
    case "_contains_nocase":
      return `strpos(${lc}, lower(${str()})) > 0`;
    case "_not_contains_nocase":
      return `strpos(${lc}, lower(${str()})) = 0`;
    case "_starts_with":
      return `starts_with(${c}, ${str()})`;
    case "_starts_with_nocase":
      return `starts_with(${lc}, lower(${str()}))`;
    case "_not_starts_with":
      return `not starts_with(${c}, ${str()})`;
    case "_not_starts_with_nocase":
      return `not starts_with(${lc}, lower(${str()}))`;
    case "_ends_with":
      return `right(${c}, length(${str()})) = ${str()}`;
    case "_ends_with_nocase":
      return `right(${lc}, length(${str()})) = lower(${str()})`;
    case "_not_ends_with":
      return `right(${c}, length(${str()})) <> ${str()}`;
    case "_not_ends_with_nocase":
      return `right(${lc}, length(${str()})) <> lower(${str()})`;
  }
  throw new QueryError(`Filter not supported: \`${field.name}${op}\``);
}

function childFilter(ctx: WhereContext, alias: string, field: FieldDef, filter: Record<string, unknown>): string {
  if (field.base.kind !== "entity") throw new QueryError(`Filter not supported: \`${field.name}_\``);
  const child = ctx.schema.entities.get(field.base.name)!;
  const x = `c${++aliasCounter}`;
  const inner = `${visible(x, ctx.block, ctx.head)} and ${buildWhere(ctx, child, x, filter)}`;
  const table = ctx.table(child);
  if (field.derivedFrom) {
    const back = child.fieldMap.get(field.derivedFrom)!;
    const link = back.list ? `${alias}.id = any(${x}.${q(back.name)})` : `${x}.${q(back.name)} = ${alias}.id`;
    return `exists (select 1 from ${table} ${x} where ${link} and ${inner})`;
  }
  if (field.list)
    return `exists (select 1 from ${table} ${x} where ${x}.id = any(${alias}.${q(field.name)}) and ${inner})`;
  return `${alias}.${q(field.name)} in (select ${x}.id from ${table} ${x} where ${inner})`;
}

export interface OrderResult {
  joins: string;
  orderBy: string;
}

/** `orderBy`/`orderDirection`, with `id` appended in the same direction as graph-node does. */
export function buildOrder(
  ctx: WhereContext,
  entity: EntityDef,
  alias: string,
  orderBy: string | undefined,
  direction: string | undefined,
): OrderResult {
  const dir = direction === "desc" ? "desc" : "asc";
  const idOrder = `${alias}.id ${dir}`;
  if (!orderBy || orderBy === "id") return { joins: "", orderBy: idOrder };
  const sep = orderBy.indexOf("__");
  let expr: string;
  let joins = "";
  let field: FieldDef | undefined;
  if (sep > 0) {
    const parentField = entity.fieldMap.get(orderBy.slice(0, sep));
    if (!parentField || parentField.base.kind !== "entity" || parentField.list || parentField.derivedFrom) {
      throw new QueryError(`Ordering by \`${orderBy}\` is not supported for type \`${entity.name}\``);
    }
    const child = ctx.schema.entities.get(parentField.base.name)!;
    field = child.fieldMap.get(orderBy.slice(sep + 2));
    if (!field || field.list || field.base.kind === "entity")
      throw new QueryError(`Ordering by \`${orderBy}\` is not supported for type \`${entity.name}\``);
    const j = `o${++aliasCounter}`;
    joins = ` left join ${ctx.table(child)} ${j} on ${j}.id = ${alias}.${q(parentField.name)} and ${visible(j, ctx.block, ctx.head)}`;
    expr = `${j}.${q(field.name)}`;
  } else {
    field = entity.fieldMap.get(orderBy);
    if (!field || field.list || field.derivedFrom)
      throw new QueryError(`Ordering by \`${orderBy}\` is not supported for type \`${entity.name}\``);
    expr = `${alias}.${q(field.name)}`;
  }
  return { joins, orderBy: `${expr} ${dir}, ${idOrder}` };
}

export function idSql(entity: EntityDef, params: Params, id: string): string {
  return params.add(entity.idType === "Bytes" ? id.replace(/^0x/, "") : id, idCast(entity));
}
