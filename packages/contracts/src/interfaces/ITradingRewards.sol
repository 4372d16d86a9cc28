// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ITradingRewardsErrors} from "../errors/TradingErrors.sol";

/// @title ITradingRewards
/// @notice DMC for trading, paid from the behaviour-mining bucket of `MiningReserve`, in proportion to
/// the fees an account paid in each epoch, never to volume: wash trading drained LooksRare, which paid by
/// volume. Per epoch an account earns
///     min(budget * credit / totalCredit, credit * capDmcPerFeeUnit / 1e18)
/// where `credit` is the fees it paid in the epoch, normalised to 18 decimals (1e18 = one unit of a
/// stablecoin, i.e. $1). The cap makes two accounts trading a position back and forth lose money at
/// every DMC price below 1e18 / capDmcPerFeeUnit dollars. See docs/decisions/0017-trading.md.
/// @dev The account that pays the price is credited with the fee of the sale: the buyer of a primary
/// sale (fixed price or auction), of a listing, and the winner of a secondary auction. Epochs are
/// `epochDuration` seconds from `genesis`. Each account keeps one pending epoch: crediting or claiming in
/// a later epoch first settles it (O(1)). Schedule changes apply from the next epoch, never retroactively:
/// each epoch snapshots the schedule at its first credit.
interface ITradingRewards is ITradingRewardsErrors {
    /// @notice An epoch's budget and cap.
    struct Schedule {
        uint96 dmcPerEpoch; // DMC wei shared by the epoch's credits
        uint96 capDmcPerFeeUnit; // DMC wei per 1e18 of fee credit at most
        uint32 fromEpoch; // first epoch it applies to
    }

    /// @notice Governance allowed (or disallowed) a contract to credit fees.
    event SourceSet(address indexed source, bool allowed);
    /// @notice Governance listed (or delisted) a fee token; its fees are normalised by `decimals`.
    event FeeTokenSet(address indexed token, uint8 decimals, bool listed);
    /// @notice A schedule was set; it applies from `fromEpoch` (always a future epoch).
    event ScheduleSet(uint256 indexed fromEpoch, uint256 dmcPerEpoch, uint256 capDmcPerFeeUnit);
    /// @notice An epoch received its first credit and snapshotted its schedule.
    event EpochOpened(uint256 indexed epoch, uint256 dmcPerEpoch, uint256 capDmcPerFeeUnit);
    /// @notice `account` paid `fee` (in `token`) through `source`; `credit` is the fee in 18 decimals.
    /// @param accountCredit The account's credit in the epoch after this one.
    /// @param epochCredit The epoch's total credit after this one.
    event FeeCredited(
        address indexed account,
        uint256 indexed epoch,
        address indexed source,
        address token,
        uint256 fee,
        uint256 credit,
        uint256 accountCredit,
        uint256 epochCredit
    );
    /// @notice A finished epoch's reward of `account` was computed and added to its claimable DMC.
    event RewardsSettled(address indexed account, uint256 indexed epoch, uint256 credit, uint256 reward);
    /// @notice `account` claimed `amount` DMC, paid to `to`.
    event RewardsClaimed(address indexed account, address indexed to, uint256 amount);
    /// @notice Governance set the referral recorder (PromotionNodes) sales' referrers are forwarded to (zero: none).
    event ReferralsSet(address indexed recorder);
    /// @notice The referral recorder reverted (or ran out of its gas bound) on `referrer`'s referral of `account`'s
    /// purchase paying `fee` in `token`; the sale went through and the referral earned nothing.
    event ReferralFailed(address indexed referrer, address indexed account, address token, uint256 fee);

    /// @notice Credits `account` with `fee` paid in `token`, and forwards a non-zero `referrer` to the referral
    /// recorder (if set). Only registered sources credit: a call from anyone else, a fee in a token that is not
    /// listed, or a zero fee credits nothing and never reverts (a sale must not fail for its reward, even while
    /// governance re-registers a source). The recorder is called with a gas bound inside a try: its failure
    /// emits {ReferralFailed} and never reverts the sale.
    /// @param account The account that paid the price (buyer or winner).
    /// @param referrer The `referrer` the buyer named (zero: none; primary-auction and auction sales pass zero).
    /// @param token The payment token of the sale.
    /// @param fee The sale's channel or trading fee, in `token` base units.
    function recordFee(address account, address referrer, address token, uint256 fee) external;

    /// @notice Pays the caller's DMC of finished epochs to `to`, drawn from the behaviour-mining bucket.
    /// @return amount DMC wei paid.
    function claim(address to) external returns (uint256 amount);

    /// @notice DMC `account` can claim now, its credit in the current (unfinished) epoch, and what that
    /// credit would earn if the epoch ended now.
    function earned(address account)
        external
        view
        returns (uint256 claimableNow, uint256 currentCredit, uint256 currentEstimate);

    /// @notice What `credit` earns in `epoch` given its totals (the formula above).
    function rewardFor(uint256 epoch, uint256 credit) external view returns (uint256);

    /// @notice An epoch's total credit and the schedule it snapshotted (zeros and false until its first credit).
    function epochTotals(uint256 epoch)
        external
        view
        returns (uint256 totalCredit, uint256 dmcPerEpoch, uint256 capDmcPerFeeUnit, bool opened);

    /// @notice An account's pending epoch and credit in it, and its settled, unclaimed DMC.
    function accountRewards(address account) external view returns (uint256 epoch, uint256 credit, uint256 accrued);

    /// @notice The epoch `timestamp` falls in.
    function epochAt(uint256 timestamp) external view returns (uint256);

    /// @notice The current epoch.
    function currentEpoch() external view returns (uint256);

    /// @notice When `epoch` starts (seconds).
    function epochStart(uint256 epoch) external view returns (uint256);

    /// @notice The schedule that applies to `epoch` if it opens now.
    function scheduleFor(uint256 epoch) external view returns (uint256 dmcPerEpoch, uint256 capDmcPerFeeUnit);

    /// @notice Allows or disallows a fee source. Governance only.
    function setSource(address source, bool allowed) external;

    /// @notice Lists or delists a fee token (reads its decimals, at most 18). Governance only.
    function setFeeToken(address token, bool listed) external;

    /// @notice Sets the schedule from the next epoch on. Governance only.
    function setSchedule(uint256 dmcPerEpoch, uint256 capDmcPerFeeUnit) external;

    /// @notice Sets the referral recorder (PromotionNodes; zero: none). Governance only.
    function setReferrals(address recorder) external;

    /// @notice The referral recorder sales' referrers are forwarded to (zero: none).
    function referrals() external view returns (address);

    /// @notice The gas a referral may use at most (a recorder that needs more fails and the sale goes through).
    function REFERRAL_GAS() external view returns (uint256);
}
