import "server-only";

import type { DocumentNode } from "@apollo/client/core";

import { getServerApollo } from "./apollo";
import { serverSubgraphUrl } from "./chains";

export type ServerResult<T> = { data: T; error: null } | { data: null; error: string };

/** Runs one subgraph query for a server component; errors come back as text for the page to show. */
export async function querySubgraph<T>(
  query: DocumentNode,
  variables: Record<string, unknown> = {},
): Promise<ServerResult<T>> {
  if (!serverSubgraphUrl)
    return { data: null, error: "No subgraph is configured for this chain (NEXT_PUBLIC_SUBGRAPH_URL)." };
  try {
    const result = await getServerApollo().query<T>({ query, variables });
    if (result.error || result.errors?.length)
      return { data: null, error: (result.error?.message ?? result.errors?.[0]?.message) || "query failed" };
    return { data: result.data, error: null };
  } catch (error) {
    return {
      data: null,
      error: `The indexer at ${serverSubgraphUrl} is unreachable: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
