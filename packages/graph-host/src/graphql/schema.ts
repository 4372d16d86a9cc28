import {
  GraphQLBoolean,
  GraphQLEnumType,
  type GraphQLFieldConfigArgumentMap,
  type GraphQLFieldConfigMap,
  GraphQLID,
  GraphQLInputObjectType,
  type GraphQLInputFieldConfigMap,
  type GraphQLInputType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLOutputType,
  GraphQLSchema,
  GraphQLString,
} from "graphql";
import type { EntityDef, FieldDef, SchemaModel } from "../manifest/schema.js";
import { queryFieldNames } from "./naming.js";
import { type FieldResolvers, createResolvers } from "./resolve.js";
import { BigDecimalScalar, BigIntScalar, BytesScalar, Int8Scalar, TimestampScalar } from "./scalars.js";
import { type FilterOp, opsFor } from "./sql.js";

// Resolvers are typed where they are written (resolve.ts); graphql-js only sees them opaquely here.
// biome-ignore lint/suspicious/noExplicitAny: graphql-js types sources and contexts as any; resolve.ts narrows them
type Src = any;
// biome-ignore lint/suspicious/noExplicitAny: as above
type Ctx = any;

export interface ApiSchema {
  schema: GraphQLSchema;
  filterOps: Map<string, Map<string, FilterOp>>;
}

