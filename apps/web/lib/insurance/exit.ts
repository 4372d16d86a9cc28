/**
 * An underwriter's exit (IMutualInsurance.requestOf, frozen): request -> cooldown -> a withdrawal window, after
 * which the request lapses; while a payout claim is open, requests and withdrawals are frozen (decision 0022).
 * Times are the chain's seconds.
 */
export interface UnstakeRequest {
  readonly shares: bigint;
  readonly readyAt: number;
  readonly expiresAt: number;
}

export type ExitPhase =
  | { readonly name: "none" }
  /** Requested; withdrawable from `readyAt`. */
  | { readonly name: "cooling"; readonly shares: bigint; readonly readyAt: number; readonly expiresAt: number }
  /** Inside `[readyAt, expiresAt)`: `withdraw` pays. */
  | { readonly name: "window"; readonly shares: bigint; readonly readyAt: number; readonly expiresAt: number }
  /** The window closed unused: request again. */
  | { readonly name: "lapsed"; readonly shares: bigint; readonly expiresAt: number };

export function exitPhase(r: UnstakeRequest, nowSeconds: number): ExitPhase {
  if (r.shares === 0n) return { name: "none" };
  if (nowSeconds < r.readyAt) return { name: "cooling", shares: r.shares, readyAt: r.readyAt, expiresAt: r.expiresAt };
  if (nowSeconds < r.expiresAt) return { name: "window", shares: r.shares, readyAt: r.readyAt, expiresAt: r.expiresAt };
  return { name: "lapsed", shares: r.shares, expiresAt: r.expiresAt };
}

/** Which exit actions are possible now, and why not. `frozenUntil` is the latest end of the freeze. */
export function exitActions(
  phase: ExitPhase,
  frozen: { readonly isFrozen: boolean; readonly until: number },
  shares: bigint,
): { canRequest: boolean; canCancel: boolean; canWithdraw: boolean; reason: string | null } {
  const frozenReason = frozen.isFrozen
    ? `Exits are frozen while a payout claim is open (at the latest until ${new Date(frozen.until * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC), so nobody leaves before a loss.`
    : null;
  const canCancel = phase.name !== "none";
  if (frozenReason !== null) return { canRequest: false, canCancel, canWithdraw: false, reason: frozenReason };
  if (shares === 0n && phase.name === "none")
    return { canRequest: false, canCancel, canWithdraw: false, reason: "Underwrite first: you hold no shares." };
  return {
    canRequest: shares > 0n,
    canCancel,
    canWithdraw: phase.name === "window",
    reason:
      phase.name === "cooling"
        ? "Your request is in its cooldown: the withdrawal window opens at the date shown."
        : phase.name === "lapsed"
          ? "Your withdrawal window closed unused: request the unstake again."
          : null,
  };
}

/** Shares for a "request unstake of X DMC" input: the shares worth at most `amount` (rounded down), capped. */
export function sharesForAmount(amount: bigint, shares: bigint, value: bigint): bigint {
  if (value === 0n) return 0n;
  const s = (amount * shares) / value;
  return s > shares ? shares : s;
}
