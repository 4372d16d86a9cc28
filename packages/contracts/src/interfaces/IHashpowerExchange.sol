// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {
    DefaultThresholds,
    FlagReason,
    Offering,
    OfferingStatus,
    OfferingTerms,
    Position
} from "../types/HashpowerTypes.sol";
import {IAssetRegistry} from "./IAssetRegistry.sol";
import {IPositionLocks} from "./IPositionLocks.sol";
import {IExchangeErrors} from "../errors/ExchangeErrors.sol";

/// @title IHashpowerExchange
/// @notice Primary sale of hashpower positions (ERC-721), a risk-control escrow that releases each
/// buyer's payment to the miner day by day, daily mining rewards that travel with the NFT, and
/// on-chain default detection with halt and refund. Assets and their reward tokens live in a separate
/// {IAssetRegistry} ({assets}), which offerings are checked against when created.
/// @dev Amounts are in the base units of the token named; days are whole UTC days since the epoch.
/// Event signatures are a frozen API: the subgraph decodes them.
interface IHashpowerExchange is IPositionLocks, IExchangeErrors {
    // ------------------------------------------------------------------ errors: see IExchangeErrors

    // ------------------------------------------------------------------ events
    /// @notice An offering was created. Carries every term so indexers need no calls.
    /// @param netPricePerUnit What reaches escrow per unit after the channel fee snapshotted in `feeBps`.
    /// @param offeringId The offering (1-based id).
    /// @param miner The miner paid by the escrow.
    /// @param assetId The hashpower asset (1-based id).
    /// @param terms Every term as created.
    /// @param feeBps The channel fee snapshotted for the offering (bps).
    event OfferingCreated(
        uint256 indexed offeringId,
        address indexed miner,
        uint32 indexed assetId,
        OfferingTerms terms,
        uint256 netPricePerUnit,
        uint256 feeBps
    );

    /// @notice A position was bought in the primary sale and minted to `buyer`.
    /// @param startDay First day of its daily escrow release: max(purchaseDay + 1, termStartDay).
    /// @param rewardSnapshot The offering's reward accumulator at purchase (rewards before it are not the position's).
    /// @param tokenId The position NFT.
    /// @param offeringId The offering (1-based id).
    /// @param buyer Who bought and received the position.
    /// @param referrer Recorded for referral programs; may be zero.
    /// @param units Hashpower units.
    /// @param totalPrice What the buyer paid (payment-token base units).
    /// @param fee The channel fee part of it.
    /// @param netAmount The part escrowed for the miner.
    /// @param purchaseDay The UTC day of the purchase.
    event PositionPurchased(
        uint256 indexed tokenId,
        uint256 indexed offeringId,
        address indexed buyer,
        address referrer,
        uint256 units,
        uint256 totalPrice,
        uint256 fee,
        uint256 netAmount,
        uint256 purchaseDay,
        uint256 startDay,
        uint256 rewardSnapshot
    );

    /// @notice Rewards for `day` were deposited and judged; every unit outstanding accrues `amount / unitsOutstanding`.
    /// @param dayRewardPerUnitWad The day's reward per unit, WAD-scaled.
    /// @param marketAvgPerUnitWad The market average the day was judged against.
    /// @param exactRate True when that is the oracle's report for the day; false when the oracle was over a
    /// day late and the day was judged against its latest report instead.
    /// @param sharePerMille The day's share of the market, per-mille, rounded down, capped at 1000.
    /// @param recentShares The offering's window after this day (see DelinquencyMath for the packing).
    /// @param offeringId The offering (1-based id).
    /// @param depositor The miner or a depositor it approved.
    /// @param day The day covered.
    /// @param amount The deposit (reward-token base units).
    /// @param unitsOutstanding Units sold, among which the deposit is shared.
    /// @param accRewardPerUnit The offering's reward accumulator per unit after this (WAD-scaled).
    event RewardDeposited(
        uint256 indexed offeringId,
        address indexed depositor,
        uint256 indexed day,
        uint256 amount,
        uint256 unitsOutstanding,
        uint256 accRewardPerUnit,
        uint256 dayRewardPerUnitWad,
        uint256 marketAvgPerUnitWad,
        bool exactRate,
        uint256 sharePerMille,
        uint256 recentShares
    );

