// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IPromotionNodes} from "../../src/interfaces/IPromotionNodes.sol";
import {NodesFixture} from "../unit/nodes/NodesFixture.sol";

/// @notice The commission math of PromotionNodes for any fee, rate and split; funding and claiming in any order.
contract NodesFuzzTest is NodesFixture {
    function setUp() public override {
        super.setUp();
        _main(mainA);
        _light(lightA, mainA);
    }

    /// @dev A light node's referral: the two shares add up to the commission, which is the fee times the rate
    /// rounded down; the main node's share is its rate of that, rounded down; the remainder is the light node's.
    function testFuzz_LightReferralSplitsExactly(uint256 fee, uint256 bps, uint256 share) public {
        fee = bound(fee, 0, 1e30);
        bps = bound(bps, 0, nodes.MAX_COMMISSION_BPS());
        share = bound(share, 0, 10_000);
        vm.prank(timelock);
        nodes.setCommission(bps, share);
        _refer(lightA, buyer, fee);
        uint256 commission = fee * bps / 10_000;
        uint256 mainShare = commission * share / 10_000;
        uint256 light = nodes.commissionOf(lightA, address(usdt)).earned;
        uint256 main = nodes.commissionOf(mainA, address(usdt)).earned;
        vm.assertEq(light + main, commission, "shares add up to the commission");
        vm.assertEq(main, mainShare);
        vm.assertEq(nodes.ledgerOf(address(usdt)).recorded, commission);
        vm.assertEq(nodes.nodeOf(lightA).referrals, commission == 0 ? 0 : 1);
    }

    /// @dev Partial fundings and claims in any order: nobody is paid above what it is owed or the pool holds, and
    /// funding everything recorded lets every node claim all it earned.
    function testFuzz_FundAndClaimInAnyOrder(uint256 fee1, uint256 fee2, uint256 part, bool lightFirst) public {
        fee1 = bound(fee1, 5, 1_000_000e6);
        fee2 = bound(fee2, 5, 1_000_000e6);
        _refer(lightA, buyer, fee1);
        _refer(mainA, buyer, fee2);
        uint256 recorded = nodes.ledgerOf(address(usdt)).recorded;
        part = bound(part, 0, recorded);
        vm.prank(splitter);
        nodes.fundCommission(address(usdt), part);
        address first = lightFirst ? lightA : mainA;
        uint256 c = nodes.claimable(first, address(usdt));
        if (c != 0) {
            vm.prank(first);
            nodes.claimCommission(address(usdt), first);
        }
        vm.assertLe(usdt.balanceOf(first), nodes.commissionOf(first, address(usdt)).earned);
        vm.assertLe(usdt.balanceOf(first), part);
        _fundAll();
        address[2] memory both = [lightA, mainA];
        for (uint256 i; i < 2; ++i) {
            if (nodes.claimable(both[i], address(usdt)) != 0) {
                vm.prank(both[i]);
                nodes.claimCommission(address(usdt), both[i]);
            }
            vm.assertEq(usdt.balanceOf(both[i]), nodes.commissionOf(both[i], address(usdt)).earned, "paid in full");
        }
        IPromotionNodes.Ledger memory l = nodes.ledgerOf(address(usdt));
        vm.assertEq(l.paid, l.recorded);
        vm.assertEq(usdt.balanceOf(address(nodes)), 0);
    }

    /// @dev Withdraw opens exactly at the request plus the cooldown snapshotted at registration, whatever the DAO
    /// set since.
    function testFuzz_WithdrawOpensExactlyAtTheCooldown(uint256 newCooldown, uint256 wait) public {
        newCooldown = bound(newCooldown, 1 days, 90 days);
        vm.prank(timelock);
        nodes.setCooldown(newCooldown);
        _exit(mainA);
        uint256 readyAt = block.timestamp + COOLDOWN;
        wait = bound(wait, 0, 100 days);
        vm.warp(block.timestamp + wait);
        vm.prank(mainA);
        if (block.timestamp < readyAt) {
            vm.expectRevert();
            nodes.withdraw();
        } else {
            nodes.withdraw();
            vm.assertEq(dmc.balanceOf(nodes.vaultOf(mainA)), 0);
        }
    }
}
