/**
 * Turns wallet, RPC and revert errors into plain language. Custom Solidity errors are explained by
 * selector and decoded with the generated ABIs (which include every error, see @dmex/deployments `errorsAbi`).
 */
import { errorsAbi } from "@dmex/deployments";
import {
  BaseError,
  ContractFunctionRevertedError,
  decodeErrorResult,
  hexToString,
  isHex,
  slice,
  toFunctionSelector,
  UserRejectedRequestError,
  type Abi,
  type DecodeErrorResultReturnType,
  type Hex,
} from "viem";
import { formatAbiItem } from "viem/utils";

import { explainReason } from "./errorReasons";
import { bpsPercent, formatDay, formatPerMille, shortAddress } from "./format";

export interface ExplainedError {
  /** One sentence for the user. */
  readonly message: string;
  /** The decoded error name, when the chain reverted with one. */
  readonly errorName?: string;
  readonly kind: "rejected" | "revert" | "wrong-chain" | "funds" | "network" | "unknown";
}

/** A decoded error's arguments by their ABI names, e.g. `{ feeBps: 1500n, capBps: 1000n }`. */
export type ErrorArgs = Readonly<Record<string, unknown>>;
type Explain = (a: ErrorArgs) => string;

const n = (v: unknown) => (typeof v === "bigint" ? v.toString() : String(v));
/** A UTC day number argument as YYYY-MM-DD. */
const day = (v: unknown) => (typeof v === "bigint" || typeof v === "number" ? formatDay(Number(v)) : String(v));
const addr = (v: unknown) => shortAddress(String(v));
/** A per-mille share argument as a percentage. */
const share = (v: unknown) => formatPerMille(Number(v));
const bps = (v: unknown) => bpsPercent(Number(v));
const asset = (v: unknown) => `asset #${n(v)}`;
const days = (v: unknown) => `${n(v)} day${n(v) === "1" ? "" : "s"}`;

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
/** A bytes32 that holds a short ASCII name (ProtocolParameters' parameter names). */
function bytes32Name(v: unknown): string {
  if (typeof v !== "string" || !isHex(v)) return String(v);
  try {
    return hexToString(v, { size: 32 }).replace(/\0+$/, "");
  } catch {
    return v;
  }
}
const STAKE = ["locked", "withdrawable", "withdrawn", "slashed"];
const STATUS = ["none", "active", "flagged", "halted"];
const BUCKET = ["behaviour-mining", "liquidity-mining", "node-staking"];
const PROPOSAL_STATE = ["pending", "active", "canceled", "defeated", "succeeded", "queued", "expired", "executed"];
const named = (names: readonly string[], v: unknown) => names[Number(v)] ?? n(v);
/** OpenZeppelin encodes the states an action needs as a bitmap (bit i = ProposalState i). */
function expectedStates(v: unknown): string {
  const bits = typeof v === "string" && isHex(v) ? BigInt(v) : typeof v === "bigint" ? v : 0n;
  const names = PROPOSAL_STATE.filter((_, i) => (bits >> BigInt(i)) & 1n);
  return names.length > 0 ? names.join(" or ") : "another state";
}

/**
 * Plain-language explanations of the contracts' custom errors, one table per contract family,
 * written by error name (names are unique across the contracts: `tools/check-errors.mjs` in
 * @dmex/contracts fails otherwise) and looked up by selector ({@link EXPLANATIONS_BY_SELECTOR},
 * computed from the generated errors ABI). Each reads the error's arguments by their ABI names.
 * To explain a new error, add a line to its family's table; test/errors.test.ts fails for any
 * error of the generated ABIs that has none, and renders each with sample arguments.
 */
