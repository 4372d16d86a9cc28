// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {ICommissionLedger, IPremiumSink} from "../interfaces/IFeeSinks.sol";
import {IProtocolFeeSplitter} from "../interfaces/IProtocolFeeSplitter.sol";

/// @title ProtocolFeeSplitter
/// @notice The protocol's fee recipient. `distribute(token)` (anyone) splits its whole balance of a listed fee
/// token: the nodes' owed commission first (capped by the balance), then `premiumBps` of the rest to the insurance
/// pool, then the rest to the fee buyback, which turns it into DMC for behaviour mining. Unset sinks are skipped;
/// with no buyback the rest stays here for a later distribution.
/// @dev The commission ledger and premium sink pull what they are approved for; the splitter checks that each
/// pulled exactly that, so every distributed unit ends in exactly one sink. The owner (the DAO timelock) can list
/// tokens, point the sinks and set the premium share, never move the fees anywhere else.
contract ProtocolFeeSplitter is IProtocolFeeSplitter, Ownable, ReentrancyGuard {
    using SafeERC20 for IERC20;

    /// @inheritdoc IProtocolFeeSplitter
    uint256 public constant MAX_PREMIUM_BPS = 5_000;
    uint256 private constant BPS = 10_000;

    /// @inheritdoc IProtocolFeeSplitter
    mapping(address token => bool listed) public isFeeToken;
    /// @inheritdoc IProtocolFeeSplitter
    address public commissionLedger;
    /// @inheritdoc IProtocolFeeSplitter
    address public premiumSink;
    /// @inheritdoc IProtocolFeeSplitter
    address public buyback;
    /// @inheritdoc IProtocolFeeSplitter
    uint256 public premiumBps;
    /// @inheritdoc IProtocolFeeSplitter
    mapping(address token => Sent) public sent;

    /// @param owner_ The DAO timelock (or the deployer, which hands it over).
    /// @param premiumBps_ The insurance premium share, at most {MAX_PREMIUM_BPS}.
    constructor(address owner_, uint256 premiumBps_) Ownable(owner_) {
        _setPremiumBps(premiumBps_);
    }

    /// @inheritdoc IProtocolFeeSplitter
    function distribute(address token) external nonReentrant {
        if (!isFeeToken[token]) revert Splitter_NotFeeToken(token);
        uint256 balance = IERC20(token).balanceOf(address(this));
        if (balance == 0) revert Splitter_NothingToDistribute(token);
        (uint256 commission, uint256 premium, uint256 toBuyback, uint256 kept) = _split(token, balance);

        Sent storage s = sent[token];
        // Sums of balances of one token: no real token supply reaches 2^128.
        s.commission += uint128(commission);
        s.premium += uint128(premium);
        s.buyback += uint128(toBuyback);
        emit Distributed(token, msg.sender, balance, commission, premium, toBuyback, kept);

        if (commission != 0) {
            _pull(token, commissionLedger, commission, balance, true);
            balance -= commission;
        }
        if (premium != 0) {
            _pull(token, premiumSink, premium, balance, false);
        }
        if (toBuyback != 0) IERC20(token).safeTransfer(buyback, toBuyback);
    }

    /// @inheritdoc IProtocolFeeSplitter
    function preview(address token)
        external
        view
        returns (uint256 commission, uint256 premium, uint256 toBuyback, uint256 kept)
    {
        return _split(token, IERC20(token).balanceOf(address(this)));
    }

    // =================================================================== DAO

    /// @inheritdoc IProtocolFeeSplitter
    function setFeeToken(address token, bool listed) external onlyOwner {
        if (token == address(0)) revert Splitter_ZeroAddress();
        isFeeToken[token] = listed;
        emit FeeTokenSet(token, listed);
    }

    /// @inheritdoc IProtocolFeeSplitter
    function setSinks(address commissionLedger_, address premiumSink_, address buyback_) external onlyOwner {
        commissionLedger = commissionLedger_;
        premiumSink = premiumSink_;
        buyback = buyback_;
        emit SinksSet(commissionLedger_, premiumSink_, buyback_);
    }

    /// @inheritdoc IProtocolFeeSplitter
    function setPremiumBps(uint256 premiumBps_) external onlyOwner {
        _setPremiumBps(premiumBps_);
    }

    // =================================================================== internals

    function _setPremiumBps(uint256 premiumBps_) private {
        if (premiumBps_ > MAX_PREMIUM_BPS) revert Splitter_PremiumTooHigh(premiumBps_, MAX_PREMIUM_BPS);
        premiumBps = premiumBps_;
        emit PremiumBpsSet(premiumBps_);
    }

    function _split(address token, uint256 balance)
        private
        view
        returns (uint256 commission, uint256 premium, uint256 toBuyback, uint256 kept)
    {
        address ledger = commissionLedger;
        if (ledger != address(0)) {
            commission = Math.min(ICommissionLedger(ledger).unfundedCommission(token), balance);
        }
        uint256 rest = balance - commission;
        if (premiumSink != address(0)) premium = rest * premiumBps / BPS;
        rest -= premium;
        if (buyback != address(0)) toBuyback = rest;
        else kept = rest;
    }

    /// @dev Approves `sink` for exactly `amount`, lets it pull, and checks it took exactly that.
    function _pull(address token, address sink, uint256 amount, uint256 balanceBefore, bool isLedger) private {
        IERC20(token).forceApprove(sink, amount);
        if (isLedger) ICommissionLedger(sink).fundCommission(token, amount);
        else IPremiumSink(sink).depositPremium(token, amount);
        uint256 balanceAfter = IERC20(token).balanceOf(address(this));
        if (balanceAfter + amount != balanceBefore) {
            revert Splitter_SinkPullMismatch(
                sink, amount, balanceBefore > balanceAfter ? balanceBefore - balanceAfter : 0
            );
        }
        if (IERC20(token).allowance(address(this), sink) != 0) IERC20(token).forceApprove(sink, 0);
    }
}
