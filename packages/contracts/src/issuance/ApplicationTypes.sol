// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @notice What a miner submits: the offering's terms plus its hashpower disclosure.
/// @dev Hashpower figures are in the asset's unit (TiB for FIL, TH/s for BTC). Units for sale may
/// not exceed the effective hashpower. `disclosureURI` points at the company/individual disclosure
/// and becomes the offering's metadata URI.
struct ApplicationTerms {
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
    uint64 totalHashpower;
    uint64 effectiveHashpower;
    string minerName;
    string disclosureURI;
}

/// @notice How much DMC a miner stakes and how long it stays locked (governable).
struct StakePolicy {
    uint128 minStake; // DMC wei, floor of every stake
    uint128 stakePerValueWad; // DMC wei per whole payment token of the offering's value (units x price)
    uint32 lockGraceDays; // days after the term's end before an approved stake unlocks
}

/// @notice Where a miner's stake stands; exactly one at any time.
enum StakeState {
    Locked,
    Withdrawable,
    Withdrawn,
    Slashed
}
