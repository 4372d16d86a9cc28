// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IMutualInsuranceErrors} from "../errors/InsurancePoolErrors.sol";
import {IPremiumSink} from "./IFeeSinks.sol";

/// @title IMutualInsurance
/// @notice The mutual insurance pool of roadmap G (issue 13), all in DMC, in four pots:
/// - the **fund**: the DAO's 10% insurance allocation (moved in from `InsuranceFund`) and anything anyone adds;
/// - the **underwriters' pot**: DMC staked by underwriters, who own shares of it and earn the premiums;
/// - the **slashed stake** of each defaulted offering's miner, deposited for that offering;
/// - the **unclaimed payouts**: DMC the DAO voted to the holders of a halted offering, waiting for each position.
///
/// Order of loss, for every payout: first the offering's slashed miner stake, then the underwriters' pot (at most
/// `maxPotShareBps` of it per payout), then the fund. A payout never takes more than those hold: it reverts.
///
/// Exits: `requestUnstake` starts a cooldown, after which a withdrawal window opens; after the window the request
/// lapses. Requested shares keep bearing losses and earning premiums until withdrawn. While a payout claim is open
/// (anyone may open one per flagged or halted offering, bounded by `claimDuration`), requests and withdrawals are
/// frozen, so nobody runs before a loss. See docs/decisions/0022-mutual-insurance.md.
interface IMutualInsurance is IPremiumSink, IMutualInsuranceErrors {
    /// @notice The pool's governable parameters. A change takes effect `cooldown + window` (of the parameters in
    /// force) after it is set, so an underwriter who disagrees can leave under the terms it joined on.
    struct Params {
        uint32 cooldown; // seconds from a request until its withdrawal window opens
        uint32 window; // seconds the withdrawal window stays open
        uint32 claimDuration; // seconds a payout claim may stay open (and freeze exits) at most
        uint16 maxPotShareBps; // the largest share of the underwriters' pot one payout may take
    }

    /// @notice A pending exit: `shares` may be withdrawn in `[readyAt, expiresAt)` (snapshotted at the request).
    struct Request {
        uint128 shares;
        uint64 readyAt;
        uint64 expiresAt;
    }

    /// @notice Where a payout claim stands.
    enum ClaimStatus {
        None,
        Open,
        Executed,
        Rejected,
        Closed
    }

    /// @notice A payout claim for a defaulted offering.
    struct Claim {
        uint32 offeringId;
        uint64 openedAt;
        uint64 expiresAt;
        ClaimStatus status;
        address openedBy;
    }

    /// @notice An executed payout (its id is its claim's id). A claim reads and writes only the first slot.
    struct Payout {
        uint96 perUnit; // DMC wei per unit
        uint96 claimed; // paid to positions so far (and, once expired, returned to the fund)
        uint32 offeringId;
        uint32 claimDeadline; // after it, what is unclaimed returns to the fund
        uint128 total; // perUnit * units: what the payout took from the pool
        uint40 units; // the offering's units sold at execution
    }

    // ------------------------------------------------------------------ events

