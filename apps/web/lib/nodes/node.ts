/**
 * A promotion node's registration (IPromotionNodes.nodeOf) in the app's words: what it runs, where its exit
 * stands, and which action comes next for the connected account. Times are the chain's seconds.
 */
import type { Address } from "viem";

/** IPromotionNodes.Kind. */
export const NODE_KIND = ["None", "Main", "Light"] as const;
export type NodeKindName = (typeof NODE_KIND)[number];

/** IPromotionNodes.Node as viem decodes it. */
export interface NodeRecord {
  readonly kind: number;
  readonly exitReadyAt: number;
  readonly cooldown: number;
  readonly referrals: bigint;
  readonly stake: bigint;
  readonly mainNode: Address;
  readonly recruits: number;
}

export type NodePhase =
  /** Never registered, or withdrawn: may register. */
  | { readonly name: "none" }
  /** Registered and earning. */
  | { readonly name: "live"; readonly kind: "Main" | "Light" }
  /** Asked to leave: earns nothing, withdraws from `readyAt`. */
  | {
      readonly name: "cooling";
      readonly kind: "Main" | "Light";
      readonly readyAt: number;
      readonly secondsLeft: number;
    }
  /** Cooldown over: `withdraw` pays the stake back. */
  | { readonly name: "withdrawable"; readonly kind: "Main" | "Light"; readonly readyAt: number };

export function kindName(kind: number): NodeKindName {
  return NODE_KIND[kind] ?? "None";
}

export function nodePhase(node: NodeRecord, nowSeconds: number): NodePhase {
  const kind = kindName(node.kind);
  if (kind === "None") return { name: "none" };
  if (node.exitReadyAt === 0) return { name: "live", kind };
  if (nowSeconds < node.exitReadyAt)
    return { name: "cooling", kind, readyAt: node.exitReadyAt, secondsLeft: node.exitReadyAt - nowSeconds };
  return { name: "withdrawable", kind, readyAt: node.exitReadyAt };
}

/** The step a registration needs: enough DMC, then an allowance of the stake to PromotionNodes, then the call. */
export type StakeStep =
  | { readonly step: "short"; readonly missing: bigint }
  | { readonly step: "approve"; readonly amount: bigint }
  | { readonly step: "register" };

export function stakeStep(stake: bigint, balance: bigint, allowance: bigint): StakeStep {
  if (balance < stake) return { step: "short", missing: stake - balance };
  if (allowance < stake) return { step: "approve", amount: stake };
  return { step: "register" };
}

/** Why a light-node registration under `mainNode` cannot go ahead now, or null when it can. */
export function lightRegistrationBlocker(args: {
  readonly mainNode: Address;
  readonly self: Address;
  readonly mainIsLiveMain: boolean;
  readonly invited: boolean;
  readonly mainRecruits: number;
  readonly maxRecruits: number;
}): string | null {
  if (args.mainNode.toLowerCase() === args.self.toLowerCase()) return "A node cannot register under itself.";
  if (!args.mainIsLiveMain) return "That address runs no live main node.";
  if (!args.invited)
    return "That main node has not invited you yet: ask it to recruit your address on its Nodes page first.";
  if (args.mainRecruits >= args.maxRecruits) return `That main node already has its ${args.maxRecruits} light nodes.`;
  return null;
}

/** "13 days 4 h" / "2 h 5 min" / "45 s": a cooldown left, coarse enough to read at a glance. */
export function durationText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3_600);
  const m = Math.floor((s % 3_600) / 60);
  if (d > 0) return `${d} day${d === 1 ? "" : "s"}${h > 0 ? ` ${h} h` : ""}`;
  if (h > 0) return `${h} h${m > 0 ? ` ${m} min` : ""}`;
  if (m > 0) return `${m} min`;
  return `${s} s`;
}

/** A chain timestamp as "YYYY-MM-DD HH:MM UTC". */
export function utcDateTime(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
