"use client";
/**
 * The one client providers component (Scaffold-ETH 2 style): wagmi, TanStack Query, RainbowKit,
 * Apollo, the deployment addresses from the server, and the transaction tracker.
 */
import { ApolloProvider } from "@apollo/client/react/context";
import { RainbowKitProvider, lightTheme } from "@rainbow-me/rainbowkit";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { WagmiProvider } from "wagmi";

import "@rainbow-me/rainbowkit/styles.css";

import { DeploymentProvider } from "~/components/DeploymentContext";
import { TxProvider } from "~/components/TxProvider";
import { getBrowserApollo } from "~/services/apollo";
import type { AppDeployment } from "~/services/deployment.server";
import { targetChain } from "~/services/chains";
import { wagmiConfig } from "~/services/wagmi";

export function Providers({ deployment, children }: { deployment: AppDeployment; children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 2_000 } } }));
  return (
    <WagmiProvider config={wagmiConfig}>
      <QueryClientProvider client={queryClient}>
        <RainbowKitProvider initialChain={targetChain.chain} theme={lightTheme({ accentColor: "#0f766e" })}>
          <ApolloProvider client={getBrowserApollo()}>
            <DeploymentProvider value={deployment}>
              <TxProvider>{children}</TxProvider>
            </DeploymentProvider>
          </ApolloProvider>
        </RainbowKitProvider>
      </QueryClientProvider>
    </WagmiProvider>
  );
}
