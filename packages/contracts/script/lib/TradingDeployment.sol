// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {HashpowerExchange} from "../../src/HashpowerExchange.sol";
import {DMCToken} from "../../src/dmc/DMCToken.sol";
import {MiningReserve} from "../../src/dmc/MiningReserve.sol";
import {ProtocolParameters} from "../../src/governance/ProtocolParameters.sol";
import {IHashpowerExchange} from "../../src/interfaces/IHashpowerExchange.sol";
import {IMiningReserve} from "../../src/interfaces/IMiningReserve.sol";
import {ITradingRewards} from "../../src/interfaces/ITradingRewards.sol";
import {PositionAuctions} from "../../src/trading/PositionAuctions.sol";
import {PositionListings} from "../../src/trading/PositionListings.sol";
import {TradingRewards} from "../../src/trading/TradingRewards.sol";

/// @title TradingDeployment
/// @notice Deploys and wires trading (issue 11): the DMC trading rewards, fixed-price listings and English
/// auctions. Runs inside DaoDeployment while the deployer still governs the exchange and owns the mining
/// reserve. Listings and auctions are owned by the DAO timelock from birth; TradingRewards and the reserve stay with
/// the deployer until {handOver}, so the rest of the deployment can still wire into them (the promotion nodes'
/// referrals, the emission pools' drawers). Parameters: docs/decisions/0017-trading.md.
library TradingDeployment {
    /// @notice One trading-reward epoch: a week.
    uint256 internal constant EPOCH_DURATION = 7 days;
    /// @notice DMC shared by each epoch's fee credit: 30M DMC (the behaviour bucket) lasts ~5.8 years.
    uint256 internal constant DMC_PER_EPOCH = 100_000e18;
    /// @notice At most 10 DMC per $1 of fees paid: wash trading loses money at any DMC price below $0.10.
    uint256 internal constant CAP_DMC_PER_FEE_UNIT = 10e18;
    /// @notice Each bid must beat the leading one by 5% (governable within 5-10%).
    uint16 internal constant MIN_INCREMENT_BPS = 500;

    struct Trading {
        TradingRewards rewards;
        PositionListings listings;
        PositionAuctions auctions;
    }

    /// @param feeTokens The stablecoins whose fees earn trading rewards (the exchange's payment tokens).
    function deploy(
        HashpowerExchange exchange,
        ProtocolParameters parameters,
        DMCToken dmc,
        address timelock,
        address deployer,
        address[] memory feeTokens
    ) internal returns (Trading memory t) {
        MiningReserve reserve = dmc.miningReserve();
        t.rewards = new TradingRewards(
            deployer,
            IERC20(address(dmc)),
            IMiningReserve(address(reserve)),
            // the genesis is the deploy day's 00:00 UTC: epochs start at midnight
            // forge-lint: disable-next-line(divide-before-multiply)
            (block.timestamp / 1 days) * 1 days,
            EPOCH_DURATION,
            DMC_PER_EPOCH,
            CAP_DMC_PER_FEE_UNIT
        );
        IHashpowerExchange ex = IHashpowerExchange(address(exchange));
        ITradingRewards rewards = ITradingRewards(address(t.rewards));
        address feeRecipient = exchange.feeRecipient();
        t.listings = new PositionListings(ex, parameters, rewards, timelock, feeRecipient);
        t.auctions = new PositionAuctions(ex, parameters, rewards, timelock, feeRecipient, MIN_INCREMENT_BPS);

        t.rewards.setSource(address(exchange), true);
        t.rewards.setSource(address(t.listings), true);
        t.rewards.setSource(address(t.auctions), true);
        for (uint256 i; i < feeTokens.length; ++i) {
            t.rewards.setFeeToken(feeTokens[i], true);
        }
        reserve.setDrawer(IMiningReserve.Bucket.Behaviour, address(t.rewards), true);

        exchange.setTradingRewards(address(t.rewards));
        exchange.setLocker(address(t.auctions), true);
        exchange.grantRole(exchange.PRIMARY_AUCTION_ROLE(), address(t.auctions));
    }

    /// @notice Hands TradingRewards and the mining reserve to `timelock`; the caller must own both.
    function handOver(Trading memory t, MiningReserve reserve, address timelock) internal {
        t.rewards.transferOwnership(timelock);
        reserve.transferOwnership(timelock);
    }
}
