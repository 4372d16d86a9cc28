// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {IProtocolFeeSplitterErrors} from "../../../src/errors/FeeErrors.sol";
import {ProtocolFeeSplitter} from "../../../src/treasury/ProtocolFeeSplitter.sol";
import {BlacklistableUSDT} from "../../mocks/BlacklistableUSDT.sol";
import {FeeFixture} from "../../utils/FeeFixture.sol";

contract ProtocolFeeSplitterTest is FeeFixture {
    event Distributed(
        address indexed token,
        address indexed caller,
        uint256 balance,
        uint256 commission,
        uint256 premium,
        uint256 buyback,
        uint256 kept
    );

    function _distribute(address token) internal {
        vm.prank(keeper);
        splitter.distribute(token);
    }

    function _sent(address token) internal view returns (uint256 c, uint256 p, uint256 b) {
        (c, p, b) = splitter.sent(token);
    }

    function test_Distribute_CommissionThenPremiumThenBuyback() public {
        usdt.mint(address(splitter), 100e6);
        ledger.setOwed(address(usdt), 30e6);
        vm.expectEmit(address(splitter));
        emit Distributed(address(usdt), keeper, 100e6, 30e6, 14e6, 56e6, 0);
        _distribute(address(usdt));
        vm.assertEq(usdt.balanceOf(address(ledger)), 30e6);
        vm.assertEq(ledger.unfundedCommission(address(usdt)), 0);
        vm.assertEq(usdt.balanceOf(address(premiumSink)), 14e6); // 20% of the 70 left
        vm.assertEq(usdt.balanceOf(address(buyback)), 56e6);
        vm.assertEq(usdt.balanceOf(address(splitter)), 0);
        (uint256 c, uint256 p, uint256 b) = _sent(address(usdt));
        vm.assertEq(c, 30e6);
        vm.assertEq(p, 14e6);
        vm.assertEq(b, 56e6);
        vm.assertEq(usdt.allowance(address(splitter), address(ledger)), 0);
        vm.assertEq(usdt.allowance(address(splitter), address(premiumSink)), 0);
    }

    function test_Distribute_CommissionCappedByTheBalance() public {
        usdt.mint(address(splitter), 100e6);
        ledger.setOwed(address(usdt), 500e6);
        _distribute(address(usdt));
        vm.assertEq(usdt.balanceOf(address(ledger)), 100e6);
        vm.assertEq(ledger.unfundedCommission(address(usdt)), 400e6);
        vm.assertEq(usdt.balanceOf(address(premiumSink)), 0);
        vm.assertEq(usdt.balanceOf(address(buyback)), 0);
    }

    function test_Distribute_UnsetSinksAreSkipped() public {
        vm.prank(timelock);
        splitter.setSinks(address(0), address(0), address(buyback));
        ifil.mint(address(splitter), 7e18);
        _distribute(address(ifil));
        vm.assertEq(ifil.balanceOf(address(buyback)), 7e18);

        // no buyback: the rest stays for a later distribution
        vm.prank(timelock);
        splitter.setSinks(address(ledger), address(premiumSink), address(0));
        ledger.setOwed(address(ifil), 1e18);
        ifil.mint(address(splitter), 11e18);
        vm.expectEmit(address(splitter));
        emit Distributed(address(ifil), keeper, 11e18, 1e18, 2e18, 0, 8e18);
        _distribute(address(ifil));
        vm.assertEq(ifil.balanceOf(address(splitter)), 8e18);
        (uint256 c, uint256 p, uint256 b) = _sent(address(ifil));
        vm.assertEq(c + p + b + ifil.balanceOf(address(splitter)), 18e18);
    }

    function test_Preview_IsWhatDistributeSends() public {
        usdt.mint(address(splitter), 123_456_789);
        ledger.setOwed(address(usdt), 3_333_333);
        (uint256 c, uint256 p, uint256 b, uint256 k) = splitter.preview(address(usdt));
        _distribute(address(usdt));
        vm.assertEq(usdt.balanceOf(address(ledger)), c);
        vm.assertEq(usdt.balanceOf(address(premiumSink)), p);
        vm.assertEq(usdt.balanceOf(address(buyback)), b);
        vm.assertEq(k, 0);
        vm.assertEq(c + p + b, 123_456_789);
    }

    function test_Distribute_RevertsOnUnlistedOrEmpty() public {
        vm.expectRevert(abi.encodeWithSelector(IProtocolFeeSplitterErrors.Splitter_NotFeeToken.selector, address(dmc)));
        splitter.distribute(address(dmc));
        vm.expectRevert(
            abi.encodeWithSelector(IProtocolFeeSplitterErrors.Splitter_NothingToDistribute.selector, address(usdt))
        );
        splitter.distribute(address(usdt));
    }

    function test_Attack_StrangerCallsDaoSetters() public {
        vm.startPrank(attacker);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, attacker));
        splitter.setSinks(attacker, attacker, attacker);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, attacker));
        splitter.setPremiumBps(0);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, attacker));
        splitter.setFeeToken(address(dmc), true);
        vm.stopPrank();
    }

    function test_Attack_PremiumAboveTheCap() public {
        vm.expectRevert(
            abi.encodeWithSelector(IProtocolFeeSplitterErrors.Splitter_PremiumTooHigh.selector, 5_001, 5_000)
        );
        vm.prank(timelock);
        splitter.setPremiumBps(5_001);
        vm.prank(timelock);
        splitter.setPremiumBps(5_000);
        vm.assertEq(splitter.premiumBps(), 5_000);
    }

    /// @dev A premium change applies to the next distribution only: what was sent stays sent.
    function test_Attack_PremiumChangedBetweenDistributions() public {
        usdt.mint(address(splitter), 100e6);
        _distribute(address(usdt));
        vm.prank(timelock);
        splitter.setPremiumBps(5_000);
        (, uint256 p,) = _sent(address(usdt));
        vm.assertEq(p, 20e6);
        usdt.mint(address(splitter), 100e6);
        _distribute(address(usdt));
        (, p,) = _sent(address(usdt));
        vm.assertEq(p, 70e6);
        vm.assertEq(usdt.balanceOf(address(buyback)), 130e6);
    }

    /// @dev 1 wei: the premium rounds down to zero and the wei goes to the buyback; nothing is created or lost.
    function test_Attack_DustOneWei() public {
        usdt.mint(address(splitter), 1);
        _distribute(address(usdt));
        vm.assertEq(usdt.balanceOf(address(premiumSink)), 0);
        vm.assertEq(usdt.balanceOf(address(buyback)), 1);
        ledger.setOwed(address(usdt), 1);
        usdt.mint(address(splitter), 1);
        _distribute(address(usdt));
        vm.assertEq(usdt.balanceOf(address(ledger)), 1);
        vm.assertEq(usdt.balanceOf(address(buyback)), 1);
    }

    /// @dev The commission ledger calls back into distribute while it pulls: the guard stops the inner call.
    function test_Attack_ReentrantSink() public {
        usdt.mint(address(splitter), 100e6);
        ledger.setOwed(address(usdt), 10e6);
        ledger.setReenter(address(splitter), abi.encodeCall(splitter.distribute, (address(usdt))));
        _distribute(address(usdt));
        vm.assertFalse(ledger.reenterSucceeded());
        vm.assertEq(
            keccak256(ledger.reenterError()),
            keccak256(abi.encodeWithSelector(ReentrancyGuard.ReentrancyGuardReentrantCall.selector))
        );
        (uint256 c, uint256 p, uint256 b) = _sent(address(usdt));
        vm.assertEq(c + p + b, 100e6);
        vm.assertEq(usdt.balanceOf(address(ledger)), 10e6);
    }

    /// @dev A sink that pulls less than it was approved for reverts the distribution, so no unit is unaccounted;
    /// the DAO unsets it and the fees flow again.
    function test_Attack_SinkPullsLessThanApproved() public {
        premiumSink.setPullBps(5_000);
        usdt.mint(address(splitter), 100e6);
        vm.expectRevert(
            abi.encodeWithSelector(
                IProtocolFeeSplitterErrors.Splitter_SinkPullMismatch.selector, address(premiumSink), 20e6, 10e6
            )
        );
        splitter.distribute(address(usdt));
        vm.prank(timelock);
        splitter.setSinks(address(ledger), address(0), address(buyback));
        _distribute(address(usdt));
        vm.assertEq(usdt.balanceOf(address(buyback)), 100e6);
    }

    /// @dev A blacklisted buyback makes distribute revert; the fees stay in the splitter until the DAO points
    /// the sink elsewhere.
    function test_Attack_BlacklistedRecipient() public {
        BlacklistableUSDT bl = new BlacklistableUSDT();
        vm.prank(timelock);
        splitter.setFeeToken(address(bl), true);
        bl.mint(address(splitter), 100e6);
        bl.setBlacklisted(address(buyback), true);
        vm.expectRevert(abi.encodeWithSelector(BlacklistableUSDT.Blacklisted.selector, address(buyback)));
        splitter.distribute(address(bl));
        vm.assertEq(bl.balanceOf(address(splitter)), 100e6);
        address newBuyback = makeAddr("newBuyback");
        vm.prank(timelock);
        splitter.setSinks(address(ledger), address(premiumSink), newBuyback);
        _distribute(address(bl));
        vm.assertEq(bl.balanceOf(newBuyback), 80e6);
        vm.assertEq(bl.balanceOf(address(premiumSink)), 20e6);
    }

    function test_SetFeeToken_RejectsZero() public {
        vm.expectRevert(IProtocolFeeSplitterErrors.Splitter_ZeroAddress.selector);
        vm.prank(timelock);
        splitter.setFeeToken(address(0), true);
        vm.expectRevert(
            abi.encodeWithSelector(IProtocolFeeSplitterErrors.Splitter_PremiumTooHigh.selector, 9_000, 5_000)
        );
        new ProtocolFeeSplitter(timelock, 9_000);
    }
}
