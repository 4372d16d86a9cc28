/**
 * Referral links of promotion nodes (IPromotionNodes): `?ref=<node>` on any page (e.g. /offerings/3?ref=0x…)
 * names the node a purchase credits. The link's address is validated, remembered for the browser session and
 * passed as the `referrer` of the exchange's `buy` / `buyWithPermit` and of a listing's `buy`. The contracts
 * never revert for a referrer: one that is not a live node, or the buyer itself, simply records nothing, and
 * the buy form says so.
 */
import { getAddress, isAddress, zeroAddress, type Address } from "viem";

/** The query parameter of a referral link. */
export const REF_PARAM = "ref";
/** sessionStorage key of the remembered referrer (one browser session, as the brief of the link says). */
export const REFERRER_STORAGE_KEY = "dmex.referrer";

export type ReferrerParse = { ok: true; address: Address } | { ok: false; error: string };

/** A referrer typed or read from a link: a 20-byte hex address (any case), not the zero address. */
export function parseReferrer(input: string | null | undefined): ReferrerParse {
  const text = (input ?? "").trim();
  if (text === "") return { ok: false, error: "No referrer in the link." };
  if (!isAddress(text, { strict: false }))
    return { ok: false, error: `"${text.slice(0, 48)}" is not an address: a referrer is 0x and 40 hex digits.` };
  const address = getAddress(text);
  if (address === zeroAddress) return { ok: false, error: "The zero address refers nobody." };
  return { ok: true, address };
}

/** The node's referral link: to an offering when given, else to the marketplace. */
export function referralLink(origin: string, node: Address, offeringId?: string | number): string {
  const base = origin.replace(/\/+$/, "");
  const path = offeringId === undefined ? "/" : `/offerings/${offeringId}`;
  return `${base}${path}?${REF_PARAM}=${node}`;
}

/** What the referrer of a purchase is worth, for the buy form's "referred by" line. */
export type ReferralStanding = "live-node" | "not-a-node" | "self" | "checking";

/** The `referrer` argument of a purchase: the remembered node, or zero when none or it is the buyer itself. */
export function referrerArg(referrer: Address | null, buyer: Address | undefined): Address {
  if (referrer === null) return zeroAddress;
  if (buyer !== undefined && referrer.toLowerCase() === buyer.toLowerCase()) return zeroAddress;
  return referrer;
}

export function standingOf(
  referrer: Address,
  buyer: Address | undefined,
  isLive: boolean | undefined,
): ReferralStanding {
  if (buyer !== undefined && referrer.toLowerCase() === buyer.toLowerCase()) return "self";
  if (isLive === undefined) return "checking";
  return isLive ? "live-node" : "not-a-node";
}

/** The line under "Referred by …" on a buy form. */
export function standingText(standing: ReferralStanding, feeBps?: number, commissionBps?: number): string {
  switch (standing) {
    case "live-node":
      return commissionBps !== undefined && feeBps !== undefined
        ? `A live promotion node: it earns ${commissionBps / 100}% of the ${feeBps / 100}% fee as commission. You pay the same price.`
        : "A live promotion node: it earns a share of the fee as commission. You pay the same price.";
    case "not-a-node":
      return "Not a live promotion node: the purchase goes ahead without a commission.";
    case "self":
      return "That is your own address: a purchase cannot refer itself, so no referrer is sent.";
    case "checking":
      return "Checking the node…";
  }
}
