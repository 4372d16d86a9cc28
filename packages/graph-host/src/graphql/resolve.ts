import { type GraphQLFieldResolver, type GraphQLResolveInfo, Kind, type SelectionSetNode } from "graphql";
import type { EntityDef, FieldDef, SchemaModel } from "../manifest/schema.js";
import { QueryError } from "../internal/errors.js";
import { parseJson } from "../runtime/json.js";
import { columnKind, idCast, paramExpr, q, selectList } from "../store/layout.js";
import type { HeadBlock, Store } from "../store/store.js";
import { type FilterOp, Params, type WhereContext, buildOrder, buildWhere, idSql, visible } from "./sql.js";

export const MAX_FIRST = 1000;

/** Per-request state handed to resolvers as the GraphQL context. */
export interface QueryContext {
  store: Store;
  head: HeadBlock | null;
  hasIndexingErrors: boolean;
  deploymentId: string;
  batches: Map<string, Batch>;
  /** Block number of a block hash (stored blocks first, then the chain); null when unknown. */
  blockNumberByHash(hash: string): Promise<number | null>;
  /**
   * Read head versions as `_to = OPEN` (index-friendly). Only valid while no block is committed
   * during the query; the caller re-runs with exact block ranges when one was (see graph-host.ts).
   */
  headShortcut: boolean;
}

/** The store's reads for queries: through prepared statements where the database offers them. */
const read =
  (ctx: QueryContext) =>
  (sql: string, params?: unknown[]): Promise<Record<string, unknown>[]> =>
    ctx.store.db.queryPrepared ? ctx.store.db.queryPrepared(sql, params) : ctx.store.db.query(sql, params);

const fastHead = (ctx: QueryContext): number | undefined => (ctx.headShortcut ? ctx.head?.number : undefined);

interface Batch {
  ids: unknown[];
  waiters: { resolve: (rows: Row[]) => void; reject: (e: unknown) => void; index: number }[];
}

type Row = Record<string, unknown> & { __block: number };

interface ListArgs {
  skip?: number;
  first?: number;
  orderBy?: string;
  orderDirection?: string;
  where?: Record<string, unknown> | null;
  block?: { hash?: string; number?: number; number_gte?: number } | null;
  id?: string;
}

export interface FieldResolvers {
  single(entity: EntityDef): GraphQLFieldResolver<unknown, QueryContext, ListArgs>;
  plural(entity: EntityDef): GraphQLFieldResolver<unknown, QueryContext, ListArgs>;
  reference(entity: EntityDef, field: FieldDef): GraphQLFieldResolver<Row, QueryContext, ListArgs>;
  list(entity: EntityDef, field: FieldDef): GraphQLFieldResolver<Row, QueryContext, ListArgs>;
  meta: GraphQLFieldResolver<unknown, QueryContext, ListArgs>;
}

function notYet(ctx: QueryContext, want: number): QueryError {
  return new QueryError(
    `subgraph ${ctx.deploymentId} has only indexed up to block number ${ctx.head?.number ?? -1} and data for block number ${want} is therefore not yet available`,
  );
}

async function resolveBlock(ctx: QueryContext, block: ListArgs["block"]): Promise<number> {
  const head = ctx.head?.number ?? -1;
  if (!block) return head;
  if (block.hash !== undefined && block.hash !== null) {
    const n = await ctx.blockNumberByHash(block.hash);
    if (n === null) throw new QueryError(`no block with that hash found: ${block.hash}`);
    return n;
  }
  if (block.number !== undefined && block.number !== null) {
    if (block.number > head) throw notYet(ctx, block.number);
    return block.number;
  }
  if (block.number_gte !== undefined && block.number_gte !== null) {
    if (block.number_gte > head) throw notYet(ctx, block.number_gte);
    return head;
  }
  return head;
}

function checkRange(args: ListArgs): { first: number; skip: number } {
  const first = args.first ?? 100;
  const skip = args.skip ?? 0;
  if (first < 1 || first > MAX_FIRST)
    throw new QueryError(`The \`first\` argument must be between 0 and ${MAX_FIRST}, but is ${first}`);
  if (skip < 0) throw new QueryError(`The \`skip\` argument must be between 0 and 4294967295, but is ${skip}`);
  return { first, skip };
}

/** Fields selected on the current field's result (fragments included): only those are read. */
function selectedFields(info: GraphQLResolveInfo): Set<string> {
  const out = new Set<string>();
  const visit = (set: SelectionSetNode | undefined, seen: Set<string>) => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === Kind.FIELD) out.add(sel.name.value);
      else if (sel.kind === Kind.INLINE_FRAGMENT) visit(sel.selectionSet, seen);
      else if (!seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        visit(info.fragments[sel.name.value]?.selectionSet, seen);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, new Set());
  return out;
}

