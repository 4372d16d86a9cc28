// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {HashpowerExchange} from "../../src/HashpowerExchange.sol";
import {ProtocolParameters} from "../../src/governance/ProtocolParameters.sol";
import {IHashpowerExchange} from "../../src/interfaces/IHashpowerExchange.sol";
import {PositionLoans} from "../../src/lending/PositionLoans.sol";

/// @title LendingDeployment
/// @notice Deploys and wires lending (issue 12): PositionLoans, a locker of the exchange, with the reward tokens
/// it accepts as collateral. Runs inside DaoDeployment while the deployer still governs the exchange; the loans
/// contract ends owned by the DAO timelock. Parameters: docs/decisions/0018-lending.md.
library LendingDeployment {
    /// @notice Grace period after a loan's due date before the lender may foreclose: a day (governable, 1 h to 7 d).
    uint32 internal constant GRACE_PERIOD = 1 days;

    /// @param deployer Owns the loans contract while it lists the collateral tokens (the broadcaster).
    /// @param collateralTokens The ERC-20s loans may be taken against (the reward tokens: IFIL, WBTC).
    function deploy(
        HashpowerExchange exchange,
        ProtocolParameters parameters,
        address timelock,
        address deployer,
        address[] memory collateralTokens
    ) internal returns (PositionLoans loans) {
        // LoanOrders is an external library: forge deploys and links it before this creation.
        // The deployer owns it until the collateral tokens are listed, then hands it to the timelock.
        loans = new PositionLoans(
            IHashpowerExchange(address(exchange)), parameters, deployer, exchange.feeRecipient(), GRACE_PERIOD
        );
        for (uint256 i; i < collateralTokens.length; ++i) {
            loans.setCollateralToken(collateralTokens[i], true);
        }
        loans.transferOwnership(timelock);
        exchange.setLocker(address(loans), true);
    }
}