    /// @notice `account` staked `amount` DMC as an underwriter for `shares` shares.
    /// @param accountShares The account's shares after.
    /// @param totalShares All shares after.
    /// @param pot The underwriters' pot after (DMC wei).
    event Underwritten(
        address indexed account, uint256 amount, uint256 shares, uint256 accountShares, uint256 totalShares, uint256 pot
    );
    /// @notice `account` asked to exit with `shares`, withdrawable in `[readyAt, expiresAt)`.
    event UnstakeRequested(address indexed account, uint256 shares, uint256 readyAt, uint256 expiresAt);
    /// @notice `account` cancelled its unstake request.
    event UnstakeCancelled(address indexed account, uint256 shares);
    /// @notice `account` burnt `shares` for `amount` DMC.
    /// @param totalShares All shares after.
    /// @param pot The underwriters' pot after.
    event Withdrawn(address indexed account, uint256 shares, uint256 amount, uint256 totalShares, uint256 pot);
    /// @notice `amount` DMC joined the fund, from `from` (the pool itself when untracked DMC was synced in).
    event FundAdded(address indexed from, uint256 amount, uint256 fund);
    /// @notice `amount` DMC of slashed miner stake was deposited for the halted `offeringId`.
    /// @param slashed The offering's slashed stake after.
    event SlashedDeposited(uint256 indexed offeringId, address indexed from, uint256 amount, uint256 slashed);
    /// @notice The DAO moved `amount` of the offering's slashed stake into the fund.
    event SlashedMovedToFund(uint256 indexed offeringId, uint256 amount, uint256 slashed, uint256 fund);
    /// @notice A premium of `amount` `token` was paid; `distributed` of it (with the carry of earlier premiums)
    /// was shared among the shares staked now, `carried` waits for the next premium of `token`.
    /// @param accPerShare The token's premium per share after (scaled by 1e36).
    event PremiumDeposited(
        address indexed token,
        address indexed from,
        uint256 amount,
        uint256 distributed,
        uint256 carried,
        uint256 totalShares,
        uint256 accPerShare
    );
    /// @notice `account` claimed `amount` `token` of premiums, paid to `to`.
    event PremiumClaimed(address indexed account, address indexed token, address indexed to, uint256 amount);
    /// @notice The DAO listed (or delisted) a premium token.
    event PremiumTokenSet(address indexed token, bool listed);
    /// @notice Parameters were set; they take effect at `effectiveAt`.
    event ParamsSet(
        uint256 cooldown, uint256 window, uint256 claimDuration, uint256 maxPotShareBps, uint256 effectiveAt
    );
    /// @notice `by` opened payout claim `claimId` for `offeringId`; exits are frozen until it ends or `expiresAt`.
    event ClaimOpened(uint256 indexed claimId, uint256 indexed offeringId, address indexed by, uint256 expiresAt);
    /// @notice A claim ended without a payout: `status` is Rejected (by the DAO) or Closed (expired, or the
    /// offering was resumed).
    event ClaimEnded(uint256 indexed claimId, uint256 indexed offeringId, ClaimStatus status);
    /// @notice The DAO executed payout `payoutId` for `offeringId`: `total` (= `perUnit` x `units`, at most the
    /// `requested` amount) taken `fromSlashed`, then `fromPot`, then `fromFund`.
    event PayoutExecuted(
        uint256 indexed payoutId,
        uint256 indexed offeringId,
        uint256 requested,
        uint256 total,
        uint256 perUnit,
        uint256 units,
        uint256 fromSlashed,
        uint256 fromPot,
        uint256 fromFund
    );
    /// @notice Position `tokenId` claimed `amount` DMC of payout `payoutId`, paid to `to`.
    event PayoutClaimed(uint256 indexed payoutId, uint256 indexed tokenId, address indexed to, uint256 amount);
    /// @notice The claim period of a payout ended; `amount` unclaimed DMC returned to the fund.
    event PayoutExpired(uint256 indexed payoutId, uint256 amount, uint256 fund);

    // ------------------------------------------------------------------ underwriters

    /// @notice Stakes `amount` DMC (pulled from the caller) into the underwriters' pot for shares. Allowed while
    /// exits are frozen: the new shares bear the pending loss like every other. Settles the caller's premiums.
    /// Emits {Underwritten}.
    /// @return shares Shares minted (rounded down).
    function underwrite(uint256 amount) external returns (uint256 shares);

    /// @notice Asks to exit with `shares` of the caller's shares, replacing any earlier request. The shares can be
    /// withdrawn in `[now + cooldown, now + cooldown + window)`; until then they still bear losses and earn
    /// premiums. Reverts while exits are frozen. Emits {UnstakeRequested}.
    function requestUnstake(uint256 shares) external;

    /// @notice Cancels the caller's request. Emits {UnstakeCancelled}.
    function cancelUnstake() external;

    /// @notice Burns the requested shares and pays their DMC (rounded down) to the caller. Only inside the
    /// request's window, and not while exits are frozen. Settles the caller's premiums first. Emits {Withdrawn}.
    /// @return amount DMC wei paid.
    function withdraw() external returns (uint256 amount);

    /// @notice Pays the caller's premiums in `token` to `to` (pull: an underwriter a token blacklists names
    /// another address). Emits {PremiumClaimed}.
    /// @return amount Paid, in `token` base units.
    function claimPremium(address token, address to) external returns (uint256 amount);

    // ------------------------------------------------------------------ pots

    /// @notice Adds `amount` DMC (pulled from the caller) to the fund. Emits {FundAdded}.
    function addToFund(uint256 amount) external;

    /// @notice Adds DMC sent to the pool without a call (e.g. `InsuranceFund.pay` to the pool, or a donation) to
    /// the fund, never to the underwriters' share price. Anyone. Emits {FundAdded} when there is any.
    /// @return amount DMC wei added.
    function syncFund() external returns (uint256 amount);

    /// @notice Deposits `amount` DMC (pulled from the caller) of a miner's slashed stake for the halted
    /// `offeringId`: it bears that offering's payouts first. Emits {SlashedDeposited}.
    function depositSlashed(uint256 offeringId, uint256 amount) external;

    /// @notice Moves `amount` of an offering's slashed stake (e.g. what its payout left) into the fund. DAO only.
    /// Emits {SlashedMovedToFund}.
    function moveSlashedToFund(uint256 offeringId, uint256 amount) external;

    // ------------------------------------------------------------------ claims and payouts

