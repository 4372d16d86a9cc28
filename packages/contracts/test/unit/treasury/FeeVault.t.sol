// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IFeeVaultErrors} from "../../../src/errors/FeeErrors.sol";
import {IFeeVault} from "../../../src/interfaces/IFeeVault.sol";
import {FeeVault} from "../../../src/treasury/FeeVault.sol";
import {BlacklistableUSDT} from "../../mocks/BlacklistableUSDT.sol";
import {CallbackToken, ITokenReceiveHook} from "../../mocks/CallbackToken.sol";
import {TestBase} from "../../utils/TestBase.sol";

/// @dev The smallest contract that collects fees: it takes `fee` of `token` from the caller and accrues it.
contract FeeCharger is FeeVault {
    constructor(address owner_, address recipient) FeeVault(owner_, recipient) {}

    function charge(IERC20 token, uint256 fee) external {
        token.transferFrom(msg.sender, address(this), fee);
        _accrueFee(address(token), fee);
    }

    function prime(address token) external {
        _primeFees(token);
    }
}

/// @dev A fee recipient that sweeps again from inside the transfer that pays it.
contract ResweepingRecipient is ITokenReceiveHook {
    IFeeVault internal immutable vault;
    address internal immutable token;
    uint256 public reentered;

    constructor(IFeeVault vault_, address token_) {
        vault = vault_;
        token = token_;
    }

    function onTokenReceived(address, uint256) external {
        ++reentered;
        vault.sweepFees(token);
    }
}

