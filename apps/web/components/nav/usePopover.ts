"use client";
/**
 * Open/close state of a button-controlled popup (a nav group's menu, the phone menu, the dev
 * tools): Escape closes it and gives focus back to its button; a click or focus outside closes it.
 */
import { useCallback, useEffect, useId, useRef, useState, type RefObject } from "react";

export interface Popover<B extends HTMLElement, P extends HTMLElement> {
  readonly open: boolean;
  readonly panelId: string;
  readonly buttonRef: RefObject<B | null>;
  readonly panelRef: RefObject<P | null>;
  setOpen(open: boolean): void;
  toggle(): void;
  /** Closes and moves focus back to the button. */
  dismiss(): void;
}

export function usePopover<
  B extends HTMLElement = HTMLButtonElement,
  P extends HTMLElement = HTMLDivElement,
>(): Popover<B, P> {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<B>(null);
  const panelRef = useRef<P>(null);
  const dismiss = useCallback(() => {
    setOpen(false);
    buttonRef.current?.focus();
  }, []);
  const toggle = useCallback(() => setOpen((o) => !o), []);

  useEffect(() => {
    if (!open) return;
    const inside = (target: EventTarget | null) =>
      target instanceof Node &&
      (buttonRef.current?.contains(target) === true || panelRef.current?.contains(target) === true);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.preventDefault();
        dismiss();
      }
    };
    const onOutside = (e: Event) => {
      if (!inside(e.target)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onOutside);
    document.addEventListener("focusin", onOutside);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onOutside);
      document.removeEventListener("focusin", onOutside);
    };
  }, [open, dismiss]);

  return { open, panelId, buttonRef, panelRef, setOpen, toggle, dismiss };
}

/** Arrow-key movement among the links of an open menu (Home/End too). */
export function moveFocus(panel: HTMLElement | null, key: string): boolean {
  if (panel === null) return false;
  const items = Array.from(panel.querySelectorAll<HTMLElement>("a[href], button:not([disabled])"));
  if (items.length === 0) return false;
  const at = items.indexOf(document.activeElement as HTMLElement);
  const next =
    key === "ArrowDown"
      ? (at + 1) % items.length
      : key === "ArrowUp"
        ? at <= 0
          ? items.length - 1
          : at - 1
        : key === "Home"
          ? 0
          : key === "End"
            ? items.length - 1
            : -1;
  if (next < 0) return false;
  items[next]?.focus();
  return true;
}
