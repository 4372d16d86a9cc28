// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {HashpowerExchange} from "../../src/HashpowerExchange.sol";
import {DMCToken} from "../../src/dmc/DMCToken.sol";
import {MiningReserve} from "../../src/dmc/MiningReserve.sol";
import {MutualInsurance} from "../../src/insurance/MutualInsurance.sol";
import {IHashpowerExchange} from "../../src/interfaces/IHashpowerExchange.sol";
import {IMiningReserve} from "../../src/interfaces/IMiningReserve.sol";
import {IPositionLocks} from "../../src/interfaces/IPositionLocks.sol";
import {ITradingRewards} from "../../src/interfaces/ITradingRewards.sol";
import {PromotionNodes} from "../../src/nodes/PromotionNodes.sol";
import {FeeBuyback} from "../../src/treasury/FeeBuyback.sol";
import {ProtocolFeeSplitter} from "../../src/treasury/ProtocolFeeSplitter.sol";
import {FeeDeployment} from "./FeeDeployment.sol";
import {InsuranceDeployment} from "./InsuranceDeployment.sol";
import {NodesDeployment} from "./NodesDeployment.sol";
import {StakingDeployment} from "./StakingDeployment.sol";
import {UniswapV2Deployment} from "./UniswapV2Deployment.sol";

/// @title DefiDeployment
/// @notice The DeFi of issue 13 in the production deployment: Uniswap V2 and the two DMC pairs, the fee splitter
/// and the buyback, the promotion nodes, the mutual insurance pool and the three DMC emission pools, all wired to
/// each other and to trading. Runs inside DaoDeployment in two steps, because each needs a power the deployer holds
/// only for a while:
///   1. {deployFees}, before trading and lending: the splitter becomes the exchange's fee recipient, so the
///      listings, auctions and loans (which copy `exchange.feeRecipient()` at construction) take it too.
///   2. {deployPools}, once TradingRewards exists and while the deployer still owns it and the mining reserve and
///      governs the exchange: the nodes become TradingRewards' referral recorder, each emission pool a drawer of its
///      bucket, PositionStaking a locker; then the splitter's sinks are set and everything goes to the timelock.
/// The pairs are created empty (the seed or the community adds liquidity). Every contract here ends owned by the
/// DAO timelock (the emission pools from birth). Parameters: docs/decisions/0019-0022.
library DefiDeployment {
    /// @notice What the DeFi needs beyond the DAO.
    struct Params {
        /// @dev Local chain: creation code from the npm artifacts ({UniswapV2Deployment-localParams}); a real
        /// network: the existing factory and router. Its `feeToSetter` is replaced by the DAO timelock.
        UniswapV2Deployment.Params uniswap;
        /// @dev The quote tokens of the DMC pairs, which are also the fee tokens the buyback converts and the
        /// premium tokens of the insurance pool.
        address usdt;
        address ifil;
    }

    /// @notice What was deployed.
    struct Defi {
        UniswapV2Deployment.Uniswap uniswap;
        address dmcUsdtPair;
        address dmcIfilPair;
        ProtocolFeeSplitter splitter;
        FeeBuyback buyback;
        PromotionNodes nodes;
        MutualInsurance insurance;
        StakingDeployment.Pools staking;
    }

    /// @notice Step 1: Uniswap V2, the empty DMC/USDT and DMC/IFIL pairs, the splitter and the buyback (owned by
    /// `deployer` until {deployPools}), and the splitter made the exchange's fee recipient. The caller must hold the
    /// exchange's GOVERNOR_ROLE.
    function deployFees(HashpowerExchange exchange, DMCToken dmc, Params memory p, address timelock, address deployer)
        internal
        returns (Defi memory d)
    {
        UniswapV2Deployment.Params memory uni = p.uniswap;
        uni.feeToSetter = timelock; // only the DAO may switch on the factory's protocol fee
        d.uniswap = UniswapV2Deployment.deploy(uni);
        d.dmcUsdtPair = UniswapV2Deployment.pairOf(d.uniswap, address(dmc), p.usdt);
        d.dmcIfilPair = UniswapV2Deployment.pairOf(d.uniswap, address(dmc), p.ifil);

        FeeDeployment.Fees memory f = FeeDeployment.create(
            IMiningReserve(address(dmc.miningReserve())), d.uniswap.factory, _quoteTokens(p), deployer
        );
        d.splitter = f.splitter;
        d.buyback = f.buyback;
        exchange.setFeeRecipient(address(d.splitter));
    }

    /// @notice Step 2: the nodes, the insurance pool and the emission pools, wired in, and the hand-over of
    /// everything step 1 left with the deployer. The caller must own `rewards` and the mining reserve and hold the
    /// exchange's GOVERNOR_ROLE; it keeps all three (DaoDeployment hands them over after this).
    function deployPools(
        Defi memory d,
        HashpowerExchange exchange,
        DMCToken dmc,
        ITradingRewards rewards,
        Params memory p,
        address timelock,
        address deployer
    ) internal {
        MiningReserve reserve = dmc.miningReserve();
        d.nodes = NodesDeployment.create(dmc, rewards, deployer);
        d.insurance = InsuranceDeployment.deploy(
            IHashpowerExchange(address(exchange)), IERC20(address(dmc)), timelock, deployer, _quoteTokens(p)
        );
        d.staking = StakingDeployment.deploy(
            IPositionLocks(address(exchange)),
            IMiningReserve(address(reserve)),
            timelock,
            IERC20(d.dmcUsdtPair),
            IERC20(d.dmcIfilPair),
            address(d.nodes), // the node-staking pool's weight source
            StakingDeployment.defaultSchedule(block.timestamp)
        );
        // a node's staked DMC is its weight in the node-staking pool; its referrals are recorded by TradingRewards
        NodesDeployment.handOver(d.nodes, address(d.staking.nodeRewards), timelock);
        NodesDeployment.wire(rewards, d.nodes);

        // StakingDeployment.daoCalls, made here while the deployer still owns the reserve and governs the exchange
        reserve.setDrawer(IMiningReserve.Bucket.Behaviour, address(d.staking.nftStaking), true);
        reserve.setDrawer(IMiningReserve.Bucket.Liquidity, address(d.staking.dmcUsdtMining), true);
        reserve.setDrawer(IMiningReserve.Bucket.Liquidity, address(d.staking.dmcIfilMining), true);
        reserve.setDrawer(IMiningReserve.Bucket.NodeStaking, address(d.staking.nodeRewards), true);
        exchange.setLocker(address(d.staking.nftStaking), true);

        // fees: owed node commission first, then the insurance premium share, the rest bought back as DMC
        d.splitter.setSinks(address(d.nodes), address(d.insurance), address(d.buyback));
        FeeDeployment.handOver(FeeDeployment.Fees({splitter: d.splitter, buyback: d.buyback}), timelock);
    }

    function _quoteTokens(Params memory p) private pure returns (address[] memory tokens) {
        tokens = new address[](2);
        (tokens[0], tokens[1]) = (p.usdt, p.ifil);
    }
}
