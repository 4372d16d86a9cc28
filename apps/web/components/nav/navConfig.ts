/**
 * THE navigation of the app: every destination, its group, and whether it needs a connected
 * account. The header (desktop dropdowns, phone menu) and the wallet islands' eager hydration
 * (components/islands/accountRoutes.ts) both read this one list.
 *
 * Adding a feature's page = adding one entry to its group below (trading: "Listings", "Auctions"
 * and "Trading rewards" under Market, so Portfolio stays one plain link, which e2e scenarios click;
 * loans F: "Borrow" and "Lend" under Borrow & lend; staking G: "NFT staking", "Liquidity", "Nodes",
 * "Insurance" under Stake). A group with no entries is not shown, a group with one entry shows as a
 * plain link, so nothing unbuilt is ever a dead link.
 */

export interface NavDestination {
  readonly href: string;
  readonly label: string;
  /** One line shown under the label in the menus. */
  readonly hint?: string;
  /** The page shows the visitor's own account (positions, loans, stakes...): the wallet loads at once. */
  readonly needsAccount?: boolean;
  /** Other path prefixes that belong to this destination (e.g. an offering page to the marketplace). */
  readonly alsoActiveOn?: readonly string[];
}

export interface NavGroup {
  readonly id: string;
  readonly label: string;
  readonly items: readonly NavDestination[];
}

export const NAV_GROUPS: readonly NavGroup[] = [
  {
    id: "market",
    label: "Market",
    items: [
      {
        href: "/",
        label: "Marketplace",
        hint: "Offerings, listings and auctions side by side",
        alsoActiveOn: ["/offerings"],
      },
      { href: "/listings", label: "Listings", hint: "Positions resold at a fixed price" },
      { href: "/auctions", label: "Auctions", hint: "English auctions of positions and new units" },
      { href: "/rewards", label: "Trading rewards", hint: "DMC earned from the fees you paid", needsAccount: true },
    ],
  },
  {
    id: "portfolio",
    label: "Portfolio",
    items: [
      { href: "/portfolio", label: "Portfolio", hint: "Your positions, rewards and refunds", needsAccount: true },
    ],
  },
  {
    id: "borrow-lend",
    label: "Borrow & lend",
    items: [
      {
        href: "/lending",
        label: "Lending",
        hint: "Loan offers and requests: lend, or borrow against positions and tokens",
      },
      {
        href: "/loans",
        label: "My loans",
        hint: "Loans you took or gave: repay, refinance, foreclose",
        needsAccount: true,
      },
    ],
  },
  {
    id: "stake",
    label: "Stake",
    items: [
      {
        href: "/stake",
        label: "Staking",
        hint: "Stake positions and LP tokens to mine DMC; add liquidity",
        needsAccount: true,
      },
      { href: "/dmc", label: "DMC", hint: "DMC's price, its Uniswap pairs and the fee buyback" },
      {
        href: "/nodes",
        label: "Nodes",
        hint: "Run a promotion node: referral link, recruits, commissions",
        needsAccount: true,
      },
      { href: "/insurance", label: "Insurance", hint: "The mutual insurance pool: underwrite, premiums, payouts" },
    ],
  },
  {
    id: "dao",
    label: "DAO",
    items: [
      { href: "/governance", label: "Governance", hint: "Proposals and votes" },
      { href: "/delegates", label: "Delegates", hint: "Voting power and delegation" },
      { href: "/council", label: "Council", hint: "The council Safe and its checks" },
      { href: "/miner", label: "Miner desk", hint: "Your offerings, deposits and applications", needsAccount: true },
      { href: "/protocol", label: "Protocol", hint: "Volumes, fees, oracle feeds, DAO ledger" },
    ],
  },
];

/** The groups that have at least one destination (the ones the header shows). */
export function visibleGroups(groups: readonly NavGroup[] = NAV_GROUPS): readonly NavGroup[] {
  return groups.filter((g) => g.items.length > 0);
}

function matches(path: string, prefix: string): boolean {
  if (prefix === "/") return path === "/";
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** The destination `path` belongs to: the longest matching href or alsoActiveOn prefix. */
export function activeDestination(path: string, groups: readonly NavGroup[] = NAV_GROUPS): NavDestination | undefined {
  let best: { item: NavDestination; length: number } | undefined;
  for (const item of groups.flatMap((g) => g.items)) {
    for (const prefix of [item.href, ...(item.alsoActiveOn ?? [])]) {
      if (matches(path, prefix) && (best === undefined || prefix.length > best.length))
        best = { item, length: prefix.length };
    }
  }
  return best?.item;
}

/** True when `path` is under a destination that needs the visitor's account. */
export function needsAccount(path: string, groups: readonly NavGroup[] = NAV_GROUPS): boolean {
  return groups.some((g) => g.items.some((i) => i.needsAccount === true && matches(path, i.href)));
}