    /// @notice The miner approved or revoked an account that may deposit rewards for its offering.
    /// @param offeringId The offering (1-based id).
    /// @param depositor The account that deposits.
    /// @param approved Whether it may deposit now.
    event DepositorSet(uint256 indexed offeringId, address indexed depositor, bool approved);

    /// @notice The end-of-term holdback snapshotted for a new offering: the release of its last
    /// `holdbackDays` term days waits for their deposits.
    /// @param offeringId The offering (1-based id).
    /// @param holdbackDays Days held back at the term's end.
    event HoldbackSet(uint256 indexed offeringId, uint256 holdbackDays);

    /// @notice Rewards of a position were paid to its owner.
    /// @param tokenId The position NFT.
    /// @param offeringId The offering (1-based id).
    /// @param owner The position's owner.
    /// @param amount Rewards paid (reward-token base units).
    /// @param accRewardPerUnit The accumulator the position is now settled to.
    event RewardClaimed(
        uint256 indexed tokenId,
        uint256 indexed offeringId,
        address indexed owner,
        uint256 amount,
        uint256 accRewardPerUnit
    );

    /// @notice The miner withdrew released escrow.
    /// @param offeringId The offering (1-based id).
    /// @param miner The offering's miner.
    /// @param to The recipient.
    /// @param amount Escrow sent (payment-token base units).
    /// @param releasedToDate Escrow released to the miner so far.
    /// @param releasedDay The day release has reached.
    event EscrowWithdrawn(
        uint256 indexed offeringId,
        address indexed miner,
        address to,
        uint256 amount,
        uint256 releasedToDate,
        uint256 releasedDay
    );

    /// @notice Channel fees of an offering were sent to the fee recipient.
    /// @param offeringId The offering (1-based id).
    /// @param recipient The fee recipient.
    /// @param amount Fees sent (payment-token base units).
    event FeesCollected(uint256 indexed offeringId, address indexed recipient, uint256 amount);

    /// @notice Anyone flagged a delinquent offering on `day`; release pauses at `frozenDay` (`day`, or
    /// earlier when the end-of-term holdback was holding release back).
    /// @param windowSharePerMille The window's average share of the market (0 while fewer days than the window were judged).
    /// @param offeringId The offering (1-based id).
    /// @param flagger Who flagged.
    /// @param day The day of the flag.
    /// @param reason Which rule was broken.
    /// @param lastCoveredDay The last day with a deposit.
    /// @param frozenDay The day release stops at.
    event OfferingFlagged(
        uint256 indexed offeringId,
        address indexed flagger,
        uint256 day,
        FlagReason reason,
        uint256 lastCoveredDay,
        uint256 windowSharePerMille,
        uint256 frozenDay
    );

    /// @notice Governance cleared a flag; release continues, including the paused days.
    /// @param offeringId The offering (1-based id).
    /// @param by The governance account that acted.
    /// @param day The day of the resume.
    event OfferingResumed(uint256 indexed offeringId, address indexed by, uint256 day);

    /// @notice Governance halted a flagged offering: release stays frozen at `frozenDay` forever.
    /// @param unreleasedEscrow What release left in escrow; holders' refunds round each position in the
    /// miner's favour by under one base unit, so together they can pull slightly less (see {refundableOf}).
    /// @param offeringId The offering (1-based id).
    /// @param by The governance account that acted.
    /// @param frozenDay The day release stops at.
    /// @param releasedAtHalt Escrow released to the miner up to the halt.
    event OfferingHalted(
        uint256 indexed offeringId,
        address indexed by,
        uint256 frozenDay,
        uint256 releasedAtHalt,
        uint256 unreleasedEscrow
    );

    /// @notice The unreleased escrow of a position of a halted offering was paid to its owner.
    /// @param tokenId The position NFT.
    /// @param offeringId The offering (1-based id).
    /// @param owner The position's owner.
    /// @param amount The refund (payment-token base units).
    event RefundClaimed(uint256 indexed tokenId, uint256 indexed offeringId, address indexed owner, uint256 amount);

