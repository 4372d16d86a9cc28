// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {MiningReserve} from "../../src/dmc/MiningReserve.sol";
import {ApplicationTerms} from "../../src/issuance/ApplicationTypes.sol";
import {MinerApplications} from "../../src/issuance/MinerApplications.sol";
import {DaoFixture} from "../utils/DaoFixture.sol";
import {IMinerApplicationsErrors} from "../../src/errors/IssuanceErrors.sol";
import {IMiningReserveErrors} from "../../src/errors/DmcErrors.sol";
import {IMiningReserve} from "../../src/interfaces/IMiningReserve.sol";

contract DaoFuzzTest is DaoFixture {
    /// The stake is the larger of the floor and 0.5 DMC per whole USDT of value, for any size.
    function testFuzz_requiredStake(uint40 units, uint128 price) public view {
        units = uint40(bound(units, 1, 1_000_000_000));
        price = uint128(bound(price, 1, 1e15));
        ApplicationTerms memory t = _terms();
        (t.unitsTotal, t.pricePerUnit) = (units, price);
        uint256 byValue = (uint256(units) * price * 0.5e18) / 1e6;
        uint256 expected = byValue > 10_000e18 ? byValue : 10_000e18;
        vm.assertEq(dao.applications.requiredStake(t), expected);
    }

    /// Votes move with balances and delegations; together they never exceed the delegated balances.
    function testFuzz_votesFollowBalances(uint256 amount, uint8 delegateSeed, uint32 later) public {
        amount = bound(amount, 0, 2_200_000e18);
        address to = delegateSeed % 2 == 0 ? whale2 : minnow;
        vm.prank(whale1);
        dao.dmc.delegate(to);
        vm.prank(whale1);
        dao.dmc.transfer(minnow, amount);
        vm.warp(block.timestamp + 1 + uint256(later));
        uint256 w1 = dao.dmc.getVotes(whale1);
        uint256 w2 = dao.dmc.getVotes(whale2);
        uint256 mn = dao.dmc.getVotes(minnow);
        vm.assertEq(w1, 0);
        vm.assertEq(w1 + w2 + mn, 2_200_000e18 * 2 + 150_000e18, "every delegated DMC counts once");
        vm.assertEq(mn, to == minnow ? 150_000e18 + 2_200_000e18 : 150_000e18 + amount);
    }

    /// A bucket can never pay out more than its size, whatever the draws.
    function testFuzz_reserveBucketsAreBounded(uint256 a, uint256 b) public {
        MiningReserve reserve = dao.miningReserve;
        address drawer = makeAddr("drawer");
        vm.prank(address(dao.timelock));
        reserve.setDrawer(IMiningReserve.Bucket.Liquidity, drawer, true);
        a = bound(a, 0, 10_000_000e18);
        b = bound(b, 0, 20_000_000e18);
        vm.prank(drawer);
        reserve.draw(IMiningReserve.Bucket.Liquidity, whale1, a);
        uint256 left = 10_000_000e18 - a;
        vm.prank(drawer);
        if (b > left) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IMiningReserveErrors.Reserve_BucketExhausted.selector, IMiningReserve.Bucket.Liquidity, b, left
                )
            );
            reserve.draw(IMiningReserve.Bucket.Liquidity, whale1, b);
        } else {
            reserve.draw(IMiningReserve.Bucket.Liquidity, whale1, b);
            vm.assertEq(reserve.remaining(IMiningReserve.Bucket.Liquidity), left - b);
        }
        vm.assertEq(reserve.remaining(IMiningReserve.Bucket.Behaviour), 30_000_000e18);
    }

    /// An application is accepted exactly when its sale outlasts the vote extended to the maximum by
    /// a late quorum, plus the timelock delay (one second after the deadline the vote is over).
    function testFuzz_saleMustOutlastTheExtendedVote(uint256 saleEndSeed) public {
        uint256 executableAt =
            block.timestamp + VOTING_DELAY + VOTING_PERIOD + LATE_QUORUM_EXTENSION + 1 + TIMELOCK_DELAY;
        ApplicationTerms memory t = _terms();
        t.saleEnd = uint48(bound(saleEndSeed, block.timestamp + 1, uint256(t.termStartDay) * DAY));
        vm.prank(miner);
        if (t.saleEnd < executableAt) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IMinerApplicationsErrors.Applications_SaleEndsBeforeExecution.selector, t.saleEnd, executableAt
                )
            );
            dao.applications.submit(t, "# fuzz");
        } else {
            dao.applications.submit(t, "# fuzz");
        }
    }

    /// A proposal is protected from the guardian exactly when it has actions and every one is protected.
    function testFuzz_protectionNeedsEveryAction(uint8 count, uint256 mask) public view {
        uint256 n = bound(count, 0, 12);
        address[] memory t = new address[](n);
        uint256[] memory v = new uint256[](n);
        bytes[] memory c = new bytes[](n);
        bool all = n > 0;
        for (uint256 i; i < n; ++i) {
            bool protectedAction = (mask >> i) & 1 == 1;
            all = all && protectedAction;
            t[i] = address(exchange);
            c[i] = protectedAction
                ? abi.encodeWithSignature("revokeRole(bytes32,address)", bytes32(i), dao.council)
                : abi.encodeWithSignature("revokeRole(bytes32,address)", bytes32(i), whale1);
        }
        vm.assertEq(dao.governor.isProtected(t, v, c), all);
    }
}
