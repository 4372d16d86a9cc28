// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @notice The subset of forge's cheatcodes (served at the `hevm cheat code` address) the deploy
/// scripts use. Like test/utils/Vm.sol: no forge-std, only what we call.
interface ScriptVm {
    // broadcasting
    function startBroadcast() external;
    function stopBroadcast() external;

    // environment
    function envExists(string calldata name) external view returns (bool);
    function envAddress(string calldata name) external view returns (address);
    function envAddress(string calldata name, string calldata delim) external view returns (address[] memory);
    function envOr(string calldata name, address defaultValue) external view returns (address);
    function envOr(string calldata name, uint256 defaultValue) external view returns (uint256);
    function envOr(string calldata name, string calldata defaultValue) external view returns (string memory);

    // artifacts
    function getCode(string calldata artifactPath) external view returns (bytes memory creationBytecode);

    // keys
    function deriveKey(string calldata mnemonic, uint32 index) external pure returns (uint256 privateKey);
    function addr(uint256 privateKey) external pure returns (address);
}

/// @notice Base of the deploy scripts: the cheatcode handle and a few helpers.
abstract contract ScriptBase {
    ScriptVm internal constant vm = ScriptVm(address(uint160(uint256(keccak256("hevm cheat code")))));

    /// @dev The mnemonic anvil derives its default accounts from.
    string internal constant ANVIL_MNEMONIC = "test test test test test test test test test test test junk";

    /// @notice Address of anvil's default account `index`.
    function anvilAccount(uint32 index) internal pure returns (address) {
        return vm.addr(vm.deriveKey(ANVIL_MNEMONIC, index));
    }
}
