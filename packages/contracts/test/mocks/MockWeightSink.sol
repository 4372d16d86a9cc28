// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IStakeWeightSink} from "../../src/interfaces/IFeeSinks.sol";

/// @notice Stand-in for the node-staking emission pool: keeps the last weight set per account and their sum,
/// counts the calls, and can be told to revert (a broken pool).
contract MockWeightSink is IStakeWeightSink {
    error SinkBroken();

    mapping(address account => uint256) public weightOf;
    uint256 public totalWeight;
    uint256 public calls;
    bool public broken;

    function setBroken(bool broken_) external {
        broken = broken_;
    }

    function setWeight(address account, uint256 weight) external {
        if (broken) revert SinkBroken();
        totalWeight = totalWeight - weightOf[account] + weight;
        weightOf[account] = weight;
        ++calls;
    }
}
