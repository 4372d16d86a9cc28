"use client";
import { useAccount } from "wagmi";

import { isLocalChain, targetChain } from "~/services/chains";
import { DEV_WALLET_ID } from "~/services/devWallet";
import { DevAccountSwitcher } from "./DevAccountSwitcher";
import { AccountButton } from "./AccountButton";
import { DevClock } from "./DevClock";
import { TxToasts } from "./TxToasts";

export function WalletArea() {
  const { connector, chainId, isConnected } = useAccount();
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="wallet-ready">
      {isLocalChain && <DevClock />}
      {isLocalChain && connector?.id === DEV_WALLET_ID && <DevAccountSwitcher />}
      <AccountButton />
      <TxToasts />
      {isConnected && chainId !== targetChain.id && (
        <p role="alert" className="w-full text-sm text-red-800">
          Wrong network: this app runs on {targetChain.chain.name}. Use the network button to switch.
        </p>
      )}
    </div>
  );
}
