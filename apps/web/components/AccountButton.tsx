"use client";
import { ConnectButton, useConnectModal } from "@rainbow-me/rainbowkit";
import { useEffect } from "react";
import { useAccount } from "wagmi";

import { consumeConnectRequest } from "./interactionGate";

import { shortAddress } from "~/lib/format";

/** RainbowKit's connect/account/chain buttons, rendered without aria-hidden placeholders. */
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
            <button type="button" className="btn-primary" onClick={openConnectModal}>
              Connect Wallet
            </button>
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
            <button type="button" className="btn-secondary" onClick={openChainModal} title="Change network">
              {chain.name ?? chain.id}
            </button>
            <button type="button" className="btn-secondary font-mono" onClick={openAccountModal} title={`Account menu for ${account.address}`} data-testid="account-button">
              {shortAddress(account.address)}
            </button>
          </span>
        );
      }}
    </ConnectButton.Custom>
  );
}