const EXCHANGE_MESSAGES: Readonly<Record<string, Explain>> = {
  Exchange_ZeroUnits: () => "Choose at least one unit.",
  Exchange_InsufficientUnits: (a) =>
    `Only ${n(a.available)} units are left in offering #${n(a.offeringId)}; you asked for ${n(a.requested)}.`,
  Exchange_PriceAboveMax: (a) =>
    `The total (${n(a.totalPrice)}) is above your maximum (${n(a.maxTotalPrice)}); nothing was bought.`,
  Exchange_SaleClosed: (a) =>
    `Offering #${n(a.offeringId)}'s sale is open from ${isoTime(a.saleStart)} to ${isoTime(a.saleEnd)} only: sales close when the term starts, so every buyer pays for and gets the whole term.`,
  Exchange_OfferingNotActive: (a) =>
    `Offering #${n(a.offeringId)} is ${named(STATUS, a.status)}, not active: it cannot be bought or funded.`,
  Exchange_UnknownOffering: (a) => `Offering #${n(a.offeringId)} does not exist.`,
  Exchange_UnknownAsset: (a) => `${asset(a.assetId)} is not registered on the exchange.`,
  Assets_EmptyLabel: () => "The asset needs a symbol and a unit label.",
  Assets_UnknownAsset: (a) => `No asset #${n(a.assetId)} is registered.`,
  Assets_ZeroAddress: () => "An address is missing.",
  Exchange_EscrowCapacityExceeded: (a) =>
    `This purchase would bring offering #${n(a.offeringId)}'s escrow to ${n(a.totalNet)}, above its capacity of ${n(a.capacity)}.`,
  Exchange_ZeroAmount: () => "Enter an amount greater than zero.",
  Exchange_NoUnitsOutstanding: (a) =>
    `No units of offering #${n(a.offeringId)} are sold yet, so there is nobody to pay rewards to.`,
  Exchange_NothingToCover: (a) =>
    `The next day to cover (${day(a.nextDay)}) is not over yet (today is ${day(a.today)}); deposit once it is.`,
  Exchange_TermEnded: (a) =>
    `Every day of offering #${n(a.offeringId)}'s term (to ${day(a.termEndDay)}) is already covered.`,
  Exchange_MarketRateNotReported: (a) =>
    `The oracle has no final market rate of ${asset(a.assetId)} for ${day(a.day)} yet (a report becomes final 1 hour after publication, or the latest final one applies once the oracle is over a day late); try again after that.`,
  Exchange_DefaultConditionsNotMet: (a) =>
    `This offering cannot be flagged now: its oldest uncovered day has waited ${days(a.missedDays)} for a deposit, and ${
      Number(a.windowSharePerMille) === 0
        ? "fewer days than the window were judged so far"
        : `its last judged days paid on average ${share(a.windowSharePerMille)} of the market`
    }; neither rule is broken.`,
  Exchange_DepositBelowMinimum: (a) =>
    `This deposit would pay ${share(a.sharePerMille)} of the market average for ${day(a.day)}, under the ${bps(a.minCoverageBps)} minimum: the chain refuses it and the day stays uncovered. Deposit at least ${bps(a.minCoverageBps)} of the market rate.`,
  Exchange_NotMinerOrDepositor: (a) =>
    `Only offering #${n(a.offeringId)}'s miner or a depositor it approved can deposit its rewards, and ${addr(a.caller)} is neither. Switch to the miner's account, or have the miner approve this one.`,
  Exchange_PaymentTokenNotListed: (a) =>
    `${addr(a.token)} is not a payment token the DAO listed: offerings must be paid in a listed stablecoin.`,
  Exchange_RewardTokenNotListed: (a) =>
    `${addr(a.token)} is not listed as a reward token for ${asset(a.assetId)}: rewards must be paid in the token the DAO listed for the asset (e.g. IFIL for FIL).`,
  Exchange_ZeroUnitsTotal: () => "The offering terms were refused: the number of units must be above zero.",
  Exchange_EmptySaleWindow: (a) =>
    `The offering terms were refused: the sale must close after it opens (it opens ${isoTime(a.saleStart)} and closes ${isoTime(a.saleEnd)}).`,
  Exchange_InvalidTerm: (a) =>
    `The offering terms were refused: the term must start after day 0 and last 1 to ${n(a.maxTermDays)} days (it runs from ${day(a.termStartDay)} to ${day(a.termEndDay)}).`,
  Exchange_SaleEndsAfterTermStart: (a) =>
    `The offering terms were refused: the sale closes ${isoTime(a.saleEnd)}, after the term starts (${isoTime(a.termStart)}); it must close by then, so every buyer pays for the whole term.`,
  Exchange_ZeroNetPrice: (a) =>
    `The offering terms were refused: a price of ${n(a.pricePerUnit)} per unit is zero after the ${bps(a.feeBps)} channel fee.`,
  Exchange_InvalidThresholds: () =>
    "Those default thresholds are outside the sound range (missed days 1-30, window 1-8 days, the 50% floor at most the low-reward line, the post-term window at least the missed-days threshold and at most 60 days).",
  Exchange_NotMiner: (a) =>
    `Only offering #${n(a.offeringId)}'s miner can do this, not ${addr(a.caller)}. Switch to the miner's account.`,
  Exchange_NotPositionOwnerOrApproved: (a) =>
    `${addr(a.caller)} does not own position #${n(a.tokenId)} (nor is it approved for it).`,
  Exchange_AlreadyRefunded: (a) => `Position #${n(a.tokenId)} was already refunded.`,
  Exchange_OfferingNotHalted: (a) =>
    `Offering #${n(a.offeringId)} is ${named(STATUS, a.status)}: refunds open only after governance halts it.`,
  Exchange_OfferingNotFlagged: (a) =>
    `Offering #${n(a.offeringId)} is ${named(STATUS, a.status)}: it must be flagged first.`,
  Exchange_NothingToWithdraw: (a) =>
    `No released escrow of offering #${n(a.offeringId)} is waiting to be withdrawn (in the term's last days, release waits for the rewards to be deposited).`,
  Exchange_PositionIsLocked: (a) => `Position #${n(a.tokenId)} is locked by the protocol contract ${addr(a.locker)}.`,
  Exchange_PositionIsNotLocked: (a) => `Position #${n(a.tokenId)} is not locked.`,
  Exchange_NotLockHolder: (a) =>
    `Only the contract holding position #${n(a.tokenId)} may do this, not ${addr(a.caller)}: while it is pledged or auctioned, its rewards or refund go to that contract.`,
  Exchange_InvalidLockPayouts: (a) => `Unknown payout routing ${n(a.payouts)} for a lock (only 0 to 3).`,
  Exchange_NotApprovedLocker: (a) => `${addr(a.caller)} is not a contract the DAO approved to lock positions.`,
  Exchange_LockerStillApproved: (a) =>
    `The locker ${addr(a.locker)} is still approved: only a revoked locker's lock can be released by governance.`,
  Exchange_FeeTooHigh: (a) => `That channel fee (${n(a.feeBps)} bps) is above the cap of ${n(a.capBps)} bps.`,
  Exchange_ZeroAddress: () => "An address is missing.",
};

const ORACLE_MESSAGES: Readonly<Record<string, Explain>> = {
  Oracle_DayNotOver: (a) =>
    `${day(a.day)} is not over yet (today is ${day(a.today)}): the oracle reports completed days only.`,
  Oracle_AlreadyReported: (a) =>
    `The market rate of ${asset(a.assetId)} for ${day(a.day)} is already reported; correct it within its 1-hour window instead.`,
  Oracle_ZeroRate: (a) =>
    `A market rate of zero for ${asset(a.assetId)} on ${day(a.day)} is refused: it would judge every deposit adequate.`,
  Oracle_ReportFinal: (a) =>
    `The report of ${asset(a.assetId)} for ${day(a.day)} became final at ${isoTime(a.finalAt)}: it can no longer be corrected.`,
  Oracle_NotReported: (a) => `There is no report of ${asset(a.assetId)} for ${day(a.day)} to correct; report it first.`,
  Oracle_LengthMismatch: (a) =>
    `The lists of assets (${n(a.assetIds)}) and rates (${n(a.rates)}) have different lengths.`,
};