    /// @notice The channel fee for new offerings changed.
    /// @param oldFeeBps The previous channel fee (bps).
    /// @param newFeeBps The new channel fee (bps).
    event ChannelFeeSet(uint256 oldFeeBps, uint256 newFeeBps);
    /// @notice The fee recipient changed.
    /// @param oldRecipient The previous fee recipient.
    /// @param newRecipient The new fee recipient.
    event FeeRecipientSet(address indexed oldRecipient, address indexed newRecipient);
    /// @notice The default-detection parameters changed.
    /// @param missedDaysThreshold Completed days an uncovered day may wait before the offering is flaggable.
    /// @param windowDays Judged days averaged by the low-reward rule.
    /// @param minRewardRatioBps The low-reward line: the window's average share under it is flaggable (bps).
    /// @param minCoverageBps The floor under which a deposit is refused (bps of the market rate).
    /// @param postTermFlagDays Days after the term end during which flagging stays open.
    event DefaultThresholdsSet(
        uint256 missedDaysThreshold,
        uint256 windowDays,
        uint256 minRewardRatioBps,
        uint256 minCoverageBps,
        uint256 postTermFlagDays
    );
    /// @notice A payment token was listed or delisted.
    /// @param token The ERC-20 token.
    /// @param listed Whether it is listed now.
    event PaymentTokenSet(address indexed token, bool listed);
    /// @notice A locker contract was approved or revoked.
    /// @param locker The protocol contract holding the lock.
    /// @param approved Whether it is allowed now.
    event LockerSet(address indexed locker, bool approved);
    /// @notice The token URI renderer changed.
    /// @param renderer The token URI renderer (zero for none).
    event RendererSet(address indexed renderer);
    /// @notice The market rate oracle changed.
    /// @param oracle The market rate oracle.
    event OracleSet(address indexed oracle);
    /// @notice The trading-rewards contract credited with primary-sale fees was set (zero: none).
    event TradingRewardsSet(address indexed rewards);
    /// @notice `auctioneer` (a primary-auction contract) reserved `units` of an offering for an auction:
    /// they count as sold, so the fixed-price sale cannot oversell them.
    event UnitsReserved(uint256 indexed offeringId, address indexed auctioneer, uint256 units);
    /// @notice Reserved units went back to the offering's supply (an auction ended without a winner).
    event ReservedUnitsReleased(uint256 indexed offeringId, address indexed auctioneer, uint256 units);

    // ------------------------------------------------------------------ offerings
    /// @notice Creates an offering. Only the registrar role (DAO-approved applications).
    /// @dev Requirements ({validateTerms}): an asset registered in {assets}; a listed payment token and a
    /// reward token listed for the asset in {assets}; non-zero addresses, units and price;
    /// `saleStart < saleEnd`; a term of 1 to 3,650
    /// days; the sale closes by the term's first second, so every buyer pays for and gets the whole term.
    /// Snapshots the channel fee and the end-of-term holdback (the missed-days threshold, at most the term).
    /// Emits {OfferingCreated} and {HoldbackSet}.
    /// @return offeringId The new offering's id (1-based).
    /// @param terms The offering's terms.
    function createOffering(OfferingTerms calldata terms) external returns (uint256 offeringId);

    /// @notice Reverts with the error {createOffering} would revert with for `terms` now; returns otherwise.
    /// Miner applications call it before a vote, so terms that cannot be created never reach one.
    /// @param terms The terms to check.
    function validateTerms(OfferingTerms calldata terms) external view;

    /// @notice Lists or delists a stablecoin offerings may be paid in (governance). Live offerings keep theirs.
    /// @param token The ERC-20 token.
    /// @param listed Whether offerings may be paid in it.
    function setPaymentToken(address token, bool listed) external;

    /// @notice Whether offerings may be paid in `token`.
    /// @param token The ERC-20 token.
    /// @return True if offerings may be paid in it.
    function isPaymentToken(address token) external view returns (bool);

    /// @notice The asset registry (governed by the DAO timelock): which assets exist, their labels, and
    /// the reward tokens listed for each. Fixed at deployment.
    function assets() external view returns (IAssetRegistry);

