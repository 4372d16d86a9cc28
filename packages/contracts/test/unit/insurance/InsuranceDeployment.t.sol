// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {HashpowerExchange} from "../../../src/HashpowerExchange.sol";
import {MutualInsurance} from "../../../src/insurance/MutualInsurance.sol";
import {IHashpowerExchange} from "../../../src/interfaces/IHashpowerExchange.sol";
import {IMutualInsurance} from "../../../src/interfaces/IMutualInsurance.sol";
import {MinerApplications} from "../../../src/issuance/MinerApplications.sol";
import {InsuranceFund} from "../../../src/treasury/InsuranceFund.sol";
import {OfferingStatus} from "../../../src/types/HashpowerTypes.sol";
import {InsuranceDeployment} from "../../../script/lib/InsuranceDeployment.sol";
import {DaoFixture} from "../../utils/DaoFixture.sol";

/// @notice The pool deployed through InsuranceDeployment on the production DAO wiring (real DMC, timelock,
/// governor, council, miner applications), taken through the seeds' story: the DAO funds it from InsuranceFund, an
/// underwriter stakes and earns a premium, a miner defaults, anyone opens a claim at the flag, one DAO proposal
/// halts, slashes, moves the slashed stake in and votes the payout, and the holder pulls it. Also measures the gas
/// keys `underwrite` and `insurancePayoutClaim` (each the test's first call, so storage is cold as in a transaction;
/// execution gas, without the 21,000 base and calldata).
contract InsuranceDeploymentTest is DaoFixture {
    /// @notice A gas key's measured execution gas.
    event GasMeasured(string key, uint256 gas);

    uint256 internal constant FUNDING = 1_000_000e18;
    uint256 internal constant UNDERWRITTEN = 100_000e18;
    uint256 internal constant PAYOUT = 40_000e18;
    uint256 internal constant UNITS = 100;
    uint256 internal constant STAKE = 19_000e18; // 0.5 DMC per USDT of 38,000 USDT

    /// @dev Targets: issue 13 names no peer figure for these keys; these bound the measured figures (132.6k / 144.5k
    /// and 98.2k) so a regression fails. A claim pays a fresh bitmap word (22.1k) and a DMC (ERC20Votes) transfer
    /// to a first-time holder (about 37k).
    uint256 internal constant UNDERWRITE_TARGET = 150_000;
    uint256 internal constant CLAIM_TARGET = 100_000;

    MutualInsurance internal pool;
    uint256 internal offeringId;
    uint256 internal tokenId;
    uint256 internal claimId;

    function setUp() public override {
        super.setUp();
        address[] memory premiumTokens = new address[](2);
        (premiumTokens[0], premiumTokens[1]) = (address(usdt), address(ifil));
        pool = InsuranceDeployment.deploy(
            IHashpowerExchange(address(exchange)),
            IERC20(address(dao.dmc)),
            address(dao.timelock),
            address(this),
            premiumTokens
        );

        // The DAO moves part of the 10% insurance allocation into the pool's fund.
        (address[] memory t, uint256[] memory v, bytes[] memory c) =
            InsuranceDeployment.fundingCalls(dao.insuranceFund, pool, FUNDING);
        _passAll(t, v, c, "# Fund the mutual insurance pool");

        // An underwriter stakes; a premium arrives (as the fee splitter will pay it).
        vm.startPrank(minnow);
        dao.dmc.approve(address(pool), type(uint256).max);
        pool.underwrite(UNDERWRITTEN);
        vm.stopPrank();
        vm.startPrank(buyer);
        usdt.approve(address(pool), type(uint256).max);
        pool.depositPremium(address(usdt), 1_000e6);
        vm.stopPrank();

        // A miner's offering is approved and sold; the miner never deposits; the default is flagged.
        (uint256 appId, uint256 proposalId) = _submit();
        offeringId = _approve(appId, proposalId);
        vm.prank(buyer);
        tokenId = exchange.buy(offeringId, UNITS, type(uint256).max, address(0));
        _warpToDay(exchange.getOffering(offeringId).termStartDay + 8);
        exchange.flag(offeringId);
        vm.prank(buyer);
        claimId = pool.openClaim(offeringId); // exits freeze at the flag

        // One proposal: halt, slash, move the slashed stake into the pool for this offering, vote the payout.
        _haltSlashAndPay(appId);
    }

    function _haltSlashAndPay(uint256 appId) private {
        address[] memory t = new address[](6);
        uint256[] memory v = new uint256[](6);
        bytes[] memory c = new bytes[](6);
        IERC20 dmc = IERC20(address(dao.dmc));
        (t[0], c[0]) = (address(exchange), abi.encodeCall(HashpowerExchange.halt, (offeringId)));
        (t[1], c[1]) = (address(dao.applications), abi.encodeCall(MinerApplications.slash, (appId, "missed 7 days")));
        (t[2], c[2]) =
        (
            address(dao.insuranceFund),
            abi.encodeCall(InsuranceFund.pay, (dmc, address(dao.timelock), STAKE, "slashed stake to the mutual pool"))
        );
        (t[3], c[3]) = (address(dmc), abi.encodeCall(IERC20.approve, (address(pool), STAKE)));
        (t[4], c[4]) = (address(pool), abi.encodeCall(MutualInsurance.depositSlashed, (offeringId, STAKE)));
        (t[5], c[5]) = (address(pool), abi.encodeCall(MutualInsurance.executePayout, (claimId, PAYOUT)));
        _passAll(t, v, c, "# Halt Lotus Ridge, slash its stake and compensate its holders");
    }

    function test_Deploy_OwnedByTheTimelockWithItsParameters() public view {
        vm.assertEq(pool.owner(), address(dao.timelock));
        IMutualInsurance.Params memory p = pool.params();
        vm.assertEq(p.cooldown, 14 days);
        vm.assertEq(p.window, 7 days);
        vm.assertEq(p.claimDuration, 30 days);
        vm.assertEq(p.maxPotShareBps, 5_000);
        address[] memory listed = pool.premiumTokens();
        vm.assertEq(listed.length, 2);
        vm.assertEq(listed[0], address(usdt));
        vm.assertEq(address(pool.dmc()), address(dao.dmc));
    }

    /// @dev In a broadcast the deployer EOA sends every call: the pool it creates must be its own to configure.
    function test_Deploy_ByAnEoaDeployerThatListsThePremiumTokens() public {
        address eoa = makeAddr("broadcaster");
        address[] memory premiumTokens = new address[](1);
        premiumTokens[0] = address(usdt);
        vm.startPrank(eoa);
        MutualInsurance byEoa = InsuranceDeployment.deploy(
            IHashpowerExchange(address(exchange)), IERC20(address(dao.dmc)), address(dao.timelock), eoa, premiumTokens
        );
        vm.stopPrank();
        vm.assertEq(byEoa.premiumTokens().length, 1);
        vm.assertEq(byEoa.owner(), address(dao.timelock));
    }

    function test_EndToEnd_DefaultPayoutClaimedByTheHolder() public {
        vm.assertEq(uint256(exchange.offeringStatus(offeringId)), uint256(OfferingStatus.Halted));
        // 40,000 over 100 units: 19,000 slashed stake first, then 21,000 of the pot (cap 50,000), fund untouched
        (uint256 fund, uint256 pot, uint256 slashed, uint256 unclaimed,) = pool.pools();
        vm.assertEq(slashed, 0);
        vm.assertEq(pot, UNDERWRITTEN - 21_000e18);
        vm.assertEq(fund, FUNDING);
        vm.assertEq(unclaimed, PAYOUT);
        vm.assertEq(dao.dmc.balanceOf(address(pool)), fund + pot + unclaimed, "held = the pots");
        (bool isFrozen,) = pool.frozen();
        vm.assertFalse(isFrozen);

        vm.prank(buyer);
        vm.assertEq(pool.claimPayout(claimId, _one(tokenId)), PAYOUT);
        vm.assertEq(dao.dmc.balanceOf(buyer), PAYOUT);

        // the underwriter bore the loss and keeps the premium
        (uint256 shares, uint256 value) = pool.underwriterOf(minnow);
        vm.assertApproxEqAbs(value, 79_000e18, 1);
        vm.assertEq(pool.premiumOf(minnow, address(usdt)), 1_000e6);
        vm.prank(minnow);
        pool.requestUnstake(shares);
        vm.warp(block.timestamp + 14 days);
        vm.prank(minnow);
        vm.assertEq(pool.withdraw(), value);
    }

    function test_Gas_Underwrite() public {
        vm.prank(whale1);
        dao.dmc.approve(address(pool), type(uint256).max);
        vm.prank(whale1);
        uint256 g = gasleft();
        pool.underwrite(10_000e18);
        g -= gasleft();
        emit GasMeasured("underwrite (first stake)", g);
        vm.assertLe(g, UNDERWRITE_TARGET, "underwrite");
    }

    function test_Gas_UnderwriteAgain() public {
        vm.prank(minnow);
        uint256 g = gasleft();
        pool.underwrite(10_000e18);
        g -= gasleft();
        emit GasMeasured("underwrite (adding to a stake)", g);
        vm.assertLe(g, UNDERWRITE_TARGET, "underwrite again");
    }

    function test_Gas_InsurancePayoutClaim() public {
        uint256[] memory ids = _one(tokenId);
        vm.prank(buyer);
        uint256 g = gasleft();
        pool.claimPayout(claimId, ids);
        g -= gasleft();
        emit GasMeasured("insurancePayoutClaim", g);
        vm.assertLe(g, CLAIM_TARGET, "insurancePayoutClaim");
    }

    function _one(uint256 id) private pure returns (uint256[] memory ids) {
        ids = new uint256[](1);
        ids[0] = id;
    }
}
