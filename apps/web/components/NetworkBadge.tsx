import { isLocalChain, targetChain } from "~/services/chains";

/** The target network, shown while no wallet is connected (once connected, the wallet's network button takes its place). */
export function NetworkBadge() {
  if (!isLocalChain) return null;
  return (
    <span
      className="inline-flex items-center whitespace-nowrap rounded bg-amber-100 px-2 py-1 text-xs font-medium text-amber-900"
      title={targetChain.chain.name}
    >
      <span className="max-sm:sr-only">{targetChain.chain.name}</span>
      <span aria-hidden="true" className="h-2.5 w-2.5 rounded-full bg-amber-600 sm:hidden" />
    </span>
  );
}
