// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC4906} from "@openzeppelin/contracts/interfaces/IERC4906.sol";
import {IERC165} from "@openzeppelin/contracts/interfaces/IERC165.sol";
import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {IAssetRegistry} from "./interfaces/IAssetRegistry.sol";
import {IHashpowerExchange} from "./interfaces/IHashpowerExchange.sol";
import {IPositionLocks} from "./interfaces/IPositionLocks.sol";
import {IMarketRateOracle} from "./interfaces/IMarketRateOracle.sol";
import {IPositionRenderer} from "./interfaces/IPositionRenderer.sol";
import {ITradingRewards} from "./interfaces/ITradingRewards.sol";
import {DefaultMonitor} from "./libraries/DefaultMonitor.sol";
import {DelinquencyMath} from "./libraries/DelinquencyMath.sol";
import {EscrowMath} from "./libraries/EscrowMath.sol";
import {OfferingFactory} from "./libraries/OfferingFactory.sol";
import {PrimaryAuctionSales} from "./libraries/PrimaryAuctionSales.sol";
import {
    DefaultThresholds,
    FlagReason,
    LockPayouts,
    Offering,
    OfferingStatus,
    OfferingTerms,
    Position,
    PositionState
} from "./types/HashpowerTypes.sol";

/// @title HashpowerExchange
/// @notice DMEX core: hashpower offerings, their position NFTs (ERC-721), the daily-release escrow,
/// mining rewards and default handling in one contract, so a purchase mints without a cross-contract
/// call and all funds sit behind one set of invariants (see test/invariant/README.md).
/// @dev Re-entrancy (docs/decisions/0007-reentrancy-and-gas.md): buy, depositReward and withdrawEscrow
/// make a single token transfer as their very last step after all effects, and claimRewards settles each
/// position before any transfer that pays it, so a re-entrant call finds nothing more to take; these hot
/// paths skip the storage guard (no transient storage on the FEVM target). Loops that pay several
/// parties from shared totals (claimRefunds, collectFees) and seize keep `nonReentrant`.
contract HashpowerExchange is IHashpowerExchange, ERC721, AccessControl, ReentrancyGuard, IERC4906 {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    /// @notice Sets parameters, resolves flags (resume/halt), approves lockers. The DAO timelock in production.
    bytes32 public constant GOVERNOR_ROLE = keccak256("GOVERNOR_ROLE");
    /// @notice Creates offerings. Held by the contract that executes DAO-approved applications.
    bytes32 public constant REGISTRAR_ROLE = keccak256("REGISTRAR_ROLE");
    /// @notice May halt an already flagged offering (the council during bootstrap); nothing else.
    bytes32 public constant HALT_GUARDIAN_ROLE = keccak256("HALT_GUARDIAN_ROLE");
    /// @notice Reserves units of offerings for primary auctions and sells them to the winners (the auction contract).
    bytes32 public constant PRIMARY_AUCTION_ROLE = keccak256("PRIMARY_AUCTION_ROLE");

    /// @notice Hard cap of the channel fee: 10%.
    uint16 public constant MAX_CHANNEL_FEE_BPS = 1_000;
    /// @notice Scale of reward accumulators (per unit). 1e12 keeps 6- and 8-decimal tokens exact
    /// to well under a base unit while an accumulator fits 128 bits.
    uint256 public constant REWARD_PRECISION = 1e12;
    uint256 private constant WAD = 1e18;
    uint256 private constant BPS = 10_000;
    uint256 private constant DAY = 1 days;

    // One slot: depositReward reads the oracle and the thresholds together.
    IMarketRateOracle public oracle;
    DefaultThresholds private _thresholds;

    IPositionRenderer public renderer;
    uint16 public channelFeeBps;
    address public feeRecipient;

    /// @inheritdoc IHashpowerExchange
    IAssetRegistry public immutable assets;
    uint256 public offeringCount;
    uint256 public positionCount;

    mapping(uint256 offeringId => Offering) private _offerings;
    mapping(uint256 tokenId => Position) private _positions;
    mapping(uint256 tokenId => address locker) public lockedBy;
    mapping(address locker => bool approved) public isLocker;
    mapping(address token => bool listed) public isPaymentToken;
    mapping(uint256 offeringId => mapping(address depositor => bool approved)) public isDepositor;

    /// @inheritdoc IHashpowerExchange
    address public tradingRewards;
    /// @inheritdoc IHashpowerExchange
    mapping(uint256 offeringId => uint256 units) public reservedUnits;
    /// @dev The escrowed net of a position sold by auction, plus one (zero: the offering's fixed net per unit).
    mapping(uint256 tokenId => uint256 netPlusOne) private _auctionNet;

    /// @param admin Receives the admin and governor roles (the DAO timelock once governance is live).
    /// @param feeRecipient_ Where channel fees go.
    /// @param oracle_ The market rate oracle.
    /// @param assets_ The asset registry offerings' assets and reward tokens are checked against.
    /// @param channelFeeBps_ Initial channel fee (500 = 5%).
    constructor(
        address admin,
        address feeRecipient_,
        IMarketRateOracle oracle_,
        IAssetRegistry assets_,
        uint16 channelFeeBps_
    ) ERC721("DMEX Hashpower Position", "DMEX-HP") {
        if (
            admin == address(0) || feeRecipient_ == address(0) || address(oracle_) == address(0)
                || address(assets_) == address(0)
        ) revert Exchange_ZeroAddress();
        if (channelFeeBps_ > MAX_CHANNEL_FEE_BPS) revert Exchange_FeeTooHigh(channelFeeBps_, MAX_CHANNEL_FEE_BPS);
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(GOVERNOR_ROLE, admin);
        feeRecipient = feeRecipient_;
        oracle = oracle_;
        assets = assets_;
        channelFeeBps = channelFeeBps_;
        emit FeeRecipientSet(address(0), feeRecipient_);
        emit OracleSet(address(oracle_));
        emit ChannelFeeSet(0, channelFeeBps_);
        _setDefaultThresholds(DefaultThresholds(7, 7, 8_000, 5_000, 10));
    }

    // =================================================================== offerings

    /// @inheritdoc IHashpowerExchange
    function createOffering(OfferingTerms calldata terms)
        external
        onlyRole(REGISTRAR_ROLE)
        returns (uint256 offeringId)
    {
        offeringId = ++offeringCount;
        OfferingFactory.create(_offerings[offeringId], offeringId, terms, _rules(), isPaymentToken);
    }

    /// @inheritdoc IHashpowerExchange
    function validateTerms(OfferingTerms calldata terms) external view {
        OfferingFactory.validate(terms, _rules(), isPaymentToken);
    }

    /// @inheritdoc IHashpowerExchange
    function setPaymentToken(address token, bool listed) external onlyRole(GOVERNOR_ROLE) {
        if (token == address(0)) revert Exchange_ZeroAddress();
        isPaymentToken[token] = listed;
        emit PaymentTokenSet(token, listed);
    }

    function _rules() private view returns (OfferingFactory.Rules memory) {
        return OfferingFactory.Rules(channelFeeBps, assets, _thresholds.missedDaysThreshold);
    }

    // =================================================================== primary sale

    /// @inheritdoc IHashpowerExchange
    function buy(uint256 offeringId, uint256 units, uint256 maxTotalPrice, address referrer)
        external
        returns (uint256 tokenId)
    {
        return _buy(offeringId, units, maxTotalPrice, referrer);
    }

    /// @inheritdoc IHashpowerExchange
    function buyWithPermit(
        uint256 offeringId,
        uint256 units,
        uint256 maxTotalPrice,
        address referrer,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external returns (uint256 tokenId) {
        address token = _offerings[offeringId].paymentToken;
        if (token == address(0)) revert Exchange_UnknownOffering(offeringId);
        // A permit already used by a front-runner reverts; the allowance it set still works.
        try IERC20Permit(token).permit(msg.sender, address(this), maxTotalPrice, deadline, v, r, s) {} catch {}
        return _buy(offeringId, units, maxTotalPrice, referrer);
    }

    /// @dev Values of one purchase, grouped to keep the stack shallow.
    struct Sale {
        uint256 offeringId;
        uint256 tokenId;
        uint256 units;
        uint256 totalPrice;
        uint256 net;
        uint256 today;
        uint256 startDay;
    }

    function _buy(uint256 offeringId, uint256 units, uint256 maxTotalPrice, address referrer)
        private
        returns (uint256 tokenId)
    {
        Offering storage o = _offerings[offeringId];
        Sale memory sale = _priceSale(o, offeringId, units, maxTotalPrice);

        // Effect: the sale closes when the term starts, so every unit starts on termStartDay, before
        // any reward day, and shares every deposit (no reward snapshot to take: the accumulator is 0).
        sale.startDay = o.termStartDay;
        // `withdrawn` is 96 bits wide (see Offering); refusing the sale beats escrow that cannot leave.
        uint256 totalNet = o.totalNet + sale.net;
        if (totalNet > type(uint96).max) {
            revert Exchange_EscrowCapacityExceeded(offeringId, totalNet, type(uint96).max);
        }
        o.totalNet = uint128(totalNet);
        o.feesAccrued += (sale.totalPrice - sale.net).toUint128();
        o.unitsSold = uint40(o.unitsSold + units);
        tokenId = ++positionCount;
        sale.tokenId = tokenId;
        _positions[tokenId] = Position({
            offeringId: uint32(offeringId),
            units: uint40(units),
            purchaseDay: uint32(sale.today),
            refunded: false,
            lockPayouts: LockPayouts.TO_OWNER,
            rewardSnapshot: 0
        });
        // No receiver callback: the buyer called us itself, and skipping it removes a re-entry point.
        _mint(msg.sender, tokenId);
        _emitPurchased(sale, msg.sender, referrer);

        // Interaction:
        IERC20(o.paymentToken).safeTransferFrom(msg.sender, address(this), sale.totalPrice);
        _creditFee(msg.sender, referrer, o.paymentToken, sale.totalPrice - sale.net);
    }

    /// @dev Credits the buyer of a primary sale with its channel fee in the trading rewards (if set), naming the
    /// referrer of a fixed-price sale (a primary auction's winner named none).
    function _creditFee(address buyer, address referrer, address token, uint256 fee) private {
        address rewards = tradingRewards;
        if (rewards != address(0)) ITradingRewards(rewards).recordFee(buyer, referrer, token, fee);
    }

    // =================================================================== primary auctions

    /// @inheritdoc IHashpowerExchange
    function reserveUnits(uint256 offeringId, uint256 units, address miner)
        external
        onlyRole(PRIMARY_AUCTION_ROLE)
        returns (address paymentToken, uint256 saleEnd)
    {
        return PrimaryAuctionSales.reserve(_offerings[offeringId], reservedUnits, offeringId, units, miner);
    }

    /// @inheritdoc IHashpowerExchange
    function releaseReservedUnits(uint256 offeringId, uint256 units)
        external
        onlyRole(PRIMARY_AUCTION_ROLE)
        returns (uint256 tokenId)
    {
        Offering storage o = _offerings[offeringId];
        if (PrimaryAuctionSales.release(o, reservedUnits, offeringId, units)) {
            (tokenId,) = _sellReserved(offeringId, units, o.miner, 0);
        }
    }

    /// @inheritdoc IHashpowerExchange
    function sellReservedUnits(uint256 offeringId, uint256 units, address buyer, uint256 amountPaid)
        external
        onlyRole(PRIMARY_AUCTION_ROLE)
        returns (uint256 tokenId)
    {
        if (buyer == address(0)) revert Exchange_ZeroAddress();
        uint256 fee;
        (tokenId, fee) = _sellReserved(offeringId, units, buyer, amountPaid);
        address token = _offerings[offeringId].paymentToken;
        IERC20(token).safeTransferFrom(msg.sender, address(this), amountPaid);
        _creditFee(buyer, address(0), token, fee);
    }

    function _sellReserved(uint256 offeringId, uint256 units, address buyer, uint256 paid)
        private
        returns (uint256 tokenId, uint256 fee)
    {
        tokenId = ++positionCount;
        fee = PrimaryAuctionSales.sell(
            _offerings[offeringId], _positions[tokenId], reservedUnits, offeringId, tokenId, units, buyer, paid
        );
        _auctionNet[tokenId] = paid - fee + 1;
        _mint(buyer, tokenId);
    }

    function _priceSale(Offering storage o, uint256 offeringId, uint256 units, uint256 maxTotalPrice)
        private
        view
        returns (Sale memory sale)
    {
        // Check:
        if (o.status != OfferingStatus.Active) {
            if (o.status == OfferingStatus.None) revert Exchange_UnknownOffering(offeringId);
            revert Exchange_OfferingNotActive(offeringId, o.status);
        }
        if (block.timestamp < o.saleStart || block.timestamp >= o.saleEnd) {
            revert Exchange_SaleClosed(offeringId, o.saleStart, o.saleEnd);
        }
        if (units == 0) revert Exchange_ZeroUnits();
        uint256 available = o.unitsTotal - o.unitsSold;
        if (units > available) revert Exchange_InsufficientUnits(offeringId, units, available);
        sale.offeringId = offeringId;
        sale.units = units;
        sale.totalPrice = units * o.pricePerUnit;
        if (sale.totalPrice > maxTotalPrice) revert Exchange_PriceAboveMax(sale.totalPrice, maxTotalPrice);
        sale.net = units * o.netPricePerUnit;
        sale.today = block.timestamp / DAY;
    }

    function _emitPurchased(Sale memory sale, address buyer, address referrer) private {
        emit PositionPurchased(
            sale.tokenId,
            sale.offeringId,
            buyer,
            referrer,
            sale.units,
            sale.totalPrice,
            sale.totalPrice - sale.net,
            sale.net,
            sale.today,
            sale.startDay,
            0
        );
    }

    // =================================================================== rewards

    /// @inheritdoc IHashpowerExchange
    function setDepositor(uint256 offeringId, address depositor, bool approved) external {
        Offering storage o = _offerings[offeringId];
        if (o.status == OfferingStatus.None) revert Exchange_UnknownOffering(offeringId);
        if (msg.sender != o.miner) revert Exchange_NotMiner(offeringId, msg.sender);
        if (depositor == address(0)) revert Exchange_ZeroAddress();
        isDepositor[offeringId][depositor] = approved;
        emit DepositorSet(offeringId, depositor, approved);
    }

    /// @inheritdoc IHashpowerExchange
    function depositReward(uint256 offeringId, uint256 amount) external returns (uint256 day) {
        Offering storage o = _offerings[offeringId];
        // Check: only the miner's deposits make its record, so nobody else can cover (and judge) its days.
        if (msg.sender != o.miner && !isDepositor[offeringId][msg.sender]) {
            if (o.status == OfferingStatus.None) revert Exchange_UnknownOffering(offeringId);
            revert Exchange_NotMinerOrDepositor(offeringId, msg.sender);
        }
        if (amount == 0) revert Exchange_ZeroAmount();
        uint256 units = o.unitsSold;
        if (units == 0) revert Exchange_NoUnitsOutstanding(offeringId);
        uint256 today = block.timestamp / DAY;
        day = uint256(o.lastCoveredDay) + 1;
        if (day >= o.termEndDay) revert Exchange_TermEnded(offeringId, o.termEndDay);
        if (day >= today) revert Exchange_NothingToCover(offeringId, day, today);

        uint256 dayPerUnitWad = Math.mulDiv(amount, WAD, units);
        (uint256 marketAvg, bool exact) = _marketRate(o.assetId, day, today);
        uint256 share = DelinquencyMath.shareOf(dayPerUnitWad, marketAvg);
        DefaultThresholds memory t = _thresholds;
        if (share * 10 < t.minCoverageBps) {
            revert Exchange_DepositBelowMinimum(offeringId, day, share, t.minCoverageBps);
        }

        // Effect:
        uint256 acc = o.accRewardPerUnit + (amount * REWARD_PRECISION) / units;
        uint96 recent = DelinquencyMath.push(o.recentShares, share);
        o.accRewardPerUnit = acc.toUint128();
        o.lastCoveredDay = uint32(day);
        o.recentShares = recent;
        emit RewardDeposited(
            offeringId, msg.sender, day, amount, units, acc, dayPerUnitWad, marketAvg, exact, share, recent
        );

        // Interaction:
        IERC20(o.rewardToken).safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @dev The market average a deposit for `day` is judged against: the day's final report, or,
    /// once the oracle is over a day late, its latest final report, so an unreported day is no free pass.
    function _marketRate(uint32 assetId, uint256 day, uint256 today) private view returns (uint256 avg, bool exact) {
        IMarketRateOracle o = oracle;
        (avg, exact) = o.rateOf(assetId, day);
        if (exact) return (avg, true);
        bool known;
        if (today > day + 1) (avg,, known) = o.latestRate(assetId);
        if (!known) revert Exchange_MarketRateNotReported(assetId, day);
    }

    /// @inheritdoc IHashpowerExchange
    function claimRewards(uint256[] calldata tokenIds) external returns (uint256 total) {
        // Consecutive payouts to the same payee in the same token go out as one transfer. (Kept inline:
        // a shared memory-struct helper costs ~150 gas per position on the claim path.)
        address runOwner;
        address runToken;
        uint256 runAmount;
        for (uint256 i; i < tokenIds.length; ++i) {
            uint256 tokenId = tokenIds[i];
            Position storage p = _positions[tokenId];
            // One SLOAD for the whole slot (the compiler would read it once per field): see {Position}.
            uint256 word;
            assembly ("memory-safe") {
                word := sload(p.slot)
            }
            address owner = _payeeOf(tokenId, (word >> 112) & LockPayouts.REWARDS_TO_LOCKER != 0);
            uint256 offeringId = uint32(word);
            Offering storage o = _offerings[offeringId];
            uint128 acc = o.accRewardPerUnit;
            uint256 amount = (uint256(uint40(word >> 32)) * (acc - uint128(word >> 120))) / REWARD_PRECISION;
            if (amount == 0) continue;
            p.rewardSnapshot = acc;
            emit RewardClaimed(tokenId, offeringId, owner, amount, acc);
            total += amount;

            address token = o.rewardToken;
            if (owner != runOwner || token != runToken) {
                _pay(runToken, runOwner, runAmount);
                (runOwner, runToken, runAmount) = (owner, token, 0);
            }
            runAmount += amount;
        }
        _pay(runToken, runOwner, runAmount);
    }

    // =================================================================== escrow

    /// @inheritdoc IHashpowerExchange
    function withdrawEscrow(uint256 offeringId, address to) external returns (uint256 amount) {
        Offering storage o = _offerings[offeringId];
        if (o.status == OfferingStatus.None) revert Exchange_UnknownOffering(offeringId);
        if (msg.sender != o.miner) revert Exchange_NotMiner(offeringId, msg.sender);
        if (to == address(0)) revert Exchange_ZeroAddress();
        (uint256 released, uint256 releasedDay) = EscrowMath.releasedToDate(o);
        amount = released - o.withdrawn;
        if (amount == 0) revert Exchange_NothingToWithdraw(offeringId);
        o.withdrawn = released.toUint96();
        emit EscrowWithdrawn(offeringId, msg.sender, to, amount, released, releasedDay);
        IERC20(o.paymentToken).safeTransfer(to, amount);
    }

    /// @inheritdoc IHashpowerExchange
    function collectFees(uint256[] calldata offeringIds) external nonReentrant returns (uint256 total) {
        address recipient = feeRecipient;
        for (uint256 i; i < offeringIds.length; ++i) {
            Offering storage o = _offerings[offeringIds[i]];
            uint256 fees = o.feesAccrued;
            if (fees == 0) continue;
            o.feesAccrued = 0;
            total += fees;
            emit FeesCollected(offeringIds[i], recipient, fees);
            IERC20(o.paymentToken).safeTransfer(recipient, fees);
        }
    }

    // =================================================================== default handling

    /// @inheritdoc IHashpowerExchange
    function flag(uint256 offeringId) external {
        DefaultMonitor.flag(_offerings[offeringId], offeringId, _thresholds);
        _refreshAllMetadata();
    }

    /// @inheritdoc IHashpowerExchange
    function resume(uint256 offeringId) external onlyRole(GOVERNOR_ROLE) {
        DefaultMonitor.resume(_offerings[offeringId], offeringId);
        _refreshAllMetadata();
    }

    /// @inheritdoc IHashpowerExchange
    function halt(uint256 offeringId) external {
        if (!hasRole(GOVERNOR_ROLE, msg.sender) && !hasRole(HALT_GUARDIAN_ROLE, msg.sender)) {
            revert AccessControlUnauthorizedAccount(msg.sender, GOVERNOR_ROLE);
        }
        DefaultMonitor.halt(_offerings[offeringId], offeringId);
        _refreshAllMetadata();
    }

    /// @inheritdoc IHashpowerExchange
    function claimRefunds(uint256[] calldata tokenIds) external nonReentrant returns (uint256 total) {
        // Same run-of-payouts pattern as claimRewards.
        address runOwner;
        address runToken;
        uint256 runAmount;
        for (uint256 i; i < tokenIds.length; ++i) {
            uint256 tokenId = tokenIds[i];
            Position storage p = _positions[tokenId];
            address owner = _payeeOf(tokenId, p.lockPayouts & LockPayouts.REFUND_TO_LOCKER != 0);
            (uint256 amount, address token) =
                DefaultMonitor.refund(_offerings[p.offeringId], p, tokenId, owner, positionNet(tokenId));
            total += amount;

            if (owner != runOwner || token != runToken) {
                _pay(runToken, runOwner, runAmount);
                (runOwner, runToken, runAmount) = (owner, token, 0);
            }
            runAmount += amount;
        }
        _pay(runToken, runOwner, runAmount);
    }

    // =================================================================== locks

    /// @inheritdoc IPositionLocks
    function lock(uint256 tokenId, uint8 payouts) external {
        if (!isLocker[msg.sender]) revert Exchange_NotApprovedLocker(msg.sender);
        if (payouts > LockPayouts.ALL) revert Exchange_InvalidLockPayouts(payouts);
        address owner = _requireOwned(tokenId);
        address current = lockedBy[tokenId];
        if (current != address(0)) revert Exchange_PositionIsLocked(tokenId, current);
        if (!_isAuthorized(owner, msg.sender, tokenId)) {
            revert Exchange_NotPositionOwnerOrApproved(tokenId, msg.sender);
        }
        lockedBy[tokenId] = msg.sender;
        _positions[tokenId].lockPayouts = payouts;
        // A lock ends any standing per-token approval, as a transfer does: a listing never revives after it.
        _approve(address(0), tokenId, address(0), false);
        emit PositionLocked(tokenId, msg.sender, owner, payouts);
        emit MetadataUpdate(tokenId);
    }

    /// @inheritdoc IPositionLocks
    function setLockPayouts(uint256 tokenId, uint8 payouts) external {
        _requireLockHolder(tokenId, msg.sender);
        if (payouts > LockPayouts.ALL) revert Exchange_InvalidLockPayouts(payouts);
        _positions[tokenId].lockPayouts = payouts;
        emit LockPayoutsSet(tokenId, msg.sender, payouts);
    }

    /// @inheritdoc IPositionLocks
    function unlock(uint256 tokenId) external {
        _releaseLock(tokenId, msg.sender, address(0));
    }

    /// @inheritdoc IPositionLocks
    function seize(uint256 tokenId, address to) external nonReentrant {
        if (to == address(0)) revert Exchange_ZeroAddress();
        // Revoking a locker is the emergency brake: it may still unlock, never take.
        if (!isLocker[msg.sender]) revert Exchange_NotApprovedLocker(msg.sender);
        address owner = _requireOwned(tokenId);
        _releaseLock(tokenId, msg.sender, to);
        _transfer(owner, to, tokenId);
    }

    /// @inheritdoc IHashpowerExchange
    function releaseRevokedLock(uint256 tokenId) external onlyRole(GOVERNOR_ROLE) {
        address locker = lockedBy[tokenId];
        if (locker == address(0)) revert Exchange_PositionIsNotLocked(tokenId);
        if (isLocker[locker]) revert Exchange_LockerStillApproved(locker);
        _releaseLock(tokenId, locker, address(0));
    }

    function _requireLockHolder(uint256 tokenId, address holder) private view {
        address locker = lockedBy[tokenId];
        if (locker == address(0)) revert Exchange_PositionIsNotLocked(tokenId);
        if (locker != holder) revert Exchange_NotLockHolder(tokenId, holder);
    }

    function _releaseLock(uint256 tokenId, address holder, address seizedTo) private {
        _requireLockHolder(tokenId, holder);
        delete lockedBy[tokenId];
        _positions[tokenId].lockPayouts = LockPayouts.TO_OWNER;
        emit PositionUnlocked(tokenId, holder, seizedTo);
        emit MetadataUpdate(tokenId);
    }

    /// @dev The single choke point of every transfer: a locked position cannot move. Mints skip the
    /// lock lookup (a token that does not exist yet cannot be locked).
    function _update(address to, uint256 tokenId, address auth) internal override returns (address) {
        if (_ownerOf(tokenId) != address(0)) {
            address locker = lockedBy[tokenId];
            if (locker != address(0)) revert Exchange_PositionIsLocked(tokenId, locker);
        }
        return super._update(to, tokenId, auth);
    }

    // =================================================================== governance

    /// @inheritdoc IHashpowerExchange
    function setChannelFee(uint16 feeBps) external onlyRole(GOVERNOR_ROLE) {
        if (feeBps > MAX_CHANNEL_FEE_BPS) revert Exchange_FeeTooHigh(feeBps, MAX_CHANNEL_FEE_BPS);
        emit ChannelFeeSet(channelFeeBps, feeBps);
        channelFeeBps = feeBps;
    }

    /// @inheritdoc IHashpowerExchange
    function setFeeRecipient(address recipient) external onlyRole(GOVERNOR_ROLE) {
        if (recipient == address(0)) revert Exchange_ZeroAddress();
        emit FeeRecipientSet(feeRecipient, recipient);
        feeRecipient = recipient;
    }

    /// @inheritdoc IHashpowerExchange
    function setDefaultThresholds(DefaultThresholds calldata thresholds) external onlyRole(GOVERNOR_ROLE) {
        _setDefaultThresholds(thresholds);
    }

    function _setDefaultThresholds(DefaultThresholds memory t) private {
        DefaultMonitor.setThresholds(_thresholds, t);
    }

    /// @inheritdoc IHashpowerExchange
    function setLocker(address locker, bool approved) external onlyRole(GOVERNOR_ROLE) {
        if (locker == address(0)) revert Exchange_ZeroAddress();
        isLocker[locker] = approved;
        emit LockerSet(locker, approved);
    }

    /// @inheritdoc IHashpowerExchange
    function setTradingRewards(address rewards) external onlyRole(GOVERNOR_ROLE) {
        tradingRewards = rewards;
        emit TradingRewardsSet(rewards);
    }

    /// @inheritdoc IHashpowerExchange
    function setRenderer(address renderer_) external onlyRole(GOVERNOR_ROLE) {
        renderer = IPositionRenderer(renderer_);
        emit RendererSet(renderer_);
        _refreshAllMetadata();
    }

    /// @inheritdoc IHashpowerExchange
    function setOracle(address oracle_) external onlyRole(GOVERNOR_ROLE) {
        if (oracle_ == address(0)) revert Exchange_ZeroAddress();
        oracle = IMarketRateOracle(oracle_);
        emit OracleSet(oracle_);
    }

    // =================================================================== views

    /// @inheritdoc IHashpowerExchange
    function getOffering(uint256 offeringId) external view returns (Offering memory) {
        return _offerings[offeringId];
    }

    /// @inheritdoc IHashpowerExchange
    function getPosition(uint256 tokenId) external view returns (Position memory) {
        _requireOwned(tokenId);
        return _positions[tokenId];
    }

    /// @inheritdoc IHashpowerExchange
    function claimableRewards(uint256 tokenId) public view returns (uint256) {
        Position storage p = _positions[tokenId];
        return (uint256(p.units) * (_offerings[p.offeringId].accRewardPerUnit - p.rewardSnapshot)) / REWARD_PRECISION;
    }

    /// @inheritdoc IPositionLocks
    function positionState(uint256 tokenId) external view returns (PositionState memory st) {
        st.owner = _requireOwned(tokenId);
        Position storage p = _positions[tokenId];
        Offering storage o = _offerings[p.offeringId];
        st.lockHolder = lockedBy[tokenId];
        st.lockPayouts = p.lockPayouts;
        st.status = o.status;
        st.offeringId = p.offeringId;
        st.units = p.units;
        st.termEndDay = o.termEndDay;
        st.paymentToken = o.paymentToken;
        st.rewardToken = o.rewardToken;
        st.claimableRewards = claimableRewards(tokenId);
        st.refundable = refundableOf(tokenId);
    }

    /// @inheritdoc IHashpowerExchange
    function refundableOf(uint256 tokenId) public view returns (uint256) {
        Position storage p = _positions[tokenId];
        Offering storage o = _offerings[p.offeringId];
        if (o.status != OfferingStatus.Halted || p.refunded || p.units == 0) return 0;
        uint256 net = positionNet(tokenId);
        return net - EscrowMath.positionReleasedCeil(net, o.termStartDay, o.termEndDay, o.frozenDay);
    }

    /// @inheritdoc IHashpowerExchange
    function positionNet(uint256 tokenId) public view returns (uint256) {
        uint256 auctioned = _auctionNet[tokenId];
        if (auctioned != 0) return auctioned - 1;
        Position storage p = _positions[tokenId];
        return uint256(p.units) * _offerings[p.offeringId].netPricePerUnit;
    }

    /// @inheritdoc IHashpowerExchange
    function offeringStatus(uint256 offeringId) external view returns (OfferingStatus) {
        return _offerings[offeringId].status;
    }

    /// @inheritdoc IHashpowerExchange
    function releasedToDate(uint256 offeringId) external view returns (uint256 released, uint256 releasedDay) {
        return EscrowMath.releasedToDate(_offerings[offeringId]);
    }

    /// @inheritdoc IHashpowerExchange
    function withdrawableEscrow(uint256 offeringId) external view returns (uint256) {
        Offering storage o = _offerings[offeringId];
        (uint256 released,) = EscrowMath.releasedToDate(o);
        return released - o.withdrawn;
    }

    /// @inheritdoc IHashpowerExchange
    function flaggable(uint256 offeringId)
        external
        view
        returns (bool canFlag, FlagReason reason, uint256 missedDays, uint256 windowShare)
    {
        return DefaultMonitor.flaggable(_offerings[offeringId], offeringId, _thresholds);
    }

    /// @inheritdoc IHashpowerExchange
    function defaultThresholds() external view returns (DefaultThresholds memory) {
        return _thresholds;
    }

    /// @notice On-chain metadata from the renderer (JSON + SVG data URI).
    /// @notice On-chain metadata from the renderer (JSON + SVG data URI).
    function tokenURI(uint256 tokenId) public view override returns (string memory) {
        _requireOwned(tokenId);
        if (address(renderer) == address(0)) return "";
        return renderer.tokenURI(address(this), tokenId);
    }

    /// @inheritdoc IERC165
    function supportsInterface(bytes4 interfaceId) public view override(ERC721, AccessControl, IERC165) returns (bool) {
        return interfaceId == bytes4(0x49064906) || super.supportsInterface(interfaceId);
    }

    // =================================================================== internals

    /// @dev Who a claim of `tokenId` pays: its lock holder while the payout is routed to it (and then only
    /// the holder may claim, so the locker can account for every unit it receives), else its owner (the
    /// caller must be the owner or approved by it).
    function _payeeOf(uint256 tokenId, bool routed) private view returns (address payee) {
        address owner = _requireOwned(tokenId);
        if (routed) {
            payee = lockedBy[tokenId];
            if (msg.sender != payee) revert Exchange_NotLockHolder(tokenId, msg.sender);
        } else {
            if (!_isAuthorized(owner, msg.sender, tokenId)) {
                revert Exchange_NotPositionOwnerOrApproved(tokenId, msg.sender);
            }
            payee = owner;
        }
    }

    function _pay(address token, address to, uint256 amount) private {
        if (amount != 0) IERC20(token).safeTransfer(to, amount);
    }

    /// @dev A status change alters every position card of the offering; ERC-4906 has no per-offering
    /// event, so signal the whole id range (indexers and marketplaces refetch lazily).
    function _refreshAllMetadata() private {
        if (positionCount != 0) emit BatchMetadataUpdate(1, positionCount);
    }
}