    /// @notice Opens a payout claim for a flagged or halted offering, which freezes exits until the DAO executes or
    /// rejects it, it expires (`claimDuration`), or the offering is resumed. Anyone, once per offering; only the
    /// DAO may open another one for it later. Emits {ClaimOpened}.
    /// @return claimId The new claim (also the id of its payout).
    function openClaim(uint256 offeringId) external returns (uint256 claimId);

    /// @notice The DAO rejects an open claim. Emits {ClaimEnded}.
    function rejectClaim(uint256 claimId) external;

    /// @notice Ends an open claim that expired, or whose offering was resumed (Active again). Anyone.
    /// Emits {ClaimEnded}.
    function closeClaim(uint256 claimId) external;

    /// @notice The DAO pays the holders of the claim's halted offering: `amount / unitsSold` DMC per unit (rounded
    /// down; the remainder stays in the pool), taken first from the offering's slashed stake, then from the
    /// underwriters' pot (at most `maxPotShareBps` of it), then from the fund. Reverts if those cannot cover it.
    /// Ends the claim. Emits {PayoutExecuted}.
    /// @return total What the payout took from the pool.
    function executePayout(uint256 claimId, uint256 amount) external returns (uint256 total);

    /// @notice Pays each position its share of payout `payoutId`, once per position, to the position's owner; a
    /// position whose lock routes refunds to its lock holder (a loan, an auction) pays only when the lock holder
    /// calls, and to the lock holder; anyone else's call reverts until the lock is released, so the payout stays
    /// with the NFT (a foreclosing lender gets it). Anyone may call. Emits {PayoutClaimed} per position.
    /// @return total DMC wei paid.
    function claimPayout(uint256 payoutId, uint256[] calldata tokenIds) external returns (uint256 total);

    /// @notice After a payout's claim period, returns what is unclaimed to the fund. Anyone. Emits {PayoutExpired}.
    function expirePayout(uint256 payoutId) external;

    // ------------------------------------------------------------------ governance

    /// @notice Lists or delists a premium token (at most {MAX_PREMIUM_TOKENS} ever; never DMC). Delisting stops
    /// new premiums only: what was earned stays claimable. DAO only. Emits {PremiumTokenSet}.
    function setPremiumToken(address token, bool listed) external;

    /// @notice Sets the parameters, in force `cooldown + window` (current values) from now; setting again before
    /// that replaces the pending ones. Pending requests and open claims keep their snapshotted times. DAO only.
    /// Emits {ParamsSet}.
    function setParams(Params calldata p) external;

    // ------------------------------------------------------------------ views

    /// @notice The pots: `fund`, `pot` (underwriters'), `slashed` (all offerings), `unclaimed` payouts, and the
    /// underwriters' `totalShares`.
    function pools()
        external
        view
        returns (uint256 fund, uint256 pot, uint256 slashed, uint256 unclaimed, uint256 totalShares);

    /// @notice The parameters in force now.
    function params() external view returns (Params memory);

    /// @notice Whether exits are frozen now, and until when at the latest.
    function frozen() external view returns (bool isFrozen, uint256 until);

    /// @notice An underwriter's shares and their DMC value now (rounded down).
    function underwriterOf(address account) external view returns (uint256 shares, uint256 value);

    /// @notice An underwriter's pending exit.
    function requestOf(address account) external view returns (Request memory);

    /// @notice An underwriter's unclaimed premiums in `token`.
    function premiumOf(address account, address token) external view returns (uint256);

    /// @notice A premium token's figures: listed now, premium per share (scaled by 1e36), carried to the next
    /// premium, deposited and paid in all (token base units).
    function premiumToken(address token)
        external
        view
        returns (bool listed, uint256 accPerShare, uint256 carry, uint256 deposited, uint256 paid);

    /// @notice The listed-ever premium tokens (listed or not now).
    function premiumTokens() external view returns (address[] memory);

    /// @notice DMC `shares` are worth now (rounded down).
    function previewWithdraw(uint256 shares) external view returns (uint256);

    /// @notice Shares `amount` DMC would mint now (rounded down).
    function previewUnderwrite(uint256 amount) external view returns (uint256);

    /// @notice The offering's slashed stake.
    function slashedOf(uint256 offeringId) external view returns (uint256);

    /// @notice A claim.
    function getClaim(uint256 claimId) external view returns (Claim memory);

    /// @notice The latest claim opened for an offering (0 if none).
    function claimOfOffering(uint256 offeringId) external view returns (uint256);

    /// @notice A payout (zeros if not executed).
    function getPayout(uint256 payoutId) external view returns (Payout memory);

    /// @notice What position `tokenId` may claim of payout `payoutId` now (0 if claimed, another offering, expired).
    function claimableOf(uint256 payoutId, uint256 tokenId) external view returns (uint256);

    /// @notice Whether position `tokenId` claimed payout `payoutId`.
    function hasClaimed(uint256 payoutId, uint256 tokenId) external view returns (bool);

    /// @notice Number of claims ever opened.
    function claimCount() external view returns (uint256);
}
