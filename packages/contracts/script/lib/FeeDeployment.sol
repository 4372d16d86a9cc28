// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IFeeBuyback} from "../../src/interfaces/IFeeBuyback.sol";
import {IMiningReserve} from "../../src/interfaces/IMiningReserve.sol";
import {IUniswapV2Factory} from "../../src/interfaces/uniswap/IUniswapV2Factory.sol";
import {FeeBuyback} from "../../src/treasury/FeeBuyback.sol";
import {ProtocolFeeSplitter} from "../../src/treasury/ProtocolFeeSplitter.sol";

/// @title FeeDeployment
/// @notice Deploys the fee flow of issue 13: the ProtocolFeeSplitter (the protocol's fee recipient) and the
/// FeeBuyback (fees to DMC on the Uniswap V2 pairs, DMC to the behaviour bucket), lists the fee tokens and their
/// DMC pairs, points the splitter's buyback sink at the buyback and hands both to the DAO timelock. The commission
/// ledger and the premium sink are set later (`setSinks`, by whoever wires PromotionNodes and the insurance pool).
/// Parameters: docs/decisions/0020-fee-buyback.md.
library FeeDeployment {
    /// @notice 20% of the fees left after commission go to the insurance pool once it is set.
    uint256 internal constant PREMIUM_BPS = 2_000;
    /// @notice The output may fall at most 1% under the TWAP value (the pair's 0.3% fee included).
    uint16 internal constant MAX_SLIPPAGE_BPS = 100;
    /// @notice One call swaps at most 0.2% of the pair's reserve of the fee token.
    uint16 internal constant MAX_INPUT_BPS = 20;
    /// @notice The TWAP spans at least 30 minutes...
    uint32 internal constant MIN_WINDOW = 30 minutes;
    /// @notice ... and its checkpoint is at most 2 days old.
    uint32 internal constant MAX_AGE = 2 days;

    struct Fees {
        ProtocolFeeSplitter splitter;
        FeeBuyback buyback;
    }

    /// @notice Deploys and configures both, owned by `deployer` until {handOver}, so a deployment can set the
    /// commission ledger and the premium sink (`setSinks`) once those exist.
    /// @param reserve The mining reserve (its token is DMC; the buyback replenishes its behaviour bucket).
    /// @param factory The Uniswap V2 factory holding the DMC pairs.
    /// @param feeTokens The fee tokens (USDT, IFIL...): listed in the splitter, and in the buyback when a DMC pair
    ///        exists.
    /// @param deployer The account sending the configuration calls (the broadcaster in a script).
    function create(IMiningReserve reserve, IUniswapV2Factory factory, address[] memory feeTokens, address deployer)
        internal
        returns (Fees memory f)
    {
        f.splitter = new ProtocolFeeSplitter(deployer, PREMIUM_BPS);
        f.buyback = new FeeBuyback(
            deployer,
            reserve,
            factory,
            IFeeBuyback.Parameters({
                maxSlippageBps: MAX_SLIPPAGE_BPS, maxInputBps: MAX_INPUT_BPS, minWindow: MIN_WINDOW, maxAge: MAX_AGE
            })
        );
        address dmc = address(reserve.dmc());
        for (uint256 i; i < feeTokens.length; ++i) {
            f.splitter.setFeeToken(feeTokens[i], true);
            if (factory.getPair(feeTokens[i], dmc) != address(0)) f.buyback.setMarket(feeTokens[i], true);
        }
        f.splitter.setSinks(address(0), address(0), address(f.buyback));
    }

    /// @notice Hands both to `timelock` (the DAO timelock); the caller must own them.
    function handOver(Fees memory f, address timelock) internal {
        f.splitter.transferOwnership(timelock);
        f.buyback.transferOwnership(timelock);
    }
}
