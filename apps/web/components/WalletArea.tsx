"use client";
import { useAccount } from "wagmi";

import { isLocalChain, targetChain } from "~/services/chains";
import { DEV_WALLET_ID } from "~/services/devWallet";
import { AccountButton } from "./AccountButton";
import { DevTools } from "./DevTools";
import { TxToasts } from "./TxToasts";

/** The header's wallet island: dev tools (local chain), the wallet's network and account, the transaction toasts. */
export function WalletArea() {
  const { connector, chainId, isConnected } = useAccount();
  return (
    <div className="flex items-center gap-2" data-testid="wallet-ready">
      {isLocalChain && <DevTools accountSwitcher={connector?.id === DEV_WALLET_ID} />}
      <AccountButton />
      <TxToasts />
      {isConnected && chainId !== targetChain.id && (
        <p
          role="alert"
          className="absolute inset-x-0 top-full z-30 border-b border-red-200 bg-red-50 px-4 py-2 text-center text-sm text-red-800"
        >
          Wrong network: this app runs on {targetChain.chain.name}. Use the network button to switch.
        </p>
      )}
    </div>
  );
}
