// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

import {IHashpowerExchange} from "../interfaces/IHashpowerExchange.sol";
import {IMutualInsurance} from "../interfaces/IMutualInsurance.sol";
import {IPremiumSink} from "../interfaces/IFeeSinks.sol";
import {LockPayouts, OfferingStatus, Position} from "../types/HashpowerTypes.sol";

/// @title MutualInsurance
/// @notice The mutual insurance pool: the DAO's fund, the underwriters' pot, each defaulted offering's slashed
/// miner stake and the payouts the DAO votes to the holders of a halted offering. Order of loss: slashed stake,
/// then the underwriters' pot (at most `maxPotShareBps` per payout), then the fund. See {IMutualInsurance} and
/// docs/decisions/0022-mutual-insurance.md.
/// @dev Accounting is internal: the pots are counters, never `balanceOf`, so DMC sent without a call cannot move
/// the share price (it joins the fund through {syncFund}). Shares carry a virtual offset (1e6 shares, 1 wei):
/// the first depositor cannot inflate the price, and rounding (down on mint and on withdraw) favours the pool.
/// Premiums are a per-token accumulator over shares; the listed-ever premium tokens are capped at
/// {MAX_PREMIUM_TOKENS}, so settling an account is a bounded loop. The owner (the DAO timelock) can list
/// premium tokens, set parameters (in force only after a notice), reject claims and execute payouts; nothing lets
/// it take staked DMC, premiums or payouts out of the pool.
contract MutualInsurance is IMutualInsurance, Ownable, ReentrancyGuard {
    using SafeERC20 for IERC20;

    /// @notice Premium tokens ever listed, at most (each account settles every one on a share change).
    uint256 public constant MAX_PREMIUM_TOKENS = 8;
    /// @notice How long a payout stays claimable; after it, what is unclaimed returns to the fund.
    uint256 public constant CLAIM_PERIOD = 730 days;
    /// @notice Bounds of the parameters.
    uint256 public constant MIN_COOLDOWN = 1 days;
    uint256 public constant MAX_COOLDOWN = 60 days;
    uint256 public constant MIN_WINDOW = 1 days;
    uint256 public constant MAX_WINDOW = 30 days;
    uint256 public constant MIN_CLAIM_DURATION = 7 days;
    uint256 public constant MAX_CLAIM_DURATION = 60 days;

    uint256 private constant BPS = 10_000;
    uint256 private constant ACC_PRECISION = 1e36;
    uint256 private constant VIRTUAL_SHARES = 1e6;
    uint256 private constant VIRTUAL_ASSETS = 1;

    /// @dev An account's standing in one premium token: the accumulator it was last settled at, and what it owns.
    struct PremiumSlot {
        uint256 debt;
        uint256 owed;
    }

    /// @dev What one payout took from each pot.
    struct Loss {
        uint256 fromSlashed;
        uint256 fromPot;
        uint256 fromFund;
    }

    /// @dev A premium token's accumulator, the premium waiting to be shared, and the totals.
    struct PremiumToken {
        bool listed;
        bool known;
        uint256 accPerShare;
        uint256 carry;
        uint256 deposited;
        uint256 paid;
    }

    /// @notice The DMC token every pot holds.
    IERC20 public immutable dmc;
    /// @notice The exchange whose offerings the pool covers.
    IHashpowerExchange public immutable exchange;

    uint256 private _fund;
    uint256 private _pot;
    uint256 private _totalShares;
    uint256 private _totalSlashed;
    uint256 private _unclaimed;

    mapping(address account => uint256) private _shares;
    mapping(address account => Request) private _requests;
    mapping(uint256 offeringId => uint256) private _slashed;

    address[] private _premiumTokenList;
    mapping(address token => PremiumToken) private _premium;
    mapping(address account => mapping(address token => PremiumSlot)) private _premiumOf;

    Params private _current;
    Params private _pending;
    uint256 private _pendingAt; // when `_pending` takes effect (0: none)

    uint256 private _claimCount;
    uint256 private _openClaims;
    uint256 private _freezeEnd; // the latest expiry of any claim opened
    mapping(uint256 claimId => Claim) private _claims;
    mapping(uint256 offeringId => uint256 claimId) private _claimOfOffering;
    mapping(uint256 payoutId => Payout) private _payouts;
    /// @dev Claimed positions per payout, as bitmaps (token ids of one offering sit next to each other).
    mapping(uint256 payoutId => mapping(uint256 word => uint256 bits)) private _claimedBits;

    /// @param owner_ The DAO timelock.
    /// @param dmc_ The DMC token.
    /// @param exchange_ The hashpower exchange.
    /// @param p The initial parameters (in force at once).
    constructor(address owner_, IERC20 dmc_, IHashpowerExchange exchange_, Params memory p) Ownable(owner_) {
        if (address(dmc_) == address(0) || address(exchange_) == address(0)) revert Mutual_ZeroAddress();
        _checkParams(p);
        dmc = dmc_;
        exchange = exchange_;
        _current = p;
        emit ParamsSet(p.cooldown, p.window, p.claimDuration, p.maxPotShareBps, block.timestamp);
    }

    // =================================================================== underwriters

    /// @inheritdoc IMutualInsurance
    function underwrite(uint256 amount) external nonReentrant returns (uint256 shares) {
        if (amount == 0) revert Mutual_ZeroAmount();
        shares = _toShares(amount);
        if (shares == 0) revert Mutual_ZeroShares(amount);
        _settleAll(msg.sender);
        uint256 accountShares = _shares[msg.sender] + shares;
        uint256 total = _totalShares + shares;
        uint256 pot = _pot + amount;
        _shares[msg.sender] = accountShares;
        _totalShares = total;
        _pot = pot;
        emit Underwritten(msg.sender, amount, shares, accountShares, total, pot);
        dmc.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IMutualInsurance
    function requestUnstake(uint256 shares) external {
        _requireNotFrozen();
        if (shares == 0) revert Mutual_ZeroAmount();
        uint256 held = _shares[msg.sender];
        if (shares > held) revert Mutual_InsufficientShares(msg.sender, shares, held);
        Params memory p = params();
        uint256 readyAt = block.timestamp + p.cooldown;
        uint256 expiresAt = readyAt + p.window;
        _requests[msg.sender] = Request(SafeCast.toUint128(shares), uint64(readyAt), uint64(expiresAt));
        emit UnstakeRequested(msg.sender, shares, readyAt, expiresAt);
    }

    /// @inheritdoc IMutualInsurance
    function cancelUnstake() external {
        Request memory r = _requests[msg.sender];
        if (r.shares == 0) revert Mutual_NoRequest(msg.sender);
        delete _requests[msg.sender];
        emit UnstakeCancelled(msg.sender, r.shares);
    }

    /// @inheritdoc IMutualInsurance
    function withdraw() external nonReentrant returns (uint256 amount) {
        _requireNotFrozen();
        Request memory r = _requests[msg.sender];
        if (r.shares == 0) revert Mutual_NoRequest(msg.sender);
        if (block.timestamp < r.readyAt) revert Mutual_CooldownActive(msg.sender, r.readyAt);
        if (block.timestamp >= r.expiresAt) revert Mutual_RequestLapsed(msg.sender, r.expiresAt);
        uint256 shares = r.shares;
        uint256 held = _shares[msg.sender];
        // Shares only leave through this function, so the request is always covered; checked all the same.
        if (shares > held) revert Mutual_InsufficientShares(msg.sender, shares, held);
        amount = _toAssets(shares);
        _settleAll(msg.sender);
        delete _requests[msg.sender];
        uint256 total = _totalShares - shares;
        uint256 pot = _pot - amount;
        _shares[msg.sender] = held - shares;
        _totalShares = total;
        _pot = pot;
        emit Withdrawn(msg.sender, shares, amount, total, pot);
        if (amount != 0) dmc.safeTransfer(msg.sender, amount);
    }

    /// @inheritdoc IMutualInsurance
    function claimPremium(address token, address to) external nonReentrant returns (uint256 amount) {
        if (to == address(0)) revert Mutual_ZeroAddress();
        PremiumToken storage t = _premium[token];
        if (!t.known) revert Mutual_InvalidPremiumToken(token);
        PremiumSlot storage s = _premiumOf[msg.sender][token];
        _settle(s, t.accPerShare, _shares[msg.sender]);
        amount = s.owed;
        if (amount == 0) revert Mutual_ZeroAmount();
        s.owed = 0;
        t.paid += amount;
        emit PremiumClaimed(msg.sender, token, to, amount);
        IERC20(token).safeTransfer(to, amount);
    }

    /// @inheritdoc IPremiumSink
    /// @dev Counts what arrived (a token taking a fee on transfer credits less). With no shares staked, or for
    /// the rounding remainder, the premium is carried: the next premium of the token shares it with its own.
    function depositPremium(address token, uint256 amount) external nonReentrant {
        PremiumToken storage t = _premium[token];
        if (!t.listed) revert Mutual_InvalidPremiumToken(token);
        if (amount == 0) revert Mutual_ZeroAmount();
        uint256 before = IERC20(token).balanceOf(address(this));
        IERC20(token).safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = IERC20(token).balanceOf(address(this)) - before;
        t.deposited += received;
        uint256 available = t.carry + received;
        uint256 total = _totalShares;
        uint256 distributed;
        if (total != 0) {
            uint256 inc = Math.mulDiv(available, ACC_PRECISION, total);
            // Rounded up: every account's share, rounded down, sums to at most this.
            distributed = Math.mulDiv(inc, total, ACC_PRECISION, Math.Rounding.Ceil);
            t.accPerShare += inc;
        }
        t.carry = available - distributed;
        emit PremiumDeposited(token, msg.sender, received, distributed, t.carry, total, t.accPerShare);
    }

    // =================================================================== pots

    /// @inheritdoc IMutualInsurance
    function addToFund(uint256 amount) external nonReentrant {
        if (amount == 0) revert Mutual_ZeroAmount();
        uint256 fund = _fund + amount;
        _fund = fund;
        emit FundAdded(msg.sender, amount, fund);
        dmc.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IMutualInsurance
    function syncFund() external nonReentrant returns (uint256 amount) {
        amount = dmc.balanceOf(address(this)) - _accounted();
        if (amount == 0) return 0;
        uint256 fund = _fund + amount;
        _fund = fund;
        emit FundAdded(address(this), amount, fund);
    }

    /// @inheritdoc IMutualInsurance
    function depositSlashed(uint256 offeringId, uint256 amount) external nonReentrant {
        if (amount == 0) revert Mutual_ZeroAmount();
        OfferingStatus status = exchange.offeringStatus(offeringId);
        if (status != OfferingStatus.Halted) revert Mutual_OfferingNotDefaulted(offeringId, uint8(status));
        uint256 slashed = _slashed[offeringId] + amount;
        _slashed[offeringId] = slashed;
        _totalSlashed += amount;
        emit SlashedDeposited(offeringId, msg.sender, amount, slashed);
        dmc.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IMutualInsurance
    function moveSlashedToFund(uint256 offeringId, uint256 amount) external onlyOwner {
        uint256 slashed = _slashed[offeringId];
        if (amount == 0) revert Mutual_ZeroAmount();
        if (amount > slashed) revert Mutual_InsufficientSlashed(offeringId, amount, slashed);
        slashed -= amount;
        _slashed[offeringId] = slashed;
        _totalSlashed -= amount;
        uint256 fund = _fund + amount;
        _fund = fund;
        emit SlashedMovedToFund(offeringId, amount, slashed, fund);
    }

    // =================================================================== claims and payouts

    /// @inheritdoc IMutualInsurance
    function openClaim(uint256 offeringId) external returns (uint256 claimId) {
        OfferingStatus status = exchange.offeringStatus(offeringId);
        if (status != OfferingStatus.Flagged && status != OfferingStatus.Halted) {
            revert Mutual_OfferingNotDefaulted(offeringId, uint8(status));
        }
        uint256 previous = _claimOfOffering[offeringId];
        // Anyone may open the first claim of an offering; another one only the DAO, and never two at once:
        // nobody can freeze the pool more than once per default.
        if (previous != 0 && (msg.sender != owner() || _claims[previous].status == ClaimStatus.Open)) {
            revert Mutual_ClaimExists(offeringId, previous);
        }
        claimId = ++_claimCount;
        uint256 expiresAt = block.timestamp + params().claimDuration;
        _claims[claimId] =
            Claim(uint32(offeringId), uint64(block.timestamp), uint64(expiresAt), ClaimStatus.Open, msg.sender);
        _claimOfOffering[offeringId] = claimId;
        ++_openClaims;
        if (expiresAt > _freezeEnd) _freezeEnd = expiresAt;
        emit ClaimOpened(claimId, offeringId, msg.sender, expiresAt);
    }

    /// @inheritdoc IMutualInsurance
    function rejectClaim(uint256 claimId) external onlyOwner {
        Claim storage c = _claims[claimId];
        if (c.status != ClaimStatus.Open) revert Mutual_ClaimNotOpen(claimId);
        _endClaim(c, claimId, ClaimStatus.Rejected);
    }

    /// @inheritdoc IMutualInsurance
    function closeClaim(uint256 claimId) external {
        Claim storage c = _claims[claimId];
        if (c.status != ClaimStatus.Open) revert Mutual_ClaimNotOpen(claimId);
        if (block.timestamp < c.expiresAt && exchange.offeringStatus(c.offeringId) != OfferingStatus.Active) {
            revert Mutual_ClaimStillOpen(claimId);
        }
        _endClaim(c, claimId, ClaimStatus.Closed);
    }

    /// @inheritdoc IMutualInsurance
    function executePayout(uint256 claimId, uint256 amount) external onlyOwner nonReentrant returns (uint256 total) {
        Claim storage c = _claims[claimId];
        if (c.status != ClaimStatus.Open || block.timestamp >= c.expiresAt) revert Mutual_ClaimNotOpen(claimId);
        uint256 offeringId = c.offeringId;
        {
            OfferingStatus status = exchange.offeringStatus(offeringId);
            if (status != OfferingStatus.Halted) revert Mutual_OfferingNotDefaulted(offeringId, uint8(status));
        }
        uint256 units = exchange.getOffering(offeringId).unitsSold;
        uint256 perUnit = units == 0 ? 0 : amount / units;
        if (perUnit == 0) revert Mutual_PayoutTooSmall(amount, units);
        total = perUnit * units;
        Loss memory loss = _takeInOrder(offeringId, amount, total);
        _unclaimed += total;
        // DMC's whole supply fits 96 bits, so per unit and claimed always do.
        _payouts[claimId] = Payout(
            SafeCast.toUint96(perUnit),
            0,
            uint32(offeringId),
            SafeCast.toUint32(block.timestamp + CLAIM_PERIOD),
            SafeCast.toUint96(total),
            uint40(units)
        );
        _endClaim(c, claimId, ClaimStatus.Executed);
        emit PayoutExecuted(
            claimId, offeringId, amount, total, perUnit, units, loss.fromSlashed, loss.fromPot, loss.fromFund
        );
    }

    /// @dev Takes `total` in the order of loss: the offering's slashed stake, the underwriters' pot (capped), the
    /// fund. Reverts if the three cannot cover it.
    function _takeInOrder(uint256 offeringId, uint256 amount, uint256 total) private returns (Loss memory loss) {
        uint256 slashed = _slashed[offeringId];
        uint256 pot = _pot;
        uint256 fund = _fund;
        uint256 potCap = pot * params().maxPotShareBps / BPS;
        uint256 available = slashed + potCap + fund;
        if (total > available) revert Mutual_PayoutExceedsPool(amount, available);
        loss.fromSlashed = Math.min(total, slashed);
        loss.fromPot = Math.min(total - loss.fromSlashed, potCap);
        loss.fromFund = total - loss.fromSlashed - loss.fromPot;
        _slashed[offeringId] = slashed - loss.fromSlashed;
        _totalSlashed -= loss.fromSlashed;
        _pot = pot - loss.fromPot;
        _fund = fund - loss.fromFund;
    }

    /// @inheritdoc IMutualInsurance
    function claimPayout(uint256 payoutId, uint256[] calldata tokenIds) external nonReentrant returns (uint256 total) {
        Payout storage p = _payouts[payoutId];
        uint256 perUnit = p.perUnit;
        if (perUnit == 0) revert Mutual_UnknownPayout(payoutId);
        if (block.timestamp >= p.claimDeadline) revert Mutual_PayoutExpired(payoutId);
        uint256 offeringId = p.offeringId;
        address runPayee;
        uint256 runAmount;
        for (uint256 i; i < tokenIds.length; ++i) {
            (address payee, uint256 amount) = _claimOne(payoutId, offeringId, perUnit, tokenIds[i]);
            total += amount;
            if (payee != runPayee) {
                if (runAmount != 0) _payRun(p, runPayee, runAmount);
                (runPayee, runAmount) = (payee, 0);
            }
            runAmount += amount;
        }
        if (runAmount != 0) _payRun(p, runPayee, runAmount);
    }

    /// @inheritdoc IMutualInsurance
    function expirePayout(uint256 payoutId) external {
        Payout storage p = _payouts[payoutId];
        if (p.perUnit == 0) revert Mutual_UnknownPayout(payoutId);
        if (block.timestamp < p.claimDeadline) revert Mutual_PayoutNotExpired(payoutId, p.claimDeadline);
        uint256 left = p.total - p.claimed;
        if (left == 0) revert Mutual_ZeroAmount();
        p.claimed = uint96(p.total);
        _unclaimed -= left;
        uint256 fund = _fund + left;
        _fund = fund;
        emit PayoutExpired(payoutId, left, fund);
    }

    // =================================================================== governance

    /// @inheritdoc IMutualInsurance
    function setPremiumToken(address token, bool listed) external onlyOwner {
        if (token == address(0)) revert Mutual_ZeroAddress();
        if (token == address(dmc)) revert Mutual_InvalidPremiumToken(token);
        PremiumToken storage t = _premium[token];
        if (!t.known) {
            if (!listed) revert Mutual_InvalidPremiumToken(token);
            if (_premiumTokenList.length >= MAX_PREMIUM_TOKENS) revert Mutual_InvalidPremiumToken(token);
            _premiumTokenList.push(token);
            t.known = true;
        }
        t.listed = listed;
        emit PremiumTokenSet(token, listed);
    }

    /// @inheritdoc IMutualInsurance
    function setParams(Params calldata p) external onlyOwner {
        _checkParams(p);
        Params memory inForce = params();
        _current = inForce;
        uint256 effectiveAt = block.timestamp + inForce.cooldown + inForce.window;
        _pending = p;
        _pendingAt = effectiveAt;
        emit ParamsSet(p.cooldown, p.window, p.claimDuration, p.maxPotShareBps, effectiveAt);
    }

    // =================================================================== views

    /// @inheritdoc IMutualInsurance
    function pools()
        external
        view
        returns (uint256 fund, uint256 pot, uint256 slashed, uint256 unclaimed, uint256 totalShares)
    {
        return (_fund, _pot, _totalSlashed, _unclaimed, _totalShares);
    }

    /// @inheritdoc IMutualInsurance
    function params() public view returns (Params memory) {
        uint256 at = _pendingAt;
        if (at != 0 && block.timestamp >= at) return _pending;
        return _current;
    }

    /// @inheritdoc IMutualInsurance
    function frozen() public view returns (bool isFrozen, uint256 until) {
        until = _freezeEnd;
        isFrozen = _openClaims != 0 && block.timestamp < until;
    }

    /// @inheritdoc IMutualInsurance
    function underwriterOf(address account) external view returns (uint256 shares, uint256 value) {
        shares = _shares[account];
        value = _toAssets(shares);
    }

    /// @inheritdoc IMutualInsurance
    function requestOf(address account) external view returns (Request memory) {
        return _requests[account];
    }

    /// @inheritdoc IMutualInsurance
    function premiumOf(address account, address token) external view returns (uint256) {
        PremiumSlot memory s = _premiumOf[account][token];
        return s.owed + Math.mulDiv(_shares[account], _premium[token].accPerShare - s.debt, ACC_PRECISION);
    }

    /// @inheritdoc IMutualInsurance
    function premiumToken(address token)
        external
        view
        returns (bool listed, uint256 accPerShare, uint256 carry, uint256 deposited, uint256 paid)
    {
        PremiumToken memory t = _premium[token];
        return (t.listed, t.accPerShare, t.carry, t.deposited, t.paid);
    }

    /// @inheritdoc IMutualInsurance
    function premiumTokens() external view returns (address[] memory) {
        return _premiumTokenList;
    }

    /// @inheritdoc IMutualInsurance
    function previewWithdraw(uint256 shares) external view returns (uint256) {
        return _toAssets(shares);
    }

    /// @inheritdoc IMutualInsurance
    function previewUnderwrite(uint256 amount) external view returns (uint256) {
        return _toShares(amount);
    }

    /// @inheritdoc IMutualInsurance
    function slashedOf(uint256 offeringId) external view returns (uint256) {
        return _slashed[offeringId];
    }

    /// @inheritdoc IMutualInsurance
    function getClaim(uint256 claimId) external view returns (Claim memory) {
        return _claims[claimId];
    }

    /// @inheritdoc IMutualInsurance
    function claimOfOffering(uint256 offeringId) external view returns (uint256) {
        return _claimOfOffering[offeringId];
    }

    /// @inheritdoc IMutualInsurance
    function getPayout(uint256 payoutId) external view returns (Payout memory) {
        return _payouts[payoutId];
    }

    /// @inheritdoc IMutualInsurance
    function claimableOf(uint256 payoutId, uint256 tokenId) external view returns (uint256) {
        Payout memory p = _payouts[payoutId];
        if (p.perUnit == 0 || block.timestamp >= p.claimDeadline || hasClaimed(payoutId, tokenId)) return 0;
        Position memory pos = exchange.getPosition(tokenId);
        if (pos.offeringId != p.offeringId) return 0;
        return uint256(p.perUnit) * pos.units;
    }

    /// @inheritdoc IMutualInsurance
    function hasClaimed(uint256 payoutId, uint256 tokenId) public view returns (bool) {
        return _claimedBits[payoutId][tokenId >> 8] & (1 << (tokenId & 0xff)) != 0;
    }

    /// @inheritdoc IMutualInsurance
    function claimCount() external view returns (uint256) {
        return _claimCount;
    }

    // =================================================================== internals

    function _toShares(uint256 amount) private view returns (uint256) {
        return Math.mulDiv(amount, _totalShares + VIRTUAL_SHARES, _pot + VIRTUAL_ASSETS);
    }

    function _toAssets(uint256 shares) private view returns (uint256) {
        return Math.mulDiv(shares, _pot + VIRTUAL_ASSETS, _totalShares + VIRTUAL_SHARES);
    }

    function _accounted() private view returns (uint256) {
        return _fund + _pot + _totalSlashed + _unclaimed;
    }

    function _requireNotFrozen() private view {
        (bool isFrozen, uint256 until) = frozen();
        if (isFrozen) revert Mutual_ExitsFrozen(until);
    }

    function _endClaim(Claim storage c, uint256 claimId, ClaimStatus status) private {
        c.status = status;
        --_openClaims;
        if (status != ClaimStatus.Executed) emit ClaimEnded(claimId, c.offeringId, status);
    }

    /// @dev Settles every premium token of `account` at its current shares (bounded by {MAX_PREMIUM_TOKENS}).
    function _settleAll(address account) private {
        uint256 shares = _shares[account];
        uint256 n = _premiumTokenList.length;
        for (uint256 i; i < n; ++i) {
            address token = _premiumTokenList[i];
            _settle(_premiumOf[account][token], _premium[token].accPerShare, shares);
        }
    }

    function _settle(PremiumSlot storage s, uint256 acc, uint256 shares) private {
        uint256 debt = s.debt;
        if (debt == acc) return;
        if (shares != 0) s.owed += Math.mulDiv(shares, acc - debt, ACC_PRECISION);
        s.debt = acc;
    }

    /// @dev Marks one position's claim of a payout and returns its payee and amount (checks and effects only).
    function _claimOne(uint256 payoutId, uint256 offeringId, uint256 perUnit, uint256 tokenId)
        private
        returns (address payee, uint256 amount)
    {
        Position memory pos = exchange.getPosition(tokenId);
        if (pos.offeringId != offeringId) revert Mutual_WrongOffering(payoutId, tokenId, pos.offeringId);
        payee = IERC721(address(exchange)).ownerOf(tokenId);
        if (pos.lockPayouts & LockPayouts.REFUND_TO_LOCKER != 0) {
            // The payout follows the refund: to the lock holder, only when it asks; else it waits in the NFT.
            address holder = exchange.lockedBy(tokenId);
            if (msg.sender != holder) revert Mutual_PositionPledged(tokenId, holder);
            payee = holder;
        }
        mapping(uint256 => uint256) storage words = _claimedBits[payoutId];
        uint256 bit = 1 << (tokenId & 0xff);
        uint256 bits = words[tokenId >> 8];
        if (bits & bit != 0) revert Mutual_AlreadyClaimed(payoutId, tokenId);
        words[tokenId >> 8] = bits | bit;
        amount = perUnit * pos.units;
        emit PayoutClaimed(payoutId, tokenId, payee, amount);
    }

    /// @dev Books a run of positions' payouts (same payee) and pays it: every effect of the amount before its
    /// transfer. The sum never exceeds the payout: the offering's units (all sold before its halt) never exceed
    /// the units sold at execution, and each position claims once.
    function _payRun(Payout storage p, address payee, uint256 amount) private {
        p.claimed += uint96(amount);
        _unclaimed -= amount;
        dmc.safeTransfer(payee, amount);
    }

    function _checkParams(Params memory p) private pure {
        if (
            p.cooldown < MIN_COOLDOWN || p.cooldown > MAX_COOLDOWN || p.window < MIN_WINDOW || p.window > MAX_WINDOW
                || p.claimDuration < MIN_CLAIM_DURATION || p.claimDuration > MAX_CLAIM_DURATION || p.maxPotShareBps == 0
                || p.maxPotShareBps > BPS
        ) revert Mutual_InvalidParams(p.cooldown, p.window, p.claimDuration, p.maxPotShareBps);
    }
}
