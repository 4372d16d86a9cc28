"use client";
/**
 * The `referrer` a purchase sends: the node of the referral link this session came through (components/
 * referralStore), checked on the chain (a live node earns commission; anything else records nothing), never
 * the buyer itself.
 */
import { promotionNodesAbi } from "@dmex/deployments";
import type { Address } from "viem";
import { useReadContracts } from "wagmi";

import { useReferrer } from "~/components/referralStore";
import { kindName, type NodeKindName } from "~/lib/nodes/node";
import { referrerArg, standingOf, type ReferralStanding } from "~/lib/nodes/referral";
import { targetChain } from "~/services/chains";
import { useDeployedContract } from "./useDeployedContract";

export interface PurchaseReferrer {
  /** The remembered referrer, or null. */
  readonly referrer: Address | null;
  /** What the purchase passes as `referrer` (zero when none, or when it is the buyer). */
  readonly arg: Address;
  readonly standing: ReferralStanding | null;
  readonly kind: NodeKindName | null;
  readonly commissionBps: number | undefined;
}

export function usePurchaseReferrer(buyer: Address | undefined): PurchaseReferrer {
  const referrer = useReferrer();
  const nodes = useDeployedContract("PromotionNodes");
  const enabled = referrer !== null && nodes !== null;
  const reads = useReadContracts({
    allowFailure: true,
    contracts:
      enabled && referrer !== null && nodes !== null
        ? [
            {
              address: nodes,
              abi: promotionNodesAbi,
              functionName: "isLiveNode",
              args: [referrer],
              chainId: targetChain.id,
            },
            {
              address: nodes,
              abi: promotionNodesAbi,
              functionName: "nodeOf",
              args: [referrer],
              chainId: targetChain.id,
            },
            { address: nodes, abi: promotionNodesAbi, functionName: "commissionBps", chainId: targetChain.id },
          ]
        : [],
    query: { enabled, refetchInterval: 15_000 },
  });
  const live = reads.data?.[0]?.status === "success" ? (reads.data[0].result as boolean) : undefined;
  const node = reads.data?.[1]?.status === "success" ? (reads.data[1].result as { kind: number }) : undefined;
  const bps = reads.data?.[2]?.status === "success" ? Number(reads.data[2].result) : undefined;
  if (referrer === null)
    return { referrer: null, arg: referrerArg(null, buyer), standing: null, kind: null, commissionBps: bps };
  // Without a PromotionNodes deployment nothing can be checked: the referrer is still passed (the chain decides).
  const standing = standingOf(referrer, buyer, nodes === null ? false : live);
  return {
    referrer,
    arg: referrerArg(referrer, buyer),
    standing,
    kind: node ? kindName(node.kind) : null,
    commissionBps: bps,
  };
}
