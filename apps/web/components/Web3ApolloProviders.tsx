"use client";
import { ApolloProvider } from "@apollo/client/react/context";
import type { ComponentType } from "react";

import { getBrowserApollo } from "~/services/apollo";
import { Web3Providers } from "./Web3Providers";

/** For the islands that read the subgraph from the browser (portfolio, miner desk, position history). */
export function withWeb3Apollo<P extends object>(Component: ComponentType<P>): ComponentType<P> {
  function WithWeb3Apollo(props: P) {
    return (
      <Web3Providers>
        <ApolloProvider client={getBrowserApollo()}>
          <Component {...props} />
        </ApolloProvider>
      </Web3Providers>
    );
  }
  return WithWeb3Apollo;
}
