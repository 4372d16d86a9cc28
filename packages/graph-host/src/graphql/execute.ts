import {
  type DocumentNode,
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

export const LIMITS = { maxQueryLength: 256 * 1024, maxTokens: 20_000, maxDepth: 64 };

export interface QueryRequest {
  query: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export interface QueryResponse {
  data?: unknown;
  errors?: { message: string; locations?: readonly { line: number; column: number }[] }[];
}

function depth(set: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>): number {
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

function graphNodeMessage(e: GraphQLError): string {
  const m = /^Cannot query field "([^"]+)" on type "([^"]+)"\./.exec(e.message);
  if (m) return `Type \`${m[2]}\` has no field \`${m[1]}\``;
  const original = e.originalError;
  if (original && !(original instanceof QueryError) && !(original instanceof GraphQLError)) return `Store error: ${original.message}`;
  return original?.message ?? e.message;
}

const fail = (errors: readonly GraphQLError[] | GraphQLError[]): QueryResponse => ({
  errors: errors.map((e) => (e.locations ? { message: graphNodeMessage(e), locations: e.locations } : { message: graphNodeMessage(e) })),
});

/** Parses, validates and runs one query. Never throws: every problem becomes `{errors}`. */
export async function runQuery(api: ApiSchema, request: QueryRequest, ctx: QueryContext): Promise<QueryResponse> {
  try {
    if (typeof request.query !== "string" || request.query.trim() === "") return { errors: [{ message: "The query is empty" }] };
    if (request.query.length > LIMITS.maxQueryLength) return { errors: [{ message: `query is too large: more than ${LIMITS.maxQueryLength} bytes` }] };
    let doc: DocumentNode;
    try {
      doc = parse(request.query, { maxTokens: LIMITS.maxTokens });
    } catch (e) {
      return fail([e as GraphQLError]);
    }
    const errors = validate(api.schema, doc, specifiedRules, { maxErrors: 10 });
    if (errors.length > 0) return fail(errors);
    checkDepth(doc);
    const variables = request.variables && typeof request.variables === "object" ? (request.variables as Record<string, unknown>) : undefined;
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