/** DAO (issue D): governor, timelock, miner applications, parameters, insurance fund, DMC. */
const DAO_MESSAGES: Readonly<Record<string, Explain>> = {
  Applications_Closed: (a) =>
    `Application #${n(a.applicationId)} is closed: it was already approved, cancelled or its stake settled.`,
  Applications_Stale: (a) =>
    `Application #${n(a.applicationId)} can no longer be approved: its sale window ended (${isoTime(a.saleEnd)}).`,
  Applications_InvalidHashpower: (a) =>
    `The application was refused: effective hashpower (${n(a.effectiveHashpower)}) must be above zero and at most the total (${n(a.totalHashpower)}).`,
  Applications_UnitsExceedHashpower: (a) =>
    `The application was refused: ${n(a.unitsTotal)} units for sale exceed the effective hashpower of ${n(a.effectiveHashpower)}.`,
  Applications_MissingDisclosure: () =>
    "The application was refused: the miner name and the disclosure URI are required.",
  Applications_ValueTooLarge: (a) =>
    `The application was refused: units x price (${n(a.value)}) is above the limit of ${n(a.maxValue)}.`,
  Applications_NotApplicant: (a) =>
    `Only the miner who submitted application #${n(a.applicationId)} can do this, not ${addr(a.caller)}. Switch to that account.`,
  Applications_StakeNotInState: (a) =>
    `The stake of application #${n(a.applicationId)} is ${named(STAKE, a.actual)}, not ${named(STAKE, a.expected)}.`,
  Applications_UnknownApplication: (a) => `Application #${n(a.applicationId)} does not exist.`,
  Applications_InvalidStakePolicy: (a) =>
    `That stake policy is outside its bounds: a minimum stake is required (got ${dmc(a.minStake)} DMC) and the grace is at most ${days(a.maxLockGraceDays)} (got ${days(a.lockGraceDays)}).`,
  Applications_ZeroAddress: () => "An address is missing.",
  Applications_SaleEndsBeforeExecution: (a) =>
    `The sale would close (${isoTime(a.saleEnd)}) before the vote could be executed at the earliest (${isoTime(a.executableAt)}, late-quorum extension and timelock delay included): give the sale more time.`,
  GovernorAlreadyCastVote: () => "You already voted on this proposal; a vote cannot be changed.",
  GovernorInsufficientProposerVotes: (a) =>
    `Proposing needs ${dmc(a.threshold)} votes; you have ${dmc(a.votes)}. Delegate to yourself (or gather delegations) first.`,
  GovernorNonexistentProposal: (a) => `Proposal ${short(a.proposalId)} does not exist.`,
  GovernorNotQueuedProposal: () => "This proposal is not queued: queue it after it succeeds.",
  GovernorOnlyExecutor: () => "Only the DAO timelock can do this: it needs a proposal.",
  GovernorOnlyProposer: () => "Only the proposal's proposer can do this.",
  GovernorRestrictedProposer: () => "This account may not make this proposal.",
  GovernorInvalidVoteType: () => "Vote For, Against or Abstain.",
  GovernorInvalidProposalLength: () => "The proposal's targets, values and calldatas do not line up.",
  GovernorUnexpectedProposalState: (a) =>
    `The proposal is ${named(PROPOSAL_STATE, a.current)} now, so this cannot be done (it needs: ${expectedStates(a.expectedStates)}).`,
  GovernorAlreadyQueuedProposal: () => "This proposal is already queued.",
  GovernorDisabledDeposit: () => "The governor does not accept native coin.",
  GovernorInvalidQuorumFraction: () => "That quorum is not a valid fraction of the supply.",
  GovernorInvalidSignature: () => "The vote signature does not match the voter.",
  GovernorInvalidVotingPeriod: () => "The voting period must be longer than zero.",
  GovernorQueueNotImplemented: () => "This governor does not queue proposals.",
  Governor_OnlyProposalGuardian: () =>
    "Only the proposal guardian (the council during bootstrap) can cancel proposals this way.",
  Governor_ProtectedProposal: (a) =>
    `Proposal ${short(a.proposalId)} revokes the council's powers, replaces council members or changes the guardian: the guardian (${short(a.guardian)}) cannot cancel it.`,
  TimelockUnexpectedOperationState: () =>
    "The timelock is not ready for this: wait until the eta has passed (or the operation was already executed).",
  TimelockUnauthorizedCaller: () =>
    "Only the governor (or the council during bootstrap) can schedule or cancel timelock operations.",
  TimelockInsufficientDelay: (a) => `The delay ${n(a.delay)} s is below the timelock's minimum of ${n(a.minDelay)} s.`,
  TimelockUnexecutedPredecessor: () => "An earlier timelock operation this one depends on has not run yet.",
  TimelockInvalidOperationLength: () => "The operation's targets, values and payloads do not line up.",
  Timelock_OperationOrphaned: (a) =>
    `Timelock operation ${short(a.id)} can never run: ${short(a.scheduler)}, who scheduled it, has lost the proposer role (the council's hand-over ends every operation it left pending).`,
  Timelock_NotScheduler: (a) =>
    `Only ${short(a.scheduler)}, who scheduled operation ${short(a.id)}, can cancel it at the timelock; ${short(a.caller)} did not.`,
  Timelock_CannotDelegate: (a) =>
    `The DAO timelock never delegates its DMC (to ${short(a.delegatee)}): the treasury and the genesis allocation cannot vote.`,
  Params_FeeTooHigh: (a) => `That ${bytes32Name(a.name)} (${n(a.feeBps)} bps) is above the cap of ${n(a.capBps)} bps.`,
  OwnableUnauthorizedAccount: () => "Only the DAO (a proposal executed by the timelock) can do this.",
  OwnableInvalidOwner: () => "That owner address is invalid.",
  Insurance_InvalidPayout: (a) =>
    `An insurance payout needs a recipient and an amount (got ${addr(a.to)} and ${n(a.amount)}).`,
  Reserve_NotDrawer: (a) => `${addr(a.caller)} may not draw from the ${named(BUCKET, a.bucket)} bucket.`,
  Reserve_BucketExhausted: (a) =>
    `The ${named(BUCKET, a.bucket)} bucket holds ${dmc(a.available)} DMC, less than the ${dmc(a.requested)} asked.`,
  Reserve_ZeroAddress: () => "An address is missing.",
  DMC_AllocationMismatch: (a) =>
    `The genesis allocations add up to ${dmc(a.allocated)} DMC, not the supply of ${dmc(a.expected)}.`,
  DMC_InvalidAllocation: (a) => `Genesis allocation ${n(a.index)} names no recipient or no amount.`,
  ERC5805FutureLookup: () => "Votes at a future time cannot be read yet: wait for the snapshot.",
  ERC6372InconsistentClock: () => "The DMC token's clock does not match the governor's.",
  VotesExpiredSignature: () => "The delegation signature expired: sign again.",
  CheckpointUnorderedInsertion: () => "Vote checkpoints must be written in time order.",
  InvalidAccountNonce: () => "The signature's nonce is stale: sign again.",
  ERC20ExceededSafeSupply: () => "The DMC supply cannot grow past the votes' safe limit.",
  QueueEmpty: () => "The governor's execution queue is empty.",
  QueueFull: () => "The governor's execution queue is full.",
};

