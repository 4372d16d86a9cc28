import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

import { activeDestination, NAV_GROUPS, needsAccount, visibleGroups, type NavGroup } from "~/components/nav/navConfig";
import {
  hasRememberedConnection,
  LAZY_ONLY_KEY,
  shouldHydrateWalletAtOnce,
  WAGMI_STORE_KEY,
} from "~/components/walletMemory";

const appDir = fileURLToPath(new URL("../app", import.meta.url));

/** Every static route of the App Router (folders holding a page.tsx), e.g. "/", "/portfolio". */
function appRoutes(dir = appDir, prefix = ""): string[] {
  const here = readdirSync(dir).includes("page.tsx") ? [prefix || "/"] : [];
  const sub = readdirSync(dir)
    .filter((d) => !d.startsWith("_") && !d.startsWith("[") && statSync(join(dir, d)).isDirectory())
    .flatMap((d) => appRoutes(join(dir, d), `${prefix}/${d}`));
  return [...here, ...sub];
}

const storage = (entries: Record<string, string>) => ({ getItem: (k: string) => entries[k] ?? null });

describe("nav config", () => {
  it("links only to pages that exist (no dead links for what is not built yet)", () => {
    const routes = appRoutes();
    for (const item of NAV_GROUPS.flatMap((g) => g.items)) expect(routes, item.label).toContain(item.href);
  });
  it("puts the trading pages under Market (now a menu, which the e2e header check walks) and keeps Portfolio one link", () => {
    const market = NAV_GROUPS.find((g) => g.id === "market");
    expect(market?.items.map((i) => i.href)).toEqual(["/", "/listings", "/auctions", "/rewards"]);
    // e2e scenarios 02, 03 and 05 click the header's "Portfolio" link directly.
    expect(NAV_GROUPS.find((g) => g.id === "portfolio")?.items.map((i) => i.href)).toEqual(["/portfolio"]);
    expect(
      visibleGroups()
        .filter((g) => g.items.length > 1)
        .map((g) => g.id),
    ).toEqual(["market", "borrow-lend", "stake", "dao"]);
    expect(NAV_GROUPS.find((g) => g.id === "stake")?.items.map((i) => i.href)).toEqual(
      expect.arrayContaining(["/stake", "/dmc", "/nodes", "/insurance"]),
    );
  });
  it("has unique destinations and hides groups with none", () => {
    const hrefs = NAV_GROUPS.flatMap((g) => g.items.map((i) => i.href));
    expect(new Set(hrefs).size).toBe(hrefs.length);
    const groups: NavGroup[] = [
      { id: "a", label: "A", items: [{ href: "/", label: "Home" }] },
      { id: "b", label: "B", items: [] },
    ];
    expect(visibleGroups(groups).map((g) => g.id)).toEqual(["a"]);
  });
  it("marks the destination a path belongs to, by the longest prefix", () => {
    expect(activeDestination("/")?.label).toBe("Marketplace");
    expect(activeDestination("/offerings/3")?.label).toBe("Marketplace");
    expect(activeDestination("/portfolio/12")?.label).toBe("Portfolio");
    expect(activeDestination("/miner/apply")?.label).toBe("Miner desk");
    expect(activeDestination("/governance/123")?.label).toBe("Governance");
    expect(activeDestination("/portfolios")).toBeUndefined();
    expect(activeDestination("/auctions/4")?.label).toBe("Auctions");
    expect(activeDestination("/listings")?.label).toBe("Listings");
    expect(activeDestination("/lending")?.label).toBe("Lending");
    expect(activeDestination("/loans")?.label).toBe("My loans");
    expect(activeDestination("/rewards")?.label).toBe("Trading rewards");
  });
  it("knows the routes that show the visitor's own account", () => {
    expect(needsAccount("/portfolio")).toBe(true);
    expect(needsAccount("/portfolio/7")).toBe(true);
    expect(needsAccount("/miner")).toBe(true);
    expect(needsAccount("/miner/apply")).toBe(true);
    expect(needsAccount("/")).toBe(false);
    expect(needsAccount("/offerings/1")).toBe(false);
    expect(needsAccount("/governance")).toBe(false);
    expect(needsAccount("/rewards")).toBe(true);
    expect(needsAccount("/auctions/4")).toBe(false);
  });
  it("adds a future route's eager wallet by one config entry", () => {
    const withFuture: NavGroup[] = [
      ...NAV_GROUPS,
      { id: "future", label: "Future", items: [{ href: "/future", label: "Future page", needsAccount: true }] },
    ];
    expect(needsAccount("/future/5", withFuture)).toBe(true);
    expect(needsAccount("/future/5")).toBe(false);
    expect(needsAccount("/stake")).toBe(true);
    expect(needsAccount("/dmc")).toBe(false);
  });
});

describe("remembered wallet connection", () => {
  const connected = JSON.stringify({
    state: { connections: { __type: "Map", value: [["abc", {}]] }, chainId: 31337, current: "abc" },
    version: 2,
  });
  const disconnected = JSON.stringify({
    state: { connections: { __type: "Map", value: [] }, chainId: 31337, current: null },
    version: 2,
  });
  it("reads wagmi's persisted store", () => {
    expect(hasRememberedConnection(storage({ [WAGMI_STORE_KEY]: connected }))).toBe(true);
    expect(hasRememberedConnection(storage({ [WAGMI_STORE_KEY]: disconnected }))).toBe(false);
    expect(hasRememberedConnection(storage({}))).toBe(false);
    expect(hasRememberedConnection(storage({ [WAGMI_STORE_KEY]: "{not json" }))).toBe(false);
    expect(hasRememberedConnection(storage({ [WAGMI_STORE_KEY]: '"x"' }))).toBe(false);
  });
  it("hydrates the wallet at once on account routes or with a remembered connection, otherwise waits", () => {
    expect(shouldHydrateWalletAtOnce("/portfolio", storage({}), needsAccount)).toBe(true);
    expect(shouldHydrateWalletAtOnce("/portfolio", undefined, needsAccount)).toBe(true);
    expect(shouldHydrateWalletAtOnce("/", storage({ [WAGMI_STORE_KEY]: connected }), needsAccount)).toBe(true);
    expect(shouldHydrateWalletAtOnce("/", storage({ [WAGMI_STORE_KEY]: disconnected }), needsAccount)).toBe(false);
    expect(shouldHydrateWalletAtOnce("/", undefined, needsAccount)).toBe(false);
    expect(
      shouldHydrateWalletAtOnce(
        "/portfolio",
        storage({ [WAGMI_STORE_KEY]: connected, [LAZY_ONLY_KEY]: "1" }),
        needsAccount,
      ),
    ).toBe(false);
  });
});
