// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {MutualInsurance} from "../../src/insurance/MutualInsurance.sol";
import {IHashpowerExchange} from "../../src/interfaces/IHashpowerExchange.sol";
import {IMutualInsurance} from "../../src/interfaces/IMutualInsurance.sol";
import {InsuranceFund} from "../../src/treasury/InsuranceFund.sol";

/// @title InsuranceDeployment
/// @notice Deploys the mutual insurance pool (issue 13) with its deploy parameters and premium tokens, owned by the
/// DAO timelock in the end; and spells out the DAO proposal that moves the 10% insurance allocation from
/// `InsuranceFund` into the pool's fund. Parameters: docs/decisions/0022-mutual-insurance.md.
library InsuranceDeployment {
    /// @notice Two weeks from an unstake request to its withdrawal window.
    uint32 internal constant COOLDOWN = 14 days;
    /// @notice The withdrawal window: a week.
    uint32 internal constant WINDOW = 7 days;
    /// @notice A payout claim freezes exits for 30 days at most (a DAO vote takes about 8 days).
    uint32 internal constant CLAIM_DURATION = 30 days;
    /// @notice One payout may take at most half of the underwriters' pot.
    uint16 internal constant MAX_POT_SHARE_BPS = 5_000;

    /// @notice The deploy parameters.
    function defaultParams() internal pure returns (IMutualInsurance.Params memory) {
        return IMutualInsurance.Params({
            cooldown: COOLDOWN, window: WINDOW, claimDuration: CLAIM_DURATION, maxPotShareBps: MAX_POT_SHARE_BPS
        });
    }

    /// @notice Deploys the pool, lists `premiumTokens` (e.g. USDT, IFIL) and hands it to `timelock`.
    /// @param exchange The hashpower exchange.
    /// @param dmc The DMC token.
    /// @param timelock The DAO timelock (the pool's owner).
    /// @param deployer The account sending the listing calls, owner meanwhile: the broadcaster in a script (not
    /// `address(this)`, which inside a broadcast is the script contract, not the sender of the calls).
    /// @param premiumTokens The tokens protocol fees pay premiums in.
    function deploy(
        IHashpowerExchange exchange,
        IERC20 dmc,
        address timelock,
        address deployer,
        address[] memory premiumTokens
    ) internal returns (MutualInsurance pool) {
        pool = new MutualInsurance(deployer, dmc, exchange, defaultParams());
        for (uint256 i; i < premiumTokens.length; ++i) {
            pool.setPremiumToken(premiumTokens[i], true);
        }
        pool.transferOwnership(timelock);
    }

    /// @notice The DAO proposal's calls that move `amount` DMC of the insurance allocation into the pool's fund:
    /// `InsuranceFund.pay(dmc, pool, amount)` then `pool.syncFund()` (anyone could call the second).
    function fundingCalls(InsuranceFund fund, MutualInsurance pool, uint256 amount)
        internal
        view
        returns (address[] memory targets, uint256[] memory values, bytes[] memory calldatas)
    {
        targets = new address[](2);
        values = new uint256[](2);
        calldatas = new bytes[](2);
        targets[0] = address(fund);
        calldatas[0] = abi.encodeCall(
            InsuranceFund.pay, (pool.dmc(), address(pool), amount, "Insurance allocation to the mutual pool")
        );
        targets[1] = address(pool);
        calldatas[1] = abi.encodeCall(MutualInsurance.syncFund, ());
    }
}
