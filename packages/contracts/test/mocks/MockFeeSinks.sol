// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ICommissionLedger, IPremiumSink} from "../../src/interfaces/IFeeSinks.sol";

/// @notice The splitter's sinks as the real ones (PromotionNodes, MutualInsurance) behave at the seam: the ledger
/// owes a settable commission per token and pulls at most that; the premium sink pulls what it is given. Either
/// can be made hostile: pull less than approved, or call back into a target (re-entrancy) mid-pull.
contract MockCommissionLedger is ICommissionLedger {
    error OverFunded(uint256 amount, uint256 owed);

    mapping(address token => uint256) public unfundedCommission;
    mapping(address token => uint256) public funded;
    address public reenterTarget;
    bytes public reenterData;
    bool public reenterSucceeded;
    bytes public reenterError;

    function setOwed(address token, uint256 amount) external {
        unfundedCommission[token] = amount;
    }

    function setReenter(address target, bytes calldata data) external {
        reenterTarget = target;
        reenterData = data;
    }

    function fundCommission(address token, uint256 amount) external {
        uint256 owed = unfundedCommission[token];
        if (amount > owed) revert OverFunded(amount, owed);
        unfundedCommission[token] = owed - amount;
        funded[token] += amount;
        if (reenterTarget != address(0)) {
            (bool ok, bytes memory err) = reenterTarget.call(reenterData);
            reenterSucceeded = ok;
            reenterError = err;
        }
        IERC20(token).transferFrom(msg.sender, address(this), amount);
    }
}

contract MockPremiumSink is IPremiumSink {
    mapping(address token => uint256) public premiums;
    /// @dev Pull only this share (bps) of what it is asked to: a faulty sink.
    uint256 public pullBps = 10_000;

    function setPullBps(uint256 bps) external {
        pullBps = bps;
    }

    function depositPremium(address token, uint256 amount) external {
        uint256 pull = amount * pullBps / 10_000;
        premiums[token] += pull;
        IERC20(token).transferFrom(msg.sender, address(this), pull);
    }
}
