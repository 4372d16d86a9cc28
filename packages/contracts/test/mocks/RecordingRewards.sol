// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @notice Stand-in for `TradingRewards` on the fee-source side only: records every `recordFee` call
/// (who called, for whom, in which token, how much, naming which referrer) so a test can check what a source
/// credited.
/// Only `recordFee` is implemented; a contract that calls anything else of ITradingRewards fails loudly.
contract RecordingRewards {
    struct Call {
        address source;
        address account;
        address token;
        uint256 fee;
        address referrer;
    }

    Call[] internal _calls;

    function recordFee(address account, address referrer, address token, uint256 fee) external {
        _calls.push(Call(msg.sender, account, token, fee, referrer));
    }

    function callCount() external view returns (uint256) {
        return _calls.length;
    }

    function callAt(uint256 i) external view returns (Call memory) {
        return _calls[i];
    }

    /// @notice Sum of the fees credited to `account` in `token`.
    function creditedTo(address account, address token) external view returns (uint256 total) {
        for (uint256 i; i < _calls.length; ++i) {
            if (_calls[i].account == account && _calls[i].token == token) total += _calls[i].fee;
        }
    }
}
