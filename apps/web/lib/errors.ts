/**
 * Turns wallet, RPC and revert errors into plain language. Custom Solidity errors are decoded by
 * viem from the generated ABIs (which include every error, see @dmex/deployments `errorsAbi`).
 */
import { BaseError, ContractFunctionRevertedError, UserRejectedRequestError, type Abi } from "viem";

import { bpsPercent, formatDay, formatPerMille, shortAddress } from "./format";

export interface ExplainedError {
  /** One sentence for the user. */
  readonly message: string;
  /** The decoded error name, when the chain reverted with one. */
  readonly errorName?: string;
  readonly kind: "rejected" | "revert" | "wrong-chain" | "funds" | "network" | "unknown";
}

type Args = readonly unknown[];
type Explain = (args: Args) => string;
const n = (v: unknown) => (typeof v === "bigint" ? v.toString() : String(v));
/** A UTC day number argument as YYYY-MM-DD. */
const day = (v: unknown) => (typeof v === "bigint" || typeof v === "number" ? formatDay(Number(v)) : String(v));
const addr = (v: unknown) => shortAddress(String(v));
/** A per-mille share argument as a percentage. */
const share = (v: unknown) => formatPerMille(Number(v));
const bps = (v: unknown) => bpsPercent(Number(v));
const asset = (v: unknown) => `asset #${n(v)}`;

/**
 * Plain-language explanations of the contracts' custom errors, one table per contract family, by
 * error name (viem decodes the name and arguments from the generated errors ABI). To explain a new
 * error, add a line to its family's table; test/errors.test.ts fails for any error of the generated
 * ABIs that has none.
 */
const EXCHANGE_MESSAGES: Readonly<Record<string, Explain>> = {
  ZeroUnits: () => "Choose at least one unit.",
  InsufficientUnits: (a) => `Only ${n(a[2])} units are left in this offering.`,
  PriceAboveMax: (a) => `The total (${n(a[0])}) is above your maximum (${n(a[1])}); nothing was bought.`,
  SaleClosed: () => "This offering's sale is closed: sales close when the term starts, so every buyer pays for and gets the whole term.",
  OfferingNotActive: () => "This offering is not active (flagged or halted): it cannot be bought.",
  UnknownOffering: (a) => `Offering ${n(a[0])} does not exist.`,
  UnknownAsset: (a) => `${asset(a[0])} is not registered on the exchange.`,
  EscrowCapacityExceeded: () => "This purchase would exceed the offering's escrow capacity.",
  ZeroAmount: () => "Enter an amount greater than zero.",
  NoUnitsOutstanding: () => "No units are sold yet, so there is nobody to pay rewards to.",
  NothingToCover: (a) => `The next day to cover (${day(a[1])}) is not over yet; deposit once it is.`,
  TermEnded: () => "Every day of this offering's term is already covered.",
  MarketRateNotReported: (a) => `The oracle has no final market rate for ${day(a[1])} yet (a report becomes final 1 hour after publication, or the latest final one applies once the oracle is over a day late); try again after that.`,
  DefaultConditionsNotMet: (a) =>
    `This offering cannot be flagged now: its oldest uncovered day has waited ${n(a[1])} day${n(a[1]) === "1" ? "" : "s"} for a deposit, and ${
      Number(a[2]) === 0 ? "fewer days than the window were judged so far" : `its last judged days paid on average ${share(a[2])} of the market`
    }; neither rule is broken.`,
  DepositBelowMinimum: (a) =>
    `This deposit would pay ${share(a[2])} of the market average for ${day(a[1])}, under the ${bps(a[3])} minimum: the chain refuses it and the day stays uncovered. Deposit at least ${bps(a[3])} of the market rate.`,
  NotMinerOrDepositor: (a) => `Only offering #${n(a[0])}'s miner or a depositor it approved can deposit its rewards, and ${addr(a[1])} is neither. Switch to the miner's account, or have the miner approve this one.`,
  PaymentTokenNotListed: (a) => `${addr(a[0])} is not a payment token the DAO listed: offerings must be paid in a listed stablecoin.`,
  RewardTokenNotListed: (a) => `${addr(a[1])} is not listed as a reward token for ${asset(a[0])}: rewards must be paid in the token the DAO listed for the asset (e.g. IFIL for FIL).`,
  InvalidTerms: (a) => `The offering terms were refused: ${TERMS_REASONS[String(a[0])] ?? String(a[0])}.`,
  InvalidThresholds: () => "Those default thresholds are outside the sound range (missed days 1-30, window 1-8 days, the 50% floor at most the low-reward line, the post-term window at least the missed-days threshold and at most 60 days).",
  NotMiner: () => "Only the offering's miner can do this. Switch to the miner's account.",
  NotPositionOwnerOrApproved: (a) => `You do not own position #${n(a[0])} (or it is not approved to you).`,
  AlreadyRefunded: (a) => `Position #${n(a[0])} was already refunded.`,
  OfferingNotHalted: () => "Refunds open only after governance halts the offering.",
  OfferingNotFlagged: () => "The offering must be flagged first.",
  NothingToWithdraw: () => "No released escrow is waiting to be withdrawn (in the term's last days, release waits for the rewards to be deposited).",
  PositionIsLocked: (a) => `Position #${n(a[0])} is locked by a protocol contract.`,
  PositionIsNotLocked: (a) => `Position #${n(a[0])} is not locked.`,
  NotLockHolder: (a) => `Position #${n(a[0])} is locked by another contract than ${addr(a[1])}.`,
  NotApprovedLocker: (a) => `${addr(a[0])} is not a contract the DAO approved to lock positions.`,
  LockerStillApproved: (a) => `The locker ${addr(a[0])} is still approved: only a revoked locker's lock can be released by governance.`,
  FeeTooHigh: (a) => (a.length >= 3 ? `That fee (${n(a[1])} bps) is above the cap of ${n(a[2])} bps.` : `That fee (${n(a[0])} bps) is above the cap of ${n(a[1])} bps.`),
  ZeroAddress: () => "An address is missing.",
};

