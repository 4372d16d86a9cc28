"use client";
/**
 * The wallet stack (wagmi, TanStack Query, RainbowKit), loaded lazily by each interactive island
 * (components/islands.tsx) instead of in the root layout, so the server-rendered pages do not
 * ship or execute it before they are usable. Every island shares the same wagmi config and query
 * cache (module singletons), hence the same account and reads.
 */
import { RainbowKitProvider, lightTheme } from "@rainbow-me/rainbowkit";
import { QueryClientProvider } from "@tanstack/react-query";
import type { ComponentType, ReactNode } from "react";
import { WagmiProvider } from "wagmi";

import "@rainbow-me/rainbowkit/styles.css";

import { targetChain } from "~/services/chains";
import { queryClient } from "~/services/queryClient";
import { wagmiConfig } from "~/services/wagmi";

export function Web3Providers({ children }: { children: ReactNode }) {
  return (
    <WagmiProvider config={wagmiConfig}>
      <QueryClientProvider client={queryClient}>
        <RainbowKitProvider initialChain={targetChain.chain} theme={lightTheme({ accentColor: "#0f766e" })}>
          {children}
        </RainbowKitProvider>
      </QueryClientProvider>
    </WagmiProvider>
  );
}

export function withWeb3<P extends object>(Component: ComponentType<P>): ComponentType<P> {
  function WithWeb3(props: P) {
    return (
      <Web3Providers>
        <Component {...props} />
      </Web3Providers>
    );
  }
  return WithWeb3;
}
