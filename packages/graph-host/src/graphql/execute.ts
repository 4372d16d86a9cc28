import {
  type ArgumentNode,
  type DocumentNode,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  execute,
  parse,
  specifiedRules,
  validate,
} from "graphql";
import { QueryError } from "../internal/errors.js";
import type { QueryContext } from "./resolve.js";
import type { ApiSchema } from "./schema.js";

export const LIMITS = { maxQueryLength: 256 * 1024, maxTokens: 20_000, maxDepth: 64, maxEntities: 250_000 };

export interface QueryRequest {
  query: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export interface QueryResponse {
  data?: unknown;
  errors?: { message: string; locations?: readonly { line: number; column: number }[] }[];
}

function depth(
  set: SelectionSetNode | undefined,
  fragments: Map<string, FragmentDefinitionNode>,
  seen: Set<string>,
): number {
  if (!set) return 0;
  let max = 0;
  for (const sel of set.selections) {
    let d = 0;
    if (sel.kind === Kind.FIELD) d = 1 + depth(sel.selectionSet, fragments, seen);
    else if (sel.kind === Kind.INLINE_FRAGMENT) d = depth(sel.selectionSet, fragments, seen);
    else {
      const name = sel.name.value;
      if (seen.has(name)) continue;
      const frag = fragments.get(name);
      d = frag ? depth(frag.selectionSet, fragments, new Set([...seen, name])) : 0;
    }
    if (d > max) max = d;
  }
  return max;
}

function checkDepth(doc: DocumentNode): void {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of doc.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  for (const def of doc.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION && depth(def.selectionSet, fragments, new Set()) > LIMITS.maxDepth) {
      throw new QueryError(`query has a depth that exceeds the limit of \`${LIMITS.maxDepth}\``);
    }
  }
}

/**
 * How many entities a query may return at most: every list level multiplies by its `first`
 * (default 100). Bounds the work one request can ask for, so a huge query gets an error instead
 * of holding the store (and memory) hostage.
 */
function checkComplexity(
  schema: GraphQLSchema,
  doc: DocumentNode,
  variables: Record<string, unknown> | undefined,
): void {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of doc.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const firstOf = (args: readonly ArgumentNode[] | undefined): number => {
    const arg = args?.find((a) => a.name.value === "first");
    if (!arg) return 100;
    if (arg.value.kind === Kind.INT) return Number(arg.value.value);
    if (arg.value.kind === Kind.VARIABLE) return Number(variables?.[arg.value.name.value] ?? 100);
    return 100;
  };
  const cost = (
    set: SelectionSetNode | undefined,
    type: GraphQLObjectType,
    mult: number,
    seen: Set<string>,
  ): number => {
    let total = 0;
    for (const sel of set?.selections ?? []) {
      if (sel.kind === Kind.INLINE_FRAGMENT) total += cost(sel.selectionSet, type, mult, seen);
      else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        if (seen.has(sel.name.value)) continue;
        total += cost(fragments.get(sel.name.value)?.selectionSet, type, mult, new Set([...seen, sel.name.value]));
      } else {
        const field = type.getFields()[sel.name.value];
        if (!field) continue;
        let t = field.type;
        if (t instanceof GraphQLNonNull) t = t.ofType;
        const isList = t instanceof GraphQLList;
        const named = getNamedType(field.type);
        if (!(named instanceof GraphQLObjectType)) continue;
        const m = isList ? mult * firstOf(sel.arguments) : mult;
        total += m + cost(sel.selectionSet, named, m, seen);
      }
      if (total > LIMITS.maxEntities) break;
    }
    return total;
  };
  const query = schema.getQueryType()!;
  for (const def of doc.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    const c = cost(def.selectionSet, query, 1, new Set());
    if (c > LIMITS.maxEntities) {
      throw new QueryError(
        `query potentially returns \`${c}\` entities or more and thereby exceeds the limit of \`${LIMITS.maxEntities}\` entities. Possible solutions are reducing the depth of the query, querying fewer relationships or using \`first\` to return smaller collections`,
      );
    }
  }
}

function graphNodeMessage(e: GraphQLError): string {
  const m = /^Cannot query field "([^"]+)" on type "([^"]+)"\./.exec(e.message);
  if (m) return `Type \`${m[2]}\` has no field \`${m[1]}\``;
  const original = e.originalError;
  if (original && !(original instanceof QueryError) && !(original instanceof GraphQLError))
    return `Store error: ${original.message}`;
  return original?.message ?? e.message;
}

const fail = (errors: readonly GraphQLError[] | GraphQLError[]): QueryResponse => ({
  errors: errors.map((e) =>
    e.locations ? { message: graphNodeMessage(e), locations: e.locations } : { message: graphNodeMessage(e) },
  ),
});

/**
 * Parsed and validated documents by query text (graph-node keeps the same cache): an app sends
 * the same few query texts over and over with different variables.
 */
const documentsBySchema = new WeakMap<ApiSchema, Map<string, { doc: DocumentNode } | { errors: QueryResponse }>>();
const DOCUMENTS_KEPT = 500;

function parseAndValidate(api: ApiSchema, query: string): { doc: DocumentNode } | { errors: QueryResponse } {
  let documents = documentsBySchema.get(api);
  if (!documents) documentsBySchema.set(api, (documents = new Map()));
  const hit = documents.get(query);
  if (hit) return hit;
  let result: { doc: DocumentNode } | { errors: QueryResponse };
  try {
    const doc = parse(query, { maxTokens: LIMITS.maxTokens });
    const errors = validate(api.schema, doc, specifiedRules, { maxErrors: 10 });
    if (errors.length > 0) result = { errors: fail(errors) };
    else {
      checkDepth(doc);
      result = { doc };
    }
  } catch (e) {
    if (e instanceof GraphQLError) result = { errors: fail([e]) };
    else if (e instanceof QueryError) result = { errors: { errors: [{ message: e.message }] } };
    else throw e;
  }
  if (documents.size >= DOCUMENTS_KEPT) documents.delete(documents.keys().next().value!);
  documents.set(query, result);
  return result;
}

/** Parses, validates and runs one query. Never throws: every problem becomes `{errors}`. */
export async function runQuery(api: ApiSchema, request: QueryRequest, ctx: QueryContext): Promise<QueryResponse> {
  try {
    if (typeof request.query !== "string" || request.query.trim() === "")
      return { errors: [{ message: "The query is empty" }] };
    if (request.query.length > LIMITS.maxQueryLength)
      return { errors: [{ message: `query is too large: more than ${LIMITS.maxQueryLength} bytes` }] };
    const parsed = parseAndValidate(api, request.query);
    if ("errors" in parsed) return parsed.errors;
    const doc = parsed.doc;
    const variables =
      request.variables && typeof request.variables === "object"
        ? (request.variables as Record<string, unknown>)
        : undefined;
    checkComplexity(api.schema, doc, variables);
    const result = await execute({
      schema: api.schema,
      document: doc,
      contextValue: ctx,
      variableValues: variables,
      operationName: typeof request.operationName === "string" ? request.operationName : undefined,
    });
    if (result.errors && result.errors.length > 0) return fail(result.errors);
    return { data: result.data };
  } catch (e) {
    return { errors: [{ message: e instanceof Error ? e.message : String(e) }] };
  }
}
