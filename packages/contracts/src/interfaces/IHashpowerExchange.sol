// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {
    Asset, DefaultThresholds, FlagReason, Offering, OfferingStatus, OfferingTerms, Position
} from "../types/HashpowerTypes.sol";

/// @title IHashpowerExchange
/// @notice Primary sale of hashpower positions (ERC-721), a risk-control escrow that releases each
/// buyer's payment to the miner day by day, daily mining rewards that travel with the NFT, and
/// on-chain default detection with halt and refund.
/// @dev Amounts are in the base units of the token named; days are whole UTC days since the epoch.
/// Event signatures are a frozen API: the subgraph decodes them.
interface IHashpowerExchange {
    // ------------------------------------------------------------------ errors
    error ZeroAddress();
    error InvalidTerms(string reason);
    error UnknownAsset(uint32 assetId);
    error UnknownOffering(uint256 offeringId);
    error OfferingNotActive(uint256 offeringId, OfferingStatus status);
    error OfferingNotFlagged(uint256 offeringId, OfferingStatus status);
    error OfferingNotHalted(uint256 offeringId, OfferingStatus status);
    error SaleClosed(uint256 offeringId, uint256 saleStart, uint256 saleEnd);
    error ZeroUnits();
    error InsufficientUnits(uint256 offeringId, uint256 requested, uint256 available);
    error PriceAboveMax(uint256 totalPrice, uint256 maxTotalPrice);
    error EscrowCapacityExceeded(uint256 offeringId, uint256 totalNet, uint256 capacity);
    error ZeroAmount();
    error NoUnitsOutstanding(uint256 offeringId);
    error NothingToCover(uint256 offeringId, uint256 nextDay, uint256 today);
    error MarketRateNotReported(uint32 assetId, uint256 day);
    error DefaultConditionsNotMet(uint256 offeringId, uint256 missedDays, uint256 lowStreak);
    error TermEnded(uint256 offeringId, uint256 termEndDay);
    error NotMiner(uint256 offeringId, address caller);
    error NotPositionOwnerOrApproved(uint256 tokenId, address caller);
    error AlreadyRefunded(uint256 tokenId);
    error NothingToWithdraw(uint256 offeringId);
    error FeeTooHigh(uint256 feeBps, uint256 maxFeeBps);
    error InvalidThresholds();
    error NotApprovedLocker(address caller);
    error PositionIsLocked(uint256 tokenId, address locker);
    error PositionIsNotLocked(uint256 tokenId);
    error NotLockHolder(uint256 tokenId, address caller);
    error LockerStillApproved(address locker);

    // ------------------------------------------------------------------ events
    /// @notice A hashpower asset was registered.
    event AssetRegistered(uint32 indexed assetId, string symbol, string unitLabel);

    /// @notice An offering was created. Carries every term so indexers need no calls.
    /// @param netPricePerUnit What reaches escrow per unit after the channel fee snapshotted in `feeBps`.
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

    /// @notice Rewards for `day` were deposited; every unit outstanding accrues `amount / unitsOutstanding`.
    /// @param dayRewardPerUnitWad The day's reward per unit, WAD-scaled.
    /// @param marketAvgPerUnitWad The oracle's network average for the day (0 if `judged` is false).
    /// @param judged Whether the day was compared with the market average.
    /// @param belowThreshold Whether the day paid under `minRewardRatioBps` of the average.
    event RewardDeposited(
        uint256 indexed offeringId,
        address indexed depositor,
        uint256 indexed day,
        uint256 amount,
        uint256 unitsOutstanding,
        uint256 accRewardPerUnit,
        uint256 dayRewardPerUnitWad,
        uint256 marketAvgPerUnitWad,
        bool judged,
        bool belowThreshold,
        uint256 lowStreak
    );

    /// @notice Rewards of a position were paid to its owner.
    event RewardClaimed(
        uint256 indexed tokenId, uint256 indexed offeringId, address indexed owner, uint256 amount, uint256 accRewardPerUnit
    );

    /// @notice The miner withdrew released escrow.
    event EscrowWithdrawn(
        uint256 indexed offeringId, address indexed miner, address to, uint256 amount, uint256 releasedToDate, uint256 releasedDay
    );

    /// @notice Channel fees of an offering were sent to the fee recipient.
    event FeesCollected(uint256 indexed offeringId, address indexed recipient, uint256 amount);

    /// @notice Anyone flagged a delinquent offering; release pauses at `day`.
    event OfferingFlagged(
        uint256 indexed offeringId, address indexed flagger, uint256 day, FlagReason reason, uint256 lastCoveredDay, uint256 lowStreak
    );

    /// @notice Governance cleared a flag; release continues, including the paused days.
    event OfferingResumed(uint256 indexed offeringId, address indexed by, uint256 day);

