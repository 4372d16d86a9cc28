import { BigInt } from "@graphprotocol/graph-ts";

/** Parameter key of the listings contract (<key>-<name>). */
export const LISTINGS = "listings";

export function listingId(id: BigInt): string {
  return id.toString();
}
