// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IPromotionNodesErrors} from "../errors/NodesErrors.sol";
import {ICommissionLedger, IReferralRecorder} from "./IFeeSinks.sol";

/// @title IPromotionNodes
/// @notice Community promotion nodes. A main node stakes `mainStake` DMC (20,000 at deploy); a light node stakes
/// `lightStake` (2,000) under a live main node that invited it first (`recruit`). A purchase naming a live node as
/// its `referrer` earns that node `commissionBps` of the sale's fee (20% at deploy); a light node's commission is
/// split with its main node (`mainShareBps` to the main node, 30% at deploy; all of it stays with the light node
/// while its main node is not live). Commission is owed per node and token, funded out of the collected fees
/// (ICommissionLedger) and pulled by the node (`claimCommission`). See docs/decisions/0021-promotion-nodes.md.
/// @dev Staked DMC keeps its voting power: each node's DMC sits in its own vault (a minimal clone) that delegates
/// to the node (or to whom the node names). Unstaking is `requestExit`, then `withdraw` once `cooldown` seconds
/// passed; a node in exit earns no commission and has no emission weight. A main node's exit leaves its light
/// nodes live, keeping their whole commission. Stakes and the cooldown are snapshotted per node at registration:
/// governance changes apply to new registrations only; a rate change applies to later referrals only.
interface IPromotionNodes is IReferralRecorder, ICommissionLedger, IPromotionNodesErrors {
    /// @notice What an account runs.
    enum Kind {
        None,
        Main,
        Light
    }

    /// @notice A node's registration. One slot, plus its main node (light) for the commission split.
    struct Node {
        Kind kind; // None: never registered or withdrawn
        uint40 exitReadyAt; // 0 while live; when `withdraw` opens once in exit
        uint32 cooldown; // seconds, snapshotted at registration
        uint64 referrals; // referrals that earned commission, cumulative over the account's registrations
        uint96 stake; // DMC wei in the vault
        address mainNode; // a light node's main node; zero for a main node
        uint32 recruits; // a main node's light nodes registered under it and not withdrawn
    }

    /// @notice A node's commission in one token, cumulative.
    struct Commission {
        uint128 earned;
        uint128 claimed;
    }

    /// @notice A token's commission ledger: recorded >= funded >= paid.
    struct Ledger {
        uint128 recorded;
        uint128 funded;
        uint256 paid;
    }

    /// @notice `node` registered (`kind` Main or Light, under `mainNode` if light), staking `stake` DMC in `vault`
    /// with a cooldown of `cooldown` seconds; the vault's votes go to `node`.
    event NodeRegistered(
        address indexed node, Kind kind, address indexed mainNode, address vault, uint256 stake, uint256 cooldown
    );
    /// @notice Main node `mainNode` invited (`allowed`) or uninvited `light` to register under it.
    event RecruitSet(address indexed mainNode, address indexed light, bool allowed);
    /// @notice `node` asked to leave; its stake is withdrawable from `readyAt`. It earns nothing from now on.
    event ExitRequested(address indexed node, uint256 stake, uint256 readyAt);
    /// @notice `node` withdrew `stake` DMC and is no longer a node (its commission stays claimable).
    event NodeWithdrawn(address indexed node, uint256 stake);
    /// @notice `node`'s vault now delegates its votes to `delegatee`.
    event VaultDelegated(address indexed node, address indexed vault, address indexed delegatee);
    /// @notice A referral by `node` of `buyer`'s purchase paying `fee` in `token` earned `commission`, of which
    /// `mainShare` went to `mainNode` (zero if none). `referrals` and `nodeEarned` are `node`'s cumulative totals
    /// after it (`nodeEarned` in `token`); `mainEarned` is `mainNode`'s in `token`.
    event CommissionRecorded(
        address indexed node,
        address indexed buyer,
        address indexed token,
        uint256 fee,
        uint256 commission,
        address mainNode,
        uint256 mainShare,
        uint256 referrals,
        uint256 nodeEarned,
        uint256 mainEarned
    );
    /// @notice `funder` funded `amount` of `token` commission; `funded` is the token's cumulative funding.
    event CommissionFunded(address indexed token, address indexed funder, uint256 amount, uint256 funded);
    /// @notice `node` claimed `amount` of `token`, paid to `to`; `claimed` is its cumulative claim in `token`.
    event CommissionClaimed(
        address indexed node, address indexed token, address indexed to, uint256 amount, uint256 claimed
    );
    /// @notice Governance set the stakes of new main and light nodes (DMC wei).
    event StakesSet(uint256 mainStake, uint256 lightStake);
    /// @notice Governance set the cooldown of new registrations (seconds).
    event CooldownSet(uint256 cooldown);
    /// @notice Governance set the commission rate and the main node's share of a light node's commission.
    event CommissionSet(uint256 commissionBps, uint256 mainShareBps);
    /// @notice Governance set the most light nodes a main node may have.
    event MaxRecruitsSet(uint256 maxRecruits);
    /// @notice Governance set the contract allowed to record referrals (TradingRewards).
    event FeeHookSet(address indexed feeHook);
    /// @notice Governance set the node-staking emission pool (zero: none).
    event WeightSinkSet(address indexed sink);

