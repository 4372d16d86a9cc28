"use client";
import { ConnectButton, useConnectModal } from "@rainbow-me/rainbowkit";
import { useEffect } from "react";
import { useAccount } from "wagmi";

import { consumeConnectRequest } from "./interactionGate";
import { NetworkBadge } from "./NetworkBadge";

import { shortAddress } from "~/lib/format";

/**
 * RainbowKit's connect/account/chain buttons, rendered without aria-hidden placeholders. The
 * network shows once: the static badge while disconnected, the wallet's network button once connected.
 */
export function AccountButton() {
  const { openConnectModal } = useConnectModal();
  const { isConnected } = useAccount();
  // The placeholder button was clicked while this island loaded: finish what the user asked for.
  useEffect(() => {
    if (openConnectModal && !isConnected && consumeConnectRequest()) openConnectModal();
  }, [openConnectModal, isConnected]);
  return (
    <ConnectButton.Custom>
      {({ account, chain, openAccountModal, openChainModal, openConnectModal, mounted }) => {
        if (!mounted) return <span className="inline-block h-9 w-32 rounded-md bg-slate-100" />;
        if (!account || !chain) {
          return (
            <span className="flex items-center gap-2">
              <NetworkBadge />
              <button type="button" className="btn-primary whitespace-nowrap" onClick={openConnectModal}>
                Connect Wallet
              </button>
            </span>
          );
        }
        if (chain.unsupported) {
          return (
            <button type="button" className="btn-danger" onClick={openChainModal}>
              Wrong network
            </button>
          );
        }
        return (
          <span className="flex gap-1">
            <button
              type="button"
              className="btn-secondary whitespace-nowrap px-2"
              onClick={openChainModal}
              title="Change network"
            >
              <span className="max-sm:sr-only">{chain.name ?? chain.id}</span>
              <span aria-hidden="true" className="h-2.5 w-2.5 rounded-full bg-emerald-600 sm:hidden" />
            </button>
            <button
              type="button"
              className="btn-secondary whitespace-nowrap px-2 font-mono max-sm:text-xs"
              onClick={openAccountModal}
              title={`Account menu for ${account.address}`}
              data-testid="account-button"
            >
              {shortAddress(account.address)}
            </button>
          </span>
        );
      }}
    </ConnectButton.Custom>
  );
}
