/** Apollo clients for the subgraph: one per browser session, a fresh one per server request. */
import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client/core";

import { serverSubgraphUrl, subgraphUrl } from "./chains";

function cache() {
  return new InMemoryCache({
    typePolicies: {
      // Entities are keyed by id in the subgraph; Day/aggregate lists are replaced, never merged.
      Query: { fields: { offerings: { merge: false }, positions: { merge: false } } },
    },
  });
}

let browserClient: ApolloClient<unknown> | undefined;
export function getBrowserApollo(): ApolloClient<unknown> {
  browserClient ??= new ApolloClient({
    link: new HttpLink({ uri: subgraphUrl }),
    cache: cache(),
    defaultOptions: { watchQuery: { fetchPolicy: "cache-and-network" } },
  });
  return browserClient;
}

/** A per-request client for server components (no cache shared across users). */
export function getServerApollo(): ApolloClient<unknown> {
  return new ApolloClient({
    ssrMode: true,
    link: new HttpLink({
      uri: serverSubgraphUrl,
      fetch: (input, init) => fetch(input, { ...init, cache: "no-store" }),
    }),
    cache: cache(),
    defaultOptions: { query: { fetchPolicy: "no-cache", errorPolicy: "all" } },
  });
}