    /// @notice Registers the caller as a main node, pulling `mainStake` DMC (approve it first) into its vault.
    function registerMainNode() external;

    /// @notice Registers the caller as a light node under `mainNode`, pulling `lightStake` DMC into its vault.
    /// @param mainNode A live main node that invited the caller (`recruit`) and has room for it.
    function registerLightNode(address mainNode) external;

    /// @notice As a live main node, invites (or uninvites) `light` to register under the caller.
    function recruit(address light, bool allowed) external;

    /// @notice Starts the caller's cooldown: from now it earns no commission and no emission weight.
    function requestExit() external;

    /// @notice Pays the caller its stake once its cooldown is over and ends its node. Commission stays claimable.
    function withdraw() external;

    /// @notice Makes the caller's vault delegate its votes to `delegatee` (the caller by default).
    function delegateVault(address delegatee) external;

    /// @notice Pays the caller's owed and funded commission in `token` to `to` (at most what is funded and unpaid).
    /// @return amount Paid, in `token` base units.
    function claimCommission(address token, address to) external returns (uint256 amount);

    /// @notice Pushes `node`'s weight (its stake if live, else zero) to the emission pool; anyone may call it,
    /// e.g. after governance set a new pool.
    function syncWeight(address node) external;

    /// @notice A node's registration.
    function nodeOf(address account) external view returns (Node memory);

    /// @notice The DMC vault of `account` (deployed at its first registration, reused after; the address is
    /// fixed before that).
    function vaultOf(address account) external view returns (address);

    /// @notice `node`'s cumulative commission in `token`.
    function commissionOf(address node, address token) external view returns (Commission memory);

    /// @notice Commission `node` can claim in `token` now: owed, capped by what is funded and unpaid.
    function claimable(address node, address token) external view returns (uint256);

    /// @notice A token's commission ledger.
    function ledgerOf(address token) external view returns (Ledger memory);

    /// @notice Whether `mainNode` invited `light`.
    function invited(address mainNode, address light) external view returns (bool);

    /// @notice Whether `account` is a node now earning commission (registered and not in exit).
    function isLiveNode(address account) external view returns (bool);

    /// @notice Sets the stakes of new main and light nodes. Governance only; live nodes keep theirs.
    function setStakes(uint256 mainStake, uint256 lightStake) external;

    /// @notice Sets the cooldown of new registrations. Governance only; live nodes keep theirs.
    function setCooldown(uint256 cooldown) external;

    /// @notice Sets the commission rate (of a sale's fee) and the main node's share of a light node's commission.
    /// Governance only; applies to later referrals, never to commission already owed.
    function setCommission(uint256 commissionBps, uint256 mainShareBps) external;

    /// @notice Sets the most light nodes a main node may have (new registrations only). Governance only.
    function setMaxRecruits(uint256 maxRecruits) external;

    /// @notice Sets the contract allowed to call `recordReferral` (TradingRewards). Governance only.
    function setFeeHook(address feeHook) external;

    /// @notice Sets the node-staking emission pool (zero: none). Governance only.
    function setWeightSink(address sink) external;
}
