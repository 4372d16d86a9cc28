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
    /// @dev The oldest uncovered term day has waited `missedDaysThreshold` completed days for its deposit.
    MissedDeposits,
    /// @dev Over the last `windowDays` judged days the miner paid, on average, under
    /// `minRewardRatioBps` of the market (each day's share capped at 100%).
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
/// buy reads slots 0-3 and 5 and writes 2 and 5; depositReward reads 0 and 2 and writes only slot 4;
/// withdrawEscrow reads slots 0-2, 5 and 6 (slot 4 too in the end-of-term holdback) and writes only slot 6.
/// @dev Every purchase is made before the term starts (the sale closes at `termStartDay`), so every
/// unit of an offering starts on the same day, shares every day's reward and releases on one schedule:
/// see docs/decisions/0013-buyer-protection.md.
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
    uint8 holdbackDays; // last term days whose release waits for their deposits (snapshotted at creation)
    // slot 3: price per unit and what reaches escrow after the channel fee (fee snapshotted at creation)
    uint128 pricePerUnit;
    uint128 netPricePerUnit;
    // slot 4: rewards and the delinquency monitor, written together by depositReward
    uint128 accRewardPerUnit; // REWARD_PRECISION-scaled reward per unit ever deposited
    uint32 lastCoveredDay; // last day a deposit covered (termStartDay - 1 before any)
    uint96 recentShares; // the last judged days' shares of the market, see DelinquencyMath
    // slot 5: escrow totals written by buy
    uint128 totalNet; // sum of net payments of all positions
    uint128 feesAccrued; // channel fees not yet collected
    // slot 6: the miner's withdrawals (uint96 holds 7.9e28 base units: more than any token's supply
    // here) and the flag
    uint96 withdrawn;
    uint32 frozenDay; // while flagged or halted, release never passes this day
    uint32 flaggedOnDay; // the day the current flag was raised
    FlagReason flagReason;
    uint16 feeBps; // channel fee snapshotted at creation
    // slot 7
    uint128 refunded; // escrow refunded to holders after a halt
    uint128 expectedDailyRewardPerUnitWad;
    string minerName;
    string metadataURI;
}

/// @notice Storage of one position (the NFT), exactly one slot. `claimRewards` reads the slot in one
/// SLOAD and decodes it by these bit offsets (offeringId 0, units 32, purchaseDay 72, refunded 104,
/// lockPayouts 112, rewardSnapshot 120): reordering the fields means changing it there
/// (test_ClaimRewards_DecodesPositionSlot guards it).
/// @dev The escrowed amount is derived: `units * netPricePerUnit` of its offering.
struct Position {
    uint32 offeringId;
    uint40 units;
    uint32 purchaseDay;
    bool refunded;
    uint8 lockPayouts; // while locked: which payouts go to the lock holder (LockPayouts bits), else 0
    uint128 rewardSnapshot; // offering accRewardPerUnit when rewards were last settled
}

/// @notice Where a locked position's payouts go: each bit set sends that payout to the lock holder
/// instead of the owner (and only the lock holder may then claim it). See docs/decisions/0016-locks-and-value.md.
library LockPayouts {
    /// @notice Rewards and refund keep paying the owner (staking).
    uint8 internal constant TO_OWNER = 0;
    /// @notice Reward claims pay the lock holder (a self-repaying loan; value frozen in an auction).
    uint8 internal constant REWARDS_TO_LOCKER = 1;
    /// @notice The refund of a halted offering pays the lock holder (a loan: never the unpaid borrower).
    uint8 internal constant REFUND_TO_LOCKER = 2;
    /// @notice Every bit a lock may set.
    uint8 internal constant ALL = 3;
}

/// @notice Everything a locker needs to know about one position, in one call.
struct PositionState {
    address owner;
    address lockHolder; // zero when free
    uint8 lockPayouts; // LockPayouts bits of the current lock
    OfferingStatus status; // of its offering
    uint32 offeringId;
    uint40 units;
    uint32 termEndDay;
    address paymentToken; // the refund's token
    address rewardToken;
    uint256 claimableRewards; // rewards accrued and not claimed
    uint256 refundable; // refund claimable now (non-zero only once the offering is halted and until claimed)
}

/// @notice A registered hashpower asset (FIL, BTC, ...).
struct Asset {
    string symbol;
    string unitLabel;
}

/// @notice Default-detection parameters (governable). See docs/decisions/0013-buyer-protection.md.
struct DefaultThresholds {
    uint16 missedDaysThreshold; // default 7: completed days the oldest uncovered day may wait; also the end-of-term holdback
    uint16 windowDays; // default 7: judged days averaged by the low-reward rule (1..8)
    uint16 minRewardRatioBps; // default 8000 = 80%: the window's average share below which it is low
    uint16 minCoverageBps; // default 5000 = 50%: a deposit under this share of the market covers nothing and reverts
    uint16 postTermFlagDays; // default 10: days after the term end during which a flag may still be raised
}
