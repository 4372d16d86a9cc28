"use client";
import { useAccount } from "wagmi";

import { isLocalChain, targetChain } from "~/services/chains";
import { DEV_WALLET_ID } from "~/services/devWallet";
import { DevAccountSwitcher } from "./DevAccountSwitcher";
import { AccountButton } from "./AccountButton";
import { DevClock } from "./DevClock";

export function WalletArea() {
  const { connector, chainId, isConnected } = useAccount();
  return (
    <>
      {isLocalChain && <DevClock />}
      {isLocalChain && connector?.id === DEV_WALLET_ID && <DevAccountSwitcher />}
      <AccountButton />
      {isConnected && chainId !== targetChain.id && (
        <p role="alert" className="w-full text-sm text-red-800">
          Wrong network: this app runs on {targetChain.chain.name}. Use the network button to switch.
        </p>
      )}
    </>
  );
}