/** Trading (issue 11): listings, English auctions, DMC trading rewards, and the locker base they inherit. */
const TRADING_MESSAGES: Readonly<Record<string, Explain>> = {
  Listings_InvalidPrice: (a) =>
    `A price of ${n(a.price)} (base units) cannot be listed: it must be above zero and fit the listing (at most 2^96 - 1).`,
  Listings_InvalidExpiry: (a) =>
    `The expiry ${isoTime(a.expiry)} is not in the future (the chain's time is ${isoTime(a.nowTime)}): pick a later date.`,
  Listings_PaymentTokenNotListed: (a) =>
    `${addr(a.token)} is not a payment token the DAO listed: list in a listed stablecoin.`,
  Listings_NotApproved: (a) =>
    `The listings contract is not approved for position #${n(a.tokenId)}: approve it first (the approval is cleared whenever the position moves or is locked).`,
  Listings_PositionLocked: (a) =>
    `Position #${n(a.tokenId)} is locked by ${addr(a.locker)} (an auction, a loan or a stake): a locked position cannot be listed or sold.`,
  Listings_NotListed: (a) => `Position #${n(a.tokenId)} has no live listing (it sold, was cancelled or became void).`,
  Listings_NotSeller: (a) =>
    `Only the seller ${addr(a.seller)} can change the listing of position #${n(a.tokenId)}, not ${addr(a.caller)}.`,
  Listings_Expired: (a) => `The listing of position #${n(a.tokenId)} expired at ${isoTime(a.expiry)}.`,
  Listings_SellerNoLongerOwns: (a) =>
    `Position #${n(a.tokenId)} left the seller ${addr(a.seller)} (it is now held by ${addr(a.owner)}): the listing is void.`,
  Listings_PriceAboveMax: (a) =>
    `The price is now ${n(a.price)}, above the ${n(a.maxPrice)} you accepted (the seller changed it): nothing was bought. Review the new price.`,
  Listings_BuyerIsSeller: (a) => `You are the seller of position #${n(a.tokenId)}: you cannot buy your own listing.`,
  Listings_ZeroAddress: () => "An address is missing.",
  Auctions_UnknownAuction: (a) => `Auction #${n(a.auctionId)} does not exist.`,
  Auctions_InvalidReserve: (a) =>
    `A reserve price of ${n(a.reservePrice)} (base units) is refused: it must be above zero and not too large.`,
  Auctions_InvalidDuration: (a) =>
    `An auction must run between ${n(a.minDuration)} s and ${n(a.maxDuration)} s after its first bid; ${n(a.duration)} s is outside that.`,
  Auctions_InvalidIncrement: (a) =>
    `A minimum increment of ${bps(a.incrementBps)} is outside the allowed ${bps(a.minBps)} to ${bps(a.maxBps)}.`,
  Auctions_NotMiner: (a) =>
    `Only offering #${n(a.offeringId)}'s miner can auction its units, not ${addr(a.caller)}. Switch to the miner's account.`,
  Auctions_EndsAfterSaleClose: (a) =>
    `This auction could end at ${isoTime(a.earliestEnd)} at the earliest, after the offering's sale closes (${isoTime(a.saleEnd)}): choose a shorter duration so it can run in full before the term starts.`,
  Auctions_NotOpen: (a) => `Auction #${n(a.auctionId)} takes no more bids: it has ended, or was settled or cancelled.`,
  Auctions_OfferingNotActive: (a) =>
    `Bidding on auction #${n(a.auctionId)} stopped: its offering is ${named(STATUS, a.status)}. The leader may withdraw its bid or settle after the end.`,
  Auctions_BidTooLow: (a) =>
    `A bid of ${n(a.amount)} is under the minimum of ${n(a.minimum)} for auction #${n(a.auctionId)} (the reserve, or the leading bid plus the minimum increment): someone may have bid meanwhile.`,
  Auctions_HasBids: (a) =>
    `Auction #${n(a.auctionId)} has bids: it can no longer be cancelled, only settled after its end.`,
  Auctions_NotSeller: (a) => `Only the seller of auction #${n(a.auctionId)} can do this, not ${addr(a.caller)}.`,
  Auctions_NotEnded: (a) =>
    Number(a.endTime) === 0
      ? `Auction #${n(a.auctionId)} has no bid yet: its clock starts at the first bid, so there is nothing to settle (its seller may cancel it).`
      : `Auction #${n(a.auctionId)} has not ended yet (it ends ${isoTime(a.endTime)}, later if a last-minute bid extends it): settle after that.`,
  Auctions_AlreadyClosed: (a) => `Auction #${n(a.auctionId)} was already settled or cancelled.`,
  Auctions_CannotWithdrawBid: (a) =>
    `${addr(a.caller)} cannot withdraw its bid on auction #${n(a.auctionId)}: only the leading bidder can, and only while the offering is flagged or halted (an outbid bid is already refundable: withdraw your refunds).`,
  Auctions_NothingToWithdraw: (a) => `${addr(a.account)} has no refunds or proceeds in ${addr(a.token)} to withdraw.`,
  Auctions_ZeroAddress: () => "An address is missing.",
  Auctions_PaymentTokenNotListed: (a) =>
    `${addr(a.token)} is not a payment token the DAO listed: auction in a listed stablecoin.`,
  Auctions_AlreadyAuctioned: (a) =>
    `Position #${n(a.tokenId)} is already in auction #${n(a.auctionId)}: one auction at a time.`,
  Auctions_BidTooHigh: (a) =>
    `A bid of ${n(a.amount)} is above the most auction #${n(a.auctionId)} can take (${n(a.maximum)}).`,
  Rewards_InvalidSchedule: (a) =>
    `That trading-reward schedule is outside its bounds (${dmc(a.dmcPerEpoch)} DMC per epoch, cap ${dmc(a.capDmcPerFeeUnit)} DMC per $1 of fees).`,
  Rewards_UnsupportedDecimals: (a) =>
    `Token ${addr(a.token)} has ${n(a.decimals)} decimals: fee tokens may have at most 18.`,
  Rewards_NothingToClaim: (a) =>
    `${addr(a.account)} has no DMC from finished epochs to claim yet: the current epoch's rewards become claimable when it ends.`,
  Rewards_InvalidEpochs: (a) =>
    `Invalid epochs: the duration (${n(a.epochDuration)} s) must be above zero and the genesis (${isoTime(a.genesis)}) not in the future.`,
  Rewards_ZeroAddress: () => "An address is missing.",
  Rewards_ReserveTokenMismatch: (a) =>
    `The mining reserve does not pay in the DMC token ${addr(a.dmc)}: the trading rewards must draw the same DMC.`,
  Rewards_BucketEmpty: (a) =>
    `The behaviour-mining reserve is empty: ${dmc(a.accrued)} DMC of ${addr(a.account)} stays claimable, but nothing can be paid until governance refills it.`,
  PositionLocker_ZeroExchange: () => "The exchange address is missing.",
  PositionLocker_NotPositionOwner: (a) =>
    `${addr(a.caller)} does not own position #${n(a.tokenId)} (${addr(a.owner)} does): only its owner can list or auction it.`,
  PositionLocker_NotHeld: (a) => `This contract does not hold position #${n(a.tokenId)} (${addr(a.holder)} does).`,
  PositionLocker_OfferingNotLive: (a) =>
    `Position #${n(a.tokenId)}'s offering is ${named(STATUS, a.status)} or its term is over (it ends ${day(a.termEndDay)}): it can no longer be traded as offered.`,
  PositionLocker_ValueBelowMinimum: (a) =>
    `Position #${n(a.tokenId)} now carries ${n(a.claimable)} of unclaimed rewards and ${n(a.refundable)} of refund, less than the ${n(a.minClaimable)} and ${n(a.minRefundable)} you saw: it was emptied since, so nothing was bought.`,
};

