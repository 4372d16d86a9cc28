import Link from "next/link";

import { MainNav } from "./nav/MainNav";
import { WalletIsland } from "./islands";

/** One row at desktop width (the groups of ./nav/navConfig.ts, then the wallet); a menu on a phone. */
export function Header() {
  return (
    <header className="relative border-b border-slate-200 bg-white" data-testid="site-header">
      <div className="mx-auto flex max-w-6xl items-center gap-2 px-4 py-2 sm:gap-3 md:gap-6">
        <Link href="/" className="text-lg font-bold text-brand">
          DMEX
        </Link>
        <MainNav />
        <div className="ml-auto flex min-w-0 items-center">
          <WalletIsland />
        </div>
      </div>
    </header>
  );
}
