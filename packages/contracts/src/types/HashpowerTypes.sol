// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @notice Lifecycle of an offering. `None` marks an id that was never created.
/// Active -> Flagged (anyone, when the default conditions hold) -> Active (governance resumes)
///                                                               -> Halted (governance, final).
enum OfferingStatus {
    None,
    Active,
    Flagged,
    Halted
}

/// @notice Why an offering was flagged.
enum FlagReason {
    None,
    /// @dev No deposit covered the last `missedDaysThreshold` completed days.
    MissedDeposits,
    /// @dev `lowStreakThreshold` consecutive covered days paid below `minRewardRatioBps` of the market average.
    LowRewards
}

/// @notice What a registrar supplies to create an offering (a miner's batch of hashpower).
/// @dev Days are whole UTC days since the Unix epoch (`timestamp / 86400`). The term is
/// `[termStartDay, termEndDay)`. Reward figures are WAD-scaled (1e18) reward-token base
/// units per hashpower unit per day, so a fraction of a satoshi per TH/s stays exact.
struct OfferingTerms {
    address miner;
    uint32 assetId;
    address paymentToken;
    address rewardToken;
    uint40 unitsTotal;
    uint128 pricePerUnit;
    uint48 saleStart;
    uint48 saleEnd;
    uint32 termStartDay;
    uint32 termEndDay;
    uint128 expectedDailyRewardPerUnitWad;
    string minerName;
    string metadataURI;
}

/// @notice Storage of one offering, packed so each hot path touches few slots:
/// buy reads slots 0-6 and writes 2, 5, 6; depositReward writes only slot 4; withdrawEscrow
/// reads slots 0-2 and 5-8 and writes only slot 6, which is already non-zero after the first sale (no zero-to-non-zero store).
struct Offering {
    // slot 0
    address miner;
    uint32 assetId;
    uint32 termStartDay;
    uint32 termEndDay;
    // slot 1
    address paymentToken;
    uint48 saleStart;
    uint48 saleEnd;
    // slot 2
    address rewardToken;
    uint40 unitsTotal;
    uint40 unitsSold;
    OfferingStatus status;
    // slot 3: price per unit and what reaches escrow after the channel fee (fee snapshotted at creation)
    uint128 pricePerUnit;
    uint128 netPricePerUnit;
    // slot 4: rewards and the delinquency monitor, written together by depositReward
    uint128 accRewardPerUnit; // REWARD_PRECISION-scaled reward per unit ever deposited
    uint32 lastCoveredDay; // last day a deposit covered (termStartDay - 1 before any)
    uint16 lowStreak; // consecutive judged days below the market threshold
    uint32 flaggedDay; // day the current flag was raised; release never passes it while not Active
    FlagReason flagReason;
    uint16 feeBps; // channel fee snapshotted at creation
    // slot 5: escrow totals written by buy
    uint128 totalNet; // sum of net payments of all positions
    uint128 feesAccrued; // channel fees not yet collected
    // slot 6: the cohort that starts on a future day (at most one exists, see EscrowMath) and
    // the miner's withdrawals (uint96 holds 7.9e28 base units: more than any token's supply here)
    uint128 pendingNet;
    uint32 pendingDay;
    uint96 withdrawn;
    // slot 7
    uint128 refunded; // escrow refunded to holders after a halt
    uint128 expectedDailyRewardPerUnitWad;
    // slot 8: started cohorts, see EscrowMath (bounded by MAX_TERM_DAYS and RATE_PRECISION)
    uint128 rateSum;
    uint128 rateDayProduct;
    string minerName;
    string metadataURI;
}

/// @notice Storage of one position (the NFT), exactly one slot.
/// @dev The escrowed amount is derived: `units * netPricePerUnit` of its offering.
struct Position {
    uint32 offeringId;
    uint40 units;
    uint32 purchaseDay;
    bool refunded;
    uint128 rewardSnapshot; // offering accRewardPerUnit when rewards were last settled
}

/// @notice A registered hashpower asset (FIL, BTC, ...).
struct Asset {
    string symbol;
    string unitLabel;
}

/// @notice Default-detection parameters (governable).
struct DefaultThresholds {
    uint16 missedDaysThreshold; // default 7
    uint16 lowStreakThreshold; // default 7
    uint16 minRewardRatioBps; // default 8000 = 80%
}