/** Lending (issue 12): PositionLoans (offers, requests, loans, refinancing, self-repayment). */
const LENDING_MESSAGES: Readonly<Record<string, Explain>> = {
  Loans_ZeroAddress: () => "An address is missing.",
  Loans_CurrencyNotListed: (a) =>
    `${addr(a.currency)} is not a stablecoin the exchange lists: loans are made in a listed stablecoin.`,
  Loans_InvalidPrincipal: (a) => `A principal of ${n(a.principal)} (base units) is refused: it must be above zero.`,
  Loans_InvalidDuration: (a) =>
    `A loan must run between ${n(a.minDuration)} s and ${n(a.maxDuration)} s; ${n(a.duration)} s is outside that.`,
  Loans_InvalidApr: (a) => `An APR of ${bps(a.aprBps)} is above the most a loan may charge (${bps(a.maxAprBps)}).`,
  Loans_MinInterestAboveMax: (a) =>
    `A minimum interest of ${n(a.minInterest)} is more than the interest of the whole duration (${n(a.maxInterest)}): lower it.`,
  Loans_InvalidExpiry: (a) =>
    `The expiry ${isoTime(a.expiry)} is not in the future (the chain's time is ${isoTime(a.nowTime)}): pick a later date.`,
  Loans_InvalidMaxFills: (a) =>
    `${n(a.maxFills)} fills is refused: an offer for one position fills once, a collection offer 1 to 65,535 times.`,
  Loans_InvalidCollateral: () =>
    "That collateral is refused: a request pledges a position or a listed collateral token; a token offer needs an amount above zero.",
  Loans_InvalidRewardPrice: (a) =>
    `A reward price of ${n(a.rewardPriceWad)} is refused (token loans take no rewards; it must fit 96 bits).`,
  Loans_UnknownOffer: (a) => `Loan offer #${n(a.offerId)} does not exist (it was filled up or cancelled).`,
  Loans_OfferExpired: (a) => `Loan offer #${n(a.offerId)} expired at ${isoTime(a.expiry)}.`,
  Loans_OfferNonceCancelled: (a) =>
    `Loan offer #${n(a.offerId)} was voided: its lender cancelled all its offers (nonce ${n(a.offerNonce)}, now ${n(a.lenderNonce)}).`,
  Loans_NotLender: (a) => `Only the lender ${addr(a.lender)} can do this, not ${addr(a.caller)}.`,
  Loans_UnknownRequest: (a) => `Loan request #${n(a.requestId)} does not exist (it was filled or cancelled).`,
  Loans_RequestExpired: (a) => `Loan request #${n(a.requestId)} expired at ${isoTime(a.expiry)}.`,
  Loans_NotBorrower: (a) => `Only the borrower ${addr(a.borrower)} can do this, not ${addr(a.caller)}.`,
  Loans_CollateralMismatch: (a) =>
    `Offer #${n(a.offerId)} does not accept position #${n(a.tokenId)} as collateral (another position, offering, asset or token).`,
  Loans_TooFewUnits: (a) => `The position has ${n(a.units)} units; this offer needs at least ${n(a.minUnits)}.`,
  Loans_OfferingNotActive: (a) =>
    `Offering #${n(a.offeringId)} is not active (flagged or halted): its positions cannot back a new loan.`,
  Loans_TermTooShort: (a) =>
    `The loan would come due ${isoTime(a.dueTime)}, too close to the position's term end (${isoTime(a.termEnd)}): it needs ${days(a.minDaysLeft)} of term left after the due date.`,
  Loans_UnknownLoan: (a) => `Loan #${short(a.loanId)} is not active (repaid, foreclosed or never started).`,
  Loans_RepaymentClosed: (a) =>
    `Loan #${short(a.loanId)} can no longer be repaid: its grace period ended ${isoTime(a.graceEnd)} (the lender may foreclose).`,
  Loans_NotForeclosable: (a) =>
    `Loan #${short(a.loanId)} cannot be foreclosed before its grace period ends (${isoTime(a.graceEnd)}).`,
  Loans_ZeroPayment: () => "Enter an amount above zero to repay.",
  Loans_DebtAboveMax: (a) =>
    `The payment is now ${n(a.debt)}, above the ${n(a.maxPayment)} you allowed (interest accrues by the second): try again.`,
  Loans_NotBetterTerms: () =>
    "Those terms are not better for the borrower: the new APR times the debt must be below the old APR times the principal, and the due date no earlier (nor after the term ends).",
  Loans_PastDue: (a) => `Loan #${short(a.loanId)} was due ${isoTime(a.dueTime)}: it can no longer be taken over.`,
  Loans_SelfLoan: (a) => `${addr(a.account)} cannot lend to itself.`,
  Loans_SelfRepayUnavailable: (a) =>
    `Loan #${short(a.loanId)} has no reward price (or has token collateral): its lender does not take rewards, so it cannot repay itself.`,
  Loans_NotSelfRepaying: (a) => `Loan #${short(a.loanId)} is not self-repaying: turn self-repayment on first.`,
  Loans_InvalidGracePeriod: (a) => `A grace period of ${n(a.grace)} s is outside the allowed 1 hour to 7 days.`,
  Loans_CurrencyMismatch: (a) =>
    `The offer lends ${addr(a.offerCurrency)}, the loan is in ${addr(a.loanCurrency)}: a rollover keeps the currency.`,
};

