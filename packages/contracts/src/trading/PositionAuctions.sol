// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

import {ProtocolParameters} from "../governance/ProtocolParameters.sol";
import {IHashpowerExchange} from "../interfaces/IHashpowerExchange.sol";
import {IPositionAuctions} from "../interfaces/IPositionAuctions.sol";
import {ITradingRewards} from "../interfaces/ITradingRewards.sol";
import {PositionLocker} from "../lockers/PositionLocker.sol";
import {FeeVault} from "../treasury/FeeVault.sol";
import {LockPayouts, OfferingStatus, PositionState} from "../types/HashpowerTypes.sol";

/// @title PositionAuctions
/// @notice English auctions of hashpower positions (secondary, by a holder) and of an offering's units
/// (primary, by its miner). See {IPositionAuctions} and docs/decisions/0017-trading.md.
/// @dev Gas notes (targets include the 21k base):
/// - each {Auction} is five slots; a bid reads slots 0-3 once each and never touches slot 4;
/// - {bid} takes no re-entrancy guard (as `buy` in decision 0007): its only calls are a view of the
///   exchange before any effect and the payment pull as its last statement, so a re-entrant call sees
///   the bid fully booked. Every other function that moves value or positions is `nonReentrant`;
/// - credits are stored plus one once an account's slot is opened (0 means never opened, 1 means
///   nothing owed), so a withdraw leaves the slot warm for the next credit, and a seller opens its
///   proceeds slot when it creates the auction rather than making the settler pay a new slot.
contract PositionAuctions is IPositionAuctions, PositionLocker, FeeVault {
    using SafeERC20 for IERC20;

    /// @notice A bid this close to the end moves the end to `bid time + EXTENSION`.
    uint256 public constant EXTENSION = 15 minutes;
    /// @notice Shortest auction (from the first bid).
    uint256 public constant MIN_DURATION = 1 hours;
    /// @notice Longest auction (from the first bid).
    uint256 public constant MAX_DURATION = 30 days;
    /// @notice Lowest minimum increment governance can set (5%).
    uint16 public constant MIN_INCREMENT_BPS = 500;
    /// @notice Highest minimum increment governance can set (10%).
    uint16 public constant MAX_INCREMENT_BPS = 1000;
    /// @notice Largest reserve or bid: what the exchange's escrow (96 bits) can take in one sale.
    uint256 public constant MAX_AMOUNT = type(uint96).max;

    uint256 private constant BPS = 10_000;
    /// @dev Secondary auctions have no hard end.
    uint40 private constant NO_HARD_END = type(uint40).max;
    /// @dev A primary auction's stored tokenId until a position is minted for it ({getAuction} shows 0):
    /// the miner opens the slot at creation, so the settle writes a warm, non-zero slot.
    uint256 private constant NOT_MINTED = type(uint256).max;

    /// @notice The exchange whose positions and offerings are auctioned (the same as {positions}).
    IHashpowerExchange public immutable exchange;
    /// @dev The exchange's role for reserving and selling primary units (HashpowerExchange.PRIMARY_AUCTION_ROLE).
    bytes32 private constant PRIMARY_AUCTION_ROLE = keccak256("PRIMARY_AUCTION_ROLE");
    /// @notice Where the trading fee is read (snapshotted per secondary auction).
    ProtocolParameters public immutable params;
    /// @notice Credited with the winner's fee of every secondary auction (zero: none).
    ITradingRewards public immutable rewards;

    /// @notice The minimum increment of new auctions (bps).
    uint16 public minIncrementBps;
    /// @notice Auctions created (ids are 1..auctionCount).
    uint64 public auctionCount;

    mapping(uint256 auctionId => Auction) private _auctions;
    /// @dev Refunds and proceeds, stored plus one once opened (see the gas notes).
    mapping(address account => mapping(address token => uint256)) private _credits;
    /// @inheritdoc IPositionAuctions
    mapping(uint256 tokenId => uint256 auctionId) public auctionOfToken;
    /// @dev Payment tokens this contract gave the exchange an unlimited allowance for (primary settles).
    mapping(address token => bool) private _exchangeApproved;

    /// @param exchange_ The exchange (governance must `setLocker` this contract and grant it PRIMARY_AUCTION_ROLE).
    /// @param params_ The protocol parameters (trading fee).
    /// @param rewards_ The trading rewards (zero: none).
    /// @param owner_ The DAO timelock.
    /// @param feeRecipient_ Where swept fees go.
    /// @param minIncrementBps_ The minimum increment of new auctions.
    constructor(
        IHashpowerExchange exchange_,
        ProtocolParameters params_,
        ITradingRewards rewards_,
        address owner_,
        address feeRecipient_,
        uint16 minIncrementBps_
    ) PositionLocker(exchange_) FeeVault(owner_, feeRecipient_) {
        if (address(params_) == address(0)) revert Auctions_ZeroAddress();
        _checkIncrement(minIncrementBps_);
        exchange = exchange_;
        params = params_;
        rewards = rewards_;
        minIncrementBps = minIncrementBps_;
        emit MinIncrementSet(0, minIncrementBps_);
    }

    // =================================================================== create

    /// @inheritdoc IPositionAuctions
    /// @dev Calls only the exchange and the parameters (protocol contracts), so it takes no guard.
    function createAuction(uint256 tokenId, address paymentToken, uint256 reservePrice, uint256 duration)
        external
        returns (uint256 auctionId)
    {
        _checkTerms(reservePrice, duration);
        if (!exchange.isPaymentToken(paymentToken)) revert Auctions_PaymentTokenNotListed(paymentToken);
        uint256 open = auctionOfToken[tokenId];
        if (open != 0) revert Auctions_AlreadyAuctioned(tokenId, open);
        // Every payout stays in the position: it goes to the winner with it, or back to the seller.
        PositionState memory st = _lock(tokenId, msg.sender, LockPayouts.ALL);
        _requireLive(tokenId, st);
        uint16 feeBps = params.tradingFeeBps();
        uint16 increment;
        (auctionId, increment) = _nextId();
        auctionOfToken[tokenId] = auctionId;
        _auctions[auctionId] = Auction({
            seller: msg.sender,
            endTime: 0,
            duration: uint32(duration),
            kind: AuctionKind.Secondary,
            state: AuctionState.Open,
            leader: address(0),
            hardEnd: NO_HARD_END,
            minIncrementBps: increment,
            feeBps: feeBps,
            leadingBid: 0,
            reservePrice: uint128(reservePrice),
            paymentToken: paymentToken,
            offeringId: st.offeringId,
            units: st.units,
            tokenId: tokenId
        });
        _openCredit(msg.sender, paymentToken);
        _primeFees(paymentToken);
        emit AuctionCreated(
            auctionId,
            AuctionKind.Secondary,
            msg.sender,
            tokenId,
            st.offeringId,
            st.units,
            paymentToken,
            reservePrice,
            duration,
            increment,
            feeBps,
            NO_HARD_END
        );
    }

    /// @inheritdoc IPositionAuctions
    /// @dev The exchange checks that the caller is the offering's miner, that the offering is active and
    /// on sale and that the units are left ({Exchange_NotMiner}, {Exchange_SaleClosed},
    /// {Exchange_InsufficientUnits} ...). No guard: it calls only the exchange, and the payment token last.
    function createPrimaryAuction(uint256 offeringId, uint256 units, uint256 reservePrice, uint256 duration)
        external
        returns (uint256 auctionId)
    {
        _checkTerms(reservePrice, duration);
        (address token, uint256 saleEnd) = exchange.reserveUnits(offeringId, units, msg.sender);
        // Every unit starts its term when the sale closes: the whole auction must fit before it.
        if (block.timestamp + duration > saleEnd) {
            revert Auctions_EndsAfterSaleClose(block.timestamp + duration, saleEnd);
        }
        uint16 increment;
        (auctionId, increment) = _nextId();
        _auctions[auctionId] = Auction({
            seller: msg.sender,
            endTime: 0,
            duration: uint32(duration),
            kind: AuctionKind.Primary,
            state: AuctionState.Open,
            leader: address(0),
            hardEnd: uint40(saleEnd),
            minIncrementBps: increment,
            feeBps: 0,
            leadingBid: 0,
            reservePrice: uint128(reservePrice),
            paymentToken: token,
            offeringId: uint32(offeringId),
            units: uint40(units),
            tokenId: NOT_MINTED
        });
        emit AuctionCreated(
            auctionId,
            AuctionKind.Primary,
            msg.sender,
            0,
            offeringId,
            units,
            token,
            reservePrice,
            duration,
            increment,
            0,
            saleEnd
        );
        if (!_exchangeApproved[token]) {
            _exchangeApproved[token] = true;
            // The exchange pulls exactly the winning bid in sellReservedUnits, which only this contract calls.
            IERC20(token).forceApprove(address(exchange), type(uint256).max);
        }
    }

    // =================================================================== bid

    /// @inheritdoc IPositionAuctions
    function bid(uint256 auctionId, uint256 amount) external {
        Auction storage a = _auctions[auctionId];
        // slot 0
        AuctionState state = a.state;
        uint256 endTime = a.endTime;
        if (state != AuctionState.Open) _revertNotOpen(auctionId, state);
        // slot 1
        address leader = a.leader;
        uint256 hardEnd = a.hardEnd;
        if (endTime == 0 ? block.timestamp >= hardEnd : block.timestamp >= endTime) {
            revert Auctions_NotOpen(auctionId);
        }
        // slot 3
        address token = a.paymentToken;
        OfferingStatus status = exchange.offeringStatus(a.offeringId);
        if (status != OfferingStatus.Active) revert Auctions_OfferingNotActive(auctionId, uint8(status));
        // slot 2
        uint256 leading = a.leadingBid;
        uint256 minimum = endTime == 0 ? a.reservePrice : _raised(leading, a.minIncrementBps);
        if (amount < minimum) revert Auctions_BidTooLow(auctionId, amount, minimum);
        if (amount > MAX_AMOUNT) revert Auctions_BidTooHigh(auctionId, amount, MAX_AMOUNT);

        bool extended;
        if (endTime == 0) {
            // The clock starts now; a primary auction never runs past the offering's sale.
            endTime = _min(block.timestamp + a.duration, hardEnd);
            a.endTime = uint40(endTime);
        } else if (endTime - block.timestamp < EXTENSION) {
            uint256 extendedEnd = _min(block.timestamp + EXTENSION, hardEnd);
            if (extendedEnd > endTime) {
                endTime = extendedEnd;
                a.endTime = uint40(endTime);
                extended = true;
            }
        }
        uint256 pay = amount;
        if (leader == msg.sender) {
            pay = amount - leading;
        } else {
            if (leader != address(0)) _creditRefund(auctionId, leader, token, leading);
            a.leader = msg.sender;
        }
        a.leadingBid = uint128(amount);
        emit BidPlaced(auctionId, msg.sender, amount, endTime, extended);
        IERC20(token).safeTransferFrom(msg.sender, address(this), pay);
    }

    // =================================================================== close

    /// @inheritdoc IPositionAuctions
    function cancel(uint256 auctionId) external nonReentrant {
        Auction storage a = _auctions[auctionId];
        AuctionState state = a.state;
        if (state != AuctionState.Open) _revertClosed(auctionId, state);
        if (msg.sender != a.seller) revert Auctions_NotSeller(auctionId, msg.sender);
        if (a.endTime != 0) revert Auctions_HasBids(auctionId);
        a.state = AuctionState.Cancelled;
        emit AuctionCancelled(auctionId);
        _giveBack(a);
    }

    /// @inheritdoc IPositionAuctions
    /// @dev Ended means: the end after the first bid has passed, or, for a primary auction without
    /// bids, the offering's sale has closed (its units are then released).
    function settle(uint256 auctionId) external nonReentrant {
        Auction storage a = _auctions[auctionId];
        AuctionState state = a.state;
        uint256 endTime = a.endTime;
        AuctionKind kind = a.kind;
        if (state != AuctionState.Open) _revertClosed(auctionId, state);
        if (endTime == 0) {
            uint256 hardEnd = a.hardEnd;
            if (kind == AuctionKind.Secondary || block.timestamp < hardEnd) {
                revert Auctions_NotEnded(auctionId, kind == AuctionKind.Secondary ? 0 : hardEnd);
            }
            a.state = AuctionState.Settled;
            uint256 minted = _giveBack(a);
            emit AuctionSettled(auctionId, address(0), 0, 0, minted);
            return;
        }
        if (block.timestamp < endTime) revert Auctions_NotEnded(auctionId, endTime);
        a.state = AuctionState.Settled;
        address winner = a.leader;
        uint256 amount = a.leadingBid;
        address token = a.paymentToken;
        if (kind == AuctionKind.Secondary) {
            uint256 tokenId = a.tokenId;
            uint256 fee = amount * a.feeBps / BPS;
            uint256 proceeds = amount - fee;
            delete auctionOfToken[tokenId];
            // Opened at creation: the stored value is proceeds owed plus one.
            _credits[a.seller][token] += proceeds;
            _accrueFee(token, fee);
            emit ProceedsCredited(auctionId, a.seller, token, proceeds);
            emit AuctionSettled(auctionId, winner, amount, fee, tokenId);
            // The position moves with every unclaimed reward and refund (they were routed here, unclaimed).
            _releaseTo(tokenId, winner);
            if (fee != 0 && address(rewards) != address(0)) rewards.recordFee(winner, address(0), token, fee);
        } else {
            // The exchange takes the channel fee, escrows the rest as the position's net, mints it to the
            // winner and credits the winner's fee to the trading rewards.
            uint256 tokenId = exchange.sellReservedUnits(a.offeringId, a.units, winner, amount);
            a.tokenId = tokenId;
            emit AuctionSettled(auctionId, winner, amount, amount - exchange.positionNet(tokenId), tokenId);
        }
    }

    /// @inheritdoc IPositionAuctions
    /// @dev Allowed to the leader while the offering is flagged or halted, until someone settles. Also
    /// allowed for a secondary auction once governance revoked this contract as a locker (the emergency
    /// brake): the position can then no longer be seized for the winner, so without this the bid would be
    /// stuck; the lock is released (unlock works after a revocation) and the seller keeps the position.
    function withdrawLeadingBid(uint256 auctionId) external nonReentrant {
        Auction storage a = _auctions[auctionId];
        AuctionState state = a.state;
        if (state != AuctionState.Open) _revertClosed(auctionId, state);
        address leader = a.leader;
        if (leader != msg.sender || leader == address(0)) revert Auctions_CannotWithdrawBid(auctionId, msg.sender);
        // Governance revoking this contract (as a locker, or its primary-auction role) must not trap the
        // leader's money: neither the seize nor the sale could ever happen, so the leader may take its bid back.
        bool primaryRevoked = a.kind == AuctionKind.Primary
            && !IAccessControl(address(exchange)).hasRole(PRIMARY_AUCTION_ROLE, address(this));
        if (
            exchange.offeringStatus(a.offeringId) == OfferingStatus.Active && !primaryRevoked
                && (a.kind == AuctionKind.Primary || exchange.isLocker(address(this)))
        ) {
            revert Auctions_CannotWithdrawBid(auctionId, msg.sender);
        }
        uint256 amount = a.leadingBid;
        a.state = AuctionState.Cancelled;
        _creditRefund(auctionId, leader, a.paymentToken, amount);
        emit LeadingBidWithdrawn(auctionId, leader, amount);
        // Without the role the units cannot be released: they stay reserved until governance restores it.
        if (!primaryRevoked) _giveBack(a);
    }

    // =================================================================== pull

    /// @inheritdoc IPositionAuctions
    function withdraw(address token, address to) external nonReentrant returns (uint256 amount) {
        if (to == address(0)) revert Auctions_ZeroAddress();
        uint256 stored = _credits[msg.sender][token];
        if (stored < 2) revert Auctions_NothingToWithdraw(msg.sender, token);
        amount = stored - 1;
        _credits[msg.sender][token] = 1;
        emit Withdrawn(msg.sender, token, to, amount);
        IERC20(token).safeTransfer(to, amount);
    }

    // =================================================================== governance

    /// @inheritdoc IPositionAuctions
    function setMinIncrement(uint16 bps) external onlyOwner {
        _checkIncrement(bps);
        emit MinIncrementSet(minIncrementBps, bps);
        minIncrementBps = bps;
    }

    // =================================================================== views

    /// @inheritdoc IPositionAuctions
    function getAuction(uint256 auctionId) external view returns (Auction memory auction) {
        auction = _auctions[auctionId];
        if (auction.tokenId == NOT_MINTED) auction.tokenId = 0;
    }

    /// @inheritdoc IPositionAuctions
    function minNextBid(uint256 auctionId) external view returns (uint256) {
        Auction storage a = _auctions[auctionId];
        if (a.state == AuctionState.None) revert Auctions_UnknownAuction(auctionId);
        return a.endTime == 0 ? a.reservePrice : _raised(a.leadingBid, a.minIncrementBps);
    }

    /// @inheritdoc IPositionAuctions
    function withdrawable(address account, address token) external view returns (uint256) {
        uint256 stored = _credits[account][token];
        return stored == 0 ? 0 : stored - 1;
    }

    // =================================================================== internals

    /// @dev Ends the auction without a sale: the position is unlocked for its seller, or the units go
    /// back to the offering (or, once its rewards started, to the miner at no price: that position's id
    /// is stored and returned).
    function _giveBack(Auction storage a) private returns (uint256 minted) {
        if (a.kind == AuctionKind.Secondary) {
            uint256 tokenId = a.tokenId;
            delete auctionOfToken[tokenId];
            _unlock(tokenId);
        } else {
            minted = exchange.releaseReservedUnits(a.offeringId, a.units);
            if (minted != 0) a.tokenId = minted;
        }
    }

    function _creditRefund(uint256 auctionId, address bidder, address token, uint256 amount) private {
        uint256 stored = _credits[bidder][token];
        _credits[bidder][token] = (stored == 0 ? 1 : stored) + amount;
        emit BidRefundCredited(auctionId, bidder, token, amount);
    }

    /// @dev Opens `account`'s credit slot for `token` (stores the "nothing owed" marker) if never opened.
    function _openCredit(address account, address token) private {
        if (_credits[account][token] == 0) _credits[account][token] = 1;
    }

    function _nextId() private returns (uint256 auctionId, uint16 increment) {
        auctionId = uint256(auctionCount) + 1;
        auctionCount = uint64(auctionId);
        increment = minIncrementBps;
    }

    function _checkTerms(uint256 reservePrice, uint256 duration) private pure {
        if (reservePrice == 0 || reservePrice > MAX_AMOUNT) revert Auctions_InvalidReserve(reservePrice);
        if (duration < MIN_DURATION || duration > MAX_DURATION) {
            revert Auctions_InvalidDuration(duration, MIN_DURATION, MAX_DURATION);
        }
    }

    function _checkIncrement(uint256 bps) private pure {
        if (bps < MIN_INCREMENT_BPS || bps > MAX_INCREMENT_BPS) {
            revert Auctions_InvalidIncrement(bps, MIN_INCREMENT_BPS, MAX_INCREMENT_BPS);
        }
    }

    function _revertNotOpen(uint256 auctionId, AuctionState state) private pure {
        if (state == AuctionState.None) revert Auctions_UnknownAuction(auctionId);
        revert Auctions_NotOpen(auctionId);
    }

    function _revertClosed(uint256 auctionId, AuctionState state) private pure {
        if (state == AuctionState.None) revert Auctions_UnknownAuction(auctionId);
        revert Auctions_AlreadyClosed(auctionId);
    }

    /// @dev The least bid over `leading`: plus `bps` of it rounded up, and at least one base unit.
    function _raised(uint256 leading, uint256 bps) private pure returns (uint256) {
        uint256 increment = (leading * bps + BPS - 1) / BPS;
        return leading + (increment == 0 ? 1 : increment);
    }

    function _min(uint256 a, uint256 b) private pure returns (uint256) {
        return a < b ? a : b;
    }
}
