import Link from "next/link";

import { isLocalChain, targetChain } from "~/services/chains";
import { NavLinks } from "./NavLinks";
import { WalletIsland } from "./islands";

export function Header() {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-bold text-brand">
          DMEX
        </Link>
        <NavLinks />
        <div className="ml-auto flex flex-wrap items-center gap-2">
          {isLocalChain && <span className="rounded bg-amber-100 px-2 py-1 text-xs font-medium text-amber-900">{targetChain.chain.name}</span>}
          <WalletIsland />
        </div>
      </div>
    </header>
  );
}
