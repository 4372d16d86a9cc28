// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {MiningReserve} from "./MiningReserve.sol";
import {IDmcErrors} from "../errors/DmcErrors.sol";

/// @title DMCToken
/// @notice DMEX's governance and credit token: 100,000,000 DMC minted once, at deployment, into its
/// allocations (see docs/decisions/0012-dmc-and-governance.md); no mint or burn function exists after.
/// Votes are checkpointed by timestamp (ERC-6372 `mode=timestamp`), so governance periods are in
/// seconds: they survive anvil time travel and chains with irregular block times. Holders must
/// delegate (to themselves or another) for their balance to count as votes.
contract DMCToken is IDmcErrors, ERC20, ERC20Permit, ERC20Votes {
    /// @notice The whole supply, 100 million DMC (18 decimals).
    uint256 public constant TOTAL_SUPPLY = 100_000_000e18;

    /// @notice The three mining buckets (50% of the supply at launch).
    struct MiningBuckets {
        uint256 behaviour;
        uint256 liquidity;
        uint256 nodeStaking;
    }

    /// @notice The contract holding the mining buckets, deployed by this token's constructor so
    /// the mining share is minted straight into it.
    MiningReserve public immutable miningReserve;

    /// @notice One slice of the genesis mint.
    struct Allocation {
        address recipient;
        uint256 amount;
        string label;
    }

    /// @notice One slice of the supply went to `recipient`, for the purpose `label`.
    event Allocated(address indexed recipient, uint256 amount, string label);

    /// @param buckets Sizes of the mining buckets, minted into the {MiningReserve}.
    /// @param reserveOwner Owner of the reserve (the DAO timelock), who authorises drawers.
    /// @param allocations Where the rest goes; buckets and allocations sum to exactly {TOTAL_SUPPLY}.
    constructor(MiningBuckets memory buckets, address reserveOwner, Allocation[] memory allocations)
        ERC20("DMEX Coin", "DMC")
        ERC20Permit("DMEX Coin")
    {
        MiningReserve reserve =
            new MiningReserve(this, reserveOwner, buckets.behaviour, buckets.liquidity, buckets.nodeStaking);
        miningReserve = reserve;
        uint256 total = buckets.behaviour + buckets.liquidity + buckets.nodeStaking;
        _mint(address(reserve), total);
        emit Allocated(address(reserve), total, "mining reserve");
        for (uint256 i; i < allocations.length; ++i) {
            Allocation memory a = allocations[i];
            if (a.recipient == address(0) || a.amount == 0) revert DMC_InvalidAllocation(i);
            total += a.amount;
            _mint(a.recipient, a.amount);
            emit Allocated(a.recipient, a.amount, a.label);
        }
        if (total != TOTAL_SUPPLY) revert DMC_AllocationMismatch(total, TOTAL_SUPPLY);
    }

    /// @notice ERC-6372: votes are checkpointed by block timestamp.
    function clock() public view override returns (uint48) {
        return uint48(block.timestamp);
    }

    /// @notice ERC-6372 clock description.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }

    /// @notice ERC-2612 nonce of `owner` (shared by permit and vote-by-signature).
    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }
}
