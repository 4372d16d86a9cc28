// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC4906} from "@openzeppelin/contracts/interfaces/IERC4906.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {IExchangeErrors} from "../errors/ExchangeErrors.sol";
import {IHashpowerExchange} from "../interfaces/IHashpowerExchange.sol";
import {DelinquencyMath} from "./DelinquencyMath.sol";
import {EscrowMath} from "./EscrowMath.sol";
import {DefaultThresholds, FlagReason, Offering, OfferingStatus, Position} from "../types/HashpowerTypes.sol";

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
    /// what the packed shares hold. Stores them and emits {DefaultThresholdsSet}.
    function setThresholds(DefaultThresholds storage stored, DefaultThresholds memory t) public {
        checkThresholds(t);
        stored.missedDaysThreshold = t.missedDaysThreshold;
        stored.windowDays = t.windowDays;
        stored.minRewardRatioBps = t.minRewardRatioBps;
        stored.minCoverageBps = t.minCoverageBps;
        stored.postTermFlagDays = t.postTermFlagDays;
        emit IHashpowerExchange.DefaultThresholdsSet(
            t.missedDaysThreshold, t.windowDays, t.minRewardRatioBps, t.minCoverageBps, t.postTermFlagDays
        );
    }

    /// @notice Reverts {InvalidThresholds} unless `t` is a set governance may choose (see {setThresholds}).
    function checkThresholds(DefaultThresholds memory t) internal pure {
        if (
            t.missedDaysThreshold == 0 || t.missedDaysThreshold > MAX_MISSED_DAYS || t.windowDays == 0
                || t.windowDays > DelinquencyMath.MAX_WINDOW_DAYS || t.minRewardRatioBps == 0
                || t.minRewardRatioBps > BPS || t.minCoverageBps > t.minRewardRatioBps
                || t.postTermFlagDays < t.missedDaysThreshold || t.postTermFlagDays > MAX_POST_TERM_FLAG_DAYS
        ) revert IExchangeErrors.Exchange_InvalidThresholds();
    }

    /// @notice Clears a flag: release continues including the paused days; the window of judged days
    /// starts afresh (governance found them wrong, e.g. a bad report, so they do not count again).
    function resume(Offering storage o, uint256 offeringId) public {
        if (o.status != OfferingStatus.Flagged) {
            revert IExchangeErrors.Exchange_OfferingNotFlagged(offeringId, o.status);
        }
        o.status = OfferingStatus.Active;
        o.flagReason = FlagReason.None;
        o.recentShares = 0;
        emit IHashpowerExchange.OfferingResumed(offeringId, msg.sender, block.timestamp / DAY);
    }

    /// @notice Halts a flagged offering: no day after the flag is ever released.
    function halt(Offering storage o, uint256 offeringId) public {
        if (o.status != OfferingStatus.Flagged) {
            revert IExchangeErrors.Exchange_OfferingNotFlagged(offeringId, o.status);
        }
        o.status = OfferingStatus.Halted;
        (uint256 released,) = EscrowMath.releasedToDate(o);
        emit IHashpowerExchange.OfferingHalted(offeringId, msg.sender, o.frozenDay, released, o.totalNet - released);
    }

    /// @notice Marks a position of a halted offering refunded and returns its refund and token; the
    /// exchange pays `payee`. Emits {RefundClaimed} and {MetadataUpdate}.
    function refund(Offering storage o, Position storage p, uint256 tokenId, address payee, uint256 net)
        public
        returns (uint256 amount, address token)
    {
        if (o.status != OfferingStatus.Halted) {
            revert IExchangeErrors.Exchange_OfferingNotHalted(p.offeringId, o.status);
        }
        if (p.refunded) revert IExchangeErrors.Exchange_AlreadyRefunded(tokenId);
        amount = net - EscrowMath.positionReleasedCeil(net, o.termStartDay, o.termEndDay, o.frozenDay);
        p.refunded = true;
        o.refunded += SafeCast.toUint128(amount);
        emit IHashpowerExchange.RefundClaimed(tokenId, p.offeringId, payee, amount);
        emit IERC4906.MetadataUpdate(tokenId);
        token = o.paymentToken;
    }
}
