/**
 * Turns wallet, RPC and revert errors into plain language. Custom Solidity errors are decoded by
 * viem from the generated ABIs (which include every error, see @dmex/deployments `errorsAbi`).
 */
import { BaseError, ContractFunctionRevertedError, UserRejectedRequestError, type Abi } from "viem";

export interface ExplainedError {
  /** One sentence for the user. */
  readonly message: string;
  /** The decoded error name, when the chain reverted with one. */
  readonly errorName?: string;
  readonly kind: "rejected" | "revert" | "wrong-chain" | "funds" | "network" | "unknown";
}

type Args = readonly unknown[];
const n = (v: unknown) => (typeof v === "bigint" ? v.toString() : String(v));

/** Plain-language explanations of the contracts' custom errors, by name. */
export const REVERT_MESSAGES: Readonly<Record<string, (args: Args) => string>> = {
  ZeroUnits: () => "Choose at least one unit.",
  InsufficientUnits: (a) => `Only ${n(a[2])} units are left in this offering.`,
  PriceAboveMax: (a) => `The total (${n(a[0])}) is above your maximum (${n(a[1])}); nothing was bought.`,
  SaleClosed: () => "This offering's sale window is closed.",
  OfferingNotActive: () => "This offering is not active (flagged or halted): it cannot be bought.",
  UnknownOffering: (a) => `Offering ${n(a[0])} does not exist.`,
  EscrowCapacityExceeded: () => "This purchase would exceed the offering's escrow capacity.",
  ZeroAmount: () => "Enter an amount greater than zero.",
  NoUnitsOutstanding: () => "No units are sold yet, so there is nobody to pay rewards to.",
  NothingToCover: (a) => `The next day to cover (day ${n(a[1])}) is not over yet; deposit tomorrow.`,
  TermEnded: () => "Every day of this offering's term is already covered.",
  MarketRateNotReported: (a) => `The oracle has not reported the market rate for day ${n(a[1])} yet; try again after it does.`,
  DefaultConditionsNotMet: (a) => `This offering cannot be flagged now (missed days ${n(a[1])}, low streak ${n(a[2])}).`,
  NotMiner: () => "Only the offering's miner can do this. Switch to the miner's account.",
  NotPositionOwnerOrApproved: (a) => `You do not own position #${n(a[0])} (or it is not approved to you).`,
  AlreadyRefunded: (a) => `Position #${n(a[0])} was already refunded.`,
  OfferingNotHalted: () => "Refunds open only after governance halts the offering.",
  OfferingNotFlagged: () => "The offering must be flagged first.",
  NothingToWithdraw: () => "No released escrow is waiting to be withdrawn.",
  PositionIsLocked: (a) => `Position #${n(a[0])} is locked by a protocol contract.`,
  ZeroAddress: () => "An address is missing.",
  AccessControlUnauthorizedAccount: () => "Your account does not hold the role this action needs (governance or halt guardian).",
  ERC20InsufficientBalance: (a) => `Insufficient token balance: you have ${n(a[1])}, this needs ${n(a[2])} (base units).`,
  ERC20InsufficientAllowance: (a) => `The exchange may spend ${n(a[1])} of your tokens but this needs ${n(a[2])}: approve first.`,
  ERC2612ExpiredSignature: () => "The permit signature expired; sign again.",
  ERC2612InvalidSigner: () => "The permit signature does not match your account.",
  ERC721NonexistentToken: (a) => `Position #${n(a[0])} does not exist.`,
  SafeERC20FailedOperation: () => "The token transfer failed.",
};

export function explainRevert(errorName: string, args: Args = []): string {
  const explain = REVERT_MESSAGES[errorName];
  return explain ? explain(args) : `The contract refused the transaction (${errorName}).`;
}

export function explainError(error: unknown): ExplainedError {
  if (error instanceof BaseError) {
    const rejected = error.walk((e) => e instanceof UserRejectedRequestError || (typeof e === "object" && e !== null && "code" in e && (e as { code: unknown }).code === 4001));
    if (rejected) return { kind: "rejected", message: "You rejected the request in your wallet. Nothing was sent; try again when ready." };
    const revert = error.walk((e) => e instanceof ContractFunctionRevertedError);
    if (revert instanceof ContractFunctionRevertedError) {
      const name = revert.data?.errorName;
      if (name !== undefined) return { kind: "revert", errorName: name, message: explainRevert(name, revert.data?.args ?? []) };
      if (revert.reason) return { kind: "revert", message: `The contract refused the transaction: ${revert.reason}` };
      return { kind: "revert", message: "The contract refused the transaction." };
    }
    const text = `${error.shortMessage} ${error.details ?? ""}`;
    if (/chain mismatch|does not match the target chain|wrong network|switch chain/i.test(text)) {
      return { kind: "wrong-chain", message: "Your wallet is on another network. Switch networks and try again." };
    }
    if (/insufficient funds/i.test(text)) return { kind: "funds", message: "Not enough native currency to pay for gas." };
    if (/fetch failed|failed to fetch|HTTP request failed|ECONNREFUSED/i.test(text)) {
      return { kind: "network", message: "Could not reach the chain's RPC node. Check your connection (or that the local stack runs)." };
    }
    return { kind: "unknown", message: error.shortMessage };
  }
  if (error instanceof Error) return { kind: "unknown", message: error.message };
  return { kind: "unknown", message: String(error) };
}

/** Every custom error name in `abi` that has no plain-language message (a unit test keeps this empty). */
export function unexplainedErrors(abi: Abi, ignore: readonly string[] = []): string[] {
  return abi.flatMap((item) => (item.type === "error" && !(item.name in REVERT_MESSAGES) && !ignore.includes(item.name) ? [item.name] : []));
}