    /// @notice Governance halted a flagged offering: release stays frozen at `flaggedDay` forever.
    event OfferingHalted(
        uint256 indexed offeringId, address indexed by, uint256 flaggedDay, uint256 releasedAtHalt, uint256 refundable
    );

    /// @notice The unreleased escrow of a position of a halted offering was paid to its owner.
    event RefundClaimed(uint256 indexed tokenId, uint256 indexed offeringId, address indexed owner, uint256 amount);

    /// @notice An approved protocol contract locked a position in place.
    event PositionLocked(uint256 indexed tokenId, address indexed locker, address indexed owner);
    /// @notice A lock was released (`seizedTo` is zero unless the lock holder took the position).
    event PositionUnlocked(uint256 indexed tokenId, address indexed locker, address seizedTo);

    event ChannelFeeSet(uint256 oldFeeBps, uint256 newFeeBps);
    event FeeRecipientSet(address indexed oldRecipient, address indexed newRecipient);
    event DefaultThresholdsSet(uint256 missedDaysThreshold, uint256 lowStreakThreshold, uint256 minRewardRatioBps);
    event LockerSet(address indexed locker, bool approved);
    event RendererSet(address indexed renderer);
    event OracleSet(address indexed oracle);

    // ------------------------------------------------------------------ offerings
    /// @notice Registers a hashpower asset. Governance only.
    /// @return assetId The new asset's id (1-based).
    function registerAsset(string calldata symbol, string calldata unitLabel) external returns (uint32 assetId);

    /// @notice Creates an offering. Only the registrar role (DAO-approved applications, issue D).
    /// @dev Requirements: known asset; non-zero addresses, units and price; `saleStart < saleEnd`;
    /// `termStartDay < termEndDay`; the sale ends at least one day before the term ends so every
    /// position has at least one release day. Snapshots the current channel fee into the offering.
    /// Emits {OfferingCreated}.
    /// @return offeringId The new offering's id (1-based).
    function createOffering(OfferingTerms calldata terms) external returns (uint256 offeringId);

    // ------------------------------------------------------------------ primary sale
    /// @notice Buys `units` of an active offering during its sale window and mints one position NFT.
    /// @dev Pulls `units * pricePerUnit` of the payment token: the channel fee accrues for the fee
    /// recipient, the rest is escrowed and released to the miner daily from the position's start day.
    /// Emits {PositionPurchased} and {Transfer}.
    /// @param maxTotalPrice Reverts with {PriceAboveMax} if the total exceeds it (front-running guard).
    /// @param referrer Recorded for referral programs; may be zero.
    /// @return tokenId The minted position.
    function buy(uint256 offeringId, uint256 units, uint256 maxTotalPrice, address referrer) external returns (uint256 tokenId);

    /// @notice {buy} after an EIP-2612 permit for `maxTotalPrice`. A failing permit is ignored so a
    /// front-run permit cannot block the purchase; the allowance check then decides.
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
    /// @dev Every unit outstanding now accrues `amount / unitsOutstanding` (including units bought since
    /// that day: deposit on time, the day after, to keep a day's reward with that day's holders).
    /// Reverts {TermEnded} once every term day is covered, {NothingToCover} while the next day is not over. The day is judged against
    /// the market oracle's average: it must be reported, unless the oracle is more than one day late,
    /// in which case the day is not judged. Emits {RewardDeposited}.
    /// @return day The day covered.
    function depositReward(uint256 offeringId, uint256 amount) external returns (uint256 day);

    /// @notice Pays the rewards of each position to its current owner; one transfer per run of
    /// positions with the same owner and reward token. Caller must be owner or approved for each.
    /// Locked positions still pay their owner. Emits {RewardClaimed} per position.
    /// @return total Sum paid.
    function claimRewards(uint256[] calldata tokenIds) external returns (uint256 total);

    // ------------------------------------------------------------------ escrow
    /// @notice Sends the escrow released so far and not yet withdrawn to `to`. Miner only; O(1).
    /// Emits {EscrowWithdrawn}.
    function withdrawEscrow(uint256 offeringId, address to) external returns (uint256 amount);

    /// @notice Sends accrued channel fees of the offerings to the fee recipient. Anyone may call.
    /// Emits {FeesCollected} per offering with fees.
    function collectFees(uint256[] calldata offeringIds) external returns (uint256 total);

    // ------------------------------------------------------------------ default handling
    /// @notice Flags a delinquent offering; anyone may call when either condition holds:
    /// no deposit covered the last `missedDaysThreshold` completed days, or the last
    /// `lowStreakThreshold` covered days each paid under `minRewardRatioBps` of the market average.
    /// Release pauses at today. Emits {OfferingFlagged} and {BatchMetadataUpdate}.
    function flag(uint256 offeringId) external;

    /// @notice Clears a flag (governance): release continues including the paused days; the low streak resets.
    /// Emits {OfferingResumed}.
    function resume(uint256 offeringId) external;

