// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

interface ISafeModuleManager {
    function enableModule(address module) external;
}

/// @title CouncilSafeSetup
/// @notice Delegate-called by the council Safe during `setup` to enable the DAO timelock as a Safe
/// module. That is how a DAO vote can replace council members (the timelock makes the Safe call
/// `swapOwner` / `addOwnerWithThreshold` on itself) without the council's signatures.
contract CouncilSafeSetup {
    /// @notice Enables `module` on the calling Safe. Only meaningful through `delegatecall` from
    /// `Safe.setup`, where `address(this)` is the Safe and the self-call passes its `authorized` check.
    /// @param module The module (the DAO timelock).
    function enableModule(address module) external {
        ISafeModuleManager(address(this)).enableModule(module);
    }
}