/** Builds graph-node's query schema for `model` (entities, filters, ordering, `_meta`). */
export function buildApiSchema(model: SchemaModel): ApiSchema {
  const scalars = {
    ID: GraphQLID,
    String: GraphQLString,
    Int: GraphQLInt,
    Boolean: GraphQLBoolean,
    BigInt: BigIntScalar,
    BigDecimal: BigDecimalScalar,
    Bytes: BytesScalar,
    Int8: Int8Scalar,
    Timestamp: TimestampScalar,
  } as const;
  const enums = new Map<string, GraphQLEnumType>();
  for (const [name, values] of model.enums) {
    enums.set(name, new GraphQLEnumType({ name, values: Object.fromEntries(values.map((v) => [v, { value: v }])) }));
  }
  const orderDirection = new GraphQLEnumType({
    name: "OrderDirection",
    values: { asc: { value: "asc" }, desc: { value: "desc" } },
  });
  const blockHeight = new GraphQLInputObjectType({
    name: "Block_height",
    fields: { hash: { type: BytesScalar }, number: { type: GraphQLInt }, number_gte: { type: GraphQLInt } },
  });
  const blockChanged = new GraphQLInputObjectType({
    name: "BlockChangedFilter",
    fields: { number_gte: { type: new GraphQLNonNull(GraphQLInt) } },
  });
  const errorPolicy = new GraphQLEnumType({
    name: "_SubgraphErrorPolicy_",
    values: { allow: { value: "allow" }, deny: { value: "deny" } },
  });

  const objects = new Map<string, GraphQLObjectType>();
  const filters = new Map<string, GraphQLInputObjectType>();
  const orderBys = new Map<string, GraphQLEnumType>();
  const filterOps = new Map<string, Map<string, FilterOp>>();
  const resolvers: FieldResolvers = createResolvers(model, filterOps);

  const baseInput = (f: FieldDef): GraphQLInputType => {
    if (f.base.kind === "enum") return enums.get(f.base.name)!;
    if (f.base.kind === "entity") {
      // References are filtered by the referenced entity's id, as its scalar (String/Bytes/Int8).
      const idType = model.entities.get(f.base.name)!.idType;
      return idType === "Bytes" ? BytesScalar : idType === "Int8" ? Int8Scalar : GraphQLString;
    }
    return scalars[f.base.scalar];
  };
  const baseOutput = (f: FieldDef): GraphQLOutputType => {
    if (f.base.kind === "enum") return enums.get(f.base.name)!;
    if (f.base.kind === "entity") return objects.get(f.base.name)!;
    return scalars[f.base.scalar];
  };

  const listArgs = (target: EntityDef): GraphQLFieldConfigArgumentMap => ({
    skip: { type: GraphQLInt, defaultValue: 0 },
    first: { type: GraphQLInt, defaultValue: 100 },
    orderBy: { type: orderBys.get(target.name)! },
    orderDirection: { type: orderDirection },
    where: { type: filters.get(target.name)! },
  });

  for (const entity of model.entities.values()) {
    const ops = new Map<string, FilterOp>();
    filterOps.set(entity.name, ops);
    filters.set(
      entity.name,
      new GraphQLInputObjectType({
        name: `${entity.name}_filter`,
        fields: (): GraphQLInputFieldConfigMap => {
          const fields: GraphQLInputFieldConfigMap = {};
          for (const f of entity.fields) {
            const t = baseInput(f);
            for (const op of opsFor(model, f)) {
              const listy = op === "_in" || op === "_not_in" || f.list;
              fields[`${f.name}${op}`] = { type: listy ? new GraphQLList(new GraphQLNonNull(t)) : t };
              ops.set(`${f.name}${op}`, { field: f, op });
            }
            if (f.base.kind === "entity") {
              fields[`${f.name}_`] = { type: filters.get(f.base.name)! };
              ops.set(`${f.name}_`, { field: f, op: "_" });
            }
          }
          fields._change_block = { type: blockChanged };
          fields.and = { type: new GraphQLList(filters.get(entity.name)!) };
          fields.or = { type: new GraphQLList(filters.get(entity.name)!) };
          return fields;
        },
      }),
    );
    const orderValues: Record<string, { value: string }> = {};
    for (const f of entity.fields) {
      orderValues[f.name] = { value: f.name };
      if (f.base.kind === "entity" && !f.list && !f.derivedFrom) {
        const child = model.entities.get(f.base.name)!;
        // graph-node: no child lists and no child references (`parent__child` one level deep).
        for (const cf of child.fields) {
          if (!cf.list && cf.base.kind !== "entity")
            orderValues[`${f.name}__${cf.name}`] = { value: `${f.name}__${cf.name}` };
        }
      }
    }
    orderBys.set(entity.name, new GraphQLEnumType({ name: `${entity.name}_orderBy`, values: orderValues }));
  }

  for (const entity of model.entities.values()) {
    objects.set(
      entity.name,
      new GraphQLObjectType({
        name: entity.name,
        fields: (): GraphQLFieldConfigMap<Src, Ctx> => {
          const fields: GraphQLFieldConfigMap<Src, Ctx> = {};
          for (const f of entity.fields) {
            let type: GraphQLOutputType = baseOutput(f);
            if (f.list) type = new GraphQLList(f.elementNullable ? type : new GraphQLNonNull(type));
            if (!f.nullable) type = new GraphQLNonNull(type);
            if (f.base.kind === "entity") {
              const target = model.entities.get(f.base.name)!;
              fields[f.name] = f.list
                ? { type, args: listArgs(target), resolve: resolvers.list(entity, f) }
                : { type, resolve: resolvers.reference(entity, f) };
            } else {
              fields[f.name] = { type };
            }
          }
          return fields;
        },
      }),
    );
  }

  const blockType = new GraphQLObjectType({
    name: "_Block_",
    fields: {
      hash: { type: BytesScalar },
      number: { type: new GraphQLNonNull(GraphQLInt) },
      timestamp: { type: GraphQLInt },
      parentHash: { type: BytesScalar },
    },
  });
  const metaType = new GraphQLObjectType({
    name: "_Meta_",
    fields: {
      block: { type: new GraphQLNonNull(blockType) },
      deployment: { type: new GraphQLNonNull(GraphQLString) },
      hasIndexingErrors: { type: new GraphQLNonNull(GraphQLBoolean) },
    },
  });

  const queryFields: GraphQLFieldConfigMap<Src, Ctx> = {};
  for (const entity of model.entities.values()) {
    const { singular, plural } = queryFieldNames(entity.name);
    const common = {
      block: { type: blockHeight },
      subgraphError: { type: new GraphQLNonNull(errorPolicy), defaultValue: "deny" },
    };
    queryFields[singular] = {
      type: objects.get(entity.name)!,
      args: { id: { type: new GraphQLNonNull(GraphQLID) }, ...common },
      resolve: resolvers.single(entity),
    };
    queryFields[plural] = {
      type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(objects.get(entity.name)!))),
      args: { ...listArgs(entity), ...common },
      resolve: resolvers.plural(entity),
    };
  }
  queryFields._meta = { type: metaType, args: { block: { type: blockHeight } }, resolve: resolvers.meta };
  return {
    schema: new GraphQLSchema({ query: new GraphQLObjectType({ name: "Query", fields: queryFields }) }),
    filterOps,
  };
}