export function createResolvers(schema: SchemaModel, filterOps: Map<string, Map<string, FilterOp>>): FieldResolvers {
  const whereCtx = (ctx: QueryContext, params: Params, block: number): WhereContext => ({
    schema,
    filterOps,
    params,
    block,
    head: fastHead(ctx) ?? -1,
    table: (e) => ctx.store.table(e),
  });

  /** Raw row (selectList text forms) -> GraphQL output values. */
  const output = (entity: EntityDef, raw: Record<string, unknown>, block: number): Row => {
    const row: Row = { __block: block };
    for (const f of entity.columns) {
      if (!(f.name in raw)) continue;
      const v = raw[f.name];
      if (f.list && v !== null && v !== undefined) {
        const parsed = parseJson(String(v));
        const kind = columnKind(schema, f);
        row[f.name] =
          parsed.kind === "array"
            ? parsed.value.map((x) => {
                if (x.kind === "null") return null;
                if (x.kind === "bool") return x.value;
                if (x.kind === "number") return kind === "int4" ? Number(x.value) : x.value;
                if (x.kind === "string") return kind === "bytea" ? `0x${x.value.replace(/^\\x/, "")}` : x.value;
                return null;
              })
            : null;
      } else row[f.name] = v ?? null;
    }
    return row;
  };

  const select = async (
    ctx: QueryContext,
    entity: EntityDef,
    block: number,
    args: ListArgs,
    cols: Set<string>,
    extra?: (alias: string, params: Params) => string,
  ) => {
    const { first, skip } = checkRange(args);
    const params = new Params();
    const wc = whereCtx(ctx, params, block);
    const where = buildWhere(wc, entity, "t", args.where);
    const order = buildOrder(wc, entity, "t", args.orderBy, args.orderDirection);
    const more = extra ? ` and ${extra("t", params)}` : "";
    const sql = `select ${selectList(schema, entity, "t", cols)} from ${ctx.store.table(entity)} t${order.joins} where ${visible("t", block, fastHead(ctx))} and ${where}${more} order by ${order.orderBy} limit ${first} offset ${skip}`;
    const rows = await read(ctx)(sql, params.values);
    return rows.map((r) => output(entity, r, block));
  };

  /**
   * Collects loads issued in the same tick into one query. `ctx.batches` is shared by the host's
   * concurrent requests, so loads of different requests at the same block merge too; the key holds
   * everything the SQL depends on (block, head shortcut, columns, arguments).
   */
  const batched = (
    ctx: QueryContext,
    key0: string,
    id: unknown,
    run: (ids: unknown[]) => Promise<Row[][]>,
  ): Promise<Row[]> =>
    new Promise((resolve, reject) => {
      const key = `${key0}|${fastHead(ctx) ?? "exact"}`;
      let batch = ctx.batches.get(key);
      if (!batch) {
        const b: Batch = { ids: [], waiters: [] };
        batch = b;
        ctx.batches.set(key, b);
        setImmediate(() => {
          ctx.batches.delete(key);
          run(b.ids).then(
            (results) => b.waiters.forEach((w) => w.resolve(results[w.index] ?? [])),
            (e) => b.waiters.forEach((w) => w.reject(e)),
          );
        });
      }
      batch.waiters.push({ resolve, reject, index: batch.ids.length });
      batch.ids.push(id);
    });

  const toIdParam = (entity: EntityDef, id: string) => (entity.idType === "Bytes" ? id.replace(/^0x/, "") : id);

  return {
    single: (entity) => async (_src, args, ctx, info) => {
      const block = await resolveBlock(ctx, args.block);
      if (entity.idType === "Bytes" && !/^(0x)?([0-9a-fA-F]{2})*$/.test(args.id ?? "")) {
        throw new QueryError(`Failed to decode \`Bytes\` value: \`${args.id}\``);
      }
      const cols = selectedFields(info);
      if (entity.idType === "String") {
        // String ids compare as given: lookups of concurrent requests go in one query.
        const rows = await batched(
          ctx,
          `one|${entity.name}|${block}|${[...cols].sort().join(",")}`,
          args.id!,
          async (ids) => {
            const unique = [...new Set(ids as string[])];
            const raw = await read(ctx)(
              `select ${selectList(schema, entity, "t", cols)} from ${ctx.store.table(entity)} t where t.id = any($1::text[]) and ${visible("t", block, fastHead(ctx))}`,
              [unique],
            );
            const byId = new Map(raw.map((r) => [String(r.id), output(entity, r, block)]));
            return (ids as string[]).map((i) => (byId.has(i) ? [byId.get(i)!] : []));
          },
        );
        return rows[0] ?? null;
      }
      const params = new Params();
      const sql = `select ${selectList(schema, entity, "t", cols)} from ${ctx.store.table(entity)} t where t.id = ${idSql(entity, params, args.id!)} and ${visible("t", block, fastHead(ctx))}`;
      const rows = await read(ctx)(sql, params.values);
      return rows[0] ? output(entity, rows[0], block) : null;
    },

    plural: (entity) => async (_src, args, ctx, info) =>
      select(ctx, entity, await resolveBlock(ctx, args.block), args, selectedFields(info)),

    reference: (_entity, field) => async (parent, _args, ctx, info) => {
      const id = parent[field.name];
      if (id === null || id === undefined) return null;
      const target = schema.entities.get((field.base as { name: string }).name)!;
      const block = parent.__block;
      const cols = selectedFields(info);
      const rows = await batched(ctx, `ref|${target.name}|${block}|${[...cols].sort().join(",")}`, id, async (ids) => {
        const unique = [...new Set(ids as string[])];
        const raw = await read(ctx)(
          `select ${selectList(schema, target, "t", cols)} from ${ctx.store.table(target)} t where t.id = any(${paramExpr("$1", `${idCast(target)}[]`)}) and ${visible("t", block, fastHead(ctx))}`,
          [unique.map((i) => toIdParam(target, i))],
        );
        const byId = new Map(raw.map((r) => [String(r.id), output(target, r, block)]));
        return (ids as string[]).map((i) => (byId.has(i) ? [byId.get(i)!] : []));
      });
      return rows[0] ?? null;
    },

    list: (entity, field) => async (parent, args, ctx, info) => {
      const cols = selectedFields(info);
      const target = schema.entities.get((field.base as { name: string }).name)!;
      const block = parent.__block;
      if (!field.derivedFrom) {
        const ids = parent[field.name] as string[] | null;
        if (!ids || ids.length === 0) return ids ?? null;
        return select(
          ctx,
          target,
          block,
          args,
          cols,
          (alias, params) =>
            `${alias}.id = any(${params.add(
              ids.map((i) => toIdParam(target, i)),
              `${idCast(target)}[]`,
            )})`,
        );
      }
      // Derived list: one lateral query for all parents resolved in this tick.
      const back = target.fieldMap.get(field.derivedFrom);
      if (!back)
        throw new QueryError(
          `derived field \`${entity.name}.${field.name}\` points at unknown field \`${field.derivedFrom}\``,
        );
      const key = `derived|${entity.name}.${field.name}|${block}|${JSON.stringify(args)}|${[...cols].sort().join(",")}`;
      return batched(ctx, key, parent.id, async (ids) => {
        const { first, skip } = checkRange(args);
        const params = new Params();
        const idsParam = params.add(
          ids.map((i) => toIdParam(entity, String(i))),
          `${idCast(entity)}[]`,
        );
        const wc = whereCtx(ctx, params, block);
        const where = buildWhere(wc, target, "t", args.where);
        const order = buildOrder(wc, target, "t", args.orderBy, args.orderDirection);
        const link = back.list ? `p.pid = any(t.${q(back.name)})` : `t.${q(back.name)} = p.pid`;
        const sql =
          `select p.ord as "__ord", ${selectList(schema, target, "c", cols)} from unnest(${idsParam}) with ordinality as p(pid, ord) ` +
          `cross join lateral (select t.* from ${ctx.store.table(target)} t${order.joins} where ${link} and ${visible("t", block, fastHead(ctx))} and ${where} ` +
          `order by ${order.orderBy} limit ${first} offset ${skip}) c`;
        const raw = await read(ctx)(sql, params.values);
        const out: Row[][] = ids.map(() => []);
        for (const r of raw) out[Number(r.__ord) - 1]!.push(output(target, r, block));
        return out;
      });
    },

    meta: async (_src, args, ctx) => {
      const head = ctx.head;
      let block: { number: number; hash: string | null; timestamp: number | null; parentHash: string | null };
      if (args.block && (args.block.number !== undefined || args.block.hash !== undefined)) {
        const n = await resolveBlock(ctx, args.block);
        const hash = n === head?.number ? head.hash : await ctx.store.blockHashByNumber(n);
        block = {
          number: n,
          hash,
          timestamp: n === head?.number ? Number(head.timestamp) : null,
          parentHash: n === head?.number ? head.parentHash : null,
        };
      } else {
        if (args.block?.number_gte !== undefined) await resolveBlock(ctx, args.block);
        block = head
          ? { number: head.number, hash: head.hash, timestamp: Number(head.timestamp), parentHash: head.parentHash }
          : { number: 0, hash: null, timestamp: null, parentHash: null };
      }
      return { block, deployment: ctx.deploymentId, hasIndexingErrors: ctx.hasIndexingErrors };
    },
  };
}