    /// @notice Halts a flagged offering (governance, or the halt guardian during bootstrap): no day
    /// after the flag is ever released; holders pull their unreleased amounts with {claimRefunds}.
    /// Emits {OfferingHalted}.
    function halt(uint256 offeringId) external;

    /// @notice Pays each position of a halted offering its unreleased escrow, once. O(1) per token.
    /// Caller must be owner or approved. Emits {RefundClaimed} per position.
    function claimRefunds(uint256[] calldata tokenIds) external returns (uint256 total);

    // ------------------------------------------------------------------ locks (staking, loans, auctions)
    /// @notice Locks a position in place: not transferable until unlocked or seized; its rewards and
    /// refunds still go to its owner. Only approved locker contracts, and only for positions whose
    /// owner approved the locker (token or operator approval). Emits {PositionLocked}.
    function lock(uint256 tokenId) external;

    /// @notice Releases a lock. Only the lock holder; also works after the locker lost its approval.
    /// Emits {PositionUnlocked}.
    function unlock(uint256 tokenId) external;

    /// @notice The lock holder takes the position (e.g. a loan in default): unlocks and transfers it to `to`.
    /// The holder must still be an approved locker: a revoked one can only unlock.
    /// Emits {PositionUnlocked} and {Transfer}.
    function seize(uint256 tokenId, address to) external;

    /// @notice Governance releases a lock held by a locker it has since revoked, so no NFT is ever
    /// stranded in a retired contract. Emits {PositionUnlocked}.
    function releaseRevokedLock(uint256 tokenId) external;

    // ------------------------------------------------------------------ governance parameters
    /// @notice Sets the channel fee for offerings created from now on. Capped at {MAX_CHANNEL_FEE_BPS}.
    function setChannelFee(uint16 feeBps) external;

    /// @notice Sets where collected channel fees go.
    function setFeeRecipient(address recipient) external;

    /// @notice Sets the default-detection parameters.
    function setDefaultThresholds(DefaultThresholds calldata thresholds) external;

    /// @notice Approves or revokes a contract allowed to lock positions.
    function setLocker(address locker, bool approved) external;

    /// @notice Sets the on-chain token URI renderer. Emits {RendererSet} and {BatchMetadataUpdate}.
    function setRenderer(address renderer) external;

    /// @notice Sets the market rate oracle used to judge deposits.
    function setOracle(address oracle) external;

    // ------------------------------------------------------------------ views
    /// @notice The current UTC day (`block.timestamp / 86400`).
    function currentDay() external view returns (uint256);

    /// @notice An offering's full stored state.
    function getOffering(uint256 offeringId) external view returns (Offering memory);

    /// @notice A position's stored state (reverts for a token that does not exist).
    function getPosition(uint256 tokenId) external view returns (Position memory);

    /// @notice A registered asset.
    function getAsset(uint32 assetId) external view returns (Asset memory);

    /// @notice The escrowed amount of a position: `units * netPricePerUnit`.
    function netPaidOf(uint256 tokenId) external view returns (uint256);

    /// @notice First release day of a position: max(purchaseDay + 1, termStartDay).
    function startDayOf(uint256 tokenId) external view returns (uint256);

    /// @notice Rewards the position would pay now.
    function claimableRewards(uint256 tokenId) external view returns (uint256);

    /// @notice The refund a position of a halted offering can still pull (0 otherwise).
    function refundableOf(uint256 tokenId) external view returns (uint256);

    /// @notice Escrow released to the miner so far, and the day release has reached
    /// (today while active, the flag day while flagged or halted, capped at the term end).
    function releasedToDate(uint256 offeringId) external view returns (uint256 released, uint256 releasedDay);

    /// @notice Released escrow the miner can withdraw now.
    function withdrawableEscrow(uint256 offeringId) external view returns (uint256);

    /// @notice Whether {flag} would succeed now, why, and the figures behind it.
    function flaggable(uint256 offeringId)
        external
        view
        returns (bool canFlag, FlagReason reason, uint256 missedDays, uint256 lowStreak);

    /// @notice The contract holding the lock on a position (zero if none).
    function lockedBy(uint256 tokenId) external view returns (address);

    /// @notice Whether a contract may lock positions.
    function isLocker(address locker) external view returns (bool);

    /// @notice Number of offerings created (ids are 1..offeringCount).
    function offeringCount() external view returns (uint256);

    /// @notice Number of assets registered (ids are 1..assetCount).
    function assetCount() external view returns (uint32);

    /// @notice Number of positions minted (ids are 1..positionCount).
    function positionCount() external view returns (uint256);

    /// @notice The channel fee, in basis points, applied to offerings created from now on.
    function channelFeeBps() external view returns (uint16);

    /// @notice Where collected channel fees go.
    function feeRecipient() external view returns (address);

    /// @notice The default-detection parameters.
    function defaultThresholds() external view returns (DefaultThresholds memory);
}