/** A length of time in seconds, in the unit that reads best. */
function duration(v: unknown): string {
  const sec = Number(v);
  if (!Number.isFinite(sec)) return String(v);
  if (sec >= 86_400 && sec % 86_400 === 0) return days(sec / 86_400);
  if (sec >= 3_600) return `${(sec / 3_600).toFixed(1)} h`;
  return `${Math.max(1, Math.round(sec / 60))} min`;
}

/** Issue 13: the DMC emission pools, promotion nodes, the mutual insurance pool, the fee splitter and buyback. */
const DEFI_MESSAGES: Readonly<Record<string, Explain>> = {
  Emission_ZeroAddress: () => "An address is missing.",
  Emission_InvalidSchedule: (a) =>
    `An emission from ${isoTime(a.start)} to ${isoTime(a.end)} with a budget of ${dmc(a.budget)} DMC is refused: the period is empty or the budget too large.`,
  Emission_InvalidRate: (a) =>
    `A rate of ${n(a.ratePerSecond)} DMC wei per second is refused: it is above the pool's budget of ${dmc(a.budget)} DMC.`,
  Emission_ReserveTokenMismatch: (a) => `The mining reserve does not pay DMC (${addr(a.dmc)}).`,
  Emission_WeightOverflow: (a) => `A stake weight of ${n(a.weight)} is too large for the pool.`,
  Emission_NothingToClaim: (a) => `${addr(a.account)} has no DMC to claim from this pool yet.`,
  Emission_BucketEmpty: (a) =>
    `The mining bucket this pool pays from is empty; your ${dmc(a.earned)} DMC stay claimable for when the DAO refills it.`,
  NftStaking_NoPositions: () => "Choose at least one position.",
  NftStaking_NotStaked: (a) => `Position #${n(a.tokenId)} is not staked.`,
  NftStaking_NotStaker: (a) =>
    `Position #${n(a.tokenId)} was staked by ${addr(a.staker)}: only it can unstake it, not ${addr(a.caller)}.`,
  LpMining_ZeroAmount: () => "Enter an amount of LP tokens above zero.",
  LpMining_InsufficientStake: (a) =>
    `${addr(a.account)} has ${n(a.staked)} LP tokens staked (base units), fewer than the ${n(a.amount)} asked for.`,
  NodeRewards_NotWeightSource: (a) => `${addr(a.caller)} may not set node weights: only the node registry does.`,
  NodeRewards_WeightSourceSet: (a) => `The node registry is already set (${addr(a.source)}); it is set once.`,
  Nodes_ZeroAddress: () => "An address is missing.",
  Nodes_AlreadyRegistered: (a) =>
    `${addr(a.account)} already runs a node (live or leaving): withdraw its stake before registering again.`,
  Nodes_NotLiveNode: (a) => `${addr(a.account)} runs no live node of the kind this needs.`,
  Nodes_NotLiveMainNode: (a) => `${addr(a.mainNode)} is not a live main node.`,
  Nodes_NotInvited: (a) =>
    `Main node ${addr(a.mainNode)} has not invited ${addr(a.light)}: ask it to recruit you first.`,
  Nodes_TooManyRecruits: (a) => `Main node ${addr(a.mainNode)} already has its ${n(a.max)} light nodes.`,
  Nodes_SelfRecruit: () => "A node cannot recruit itself.",
  Nodes_NotExiting: (a) => `${addr(a.account)} has not asked to leave: request the exit first.`,
  Nodes_CooldownNotOver: (a) => `The node's cooldown ends at ${isoTime(a.readyAt)}: withdraw after that.`,
  Nodes_NotFeeHook: (a) => `${addr(a.caller)} may not record referrals: only the trading-rewards fee hook does.`,
  Nodes_OverFunded: (a) =>
    `Funding ${n(a.amount)} of token ${addr(a.token)} is more than the ${n(a.unfunded)} of commission still unfunded.`,
  Nodes_NothingToClaim: (a) =>
    `${addr(a.account)} has no funded commission in token ${addr(a.token)} yet: fees fund it once collected.`,
  Nodes_InvalidStake: (a) =>
    `Stakes of ${dmc(a.mainStake)} DMC (main) and ${dmc(a.lightStake)} DMC (light) are outside the allowed range.`,
  Nodes_InvalidCooldown: (a) => `A cooldown of ${duration(a.cooldown)} is outside the allowed range.`,
  Nodes_InvalidCommission: (a) =>
    `A commission of ${bps(a.commissionBps)} with a main-node share of ${bps(a.mainShareBps)} is above the cap.`,
  Nodes_InvalidMaxRecruits: (a) => `A limit of ${n(a.maxRecruits)} light nodes per main node is outside the range.`,
  Nodes_NotController: (a) => `${addr(a.caller)} may not move a node vault's DMC: only the node registry may.`,
  Mutual_ZeroAddress: () => "An address is missing.",
  Mutual_ZeroAmount: () => "Enter an amount above zero.",
  Mutual_ZeroShares: (a) => `${n(a.amount)} DMC wei is too little to buy a single share of the pool.`,
  Mutual_InsufficientShares: (a) =>
    `${addr(a.account)} holds ${n(a.held)} shares, fewer than the ${n(a.shares)} asked.`,
  Mutual_ExitsFrozen: (a) =>
    `A payout claim is open: unstaking is frozen until it is decided (at the latest ${isoTime(a.frozenUntil)}).`,
  Mutual_NoRequest: (a) => `${addr(a.account)} has no unstake request: request one first.`,
  Mutual_CooldownActive: (a) => `The unstake cooldown ends at ${isoTime(a.readyAt)}: withdraw after that.`,
  Mutual_RequestLapsed: (a) => `The withdrawal window closed at ${isoTime(a.expiredAt)}: request the unstake again.`,
  Mutual_OfferingNotDefaulted: (a) =>
    `Offering #${n(a.offeringId)} is ${named(STATUS, a.status)}: this needs a flagged or halted offering.`,
  Mutual_ClaimExists: (a) =>
    `Offering #${n(a.offeringId)} already has payout claim #${n(a.claimId)}; only the DAO may open another.`,
  Mutual_ClaimNotOpen: (a) => `Payout claim #${n(a.claimId)} is not open.`,
  Mutual_ClaimStillOpen: (a) =>
    `Payout claim #${n(a.claimId)} is still open: only the DAO may end it before it expires.`,
  Mutual_PayoutExceedsPool: (a) =>
    `A payout of ${dmc(a.amount)} DMC is more than the ${dmc(a.available)} DMC the order of loss can take from the pool.`,
  Mutual_PayoutTooSmall: (a) =>
    `A payout of ${n(a.amount)} DMC wei is less than one wei per unit sold (${n(a.unitsSold)} units).`,
  Mutual_UnknownPayout: (a) => `There is no payout #${n(a.payoutId)}.`,
  Mutual_WrongOffering: (a) =>
    `Position #${n(a.tokenId)} belongs to offering #${n(a.offeringId)}, not to payout #${n(a.payoutId)}'s offering.`,
  Mutual_AlreadyClaimed: (a) => `Position #${n(a.tokenId)} already claimed payout #${n(a.payoutId)}.`,
  Mutual_PositionPledged: (a) =>
    `Position #${n(a.tokenId)} is locked by ${addr(a.lockHolder)} (a loan or an auction): its payout waits for the lock to end.`,
  Mutual_InvalidPremiumToken: (a) => `Token ${addr(a.token)} is not a premium token of the pool.`,
  Mutual_InvalidParams: (a) =>
    `A cooldown of ${duration(a.cooldown)}, a window of ${duration(a.window)}, claims of ${duration(a.claimDuration)} and a pot share of ${bps(a.maxPotShareBps)} are outside the allowed bounds.`,
  Mutual_InsufficientSlashed: (a) =>
    `Offering #${n(a.offeringId)} has ${dmc(a.slashed)} DMC of slashed stake, less than the ${dmc(a.amount)} DMC asked.`,
  Mutual_PayoutNotExpired: (a) =>
    `Payout #${n(a.payoutId)} can be claimed until ${isoTime(a.claimDeadline)}; it cannot be closed before.`,
  Mutual_PayoutExpired: (a) =>
    `Payout #${n(a.payoutId)}'s claim period is over: what was unclaimed went back to the fund.`,
  Splitter_ZeroAddress: () => "An address is missing.",
  Splitter_NotFeeToken: (a) => `Token ${addr(a.token)} is not a fee token of the splitter.`,
  Splitter_NothingToDistribute: (a) => `The splitter holds none of token ${addr(a.token)}: nothing to distribute.`,
  Splitter_PremiumTooHigh: (a) => `An insurance share of ${bps(a.premiumBps)} is above the cap of ${bps(a.max)}.`,
  Splitter_SinkPullMismatch: (a) =>
    `${addr(a.sink)} took ${n(a.pulled)} instead of the ${n(a.expected)} it was given: the distribution was undone.`,
  FeeVault_ZeroRecipient: () => "Fees need somewhere to go: the fee recipient cannot be the zero address.",
  Buyback_ZeroAddress: () => "An address is missing.",
  Buyback_NoPair: (a) => `Token ${addr(a.token)} has no Uniswap V2 pair with DMC.`,
  Buyback_NotListed: (a) => `Token ${addr(a.token)} is not listed for the buyback.`,
  Buyback_TokenIsDmc: () => "DMC itself cannot be bought back with DMC.",
  Buyback_NothingToConvert: (a) => `The buyback holds none of token ${addr(a.token)}.`,
  Buyback_NoLiquidity: (a) => `The pair ${addr(a.pair)} holds no liquidity yet.`,
  Buyback_NoObservation: (a) =>
    `No price observation of token ${addr(a.token)}'s pair yet: record one, then convert after the window.`,
  Buyback_WindowTooShort: (a) =>
    `The price has been observed for ${duration(a.elapsed)}; the buyback needs ${duration(a.minWindow)} of history.`,
  Buyback_StaleObservation: (a) =>
    `The price checkpoint the buyback would use is ${duration(a.elapsed)} old, past the ${duration(a.maxAge)} limit: record a new one, or if one was just recorded, convert once it is 30 minutes old.`,
  Buyback_ObservationTooSoon: (a) =>
    `The last observation is only ${duration(a.elapsed)} old; the next may be recorded after ${duration(a.minWindow)}.`,
  Buyback_DustAmount: (a) => `${n(a.amountIn)} base units are too little to buy any DMC.`,
  Buyback_BelowTwapBound: (a) =>
    `The pair would pay ${dmc(a.amountOut)} DMC, less than the ${dmc(a.minOut)} DMC the time-weighted price allows: the price is being moved; try later.`,
  Buyback_InvalidParameters: (a) =>
    `Slippage ${bps(a.maxSlippageBps)}, input cap ${bps(a.maxInputBps)}, window ${duration(a.minWindow)} and maximum age ${duration(a.maxAge)} are outside the allowed bounds.`,
  Reserve_ZeroAmount: () => "Enter an amount of DMC above zero.",
};

