"use client";
/**
 * Reads a node's referral link (`?ref=<address>` on any page) and remembers the address for the session; a
 * malformed one is refused with a notice instead of being sent to a purchase. Rendered once by the root
 * layout; loads no wallet code.
 */
import { useSearchParams } from "next/navigation";
import { Suspense, useEffect, useState } from "react";

import { parseReferrer, REF_PARAM } from "~/lib/nodes/referral";
import { referralStore } from "./referralStore";

function Capture() {
  const params = useSearchParams();
  const ref = params.get(REF_PARAM);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (ref === null) return;
    const parsed = parseReferrer(ref);
    if (parsed.ok) {
      referralStore.set(parsed.address);
      setError(null);
    } else setError(parsed.error);
  }, [ref]);
  if (error === null) return null;
  return (
    <p
      role="alert"
      className="mb-4 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900"
      data-testid="referral-invalid"
    >
      This referral link is broken: {error} Purchases will name no referrer.{" "}
      <button type="button" className="underline" onClick={() => setError(null)}>
        Dismiss
      </button>
    </p>
  );
}

export function ReferralCapture() {
  return (
    <Suspense fallback={null}>
      <Capture />
    </Suspense>
  );
}