    // ------------------------------------------------------------------ primary sale
    /// @notice Buys `units` of an active offering during its sale window (which closes when the term
    /// starts) and mints one position NFT.
    /// @dev Pulls `units * pricePerUnit` of the payment token: the channel fee accrues for the fee
    /// recipient, the rest is escrowed and released to the miner daily over the whole term.
    /// Emits {PositionPurchased} and {Transfer}.
    /// @param maxTotalPrice Reverts with {Exchange_PriceAboveMax} if the total exceeds it (front-running guard).
    /// @param referrer Recorded for referral programs; may be zero.
    /// @return tokenId The minted position.
    /// @param offeringId The offering (1-based id).
    /// @param units Units to buy (at most those left).
    function buy(uint256 offeringId, uint256 units, uint256 maxTotalPrice, address referrer)
        external
        returns (uint256 tokenId);

    /// @notice {buy} after an EIP-2612 permit for `maxTotalPrice`. A failing permit is ignored so a
    /// front-run permit cannot block the purchase; the allowance check then decides.
    /// @param offeringId The offering (1-based id).
    /// @param units Units to buy.
    /// @param maxTotalPrice Reverts with {Exchange_PriceAboveMax} if the total exceeds it.
    /// @param referrer Recorded for referral programs; may be zero.
    /// @param deadline Permit deadline.
    /// @param v Permit signature v.
    /// @param r Permit signature r.
    /// @param s Permit signature s.
    /// @return tokenId The minted position.
    function buyWithPermit(
        uint256 offeringId,
        uint256 units,
        uint256 maxTotalPrice,
        address referrer,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external returns (uint256 tokenId);

    // ------------------------------------------------------------------ rewards
    /// @notice Deposits the reward of the next uncovered day (`lastCoveredDay + 1`, which must be over).
    /// Only the miner or a depositor it approved ({setDepositor}): nobody else can cover or judge its days.
    /// @dev Every unit accrues `amount / unitsSold` (all units start with the term). The day is judged
    /// against the oracle's final report for it; once the oracle is over a day late, against its latest
    /// final report instead. A deposit under `minCoverageBps` of that average reverts {Exchange_DepositBelowMinimum}:
    /// it covers nothing. Reverts {Exchange_TermEnded} once every term day is covered, {Exchange_NothingToCover} while the
    /// next day is not over, {Exchange_MarketRateNotReported} while there is nothing to judge against.
    /// Emits {RewardDeposited}.
    /// @return day The day covered.
    /// @param offeringId The offering (1-based id).
    /// @param amount Reward-token base units for the day, shared by every unit sold.
    function depositReward(uint256 offeringId, uint256 amount) external returns (uint256 day);

    /// @notice The miner approves or revokes `depositor` (e.g. its pool's payout address) for {depositReward}.
    /// Emits {DepositorSet}.
    /// @param offeringId The offering (1-based id).
    /// @param depositor The account (e.g. the pool's payout address).
    /// @param approved Whether it is allowed now.
    function setDepositor(uint256 offeringId, address depositor, bool approved) external;

    /// @notice Whether `depositor` may deposit rewards for the offering besides its miner.
    /// @param offeringId The offering (1-based id).
    /// @param depositor The account.
    /// @return True if it may deposit.
    function isDepositor(uint256 offeringId, address depositor) external view returns (bool);

    /// @inheritdoc IPositionLocks
    /// @dev One transfer per run of positions with the same payee and reward token. Emits {RewardClaimed}
    /// per position (its `owner` is the payee).
    function claimRewards(uint256[] calldata tokenIds) external override returns (uint256 total);

    // ------------------------------------------------------------------ escrow
    /// @notice Sends the escrow released so far and not yet withdrawn to `to`. Miner only; O(1).
    /// In the term's last `holdbackDays`, a day is released only once the day before it is covered.
    /// Emits {EscrowWithdrawn}.
    /// @param offeringId The offering (1-based id).
    /// @param to Where the escrow goes (not zero).
    /// @return amount Escrow sent.
    function withdrawEscrow(uint256 offeringId, address to) external returns (uint256 amount);

    /// @notice Sends accrued channel fees of the offerings to the fee recipient. Anyone may call.
    /// Emits {FeesCollected} per offering with fees.
    /// @param offeringIds The offerings.
    /// @return total Fees sent.
    function collectFees(uint256[] calldata offeringIds) external returns (uint256 total);

    // ------------------------------------------------------------------ default handling
    /// @notice Flags a delinquent offering; anyone may call, during the term and `postTermFlagDays` after it,
    /// when either condition holds: the oldest uncovered term day has waited `missedDaysThreshold`
    /// completed days for its deposit, or the last `windowDays` judged days paid on average under
    /// `minRewardRatioBps` of the market (each day's share capped at 100%).
    /// Release pauses where it stands. Emits {OfferingFlagged} and {BatchMetadataUpdate}.
    /// @param offeringId The offering (1-based id).
    function flag(uint256 offeringId) external;

    /// @notice Clears a flag (governance): release continues including the paused days; the window of
    /// judged days starts afresh.
    /// Emits {OfferingResumed}.
    /// @param offeringId The offering (1-based id).
    function resume(uint256 offeringId) external;

    /// @notice Halts a flagged offering (governance, or the halt guardian during bootstrap): no day
    /// after the flag is ever released; holders pull their unreleased amounts with {claimRefunds}.
    /// Emits {OfferingHalted}.
    /// @param offeringId The offering (1-based id).
    function halt(uint256 offeringId) external;

    /// @inheritdoc IPositionLocks
    /// @dev O(1) per token. Emits {RefundClaimed} per position (its `owner` is the payee).
    function claimRefunds(uint256[] calldata tokenIds) external override returns (uint256 total);

    // ------------------------------------------------------------------ locks: see IPositionLocks
    /// @notice Governance releases a lock held by a locker it has since revoked, so no NFT is ever
    /// stranded in a retired contract; its payouts go to the owner again. Emits {PositionUnlocked}.
    /// @param tokenId The position NFT.
    function releaseRevokedLock(uint256 tokenId) external;

    // ------------------------------------------------------------------ governance parameters
    /// @notice Sets the channel fee for offerings created from now on. Capped at {MAX_CHANNEL_FEE_BPS}.
    /// @param feeBps The new fee, in basis points.
    function setChannelFee(uint16 feeBps) external;

    /// @notice Sets where collected channel fees go.
    /// @param recipient The new recipient (not zero).
    function setFeeRecipient(address recipient) external;

    /// @notice Sets the default-detection parameters.
    /// @param thresholds The new default-detection parameters.
    function setDefaultThresholds(DefaultThresholds calldata thresholds) external;

    /// @notice Approves or revokes a contract allowed to lock positions.
    /// @param locker The contract.
    /// @param approved Whether it may lock positions.
    function setLocker(address locker, bool approved) external;

    /// @notice Sets the on-chain token URI renderer. Emits {RendererSet} and {BatchMetadataUpdate}.
    /// @param renderer The renderer contract (zero for none).
    function setRenderer(address renderer) external;

    /// @notice Sets the market rate oracle used to judge deposits.
    /// @param oracle The new oracle (not zero).
    function setOracle(address oracle) external;

    // ------------------------------------------------------------------ views

    /// @notice An offering's full stored state.
    /// @param offeringId The offering (1-based id).
    /// @return The offering (status None for an unknown id).
    function getOffering(uint256 offeringId) external view returns (Offering memory);

    /// @notice A position's stored state (reverts for a token that does not exist).
    /// @param tokenId The position NFT.
    /// @return The position.
    function getPosition(uint256 tokenId) external view returns (Position memory);

    /// @notice Rewards the position would pay now.
    /// @param tokenId The position NFT.
    /// @return Reward-token base units.
    function claimableRewards(uint256 tokenId) external view returns (uint256);

    /// @notice The refund a position of a halted offering can still pull (0 otherwise).
    /// @param tokenId The position NFT.
    /// @return Payment-token base units.
    function refundableOf(uint256 tokenId) external view returns (uint256);

    /// @notice Escrow released to the miner so far, and the day release has reached (today while active,
    /// held back in the term's last days until they are covered; the frozen day while flagged or halted;
    /// capped at the term end).
    /// @param offeringId The offering (1-based id).
    /// @return released Payment-token base units.
    /// @return releasedDay The UTC day.
    function releasedToDate(uint256 offeringId) external view returns (uint256 released, uint256 releasedDay);

    /// @notice Released escrow the miner can withdraw now.
    /// @param offeringId The offering (1-based id).
    /// @return Payment-token base units.
    function withdrawableEscrow(uint256 offeringId) external view returns (uint256);

    /// @notice Whether {flag} would succeed now, why, and the figures behind it; `windowShare` is the
    /// window's average share of the market, per-mille (0 until the window is full).
    /// @param offeringId The offering (1-based id).
    /// @return canFlag Whether {flag} would succeed now.
    /// @return reason The rule broken (None when `canFlag` is false).
    /// @return missedDays Completed days the oldest uncovered term day has waited.
    /// @return windowShare The window's average share of the market, per-mille (0 until the window is full).
    function flaggable(uint256 offeringId)
        external
        view
        returns (bool canFlag, FlagReason reason, uint256 missedDays, uint256 windowShare);

    /// @notice Number of offerings created (ids are 1..offeringCount).
    /// @return The count.
    function offeringCount() external view returns (uint256);

    /// @notice Number of positions minted (ids are 1..positionCount).
    /// @return The count.
    function positionCount() external view returns (uint256);

    /// @notice The channel fee, in basis points, applied to offerings created from now on.
    /// @return Basis points.
    function channelFeeBps() external view returns (uint16);

    /// @notice Where collected channel fees go.
    /// @return The recipient.
    function feeRecipient() external view returns (address);

    /// @notice The default-detection parameters.
    /// @return The thresholds.
    function defaultThresholds() external view returns (DefaultThresholds memory);

    // ------------------------------------------------------------------ primary auctions

    /// @notice Reserves `units` of `miner`'s offering for a primary auction. Only holders of
    /// PRIMARY_AUCTION_ROLE (the auction contract, which checks that `miner` asked). The offering must be
    /// active and on sale, and `miner` its miner. Emits {UnitsReserved}.
    /// @return paymentToken The offering's payment token (auction bids are in it).
    /// @return saleEnd When the offering's sale closes (the auction's hard end).
    function reserveUnits(uint256 offeringId, uint256 units, address miner)
        external
        returns (address paymentToken, uint256 saleEnd);

    /// @notice Returns reserved units to the offering's supply. Once the offering's rewards have started
    /// (a deposit was made, so the units already earned a share), the units are instead minted to the miner
    /// as a position with nothing paid and nothing escrowed. Role holders only, for units they reserved.
    /// Emits {ReservedUnitsReleased}, or {PositionPurchased} with a zero price.
    /// @return tokenId The position minted to the miner, or 0 if the units went back to supply.
    function releaseReservedUnits(uint256 offeringId, uint256 units) external returns (uint256 tokenId);

    /// @notice Sells reserved units to an auction's winner for `amountPaid`, pulled from the caller: the
    /// channel fee (the offering's snapshot) is taken from it and the rest enters the daily-release escrow
    /// like a fixed-price sale; the position escrows exactly that net (its refund right). The winner is
    /// credited in trading rewards. Role holders only. Emits {PositionPurchased} (buyer = `buyer`).
    /// @return tokenId The new position.
    function sellReservedUnits(uint256 offeringId, uint256 units, address buyer, uint256 amountPaid)
        external
        returns (uint256 tokenId);

    /// @notice What a position escrowed when bought (its refund right is the unreleased part of it):
    /// `units * netPricePerUnit` for a fixed-price sale, the winning bid less the fee for an auction.
    function positionNet(uint256 tokenId) external view returns (uint256);

    /// @notice Units of an offering reserved by primary auctions and not yet sold or released.
    function reservedUnits(uint256 offeringId) external view returns (uint256);

    /// @notice An offering's status (None if it does not exist): the cheap read auctions make per bid.
    function offeringStatus(uint256 offeringId) external view returns (OfferingStatus);

    // ------------------------------------------------------------------ trading rewards

    /// @notice Sets the trading-rewards contract credited with every primary sale's channel fee (zero: none).
    /// Governance only. Emits {TradingRewardsSet}.
    function setTradingRewards(address rewards) external;

    /// @notice The trading-rewards contract (zero if none).
    function tradingRewards() external view returns (address);
}
