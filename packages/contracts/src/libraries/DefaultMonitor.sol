// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IExchangeErrors} from "../errors/ExchangeErrors.sol";
import {IHashpowerExchange} from "../interfaces/IHashpowerExchange.sol";
import {DelinquencyMath} from "./DelinquencyMath.sol";
import {EscrowMath} from "./EscrowMath.sol";
import {DefaultThresholds, FlagReason, Offering, OfferingStatus} from "../types/HashpowerTypes.sol";

/// @title DefaultMonitor
/// @notice The on-chain default rules: when an offering may be flagged, the flag itself, and which
/// thresholds governance may set. A linked (external) library like OfferingFactory: flags are rare,
/// so this code lives outside the exchange's size limit. See docs/decisions/0013-buyer-protection.md.
library DefaultMonitor {
    uint256 private constant BPS = 10_000;
    uint256 private constant DAY = 1 days;

    /// @notice Longest missed-days threshold (and so end-of-term holdback) governance may set.
    uint256 internal constant MAX_MISSED_DAYS = 30;
    /// @notice Longest post-term flag window governance may set.
    uint256 internal constant MAX_POST_TERM_FLAG_DAYS = 60;

    /// @notice Whether the offering can be flagged now, why, and the figures behind it.
    /// @dev Missed days count how long the oldest uncovered term day has waited for its deposit, past
    /// the term end too: a deposit for the last day is due the day after it, like every other.
    function flaggable(Offering storage o, uint256 offeringId, DefaultThresholds memory t)
        public
        view
        returns (bool canFlag, FlagReason reason, uint256 missedDays, uint256 windowShare)
    {
        if (o.status == OfferingStatus.None) revert IExchangeErrors.Exchange_UnknownOffering(offeringId);
        (uint256 sum, bool full) = DelinquencyMath.windowSum(o.recentShares, t.windowDays);
        if (full) windowShare = sum / t.windowDays;
        uint256 today = block.timestamp / DAY;
        uint256 endDay = o.termEndDay;
        uint256 lastCovered = o.lastCoveredDay;
        if (lastCovered + 1 < endDay && today > lastCovered + 1) missedDays = today - 1 - lastCovered;
        if (o.status != OfferingStatus.Active || o.unitsSold == 0 || today >= endDay + t.postTermFlagDays) {
            return (false, FlagReason.None, missedDays, windowShare);
        }
        if (missedDays >= t.missedDaysThreshold) return (true, FlagReason.MissedDeposits, missedDays, windowShare);
        if (DelinquencyMath.isLowSum(sum, full, t.windowDays, t.minRewardRatioBps)) {
            return (true, FlagReason.LowRewards, missedDays, windowShare);
        }
    }

    /// @notice Flags the offering if {flaggable}; release freezes where it stands (today, or earlier
    /// while the end-of-term holdback is holding it back). Emits {IHashpowerExchange-OfferingFlagged}.
    function flag(Offering storage o, uint256 offeringId, DefaultThresholds memory t) external {
        (bool canFlag, FlagReason reason, uint256 missedDays, uint256 windowShare) = flaggable(o, offeringId, t);
        if (!canFlag) revert IExchangeErrors.Exchange_DefaultConditionsNotMet(offeringId, missedDays, windowShare);
        uint256 today = block.timestamp / DAY;
        uint256 frozen = EscrowMath.heldBackDay(o, today);
        o.status = OfferingStatus.Flagged;
        o.frozenDay = uint32(frozen);
        o.flaggedOnDay = uint32(today);
        o.flagReason = reason;
        emit IHashpowerExchange.OfferingFlagged(
            offeringId, msg.sender, today, reason, o.lastCoveredDay, windowShare, frozen
        );
    }

    /// @notice Reverts {IExchangeErrors-Exchange_InvalidThresholds} unless `t` is a setting the rules stay sound under:
    /// the post-term window at least as long as the missed-days threshold (so an uncovered last day still
    /// becomes flaggable), the coverage floor no higher than the low-reward threshold, the window within
    /// what the packed shares hold.
    function checkThresholds(DefaultThresholds memory t) public pure {
        if (
            t.missedDaysThreshold == 0 || t.missedDaysThreshold > MAX_MISSED_DAYS || t.windowDays == 0
                || t.windowDays > DelinquencyMath.MAX_WINDOW_DAYS || t.minRewardRatioBps == 0
                || t.minRewardRatioBps > BPS || t.minCoverageBps > t.minRewardRatioBps
                || t.postTermFlagDays < t.missedDaysThreshold || t.postTermFlagDays > MAX_POST_TERM_FLAG_DAYS
        ) revert IExchangeErrors.Exchange_InvalidThresholds();
    }
}
