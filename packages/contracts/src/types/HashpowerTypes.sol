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

/// @notice Storage of one offering, packed so `buy` touches few slots.
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
    // slot 4: rewards
    uint128 expectedDailyRewardPerUnitWad;
    uint128 accRewardPerUnit; // REWARD_PRECISION-scaled reward per unit ever deposited
    // slot 5: delinquency monitor
    uint32 lastCoveredDay; // last day a deposit covered (termStartDay - 1 before any)
    uint16 lowStreak; // consecutive covered days below the market threshold
    uint32 flaggedDay; // day the current flag was raised; release never passes it while not Active
    FlagReason flagReason;
    uint16 feeBps; // channel fee snapshotted at creation
    // slot 6: escrow totals
    uint128 totalNet; // sum of net payments of all positions
    uint128 feesAccrued; // channel fees not yet collected
    // slot 7: the cohort that starts on a future day (at most one can exist, see EscrowMath)
    uint128 pendingNet;
    uint32 pendingDay;
    // slot 8
    uint128 withdrawn; // escrow paid to the miner
    uint128 refunded; // escrow refunded to holders after a halt
    // slots 9-10: started cohorts, see EscrowMath
    uint256 rateSum;
    uint256 rateDayProduct;
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