const ORACLE_MESSAGES: Readonly<Record<string, Explain>> = {
  DayNotOver: (a) => `${day(a[0])} is not over yet (today is ${day(a[1])}): the oracle reports completed days only.`,
  AlreadyReported: (a) => `The market rate of ${asset(a[0])} for ${day(a[1])} is already reported; correct it within its 1-hour window instead.`,
  ZeroRate: (a) => `A market rate of zero for ${asset(a[0])} on ${day(a[1])} is refused: it would judge every deposit adequate.`,
  ReportFinal: (a) => `The report of ${asset(a[0])} for ${day(a[1])} became final at ${isoTime(a[2])}: it can no longer be corrected.`,
  NotReported: (a) => `There is no report of ${asset(a[0])} for ${day(a[1])} to correct; report it first.`,
  LengthMismatch: () => "The lists of assets and rates have different lengths.",
};

/** DAO (issue D): governor, timelock, miner applications, parameters, insurance fund, DMC. */
const DAO_MESSAGES: Readonly<Record<string, Explain>> = {
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
  GovernorOnlyProposer: () => "Only the proposal's proposer can do this.",
  GovernorRestrictedProposer: () => "This account may not make this proposal.",
  GovernorInvalidVoteType: () => "Vote For, Against or Abstain.",
  GovernorInvalidProposalLength: () => "The proposal's targets, values and calldatas do not line up.",
  GovernorUnexpectedProposalState: (a) => `The proposal is ${PROPOSAL_STATE[Number(a[1])] ?? n(a[1])} now, so this cannot be done (it needs: ${expectedStates(a[2])}).`,
  GovernorAlreadyQueuedProposal: () => "This proposal is already queued.",
  GovernorDisabledDeposit: () => "The governor does not accept native coin.",
  GovernorInvalidQuorumFraction: () => "That quorum is not a valid fraction of the supply.",
  GovernorInvalidSignature: () => "The vote signature does not match the voter.",
  GovernorInvalidVotingPeriod: () => "The voting period must be longer than zero.",
  GovernorQueueNotImplemented: () => "This governor does not queue proposals.",
  TimelockUnexpectedOperationState: () => "The timelock is not ready for this: wait until the eta has passed (or the operation was already executed).",
  TimelockUnauthorizedCaller: () => "Only the governor (or the council during bootstrap) can schedule or cancel timelock operations.",
  TimelockOperationOrphaned: (a) =>
    `Timelock operation ${short(a[0])} can never run: ${short(a[1])}, who scheduled it, has lost the proposer role (the council's hand-over ends every operation it left pending).`,
  TimelockNotScheduler: (a) => `Only ${short(a[2])}, who scheduled operation ${short(a[0])}, can cancel it at the timelock; ${short(a[1])} did not.`,
  TimelockCannotDelegate: (a) => `The DAO timelock never delegates its DMC (to ${short(a[1])}): the treasury and the genesis allocation cannot vote.`,
  GovernorProtectedProposal: (a) =>
    `Proposal ${short(a[0])} revokes the council's powers, replaces council members or changes the guardian: the guardian (${short(a[1])}) cannot cancel it.`,
  SaleEndsBeforeExecution: (a) =>
    `The sale would close (${isoTime(a[0])}) before the vote could be executed at the earliest (${isoTime(a[1])}, late-quorum extension and timelock delay included): give the sale more time.`,
  TimelockInsufficientDelay: (a) => `The delay ${n(a[0])} s is below the timelock's minimum of ${n(a[1])} s.`,
  TimelockUnexecutedPredecessor: () => "An earlier timelock operation this one depends on has not run yet.",
  TimelockInvalidOperationLength: () => "The operation's targets, values and payloads do not line up.",
  OwnableUnauthorizedAccount: () => "Only the DAO (a proposal executed by the timelock) can do this.",
  OwnableInvalidOwner: () => "That owner address is invalid.",
  InvalidPayout: () => "An insurance payout needs a recipient and an amount.",
  NotDrawer: () => "This contract may not draw from that mining bucket.",
  BucketExhausted: (a) => `The mining bucket holds ${dmc(a[2])} DMC, less than the ${dmc(a[1])} asked.`,
  AllocationMismatch: () => "The genesis allocations do not add up to the DMC supply.",
  InvalidAllocation: (a) => `Genesis allocation ${n(a[0])} is invalid.`,
  ERC5805FutureLookup: () => "Votes at a future time cannot be read yet: wait for the snapshot.",
  ERC6372InconsistentClock: () => "The DMC token's clock does not match the governor's.",
  VotesExpiredSignature: () => "The delegation signature expired: sign again.",
  CheckpointUnorderedInsertion: () => "Vote checkpoints must be written in time order.",
  InvalidAccountNonce: () => "The signature's nonce is stale: sign again.",
  ERC20ExceededSafeSupply: () => "The DMC supply cannot grow past the votes' safe limit.",
  QueueEmpty: () => "The governor's execution queue is empty.",
  QueueFull: () => "The governor's execution queue is full.",
};

