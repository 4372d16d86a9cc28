// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IMiningReserve} from "../../../src/interfaces/IMiningReserve.sol";
import {IPositionLocks} from "../../../src/interfaces/IPositionLocks.sol";
import {BridgedToken} from "../../../src/tokens/BridgedToken.sol";
import {StakingDeployment} from "../../../script/lib/StakingDeployment.sol";
import {DaoFixture} from "../../utils/DaoFixture.sol";

/// @notice The production DAO system (DaoFixture) with the staking pools deployed through StakingDeployment and
/// switched on by a passed DAO proposal (drawers and locker approval), plus one approved offering.
abstract contract StakingDaoFixture is DaoFixture {
    string internal constant STAKING_PROPOSAL = "# Staking: make the DMC pools drawers and approve NFT staking";

    address internal nodeSource = makeAddr("promotionNodes");
    BridgedToken internal dmcUsdtLp;
    BridgedToken internal dmcIfilLp;
    StakingDeployment.Pools internal pools;
    uint256 internal offeringId;

    function setUp() public virtual override {
        super.setUp();
        dmcUsdtLp = _token("DMC/USDT LP", "UNI-V2", 18);
        dmcIfilLp = _token("DMC/IFIL LP", "UNI-V2", 18);
        pools = StakingDeployment.deploy(
            IPositionLocks(address(exchange)),
            IMiningReserve(address(dao.miningReserve)),
            address(dao.timelock),
            IERC20(address(dmcUsdtLp)),
            IERC20(address(dmcIfilLp)),
            nodeSource,
            StakingDeployment.defaultSchedule(block.timestamp)
        );
        (address[] memory t, uint256[] memory v, bytes[] memory c) = StakingDeployment.daoCalls(
            pools, IMiningReserve(address(dao.miningReserve)), IPositionLocks(address(exchange))
        );
        _passAll(t, v, c, STAKING_PROPOSAL);
        (uint256 applicationId, uint256 proposalId) = _submit();
        offeringId = _approve(applicationId, proposalId);
    }

    function _buy(address who, uint256 units) internal returns (uint256 tokenId) {
        vm.prank(who);
        return exchange.buy(offeringId, units, type(uint256).max, address(0));
    }

    function _fundBuyer(address who) internal {
        vm.prank(bridge);
        usdt.mint(who, 1_000_000e6);
        vm.prank(who);
        usdt.approve(address(exchange), type(uint256).max);
    }

    function _ids(uint256 a) internal pure returns (uint256[] memory ids) {
        ids = new uint256[](1);
        ids[0] = a;
    }
}