/** OpenZeppelin errors any contract may raise (ERC-721, ERC-20, AccessControl, ReentrancyGuard, SafeERC20...). */
const LIBRARY_MESSAGES: Readonly<Record<string, Explain>> = {
  AccessControlUnauthorizedAccount: (a) =>
    `${addr(a.account)} does not hold the role this action needs (governance or halt guardian).`,
  AccessControlBadConfirmation: () => "A role can only be renounced by its holder, for itself.",
  ERC20InsufficientBalance: (a) =>
    `Insufficient token balance: you have ${n(a.balance)}, this needs ${n(a.needed)} (base units).`,
  ERC20InsufficientAllowance: (a) =>
    `The contract may spend ${n(a.allowance)} of your tokens but this needs ${n(a.needed)}: approve first.`,
  ERC20InvalidReceiver: (a) => `Tokens cannot be sent to ${addr(a.receiver)}.`,
  ERC20InvalidSpender: () => "That spender address is invalid.",
  ERC20InvalidApprover: () => "That approver address is invalid.",
  ERC20InvalidSender: (a) => `Tokens cannot be sent from ${addr(a.sender)}.`,
  ERC2612ExpiredSignature: () => "The permit signature expired; sign again.",
  ERC2612InvalidSigner: () => "The permit signature does not match your account.",
  ERC721NonexistentToken: (a) => `Position #${n(a.tokenId)} does not exist.`,
  ERC721IncorrectOwner: (a) => `Position #${n(a.tokenId)} is owned by ${addr(a.owner)}, not ${addr(a.sender)}.`,
  ERC721InsufficientApproval: (a) => `${addr(a.operator)} may not move position #${n(a.tokenId)}: approve it first.`,
  ERC721InvalidApprover: () => "That approver address is invalid.",
  ERC721InvalidOperator: () => "That operator address is invalid.",
  ERC721InvalidOwner: () => "That owner address is invalid.",
  ERC721InvalidReceiver: (a) => `Positions cannot be sent to ${addr(a.receiver)}.`,
  ERC721InvalidSender: () => "Positions cannot be sent from that address.",
  ERC1167FailedCreateClone: () => "The node vault could not be created.",
  SafeERC20FailedOperation: (a) => `The transfer of token ${addr(a.token)} failed.`,
  SafeCastOverflowedUintDowncast: () => "A value is too large for the contract's field.",
  SafeCastOverflowedIntDowncast: () => "A value is too large for the contract's field.",
  SafeCastOverflowedUintToInt: () => "A value is too large for the contract's arithmetic.",
  MathOverflowedMulDiv: () => "A value is too large for the contract's arithmetic.",
  ReentrancyGuardReentrantCall: () => "The contract refused a re-entrant call.",
  AddressEmptyCode: (a) => `There is no contract at ${addr(a.target)}.`,
  AddressInsufficientBalance: () => "Not enough native coin for this call.",
  FailedInnerCall: () => "A call made by the contract failed.",
  ECDSAInvalidSignature: () => "The signature is invalid: sign again.",
  ECDSAInvalidSignatureLength: () => "The signature has the wrong length: sign again.",
  ECDSAInvalidSignatureS: () => "The signature is malformed: sign again.",
  InvalidShortString: () => "A name is too long for the contract.",
  StringTooLong: () => "A text is too long for the contract.",
  StringsInsufficientHexLength: () => "A value does not fit its hex length.",
};

