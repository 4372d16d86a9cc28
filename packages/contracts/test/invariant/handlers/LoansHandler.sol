// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ProtocolParameters} from "../../../src/governance/ProtocolParameters.sol";
import {HashpowerExchange} from "../../../src/HashpowerExchange.sol";
import {IPositionLoans} from "../../../src/interfaces/IPositionLoans.sol";
import {PositionLoans} from "../../../src/lending/PositionLoans.sol";
import {MarketRateOracle} from "../../../src/oracle/MarketRateOracle.sol";
import {BridgedToken} from "../../../src/tokens/BridgedToken.sol";
import {Offering} from "../../../src/types/HashpowerTypes.sol";
import {TestBase} from "../../utils/TestBase.sol";

/// @notice Random lending traffic for LoanInvariants among four actors who each lend and borrow:
/// offers of every collateral kind (some a stranger tries to accept with another's position), requests
/// and fills, cancels (by id, by nonce, by strangers), repayments in part and in full by anyone,
/// refinancing, rollovers, self-repayment on and off with rewards the miner deposits, foreclosures,
/// claims, fee sweeps, governance changing the grace and the fee, positions moving between actors, and
/// time passing by minutes to two days. Ghosts record what the invariants (31-37 of
/// test/invariant/README.md) cannot read back from the contracts.
contract LoansHandler is TestBase {
    struct Setup {
        HashpowerExchange exchange;
        PositionLoans loans;
        ProtocolParameters params;
        MarketRateOracle oracle;
        BridgedToken usdt;
        BridgedToken ifil;
        BridgedToken wbtc;
        address governor;
        address reporter;
        address bridge;
        uint32 assetId;
        uint256 marketWad;
    }

    HashpowerExchange public immutable exchange;
    PositionLoans public immutable loans;
    ProtocolParameters public immutable params;
    MarketRateOracle public immutable oracle;
    BridgedToken public immutable usdt;
    BridgedToken public immutable ifil;
    BridgedToken public immutable wbtc;
    address public immutable governor;
    address public immutable reporter;
    address public immutable bridge;
    uint32 public immutable assetId;
    uint256 public immutable marketWad;

    address[] public actors;
    uint256[] public tokens; // the positions the actors pledge
    uint256[] public offerings;
    uint256[] public offerIds;
    uint256[] public requestIds;
    uint256[] public loanIds; // every loan id that ever started, once
    mapping(uint256 loanId => bool) internal _known;

    // ------------------------------------------------------------------ ghosts
    mapping(string name => uint256) public calls;
    /// @dev Loans started by an offer, per offer (acceptances and rollovers): never above its maxFills (37).
    mapping(uint256 offerId => uint256) public fillsOf;
    mapping(uint256 offerId => uint256) public maxFillsOf;
    uint256 public ghostOverFilledOffers;
    /// @dev A position foreclosed to anyone but its lender, or a repaid one not free with its borrower (31).
    uint256 public ghostCollateralToWrongAccount;
    /// @dev A payment that lowered the debt by other than what it paid, or paid other than min(amount, debt) (34).
    uint256 public ghostBadPayments;
    /// @dev Repay / applyRewards / rollover that succeeded at or after the grace end, or a foreclosure before it (36).
    uint256 public ghostWindowOverlaps;
    /// @dev A stranger who pledged someone else's position, or cancelled someone else's offer or request (31).
    uint256 public ghostStrangerSuccesses;

    constructor(Setup memory s, address[] memory actors_, uint256[] memory tokens_, uint256[] memory offerings_) {
        (exchange, loans, params, oracle) = (s.exchange, s.loans, s.params, s.oracle);
        (usdt, ifil, wbtc) = (s.usdt, s.ifil, s.wbtc);
        (governor, reporter, bridge, assetId, marketWad) = (s.governor, s.reporter, s.bridge, s.assetId, s.marketWad);
        (actors, tokens, offerings) = (actors_, tokens_, offerings_);
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function tokenCount() external view returns (uint256) {
        return tokens.length;
    }

    function loanCount() external view returns (uint256) {
        return loanIds.length;
    }

    function offerCount() external view returns (uint256) {
        return offerIds.length;
    }

    function _actor(uint256 seed) internal view returns (address) {
        return actors[seed % actors.length];
    }

    function _token(uint256 seed) internal view returns (uint256) {
        return tokens[seed % tokens.length];
    }

    /// @dev Mostly a free position the lender does not own (starting at `seed`), so that most offers can
    /// be taken; the seed's own position when none is.
    function _pledgeable(uint256 seed, address lender) internal view returns (uint256) {
        for (uint256 i; i < tokens.length; ++i) {
            uint256 tokenId = tokens[(seed + i) % tokens.length];
            if (exchange.lockedBy(tokenId) == address(0) && exchange.ownerOf(tokenId) != lender) return tokenId;
        }
        return _token(seed);
    }

    /// @dev Mostly an open one of the eight newest offers (older ones have mostly expired or filled up).
    function _recentOffer(uint256 seed) internal view returns (uint256) {
        uint256 n = offerIds.length;
        uint256 window = n < 8 ? n : 8;
        for (uint256 i; i < window; ++i) {
            uint256 id = offerIds[n - 1 - (seed + i) % window];
            if (loans.isOfferOpen(id) || seed % 8 == 0) return id;
        }
        return offerIds[n - 1 - seed % window];
    }

    function _loanId(uint256 seed) internal view returns (uint256) {
        return loanIds.length == 0 ? 0 : loanIds[seed % loanIds.length];
    }

    function _record(uint256 loanId) internal {
        if (!_known[loanId]) {
            _known[loanId] = true;
            loanIds.push(loanId);
        }
    }

    function _graceEnd(IPositionLoans.Loan memory l) internal pure returns (uint256) {
        return uint256(l.dueTime) + l.gracePeriod;
    }

    function _useOffer(uint256 offerId) internal {
        if (++fillsOf[offerId] > maxFillsOf[offerId]) ++ghostOverFilledOffers;
    }

    // ------------------------------------------------------------------ lenders

    /// @param kindSeed Position, Offering, Asset or Token collateral; also the collateral token.
    function makeOffer(uint256 lenderSeed, uint256 kindSeed, uint256 targetSeed, uint256 amountSeed, uint256 termsSeed)
        public
    {
        address lender = _actor(lenderSeed);
        uint256 kind = 1 + kindSeed % 4;
        IPositionLoans.Collateral memory c;
        c.kind = IPositionLoans.CollateralKind(kind);
        if (kind == 1) c.target = _pledgeable(targetSeed, lender);
        if (kind == 2) c.target = offerings[targetSeed % offerings.length];
        if (kind == 3) c.target = (targetSeed >> 8) % 5 == 0 ? assetId + 1 : assetId; // sometimes another asset
        if (kind == 4) {
            bool btc = (targetSeed >> 8) % 2 == 0;
            c.target = uint256(uint160(btc ? address(wbtc) : address(ifil)));
            c.amount = uint96(1 + uint96(amountSeed) % (btc ? 1e8 : 50e18));
        } else {
            c.minUnits = uint40((targetSeed >> 16) % 12);
            c.minDaysLeft = uint16((targetSeed >> 32) % 40);
        }
        IPositionLoans.Terms memory t = _randomTerms(amountSeed, termsSeed);
        uint16 maxFills = kind == 1 ? 1 : uint16(1 + uint8(termsSeed >> 200) % 3);
        uint32 expiry = uint32(block.timestamp + 1 hours + uint32(termsSeed >> 208) % 10 days);
        vm.prank(lender);
        try loans.makeOffer(t, c, expiry, maxFills) returns (uint256 id) {
            offerIds.push(id);
            maxFillsOf[id] = maxFills;
            calls["makeOffer"]++;
        } catch {}
    }

    /// @dev Bit fields of `termsSeed`: 0-15 apr, 16-47 duration, 48-55 minimum or not, 56-63 its share of
    /// the maximum, 64-71 reward price or not, 72-135 the price. Principal: bits 100+ of `amountSeed`.
    function _randomTerms(uint256 amountSeed, uint256 termsSeed) internal view returns (IPositionLoans.Terms memory t) {
        t.currency = address(usdt);
        t.principal = uint96(1 + uint96(amountSeed >> 100) % 2_000e6);
        t.aprBps = uint16(uint16(termsSeed) % 20_001);
        t.duration = uint32(1 hours + uint32(termsSeed >> 16) % 4 days);
        uint256 max = uint256(t.principal) * t.aprBps * t.duration / (10_000 * 365 days); // floor: always allowed
        if (uint8(termsSeed >> 48) % 3 == 0) t.minInterest = uint96(max * (uint8(termsSeed >> 56) % 101) / 100);
        if (uint8(termsSeed >> 64) % 3 != 0) t.rewardPriceWad = uint96(1 + uint64(termsSeed >> 72) % 20e6);
    }

    /// @dev An offer taken at once (the newest offer), so that loans start often enough to end in every way.
    function lendNow(uint256 lenderSeed, uint256 kindSeed, uint256 amountSeed, uint256 termsSeed, uint256 tokenSeed)
        external
    {
        uint256 before = offerIds.length;
        makeOffer(lenderSeed, kindSeed, tokenSeed, amountSeed, termsSeed);
        if (offerIds.length != before) acceptOffer(0, tokenSeed);
    }

    /// @dev The lender cancels one of its offers, or a stranger tries to (which must fail). One call in
    /// four acts, so that offers live long enough to be taken.
    function cancelOffer(uint256 offerSeed, uint256 bySeed) external {
        if (offerIds.length == 0 || offerSeed % 4 != 0) return;
        uint256 id = _recentOffer(offerSeed >> 8);
        address lender = loans.offerOf(id).lender;
        address by = bySeed % 3 == 0 ? _actor(bySeed >> 8) : lender;
        vm.prank(by);
        try loans.cancelOffer(id) {
            if (by != lender) ++ghostStrangerSuccesses;
            calls["cancelOffer"]++;
        } catch {}
    }

    /// @dev One call in eight acts (it voids every offer of the lender).
    function cancelAllOffers(uint256 lenderSeed) external {
        if (lenderSeed % 8 != 0) return;
        vm.prank(_actor(lenderSeed >> 8));
        loans.cancelAllOffers();
        calls["cancelAllOffers"]++;
    }

    function fillRequest(uint256 requestSeed, uint256 lenderSeed, bool approve) external {
        if (requestIds.length == 0) return;
        uint256 id = requestIds[requestSeed % requestIds.length];
        IPositionLoans.Request memory r = loans.requestOf(id);
        if (approve && r.collateral.kind == IPositionLoans.CollateralKind.Position) {
            _approveAs(exchange.ownerOf(r.collateral.target), r.collateral.target);
        }
        vm.prank(_actor(lenderSeed));
        try loans.fillRequest(id) returns (uint256 loanId) {
            _record(loanId);
            calls["fillRequest"]++;
        } catch {}
    }

    function refinance(uint256 loanSeed, uint256 lenderSeed, uint256 aprSeed, uint256 dueSeed) external {
        uint256 loanId = _loanId(loanSeed);
        IPositionLoans.Loan memory l = loans.loanOf(loanId);
        if (l.borrower == address(0)) return;
        uint16 apr = uint16(aprSeed % (uint256(l.aprBps) + 1));
        uint32 due = uint32(l.dueTime + dueSeed % 3 days);
        vm.prank(_actor(lenderSeed));
        try loans.refinance(loanId, apr, due, type(uint256).max) {
            calls["refinance"]++;
        } catch {}
    }

    function foreclose(uint256 loanSeed, uint256 bySeed) external {
        uint256 loanId = _loanId(loanSeed);
        IPositionLoans.Loan memory l = loans.loanOf(loanId);
        if (l.borrower == address(0)) return;
        IPositionLoans.TokenCollateral memory c = loans.tokenCollateralOf(loanId);
        uint256 creditBefore = l.tokenCollateral ? loans.creditOf(l.lender, c.token) : 0;
        vm.prank(_actor(bySeed));
        try loans.foreclose(loanId) {
            if (block.timestamp < _graceEnd(l)) ++ghostWindowOverlaps;
            if (l.tokenCollateral) {
                if (loans.creditOf(l.lender, c.token) != creditBefore + c.amount) ++ghostCollateralToWrongAccount;
            } else if (exchange.ownerOf(loanId) != l.lender || exchange.lockedBy(loanId) != address(0)) {
                ++ghostCollateralToWrongAccount;
            }
            calls["foreclose"]++;
        } catch {}
    }

    // ------------------------------------------------------------------ borrowers

    /// @dev The position's owner accepts (approving it first); one time in eight a stranger tries with the
    /// owner's approved position, which must fail. Token offers: the actor escrows the amount.
    function acceptOffer(uint256 offerSeed, uint256 tokenSeed) public {
        if (offerIds.length == 0) return;
        uint256 id = _recentOffer(offerSeed);
        IPositionLoans.Offer memory o = loans.offerOf(id);
        uint256 tokenId;
        address borrower = _actor(tokenSeed);
        if (borrower == o.lender) borrower = _actor(tokenSeed + 1);
        bool stranger;
        if (o.collateral.kind != IPositionLoans.CollateralKind.Token) {
            tokenId = o.collateral.kind == IPositionLoans.CollateralKind.Position
                ? o.collateral.target
                : _pledgeable(tokenSeed, o.lender);
            address owner = exchange.ownerOf(tokenId);
            _approveAs(owner, tokenId);
            stranger = (tokenSeed >> 128) % 8 == 0 && borrower != owner;
            if (!stranger) borrower = owner;
        }
        vm.prank(borrower);
        try loans.acceptOffer(id, tokenId) returns (uint256 loanId) {
            if (stranger) ++ghostStrangerSuccesses;
            _record(loanId);
            _useOffer(id);
            calls["acceptOffer"]++;
        } catch {}
    }

    function requestLoan(uint256 borrowerSeed, uint256 kindSeed, uint256 amountSeed, uint256 termsSeed) external {
        IPositionLoans.Collateral memory c;
        address borrower;
        if (kindSeed % 2 == 0) {
            c.kind = IPositionLoans.CollateralKind.Position;
            c.target = _token(borrowerSeed);
            borrower = exchange.ownerOf(c.target);
        } else {
            c.kind = IPositionLoans.CollateralKind.Token;
            c.target = uint256(uint160(address(ifil)));
            c.amount = uint96(1 + uint96(amountSeed) % 50e18);
            borrower = _actor(borrowerSeed);
        }
        vm.prank(borrower);
        try loans.requestLoan(_randomTerms(amountSeed, termsSeed), c, uint32(block.timestamp + 1 days)) returns (
            uint256 id
        ) {
            requestIds.push(id);
            calls["requestLoan"]++;
        } catch {}
    }

    function cancelRequest(uint256 requestSeed, uint256 bySeed) external {
        if (requestIds.length == 0) return;
        uint256 id = requestIds[requestSeed % requestIds.length];
        address borrower = loans.requestOf(id).borrower;
        address by = bySeed % 3 == 0 ? _actor(bySeed >> 8) : borrower;
        vm.prank(by);
        try loans.cancelRequest(id) {
            if (by != borrower) ++ghostStrangerSuccesses;
            calls["cancelRequest"]++;
        } catch {}
    }

    /// @dev Anyone pays part of the debt, all of it, or more than it.
    function repay(uint256 loanSeed, uint256 payerSeed, uint256 amountSeed) external {
        uint256 loanId = _loanId(loanSeed);
        IPositionLoans.Loan memory l = loans.loanOf(loanId);
        if (l.borrower == address(0)) return;
        (uint256 debt,) = loans.debtOf(loanId);
        uint256 amount = amountSeed % 4 == 0 ? debt + amountSeed % 1e6 : 1 + (amountSeed >> 8) % debt;
        vm.prank(_actor(payerSeed));
        try loans.repay(loanId, amount) returns (uint256 paid) {
            if (block.timestamp >= _graceEnd(l)) ++ghostWindowOverlaps;
            if (paid != (amount < debt ? amount : debt)) ++ghostBadPayments;
            if (paid == debt) {
                if (loans.loanOf(loanId).borrower != address(0)) ++ghostBadPayments;
                if (
                    !l.tokenCollateral
                        && (exchange.ownerOf(loanId) != l.borrower || exchange.lockedBy(loanId) != address(0))
                ) {
                    ++ghostCollateralToWrongAccount;
                }
                calls["repayFull"]++;
            } else {
                (uint256 after_,) = loans.debtOf(loanId);
                if (after_ != debt - paid) ++ghostBadPayments;
                calls["repayPartial"]++;
            }
        } catch {}
    }

    /// @dev The borrower moves its loan to one of the newest offers, or (every other call) to a matching
    /// offer another actor makes for it right now.
    function rollover(uint256 loanSeed, uint256 offerSeed, uint256 termsSeed) external {
        uint256 loanId = _loanId(loanSeed);
        IPositionLoans.Loan memory l = loans.loanOf(loanId);
        if (l.borrower == address(0)) return;
        if (offerSeed % 2 == 0) _offerFor(loanId, l, offerSeed >> 8, termsSeed);
        if (offerIds.length == 0) return;
        uint256 offerId = offerSeed % 2 == 0 ? offerIds[offerIds.length - 1] : _recentOffer(offerSeed >> 8);
        vm.prank(l.borrower);
        try loans.rollover(loanId, offerId, type(uint256).max) {
            if (block.timestamp >= _graceEnd(l)) ++ghostWindowOverlaps;
            _useOffer(offerId);
            calls["rollover"]++;
        } catch {}
    }

    function _offerFor(uint256 loanId, IPositionLoans.Loan memory l, uint256 lenderSeed, uint256 termsSeed) internal {
        address lender = _actor(lenderSeed);
        if (lender == l.borrower) lender = _actor(lenderSeed + 1);
        IPositionLoans.Collateral memory c;
        if (l.tokenCollateral) {
            IPositionLoans.TokenCollateral memory escrow = loans.tokenCollateralOf(loanId);
            (c.kind, c.target, c.amount) =
            (IPositionLoans.CollateralKind.Token, uint256(uint160(escrow.token)), escrow.amount);
        } else {
            (c.kind, c.target) = (IPositionLoans.CollateralKind.Position, loanId);
        }
        vm.prank(lender);
        try loans.makeOffer(_randomTerms(termsSeed, termsSeed >> 3), c, uint32(block.timestamp + 1 days), 1) returns (
            uint256 id
        ) {
            offerIds.push(id);
            maxFillsOf[id] = 1;
            calls["makeOffer"]++;
        } catch {}
    }

    /// @dev The borrower turns self-repayment on or off; one time in four a stranger tries.
    function setSelfRepaying(uint256 loanSeed, bool on, uint256 bySeed) external {
        uint256 loanId = _loanId(loanSeed);
        address borrower = loans.loanOf(loanId).borrower;
        if (borrower == address(0)) return;
        address by = bySeed % 4 == 0 ? _actor(bySeed >> 8) : borrower;
        vm.prank(by);
        try loans.setSelfRepaying(loanId, on) {
            if (by != borrower) ++ghostStrangerSuccesses;
            calls["setSelfRepaying"]++;
        } catch {}
    }

    function applyRewards(uint256 loanSeed, uint256 bySeed) external {
        uint256 loanId = _loanId(loanSeed);
        IPositionLoans.Loan memory l = loans.loanOf(loanId);
        if (l.borrower == address(0)) return;
        vm.prank(_actor(bySeed));
        try loans.applyRewards(loanId) returns (uint256 claimed) {
            if (block.timestamp >= _graceEnd(l)) ++ghostWindowOverlaps;
            if (claimed != 0) calls["applyRewards"]++;
        } catch {}
    }

    // ------------------------------------------------------------------ everyone

    function claim(uint256 actorSeed, uint256 tokenSeed, uint256 toSeed) external {
        address token = [address(usdt), address(ifil), address(wbtc)][tokenSeed % 3];
        vm.prank(_actor(actorSeed));
        if (loans.claim(token, _actor(toSeed)) != 0) calls["claim"]++;
    }

    function sweepFees(uint256 tokenSeed) external {
        if (loans.sweepFees(tokenSeed % 2 == 0 ? address(usdt) : address(ifil)) != 0) calls["sweepFees"]++;
    }

    /// @dev The miner covers the next term day of an offering (at 100 times the market: 0.2 IFIL a unit).
    function earn(uint256 offeringSeed) external {
        uint256 id = offerings[offeringSeed % offerings.length];
        Offering memory o = exchange.getOffering(id);
        uint256 day = uint256(o.lastCoveredDay) + 1;
        if (day >= block.timestamp / 1 days || day >= o.termEndDay || o.unitsSold == 0) return;
        (, bool reported) = oracle.rateOf(assetId, day);
        if (!reported) {
            uint256 now_ = block.timestamp;
            if (now_ < (day + 1) * 1 days + oracle.CORRECTION_WINDOW()) return; // a final report needs an hour
            vm.warp(now_ - oracle.CORRECTION_WINDOW());
            vm.prank(reporter);
            oracle.report(assetId, day, marketWad);
            vm.warp(now_);
        }
        uint256 amount = uint256(o.unitsSold) * marketWad / 1e18 * 100;
        vm.prank(bridge);
        ifil.mint(o.miner, amount);
        vm.prank(o.miner);
        try exchange.depositReward(id, amount) {
            calls["earn"]++;
        } catch {}
    }

    function transferPosition(uint256 tokenSeed, uint256 toSeed) external {
        uint256 tokenId = _token(tokenSeed);
        address owner = exchange.ownerOf(tokenId);
        vm.prank(owner);
        try exchange.transferFrom(owner, _actor(toSeed), tokenId) {
            calls["transfer"]++;
        } catch {}
    }

    /// @dev Governance moves the grace period and the DeFi fee (live loans keep their snapshots).
    function govern(uint256 seed) external {
        vm.startPrank(governor);
        loans.setGracePeriod(uint32(1 hours + seed % (7 days - 1 hours + 1)));
        params.setDefiFee(uint16((seed >> 32) % 501));
        vm.stopPrank();
        calls["govern"]++;
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + 1 minutes + seconds_ % 2 days);
        calls["warp"]++;
    }

    function _approveAs(address owner, uint256 tokenId) internal {
        vm.prank(owner);
        try exchange.approve(address(loans), tokenId) {} catch {}
    }
}
