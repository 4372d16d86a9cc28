"use client";
/**
 * Local chain only: one compact "Dev" button in the header (showing the chain's day) opening a
 * popover with the dev clock and, for the local dev wallet, the account switcher. The popover stays
 * mounted while closed, so a clock step in flight keeps its state.
 */
import { useChainNow } from "~/hooks/useChainNow";
import { formatDay } from "~/lib/format";
import { DevAccountSwitcher } from "./DevAccountSwitcher";
import { DevClock } from "./DevClock";
import { usePopover } from "./nav/usePopover";

export function DevTools({ accountSwitcher }: { accountSwitcher: boolean }) {
  const { day } = useChainNow();
  const popover = usePopover<HTMLButtonElement, HTMLDivElement>();
  return (
    <div className="relative">
      <button
        ref={popover.buttonRef}
        type="button"
        aria-expanded={popover.open}
        aria-controls={popover.panelId}
        onClick={popover.toggle}
        className="btn-secondary whitespace-nowrap px-2 text-xs"
        title="Local chain tools: time travel and dev accounts"
        data-testid="dev-tools-button"
      >
        <span>Dev</span>
        <span className="num text-slate-700 max-sm:sr-only" data-testid="chain-day">
          <span className="sr-only">chain </span>day {day === undefined ? "…" : formatDay(day)}
        </span>
        <span aria-hidden="true" className="text-[10px]">
          ▼
        </span>
      </button>
      <div
        ref={popover.panelRef}
        id={popover.panelId}
        hidden={!popover.open}
        role="group"
        aria-label="Dev tools (local chain)"
        className="card absolute right-0 top-full z-40 mt-1 w-80 space-y-3 max-sm:fixed max-sm:inset-x-2 max-sm:top-14 max-sm:w-auto"
        data-testid="dev-tools"
      >
        <DevClock />
        {accountSwitcher && <DevAccountSwitcher />}
      </div>
    </div>
  );
}
