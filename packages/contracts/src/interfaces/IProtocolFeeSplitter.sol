// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IProtocolFeeSplitterErrors} from "../errors/FeeErrors.sol";

/// @title IProtocolFeeSplitter
/// @notice The fee recipient of the exchange, listings, auctions and loans. Anyone may distribute its balance of a
/// listed fee token: first the nodes' owed commission, then the insurance premium share of the rest, then the rest
/// to the fee buyback. A sink that is unset (zero) is skipped; with no buyback set, the rest stays here.
interface IProtocolFeeSplitter is IProtocolFeeSplitterErrors {
    /// @notice What the splitter sent of a token, per sink, since deployment.
    struct Sent {
        uint128 commission;
        uint128 premium;
        uint128 buyback;
    }

    /// @notice `token` was listed or unlisted as a fee token.
    /// @param token The fee token.
    /// @param listed Whether `distribute` accepts it now.
    event FeeTokenSet(address indexed token, bool listed);
    /// @notice The sinks were set (zero: skipped).
    /// @param commissionLedger Funded first with the nodes' owed commission.
    /// @param premiumSink Paid `premiumBps` of the rest.
    /// @param buyback Sent the rest.
    event SinksSet(address commissionLedger, address premiumSink, address buyback);
    /// @notice The insurance premium share was set.
    /// @param premiumBps Share of what is left after commission, in basis points.
    event PremiumBpsSet(uint256 premiumBps);
    /// @notice A distribution of `token`.
    /// @param token The fee token.
    /// @param caller Who called it.
    /// @param balance What the splitter held before it.
    /// @param commission Sent to the commission ledger.
    /// @param premium Sent to the premium sink.
    /// @param buyback Sent to the fee buyback.
    /// @param kept Left in the splitter (no buyback set).
    event Distributed(
        address indexed token,
        address indexed caller,
        uint256 balance,
        uint256 commission,
        uint256 premium,
        uint256 buyback,
        uint256 kept
    );

    /// @notice Distributes the splitter's whole balance of `token`: min(balance, the ledger's unfunded commission)
    /// to the commission ledger, `premiumBps` of the rest to the premium sink, and the rest to the buyback.
    /// Permissionless. Emits {Distributed}.
    /// @param token A listed fee token the splitter holds some of.
    function distribute(address token) external;

    /// @notice The split `distribute` would make now.
    /// @param token The fee token.
    /// @return commission To the commission ledger.
    /// @return premium To the premium sink.
    /// @return buyback To the fee buyback.
    /// @return kept Left in the splitter.
    function preview(address token)
        external
        view
        returns (uint256 commission, uint256 premium, uint256 buyback, uint256 kept);

    /// @notice Lists or unlists a fee token. DAO only. Emits {FeeTokenSet}.
    /// @param token The token (not zero).
    /// @param listed Whether `distribute` accepts it.
    function setFeeToken(address token, bool listed) external;

    /// @notice Sets the sinks; zero skips one. DAO only. Emits {SinksSet}.
    /// @param commissionLedger The nodes' commission ledger.
    /// @param premiumSink The insurance pool.
    /// @param buyback The fee buyback.
    function setSinks(address commissionLedger, address premiumSink, address buyback) external;

    /// @notice Sets the insurance premium share, at most {MAX_PREMIUM_BPS}. DAO only; applies to the next
    /// distribution. Emits {PremiumBpsSet}.
    /// @param premiumBps Share of what is left after commission, in basis points.
    function setPremiumBps(uint256 premiumBps) external;

    /// @notice The largest premium share (50%).
    /// @return Basis points.
    function MAX_PREMIUM_BPS() external view returns (uint256);

    /// @notice Whether `token` is a listed fee token.
    /// @param token The token.
    /// @return True if listed.
    function isFeeToken(address token) external view returns (bool);

    /// @notice The nodes' commission ledger (zero: skipped).
    /// @return The ledger.
    function commissionLedger() external view returns (address);

    /// @notice The insurance pool (zero: skipped).
    /// @return The premium sink.
    function premiumSink() external view returns (address);

    /// @notice The fee buyback (zero: the rest stays here).
    /// @return The buyback.
    function buyback() external view returns (address);

    /// @notice The insurance premium share.
    /// @return Basis points.
    function premiumBps() external view returns (uint256);

    /// @notice What the splitter sent of `token`, per sink, since deployment.
    /// @param token The fee token.
    /// @return commission To the commission ledger.
    /// @return premium To the premium sink.
    /// @return buyback To the fee buyback.
    function sent(address token) external view returns (uint128 commission, uint128 premium, uint128 buyback);
}
