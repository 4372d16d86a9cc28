"use client";
/**
 * The header's navigation, from the one nav config (./navConfig.ts). Desktop (md and up): one row,
 * a plain link for a one-destination group, a button + menu for the others. Phone: a "Menu" button
 * opening a panel that lists every group and its destinations.
 */
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, type KeyboardEvent } from "react";

import { activeDestination, visibleGroups, type NavDestination, type NavGroup } from "./navConfig";
import { moveFocus, usePopover } from "./usePopover";

const linkBase = "rounded px-2 py-1 whitespace-nowrap";
const linkStyle = (active: boolean) =>
  `${linkBase} ${active ? "bg-slate-100 font-semibold text-slate-900" : "text-slate-700 hover:text-slate-900"}`;

function GroupMenu({ group, active }: { group: NavGroup; active: NavDestination | undefined }) {
  const menu = usePopover<HTMLButtonElement, HTMLUListElement>();
  const path = usePathname();
  const { setOpen } = menu;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `path` is the trigger: the menu closes when the route changes
  useEffect(() => setOpen(false), [path, setOpen]);
  const groupActive = active !== undefined && group.items.includes(active);
  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    e.preventDefault();
    const first = e.key === "ArrowDown" ? "Home" : "End";
    if (menu.open) moveFocus(menu.panelRef.current, first);
    else {
      menu.setOpen(true);
      requestAnimationFrame(() => moveFocus(menu.panelRef.current, first)); // once the menu is shown
    }
  };
  const onMenuKey = (e: KeyboardEvent<HTMLUListElement>) => {
    if (moveFocus(menu.panelRef.current, e.key)) e.preventDefault();
  };
  return (
    <div className="relative">
      <button
        ref={menu.buttonRef}
        type="button"
        aria-expanded={menu.open}
        aria-controls={menu.panelId}
        onClick={menu.toggle}
        onKeyDown={onButtonKey}
        className={`${linkStyle(groupActive)} inline-flex items-center gap-1`}
      >
        {group.label}
        <span aria-hidden="true" className={`text-[10px] transition-transform ${menu.open ? "rotate-180" : ""}`}>
          ▼
        </span>
      </button>
      <ul
        ref={menu.panelRef}
        id={menu.panelId}
        hidden={!menu.open}
        onKeyDown={onMenuKey}
        aria-label={group.label}
        className="absolute left-0 top-full z-40 mt-1 w-64 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
      >
        {group.items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              onClick={() => menu.setOpen(false)}
              aria-current={item === active ? "page" : undefined}
              className={`block rounded px-3 py-2 text-sm ${item === active ? "bg-slate-100 font-semibold" : "hover:bg-slate-50"}`}
            >
              <span className="block text-slate-900">{item.label}</span>
              {item.hint && <span className="block text-xs font-normal text-slate-600">{item.hint}</span>}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

function DesktopNav({ groups, active }: { groups: readonly NavGroup[]; active: NavDestination | undefined }) {
  return (
    <ul className="flex items-center gap-1 text-sm">
      {groups.map((g) => {
        const only = g.items.length === 1 ? g.items[0] : undefined;
        return (
          <li key={g.id}>
            {only ? (
              <Link
                href={only.href}
                aria-current={only === active ? "page" : undefined}
                className={linkStyle(only === active)}
              >
                {only.label}
              </Link>
            ) : (
              <GroupMenu group={g} active={active} />
            )}
          </li>
        );
      })}
    </ul>
  );
}

function PhoneMenu({ groups, active }: { groups: readonly NavGroup[]; active: NavDestination | undefined }) {
  const menu = usePopover<HTMLButtonElement, HTMLDivElement>();
  const path = usePathname();
  const { setOpen } = menu;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `path` is the trigger: the menu closes when the route changes
  useEffect(() => setOpen(false), [path, setOpen]);
  return (
    <>
      <button
        ref={menu.buttonRef}
        type="button"
        aria-expanded={menu.open}
        aria-controls={menu.panelId}
        onClick={menu.toggle}
        className="btn-secondary px-2 py-1"
        data-testid="nav-menu-button"
      >
        <span aria-hidden="true">☰</span>
        <span className="max-sm:sr-only">Menu</span>
      </button>
      <div
        ref={menu.panelRef}
        id={menu.panelId}
        hidden={!menu.open}
        className="absolute inset-x-0 top-full z-40 max-h-[calc(100vh-4rem)] overflow-y-auto border-b border-slate-200 bg-white px-4 pb-4 shadow-lg"
        data-testid="nav-menu"
      >
        {groups.map((g) => (
          <section
            key={g.id}
            aria-labelledby={`${menu.panelId}-${g.id}`}
            className="border-t border-slate-100 pt-3 first:border-t-0"
          >
            <h2
              id={`${menu.panelId}-${g.id}`}
              className="text-xs font-semibold uppercase tracking-wide text-slate-600"
              data-testid="nav-menu-group"
            >
              {g.label}
            </h2>
            <ul className="mt-1 pb-2">
              {g.items.map((item) => (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    onClick={() => menu.setOpen(false)}
                    aria-current={item === active ? "page" : undefined}
                    className={`block rounded px-2 py-2 text-sm ${item === active ? "bg-slate-100 font-semibold text-slate-900" : "text-slate-800"}`}
                  >
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}

export function MainNav() {
  const path = usePathname();
  const groups = visibleGroups();
  const active = activeDestination(path);
  return (
    <nav aria-label="Main" className="min-w-0">
      <div className="hidden md:block">
        <DesktopNav groups={groups} active={active} />
      </div>
      <div className="md:hidden">
        <PhoneMenu groups={groups} active={active} />
      </div>
    </nav>
  );
}
