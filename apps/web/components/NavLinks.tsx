"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** Top-level sections. Trading (E), loans (F) and staking (G) add their entries here; the DAO (D) added governance, delegates, council. */
export const NAV = [
  { href: "/", label: "Marketplace" },
  { href: "/portfolio", label: "Portfolio" },
  { href: "/miner", label: "Miner desk" },
  { href: "/governance", label: "Governance" },
  { href: "/delegates", label: "Delegates" },
  { href: "/council", label: "Council" },
  { href: "/protocol", label: "Protocol" },
] as const;

export function NavLinks() {
  const path = usePathname();
  return (
    <nav aria-label="Main">
      <ul className="flex flex-wrap gap-1 text-sm">
        {NAV.map((item) => {
          const active = item.href === "/" ? path === "/" || path.startsWith("/offerings") : path.startsWith(item.href);
          return (
            <li key={item.href}>
              <Link href={item.href} aria-current={active ? "page" : undefined} className={`rounded px-2 py-1 ${active ? "bg-slate-100 font-semibold text-slate-900" : "text-slate-700 hover:text-slate-900"}`}>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