/** OpenZeppelin and token errors any contract may raise. */
const LIBRARY_MESSAGES: Readonly<Record<string, Explain>> = {
  AccessControlUnauthorizedAccount: () => "Your account does not hold the role this action needs (governance or halt guardian).",
  AccessControlBadConfirmation: () => "A role can only be renounced by its holder, for itself.",
  ERC20InsufficientBalance: (a) => `Insufficient token balance: you have ${n(a[1])}, this needs ${n(a[2])} (base units).`,
  ERC20InsufficientAllowance: (a) => `The exchange may spend ${n(a[1])} of your tokens but this needs ${n(a[2])}: approve first.`,
  ERC20InvalidReceiver: () => "Tokens cannot be sent to that address.",
  ERC20InvalidSpender: () => "That spender address is invalid.",
  ERC20InvalidApprover: () => "That approver address is invalid.",
  ERC20InvalidSender: () => "Tokens cannot be sent from that address.",
  ERC2612ExpiredSignature: () => "The permit signature expired; sign again.",
  ERC2612InvalidSigner: () => "The permit signature does not match your account.",
  ERC721NonexistentToken: (a) => `Position #${n(a[0])} does not exist.`,
  ERC721IncorrectOwner: (a) => `Position #${n(a[1])} is not owned by ${addr(a[0])}.`,
  ERC721InsufficientApproval: (a) => `${addr(a[0])} may not move position #${n(a[1])}: approve it first.`,
  ERC721InvalidApprover: () => "That approver address is invalid.",
  ERC721InvalidOperator: () => "That operator address is invalid.",
  ERC721InvalidOwner: () => "That owner address is invalid.",
  ERC721InvalidReceiver: () => "Positions cannot be sent to that address.",
  ERC721InvalidSender: () => "Positions cannot be sent from that address.",
  SafeERC20FailedOperation: () => "The token transfer failed.",
  SafeCastOverflowedUintDowncast: () => "A value is too large for the contract's field.",
  MathOverflowedMulDiv: () => "A value is too large for the contract's arithmetic.",
  ReentrancyGuardReentrantCall: () => "The contract refused a re-entrant call.",
  AddressEmptyCode: (a) => `There is no contract at ${addr(a[0])}.`,
  AddressInsufficientBalance: () => "Not enough native coin for this call.",
  FailedInnerCall: () => "A call made by the contract failed.",
  ECDSAInvalidSignature: () => "The signature is invalid: sign again.",
  ECDSAInvalidSignatureLength: () => "The signature has the wrong length: sign again.",
  ECDSAInvalidSignatureS: () => "The signature is malformed: sign again.",
  InvalidShortString: () => "A name is too long for the contract.",
  StringTooLong: () => "A text is too long for the contract.",
  StringsInsufficientHexLength: () => "A value does not fit its hex length.",
};

export const REVERT_MESSAGES: Readonly<Record<string, Explain>> = { ...LIBRARY_MESSAGES, ...EXCHANGE_MESSAGES, ...ORACLE_MESSAGES, ...DAO_MESSAGES };

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
/** The exchange's InvalidTerms reasons (OfferingFactory.validate) in plain words. */
const TERMS_REASONS: Readonly<Record<string, string>> = {
  unitsTotal: "the number of units must be above zero",
  "sale window": "the sale must close after it opens",
  term: "the term must last 1 to 3,650 days",
  "sale ends after the term starts": "the sale must close by the time the term starts (00:00 UTC of its first day), so every buyer pays for the whole term",
  price: "the price after the channel fee must be above zero",
  "asset labels": "the asset needs a symbol and a unit label",
};
/**
 * MinerApplications' InvalidApplication reasons in plain words: only its own checks (the offering
 * terms are the exchange's validateTerms, whose errors explain themselves; a sale closing too early
 * is SaleEndsBeforeExecution).
 */
const APPLICATION_REASONS: Readonly<Record<string, string>> = {
  hashpower: "effective hashpower must be above zero and at most the total",
  "units exceed effective hashpower": "units for sale exceed the effective hashpower",
  disclosure: "the miner name and the disclosure URI are required",
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
