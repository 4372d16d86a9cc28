"use client";
/** The node's referral link: to the marketplace or to one offering; a purchase through it names the node. */
import { useEffect, useState } from "react";
import type { Address } from "viem";

import { referralLink } from "~/lib/nodes/referral";

export function ReferralLinkCard({ node, live }: { node: Address; live: boolean }) {
  const [origin, setOrigin] = useState("");
  const [offering, setOffering] = useState("");
  const [copied, setCopied] = useState(false);
  useEffect(() => setOrigin(window.location.origin), []);
  const offeringOk = /^\d*$/.test(offering.trim()) && offering.trim() !== "0";
  const link = referralLink(origin, node, offering.trim() === "" || !offeringOk ? undefined : offering.trim());
  return (
    <section className="card space-y-2 text-sm" aria-labelledby="ref-h">
      <h2 id="ref-h" className="text-lg font-semibold">
        Your referral link
      </h2>
      {!live && <p className="text-amber-800">You are leaving: purchases through your link earn no commission now.</p>}
      <p className="text-slate-700">
        Share it: a visitor who opens it has your address pre-filled as the referrer of every purchase in that browser
        session (primary sales and listings). The buyer pays the same price; you earn part of the fee.
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="ref-offering" className="label">
            Offering (optional)
          </label>
          <input
            id="ref-offering"
            className="input w-32"
            inputMode="numeric"
            value={offering}
            onChange={(e) => setOffering(e.target.value)}
            aria-invalid={!offeringOk}
            placeholder="e.g. 6"
          />
        </div>
        <button
          type="button"
          className="btn-secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(link).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy link"}
        </button>
      </div>
      {!offeringOk && <p className="text-xs text-red-800">An offering id is a whole number from 1.</p>}
      <p className="break-all rounded bg-slate-100 p-2 font-mono text-xs">
        <a href={link} className="underline" data-testid="referral-link">
          {link}
        </a>
      </p>
    </section>
  );
}
