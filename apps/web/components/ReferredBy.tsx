"use client";
/** "Referred by …" on a buy form: the node of this session's referral link, whether it earns, and a way out. */
import { shortAddress } from "~/lib/format";
import { standingText } from "~/lib/nodes/referral";
import type { PurchaseReferrer } from "~/hooks/usePurchaseReferrer";
import { referralStore } from "./referralStore";

export function ReferredBy({ referral, feeBps }: { referral: PurchaseReferrer; feeBps?: number }) {
  const { referrer, standing, kind } = referral;
  if (referrer === null || standing === null) return null;
  const kindLabel = kind === "Main" ? " (main node)" : kind === "Light" ? " (light node)" : "";
  return (
    <div
      className={`rounded border p-2 text-xs ${standing === "live-node" ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-slate-300 bg-slate-50 text-slate-700"}`}
      data-testid="referred-by"
      data-referrer={referrer}
      data-standing={standing}
    >
      <p>
        Referred by{" "}
        <span className="font-mono" title={referrer}>
          {shortAddress(referrer)}
        </span>
        {kindLabel}{" "}
        <button type="button" className="ml-1 underline" onClick={() => referralStore.clear()}>
          remove
        </button>
      </p>
      <p className="mt-0.5">{standingText(standing, feeBps, referral.commissionBps)}</p>
    </div>
  );
}