/// @notice The fee collection the listings, auctions and loans share: anyone sweeps, only to the recipient
/// governance set, dust included, and nothing is lost when the recipient cannot be paid.
contract FeeVaultTest is TestBase {
    BlacklistableUSDT internal usdt;
    FeeCharger internal vault;
    address internal governor = makeAddr("governor");
    address internal splitter = makeAddr("splitter");
    address internal payer = makeAddr("payer");
    address internal stranger = makeAddr("stranger");

    function setUp() public {
        usdt = new BlacklistableUSDT();
        vault = new FeeCharger(governor, splitter);
        usdt.mint(payer, 1_000e6);
        vm.prank(payer);
        usdt.approve(address(vault), type(uint256).max);
    }

    function _charge(uint256 fee) internal {
        vm.prank(payer);
        vault.charge(IERC20(address(usdt)), fee);
    }

    function test_Constructor_SetsAndAnnouncesTheRecipient() public {
        vm.expectEmit();
        emit IFeeVault.FeeRecipientSet(address(0), splitter);
        FeeCharger fresh = new FeeCharger(governor, splitter);
        vm.assertEq(fresh.feeRecipient(), splitter);
        vm.assertEq(fresh.owner(), governor);
    }

    function test_RevertWhen_ConstructedWithoutRecipient() public {
        vm.expectRevert(IFeeVaultErrors.FeeVault_ZeroRecipient.selector);
        new FeeCharger(governor, address(0));
    }

    function test_Sweep_ByAnyoneGoesOnlyToTheRecipient() public {
        _charge(7e6);
        _charge(3e6);
        vm.assertEq(vault.feesAccrued(address(usdt)), 10e6);
        vm.expectEmit(address(vault));
        emit IFeeVault.FeesSwept(address(usdt), splitter, 10e6);
        vm.prank(stranger);
        vm.assertEq(vault.sweepFees(address(usdt)), 10e6);
        vm.assertEq(usdt.balanceOf(splitter), 10e6);
        vm.assertEq(usdt.balanceOf(stranger), 0);
        vm.assertEq(vault.feesAccrued(address(usdt)), 0);
    }

    function test_Sweep_NothingChangesNothingAndEmitsNothing() public {
        _charge(5);
        vault.sweepFees(address(usdt));
        vm.recordLogs();
        vm.assertEq(vault.sweepFees(address(usdt)), 0, "already swept");
        vm.assertEq(vault.sweepFees(address(makeAddr("neverCharged"))), 0, "never charged");
        vm.assertEq(vm.getRecordedLogs().length, 0);
        vm.assertEq(usdt.balanceOf(splitter), 5);
    }

    /// @dev The stored-plus-one slot must not swallow a 1-wei fee: it is swept like any other.
    function test_Dust_OneWeiFeeIsSwept() public {
        _charge(1);
        vm.assertEq(vault.feesAccrued(address(usdt)), 1);
        vm.assertEq(vault.sweepFees(address(usdt)), 1);
        vm.assertEq(usdt.balanceOf(splitter), 1);
        _charge(1);
        vm.assertEq(vault.sweepFees(address(usdt)), 1, "again after the slot was left at one");
        vm.assertEq(usdt.balanceOf(address(vault)), 0, "the vault keeps nothing back");
    }

    function test_Prime_DoesNotInventFees() public {
        vault.prime(address(usdt));
        vm.assertEq(vault.feesAccrued(address(usdt)), 0);
        vm.assertEq(vault.sweepFees(address(usdt)), 0);
        _charge(4);
        vm.assertEq(vault.sweepFees(address(usdt)), 4);
    }

    function test_Attack_StrangerMovesTheRecipient() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        vm.prank(stranger);
        vault.setFeeRecipient(stranger);
        vm.expectRevert(IFeeVaultErrors.FeeVault_ZeroRecipient.selector);
        vm.prank(governor);
        vault.setFeeRecipient(address(0));
        vm.assertEq(vault.feeRecipient(), splitter);
    }

    /// @dev Fees accrued before a recipient change go to the new recipient: the sweep reads it at sweep time.
    function test_ParameterChangedWhileLive_FeesFollowTheNewRecipient() public {
        _charge(9e6);
        address next = makeAddr("next");
        vm.expectEmit(address(vault));
        emit IFeeVault.FeeRecipientSet(splitter, next);
        vm.prank(governor);
        vault.setFeeRecipient(next);
        vault.sweepFees(address(usdt));
        vm.assertEq(usdt.balanceOf(next), 9e6);
        vm.assertEq(usdt.balanceOf(splitter), 0);
    }

    /// @dev A blacklisted recipient makes the sweep revert as a whole: the fees stay counted, and once
    /// governance points the sweep elsewhere they all arrive.
    function test_Attack_BlacklistedRecipientLosesNothing() public {
        _charge(6e6);
        usdt.setBlacklisted(splitter, true);
        vm.expectRevert(abi.encodeWithSelector(BlacklistableUSDT.Blacklisted.selector, splitter));
        vault.sweepFees(address(usdt));
        vm.assertEq(vault.feesAccrued(address(usdt)), 6e6);
        address next = makeAddr("next");
        vm.prank(governor);
        vault.setFeeRecipient(next);
        vm.assertEq(vault.sweepFees(address(usdt)), 6e6);
        vm.assertEq(usdt.balanceOf(next), 6e6);
    }

    /// @dev A recipient that re-enters the sweep from the token's callback is stopped by the guard, so
    /// nothing is paid twice.
    function test_Attack_ReentrantRecipientCannotSweepTwice() public {
        CallbackToken cbt = new CallbackToken();
        FeeCharger v = new FeeCharger(governor, splitter);
        ResweepingRecipient hostile = new ResweepingRecipient(v, address(cbt));
        vm.prank(governor);
        v.setFeeRecipient(address(hostile));
        vm.prank(address(hostile));
        cbt.setHook(true);
        cbt.mint(payer, 10);
        vm.startPrank(payer);
        cbt.approve(address(v), 10);
        v.charge(IERC20(address(cbt)), 10);
        vm.stopPrank();
        vm.expectRevert(bytes4(keccak256("ReentrancyGuardReentrantCall()")));
        v.sweepFees(address(cbt));
        vm.assertEq(v.feesAccrued(address(cbt)), 10, "the reverted sweep changed nothing");
        vm.assertEq(cbt.balanceOf(address(v)), 10);
    }

    function testFuzz_SweptEqualsCharged(uint96[4] calldata fees) public {
        uint256 total;
        for (uint256 i; i < fees.length; ++i) {
            uint256 fee = bound(fees[i], 0, 250e6);
            if (fee == 0) continue;
            _charge(fee);
            total += fee;
            if (i == 1) vault.sweepFees(address(usdt));
        }
        vault.sweepFees(address(usdt));
        vm.assertEq(usdt.balanceOf(splitter), total);
        vm.assertEq(usdt.balanceOf(address(vault)), 0);
        vm.assertEq(vault.feesAccrued(address(usdt)), 0);
    }
}
