// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ProtocolParameters} from "../../../src/governance/ProtocolParameters.sol";
import {IPositionLoans} from "../../../src/interfaces/IPositionLoans.sol";
import {PositionLoans} from "../../../src/lending/PositionLoans.sol";
import {UnitHelpers} from "../UnitHelpers.sol";

/// @notice PositionLoans deployed on the real exchange as the deployment wires it (an approved locker,
/// IFIL and WBTC listed as collateral, the DeFi fee from ProtocolParameters, a 24 h grace), two
/// borrowers with a position each and two lenders, plus the helpers every lending suite shares.
/// Expected figures are computed here from the rules of docs/decisions/0018-lending.md (ceil of
/// principal * apr * seconds / (10,000 * 365 days)), never read back from LoanMath.
abstract contract LoansFixture is UnitHelpers {
    uint16 internal constant TRADING_FEE_BPS = 200;
    uint16 internal constant DEFI_FEE_BPS = 200;
    uint32 internal constant GRACE = 1 days;
    uint96 internal constant PRINCIPAL = 100e6; // 100 USDT
    uint16 internal constant APR = 1_000; // 10%
    uint32 internal constant DURATION = 30 days;
    uint256 internal constant YEAR = 365 days;
    /// @dev 1 IFIL pays down 5 USDT.
    uint96 internal constant REWARD_PRICE = 5e6;
    /// @dev 40 units sold: a deposit of 4 IFIL pays 0.1 IFIL a unit, so 1 IFIL a day to tokenA's 10 units.
    uint256 internal constant DAY_DEPOSIT = 4e18;
    uint256 internal constant A_DAILY = 1e18;

    ProtocolParameters internal params;
    PositionLoans internal loans;
    address internal feeSink = makeAddr("feeSink");
    address internal dave = makeAddr("dave");
    address internal stranger = makeAddr("stranger");
    uint256 internal tokenA; // alice, 10 units
    uint256 internal tokenB; // bob, 30 units

    function setUp() public virtual override {
        super.setUp();
        params = new ProtocolParameters(governor, TRADING_FEE_BPS, DEFI_FEE_BPS);
        loans = new PositionLoans(exchange, params, governor, feeSink, GRACE);
        vm.label(address(loans), "PositionLoans");
        vm.startPrank(governor);
        exchange.setLocker(address(loans), true);
        loans.setCollateralToken(address(ifil), true);
        loans.setCollateralToken(address(wbtc), true);
        vm.stopPrank();
        _fund(dave);
        _fund(stranger);
        tokenA = _buy(alice, offeringId, 10);
        tokenB = _buy(bob, offeringId, 30);
        vm.startPrank(bridge);
        ifil.mint(alice, 1_000e18);
        ifil.mint(bob, 1_000e18);
        wbtc.mint(alice, 10e8);
        vm.stopPrank();
        address[5] memory accounts = [alice, bob, carol, dave, stranger];
        for (uint256 i; i < accounts.length; ++i) {
            vm.startPrank(accounts[i]);
            usdt.approve(address(loans), type(uint256).max);
            ifil.approve(address(loans), type(uint256).max);
            wbtc.approve(address(loans), type(uint256).max);
            vm.stopPrank();
        }
    }

    // ------------------------------------------------------------------ terms and collateral

    function _terms(uint96 principal, uint16 apr, uint32 duration, uint96 minInterest, uint96 price)
        internal
        view
        returns (IPositionLoans.Terms memory)
    {
        return IPositionLoans.Terms({
            currency: address(usdt),
            principal: principal,
            aprBps: apr,
            duration: duration,
            minInterest: minInterest,
            rewardPriceWad: price
        });
    }

    function _basicTerms() internal view returns (IPositionLoans.Terms memory) {
        return _terms(PRINCIPAL, APR, DURATION, 0, 0);
    }

    function _positionOf(uint256 tokenId) internal pure returns (IPositionLoans.Collateral memory) {
        return _collateral(IPositionLoans.CollateralKind.Position, tokenId, 0, 0);
    }

    function _collateral(IPositionLoans.CollateralKind kind, uint256 target, uint40 minUnits, uint16 minDaysLeft)
        internal
        pure
        returns (IPositionLoans.Collateral memory)
    {
        return IPositionLoans.Collateral({
            target: target, kind: kind, minUnits: minUnits, minDaysLeft: minDaysLeft, amount: 0
        });
    }

    function _tokenAmount(address token, uint96 amount) internal pure returns (IPositionLoans.Collateral memory c) {
        c.target = uint256(uint160(token));
        c.kind = IPositionLoans.CollateralKind.Token;
        c.amount = amount;
    }

    // ------------------------------------------------------------------ actions

    function _offer(
        address lender,
        IPositionLoans.Terms memory terms,
        IPositionLoans.Collateral memory collateral,
        uint16 maxFills
    ) internal returns (uint256 offerId) {
        vm.prank(lender);
        offerId = loans.makeOffer(terms, collateral, uint32(block.timestamp + 7 days), maxFills);
    }

    /// @dev The borrower approves this one position (0: a token offer) and accepts.
    function _accept(address borrower, uint256 offerId, uint256 tokenId) internal returns (uint256 loanId) {
        vm.startPrank(borrower);
        if (tokenId != 0) exchange.approve(address(loans), tokenId);
        loanId = loans.acceptOffer(offerId, tokenId);
        vm.stopPrank();
    }

    /// @dev Carol lends to alice against tokenA on `terms`.
    function _loanA(IPositionLoans.Terms memory terms) internal returns (uint256) {
        return _accept(alice, _offer(carol, terms, _positionOf(tokenA), 1), tokenA);
    }

    function _basicLoanA() internal returns (uint256) {
        return _loanA(_basicTerms());
    }

    /// @dev Carol lends to alice against `amount` IFIL escrowed.
    function _tokenLoan(uint96 amount) internal returns (uint256) {
        return _accept(alice, _offer(carol, _basicTerms(), _tokenAmount(address(ifil), amount), 1), 0);
    }

    function _repay(address payer, uint256 loanId, uint256 amount) internal returns (uint256 paid) {
        vm.prank(payer);
        paid = loans.repay(loanId, amount);
    }

    function _debt(uint256 loanId) internal view returns (uint256 debt) {
        (debt,) = loans.debtOf(loanId);
    }

    function _loan(uint256 loanId) internal view returns (IPositionLoans.Loan memory) {
        return loans.loanOf(loanId);
    }

    function _graceEnd(uint256 loanId) internal view returns (uint256) {
        IPositionLoans.Loan memory l = loans.loanOf(loanId);
        return uint256(l.dueTime) + l.gracePeriod;
    }

    /// @dev Covers `n` more term days of the fixture offering (1 IFIL a day to tokenA), warping past them.
    function _earn(uint256 n) internal {
        uint256 target = uint256(exchange.getOffering(offeringId).lastCoveredDay) + n;
        if (_today() <= target) vm.warp((target + 1) * DAY + 1 hours);
        _coverThrough(offeringId, target, DAY_DEPOSIT);
    }

    // ------------------------------------------------------------------ expected figures (from the spec)

    /// @dev ceil(principal * apr * elapsed / (10,000 * 365 days)).
    function _interestOf(uint256 principal, uint256 apr, uint256 elapsed) internal pure returns (uint256) {
        uint256 num = principal * apr * elapsed;
        uint256 den = BPS * YEAR;
        return (num + den - 1) / den;
    }

    function _feeOf(uint256 interestPaid, uint256 feeBps) internal pure returns (uint256) {
        return interestPaid * feeBps / BPS;
    }

    function _err(bytes4 selector, uint256 a) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(selector, a);
    }

    function _err(bytes4 selector, uint256 a, uint256 b) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(selector, a, b);
    }
}