/** Every explanation by error name (unique across the contracts). */
export const REVERT_MESSAGES: Readonly<Record<string, Explain>> = {
  ...LIBRARY_MESSAGES,
  ...EXCHANGE_MESSAGES,
  ...ORACLE_MESSAGES,
  ...DAO_MESSAGES,
  ...TRADING_MESSAGES,
  ...LENDING_MESSAGES,
  ...DEFI_MESSAGES,
};

type ErrorItem = Extract<Abi[number], { type: "error" }>;
const errorItems = (abi: Abi): ErrorItem[] => abi.filter((item): item is ErrorItem => item.type === "error");

/** The 4-byte selector of an ABI error, e.g. `0x…` of `Exchange_FeeTooHigh(uint256,uint256)`. */
export const errorSelector = (item: ErrorItem): Hex => toFunctionSelector(formatAbiItem(item));

/** Explanations by selector, for every error of the generated errors ABI that has one. */
export const EXPLANATIONS_BY_SELECTOR: ReadonlyMap<Hex, Explain> = new Map(
  errorItems(errorsAbi as Abi).flatMap((item) => {
    const explain = REVERT_MESSAGES[item.name];
    return explain ? [[errorSelector(item), explain] as const] : [];
  }),
);

/** The decoded error's arguments keyed by their ABI names (positional `argN` for unnamed ones). */
function namedArgs(item: ErrorItem | undefined, args: readonly unknown[]): ErrorArgs {
  return Object.fromEntries((item?.inputs ?? []).map((input, i) => [input.name || `arg${i}`, args[i]]));
}

/** A revert's payload (selector and ABI-encoded arguments) in plain language. */
export function explainRevertData(data: Hex): { message: string; errorName?: string } {
  const selector = slice(data, 0, 4);
  let decoded: DecodeErrorResultReturnType<typeof errorsAbi> | undefined;
  try {
    decoded = decodeErrorResult({ abi: errorsAbi, data });
  } catch {
    decoded = undefined;
  }
  const explain = EXPLANATIONS_BY_SELECTOR.get(selector);
  if (decoded === undefined) return { message: `The contract refused the transaction (unknown error ${selector}).` };
  const item = decoded.abiItem as ErrorItem | undefined;
  const message = explain
    ? explain(namedArgs(item, (decoded.args ?? []) as readonly unknown[]))
    : `The contract refused the transaction (${decoded.errorName}).`;
  return { message, errorName: decoded.errorName };
}

export function explainError(error: unknown): ExplainedError {
  if (error instanceof BaseError) {
    const rejected = error.walk(
      (e) =>
        e instanceof UserRejectedRequestError ||
        (typeof e === "object" && e !== null && "code" in e && (e as { code: unknown }).code === 4001),
    );
    if (rejected)
      return {
        kind: "rejected",
        message: "You rejected the request in your wallet. Nothing was sent; try again when ready.",
      };
    const revert = error.walk((e) => e instanceof ContractFunctionRevertedError);
    if (revert instanceof ContractFunctionRevertedError) {
      // By selector, from the raw payload: the ABI a call was made with may lack the error (another
      // contract's error bubbling up), the generated errors ABI has every one.
      if (
        revert.raw !== undefined &&
        revert.raw.length >= 10 &&
        revert.data?.errorName !== "Error" &&
        revert.data?.errorName !== "Panic"
      ) {
        return { kind: "revert", ...explainRevertData(revert.raw) };
      }
      if (revert.reason) return { kind: "revert", message: explainReason(revert.reason) };
      return { kind: "revert", message: "The contract refused the transaction." };
    }
    const text = `${error.shortMessage} ${error.details ?? ""}`;
    if (/chain mismatch|does not match the target chain|wrong network|switch chain/i.test(text)) {
      return { kind: "wrong-chain", message: "Your wallet is on another network. Switch networks and try again." };
    }
    if (/insufficient funds/i.test(text))
      return { kind: "funds", message: "Not enough native currency to pay for gas." };
    if (/fetch failed|failed to fetch|HTTP request failed|ECONNREFUSED/i.test(text)) {
      return {
        kind: "network",
        message: "Could not reach the chain's RPC node. Check your connection (or that the local stack runs).",
      };
    }
    return { kind: "unknown", message: error.shortMessage };
  }
  if (error instanceof Error) return { kind: "unknown", message: error.message };
  return { kind: "unknown", message: String(error) };
}

/** Every custom error of `abi` (as its signature) whose selector has no explanation (a unit test keeps this empty). */
export function unexplainedErrors(abi: Abi): string[] {
  return errorItems(abi).flatMap((item) =>
    EXPLANATIONS_BY_SELECTOR.has(errorSelector(item)) ? [] : [formatAbiItem(item)],
  );
}

/** Explanations written for an error name that no error of the generated ABIs has (stale lines). */
export function staleExplanations(): string[] {
  const names = new Set(errorItems(errorsAbi as Abi).map((item) => item.name));
  return Object.keys(REVERT_MESSAGES).filter((name) => !names.has(name));
}
