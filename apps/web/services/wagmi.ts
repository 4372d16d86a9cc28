/**
 * wagmi + RainbowKit configuration. RainbowKit's usual wallets; WalletConnect-based ones only when
 * NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID is set (they cannot work without it). The local dev wallet
 * is offered only when the app targets the local chain.
 */
import { connectorsForWallets, type WalletList } from "@rainbow-me/rainbowkit";
import {
  coinbaseWallet,
  injectedWallet,
  metaMaskWallet,
  rainbowWallet,
  safeWallet,
  walletConnectWallet,
} from "@rainbow-me/rainbowkit/wallets";
import { createConfig, http } from "wagmi";

import { isLocalChain, rpcUrl, targetChain, wagmiChains } from "./chains";
import { devWallet } from "./devWallet";

const projectId = process.env.NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID ?? "";

function walletList(): WalletList {
  const groups: WalletList = [];
  if (isLocalChain) groups.push({ groupName: "Local development", wallets: [devWallet(rpcUrl)] });
  groups.push({
    groupName: "Popular",
    wallets: projectId
      ? [metaMaskWallet, rainbowWallet, coinbaseWallet, walletConnectWallet, safeWallet]
      : [injectedWallet, coinbaseWallet, safeWallet],
  });
  return groups;
}

export const wagmiConfig = createConfig({
  chains: wagmiChains,
  connectors: connectorsForWallets(walletList(), {
    appName: "DMEX",
    projectId: projectId || "dmex-local-no-walletconnect",
  }),
  transports: Object.fromEntries(wagmiChains.map((c) => [c.id, http(c.id === targetChain.id ? rpcUrl : undefined)])),
  ssr: true,
  pollingInterval: isLocalChain ? 1_000 : 4_000,
});

declare module "wagmi" {
  interface Register {
    config: typeof wagmiConfig;
  }
}
