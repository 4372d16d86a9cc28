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
  // DAO (issue D): governor, timelock, miner applications, parameters, insurance fund, DMC.
  ApplicationClosed: (a) => `Application #${n(a[0])} is closed: it was already approved, cancelled or its stake settled.`,
  ApplicationStale: (a) => `Application #${n(a[0])} can no longer be approved: its sale window ended (${isoTime(a[1])}).`,
  InvalidApplication: (a) => `The application was refused: ${APPLICATION_REASONS[String(a[0])] ?? String(a[0])}.`,
  NotApplicant: (a) => `Only the miner who submitted application #${n(a[0])} can do this. Switch to that account.`,
  StakeNotInState: (a) => `The stake of application #${n(a[0])} is ${STAKE[Number(a[1])] ?? n(a[1])}, not ${STAKE[Number(a[2])] ?? n(a[2])}.`,
  UnknownApplication: (a) => `Application #${n(a[0])} does not exist.`,
  InvalidStakePolicy: () => "That stake policy is outside its bounds (a minimum stake is required, grace at most 365 days).",
  GovernorAlreadyCastVote: () => "You already voted on this proposal; a vote cannot be changed.",
  GovernorInsufficientProposerVotes: (a) => `Proposing needs ${dmc(a[2])} votes; you have ${dmc(a[1])}. Delegate to yourself (or gather delegations) first.`,
  GovernorNonexistentProposal: (a) => `Proposal ${short(a[0])} does not exist.`,
  GovernorNotQueuedProposal: () => "This proposal is not queued: queue it after it succeeds.",
  GovernorOnlyProposalGuardian: () => "Only the proposal guardian (the council during bootstrap) can cancel proposals this way.",
  GovernorOnlyExecutor: () => "Only the DAO timelock can do this: it needs a proposal.",
  GovernorRestrictedProposer: () => "This account may not make this proposal.",
  GovernorInvalidVoteType: () => "Vote For, Against or Abstain.",
  GovernorInvalidProposalLength: () => "The proposal's targets, values and calldatas do not line up.",
  GovernorUnexpectedProposalState: (a) => `The proposal is ${PROPOSAL_STATE[Number(a[1])] ?? n(a[1])} now, so this cannot be done (it needs: ${expectedStates(a[2])}).`,
  GovernorAlreadyQueuedProposal: () => "This proposal is already queued.",
  TimelockUnexpectedOperationState: () => "The timelock is not ready for this: wait until the eta has passed (or the operation was already executed).",
  TimelockUnauthorizedCaller: () => "Only the governor (or the council during bootstrap) can schedule or cancel timelock operations.",
  TimelockInsufficientDelay: (a) => `The delay ${n(a[0])} s is below the timelock's minimum of ${n(a[1])} s.`,
  TimelockUnexecutedPredecessor: () => "An earlier timelock operation this one depends on has not run yet.",
  OwnableUnauthorizedAccount: () => "Only the DAO (a proposal executed by the timelock) can do this.",
  FeeTooHigh: (a) => `That fee (${n(a[1])} bps) is above the cap of ${n(a[2])} bps.`,
  InvalidPayout: () => "An insurance payout needs a recipient and an amount.",
  NotDrawer: () => "This contract may not draw from that mining bucket.",
  BucketExhausted: (a) => `The mining bucket holds ${dmc(a[2])} DMC, less than the ${dmc(a[1])} asked.`,
  ERC5805FutureLookup: () => "Votes at a future time cannot be read yet: wait for the snapshot.",
  InvalidAccountNonce: () => "The signature's nonce is stale: sign again.",
  ERC20InvalidReceiver: () => "Tokens cannot be sent to that address.",
  ERC20InvalidSpender: () => "That spender address is invalid.",
  ERC20ExceededSafeSupply: () => "The DMC supply cannot grow past the votes' safe limit.",
  OwnableInvalidOwner: () => "That owner address is invalid.",
  SafeCastOverflowedUintDowncast: () => "A value is too large for the contract's field.",
};

function isoTime(v: unknown): string {
  const sec = Number(v);
  return Number.isFinite(sec) ? `${new Date(sec * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC` : String(v);
}
const short = (v: unknown) => {
  const s = n(v);
  return s.length > 14 ? `${s.slice(0, 6)}…${s.slice(-4)}` : s;
};
function dmc(v: unknown): string {
  if (typeof v !== "bigint") return String(v);
  const whole = v / 10n ** 18n;
  return whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
const STAKE = ["locked", "withdrawable", "withdrawn", "slashed"];
const PROPOSAL_STATE = ["pending", "active", "canceled", "defeated", "succeeded", "queued", "expired", "executed"];
/** OpenZeppelin encodes the states an action needs as a bitmap (bit i = ProposalState i). */
function expectedStates(v: unknown): string {
  const bits = typeof v === "string" ? BigInt(v) : typeof v === "bigint" ? v : 0n;
  const names = PROPOSAL_STATE.filter((_, i) => (bits >> BigInt(i)) & 1n);
  return names.length > 0 ? names.join(" or ") : "another state";
}
/** MinerApplications' InvalidApplication reasons in plain words. */
const APPLICATION_REASONS: Readonly<Record<string, string>> = {
  asset: "unknown asset",
  "units or price": "units and price must be above zero",
  hashpower: "effective hashpower must be above zero and at most the total",
  "units exceed effective hashpower": "units for sale exceed the effective hashpower",
  "sale window": "the sale must close after it opens",
  term: "the term must end after it starts",
  "sale ends too late": "the sale must close at least a day before the term ends",
  disclosure: "the miner name and the disclosure URI are required",
  "sale ends before the vote can execute": "the sale window closes before the vote could be executed; give it more time",
  value: "units x price is too large",
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
