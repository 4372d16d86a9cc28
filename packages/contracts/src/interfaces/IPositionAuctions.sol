// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IFeeVault} from "./IFeeVault.sol";
import {IPositionAuctionsErrors} from "../errors/TradingErrors.sol";

/// @title IPositionAuctions
/// @notice English auctions of hashpower: secondary (a holder auctions a position, locked in place while
/// the auction runs) and primary (a miner auctions units of its approved, active offering, reserved from
/// the offering's supply when the auction is created).
/// @dev Rules for both (docs/decisions/0017-trading.md): a reserve price; the clock starts at the first
/// bid and runs `duration`; each bid must beat the leading bid by `minIncrementBps` (at least 1 base unit);
/// a bid in the last {EXTENSION} seconds moves the end to `bid time + EXTENSION`; cancel only before the
/// first bid; every parameter is snapshotted at creation; outbid bids become pull refunds, so a bidder
/// that cannot receive blocks nobody; settle by anyone once ended, at most once.
/// Primary auctions close no later than the offering's sale (`hardEnd` = saleEnd): every unit of an
/// offering starts its term on the same day, so neither the first-bid clock nor an extension passes it.
/// While the offering is flagged or halted no bid is taken and the leader may withdraw its bid
/// ({withdrawLeadingBid}), which closes the auction, or wait and settle.
/// A secondary auction's position routes its rewards and refund to this contract, which never claims
/// them: they stay in the position and go to the winner with it (or back to the seller).
/// The seller's proceeds and every refund are credited here and pulled with {withdraw}.
interface IPositionAuctions is IPositionAuctionsErrors, IFeeVault {
    /// @notice What is auctioned.
    enum AuctionKind {
        Secondary,
        Primary
    }

    /// @notice Where an auction is. Open covers "not started" (no bid yet), running and ended-unsettled.
    enum AuctionState {
        None,
        Open,
        Settled,
        Cancelled
    }

    /// @notice One auction, as stored.
    struct Auction {
        address seller; // the holder, or the offering's miner
        uint40 endTime; // zero until the first bid
        uint32 duration; // seconds from the first bid
        AuctionKind kind;
        AuctionState state;
        address leader; // zero until the first bid
        uint40 hardEnd; // primary: the offering's saleEnd; secondary: max
        uint16 minIncrementBps;
        uint16 feeBps; // secondary: trading fee snapshotted; primary: 0 (the exchange takes the channel fee)
        uint128 leadingBid;
        uint128 reservePrice;
        address paymentToken;
        uint32 offeringId;
        uint40 units;
        uint256 tokenId; // secondary: the position; primary: the position minted to the winner (after settle)
    }

    /// @notice An auction was created.
    event AuctionCreated(
        uint256 indexed auctionId,
        AuctionKind kind,
        address indexed seller,
        uint256 indexed tokenId,
        uint256 offeringId,
        uint256 units,
        address paymentToken,
        uint256 reservePrice,
        uint256 duration,
        uint256 minIncrementBps,
        uint256 feeBps,
        uint256 hardEnd
    );
    /// @notice `bidder` leads with `amount`; the auction now ends at `endTime` (`extended` by a late bid).
    event BidPlaced(uint256 indexed auctionId, address indexed bidder, uint256 amount, uint256 endTime, bool extended);
    /// @notice `bidder`'s bid of `amount` no longer leads and is refundable (outbid, or withdrawn by the leader).
    event BidRefundCredited(uint256 indexed auctionId, address indexed bidder, address token, uint256 amount);
    /// @notice The auction was settled: `winner` got the position (`tokenId`) for `amount`, of which `fee`
    /// went to the protocol. A primary auction without bids settles with a zero winner: its units went back
    /// to the offering (`tokenId` 0) or, if the term had started earning, to the miner at no price.
    event AuctionSettled(
        uint256 indexed auctionId, address indexed winner, uint256 amount, uint256 fee, uint256 tokenId
    );
    /// @notice The seller cancelled before the first bid.
    event AuctionCancelled(uint256 indexed auctionId);
    /// @notice The leader withdrew its bid because the offering was flagged or halted; the auction closed.
    event LeadingBidWithdrawn(uint256 indexed auctionId, address indexed bidder, uint256 amount);
    /// @notice The seller of a settled secondary auction was credited `amount` (the bid less the fee).
    event ProceedsCredited(uint256 indexed auctionId, address indexed seller, address token, uint256 amount);
    /// @notice `account` pulled `amount` of its refunds and proceeds in `token`.
    event Withdrawn(address indexed account, address indexed token, address to, uint256 amount);
    /// @notice Governance changed the minimum increment for new auctions.
    event MinIncrementSet(uint256 previousBps, uint256 bps);

    /// @notice Auctions a position the caller owns (approve this contract for it first); locks it in place.
    /// @param paymentToken A payment token the exchange lists.
    /// @return auctionId The new auction.
    function createAuction(uint256 tokenId, address paymentToken, uint256 reservePrice, uint256 duration)
        external
        returns (uint256 auctionId);

    /// @notice Auctions `units` of the caller's active offering, in its payment token; reserves them.
    function createPrimaryAuction(uint256 offeringId, uint256 units, uint256 reservePrice, uint256 duration)
        external
        returns (uint256 auctionId);

    /// @notice Bids `amount` (pulled from the caller's allowance). A leader raising its own bid pays the difference.
    function bid(uint256 auctionId, uint256 amount) external;

    /// @notice Cancels an auction without bids. Seller only. Emits {AuctionCancelled}.
    function cancel(uint256 auctionId) external;

    /// @notice Settles an ended auction. Anyone, once. Emits {AuctionSettled}.
    function settle(uint256 auctionId) external;

    /// @notice The leader takes its bid back while the offering is flagged or halted; the auction closes.
    function withdrawLeadingBid(uint256 auctionId) external;

    /// @notice Pulls the caller's refunds and proceeds in `token` to `to`. Emits {Withdrawn}.
    function withdraw(address token, address to) external returns (uint256 amount);

    /// @notice Sets the minimum increment of new auctions, within [{MIN_INCREMENT_BPS}, {MAX_INCREMENT_BPS}].
    /// Governance only. Running auctions keep theirs.
    function setMinIncrement(uint16 bps) external;

    /// @notice An auction as stored.
    function getAuction(uint256 auctionId) external view returns (Auction memory);

    /// @notice The least the next bid may be.
    function minNextBid(uint256 auctionId) external view returns (uint256);

    /// @notice Refunds and proceeds `account` can pull in `token`.
    function withdrawable(address account, address token) external view returns (uint256);

    /// @notice The open secondary auction of a position (0 if none).
    function auctionOfToken(uint256 tokenId) external view returns (uint256);
}
