// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {MutualInsurance} from "../../../src/insurance/MutualInsurance.sol";
import {IHashpowerExchange} from "../../../src/interfaces/IHashpowerExchange.sol";
import {IMutualInsurance} from "../../../src/interfaces/IMutualInsurance.sol";
import {BridgedToken} from "../../../src/tokens/BridgedToken.sol";
import {UnitHelpers} from "../UnitHelpers.sol";

/// @notice The exchange fixture plus a MutualInsurance pool owned by `dao`, DMC (a plain 18-decimal token here;
/// the real DMCToken runs in the deployment test), two underwriters and a defaulted offering's holders: alice
/// holds 10 units and bob 30 of the fixture offering (40 sold).
abstract contract InsuranceFixture is UnitHelpers {
    uint32 internal constant COOLDOWN = 14 days;
    uint32 internal constant WINDOW = 7 days;
    uint32 internal constant CLAIM_DURATION = 30 days;
    uint16 internal constant MAX_POT_BPS = 5_000;
    uint256 internal constant SOLD = 40;

    address internal dao = makeAddr("dao");
    address internal uw1 = makeAddr("uw1");
    address internal uw2 = makeAddr("uw2");
    address internal stranger = makeAddr("stranger");

    BridgedToken internal dmc;
    MutualInsurance internal pool;
    uint256 internal tokenAlice;
    uint256 internal tokenBob;

    function setUp() public virtual override {
        super.setUp();
        dmc = _token("DMC", "DMC", 18);
        pool = new MutualInsurance(dao, IERC20(address(dmc)), IHashpowerExchange(address(exchange)), _defaultParams());
        vm.prank(dao);
        pool.setPremiumToken(address(usdt), true);
        vm.prank(dao);
        pool.setPremiumToken(address(ifil), true);
        _dmcTo(uw1, 1_000_000e18);
        _dmcTo(uw2, 1_000_000e18);
        _dmcTo(dao, 10_000_000e18);
        _dmcTo(stranger, 1_000_000e18);
        tokenAlice = _buy(alice, offeringId, 10);
        tokenBob = _buy(bob, offeringId, 30);
        vm.prank(alice);
        usdt.approve(address(pool), type(uint256).max);
        vm.prank(bridge);
        usdt.mint(address(this), 100_000_000e6);
        usdt.approve(address(pool), type(uint256).max);
    }

    function _defaultParams() internal pure returns (IMutualInsurance.Params memory) {
        return IMutualInsurance.Params({
            cooldown: COOLDOWN, window: WINDOW, claimDuration: CLAIM_DURATION, maxPotShareBps: MAX_POT_BPS
        });
    }

    function _dmcTo(address to, uint256 amount) internal {
        vm.prank(bridge);
        dmc.mint(to, amount);
        vm.prank(to);
        dmc.approve(address(pool), type(uint256).max);
    }

    function _underwrite(address who, uint256 amount) internal returns (uint256) {
        vm.prank(who);
        return pool.underwrite(amount);
    }

    function _addFund(uint256 amount) internal {
        vm.prank(dao);
        pool.addToFund(amount);
    }

    /// @dev Flags the fixture offering for missed deposits (nothing was ever deposited) and halts it.
    function _default() internal {
        _flagForMissedDeposits(offeringId);
        _halt(offeringId);
    }

    function _openClaim() internal returns (uint256 claimId) {
        vm.prank(stranger);
        return pool.openClaim(offeringId);
    }

    /// @dev Defaults the offering, opens a claim and executes a payout of `amount`.
    function _payout(uint256 amount) internal returns (uint256 claimId) {
        _default();
        claimId = _openClaim();
        vm.prank(dao);
        pool.executePayout(claimId, amount);
    }

    function _request(address who, uint256 shares) internal {
        vm.prank(who);
        pool.requestUnstake(shares);
    }

    function _sharesHeld(address who) internal view returns (uint256 shares) {
        (shares,) = pool.underwriterOf(who);
    }

    /// @dev fund + pot + slashed + unclaimed, the pool's accounted DMC.
    function _accounted() internal view returns (uint256) {
        (uint256 fund, uint256 pot, uint256 slashed, uint256 unclaimed,) = pool.pools();
        return fund + pot + slashed + unclaimed;
    }
}
