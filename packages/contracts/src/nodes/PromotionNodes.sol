// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

import {ICommissionLedger, IReferralRecorder, IStakeWeightSink} from "../interfaces/IFeeSinks.sol";
import {IPromotionNodes} from "../interfaces/IPromotionNodes.sol";
import {NodeVault} from "./NodeVault.sol";

/// @title PromotionNodes
/// @notice Main and light promotion nodes, their DMC stakes (in per-node vaults that keep the votes) and the
/// commission their referrals earn. See {IPromotionNodes} and docs/decisions/0021-promotion-nodes.md.
/// @dev Owned by the DAO timelock. Nothing here can move a node's DMC but its own `withdraw`: a vault pays only its
/// node, and only after the node's cooldown (snapshotted at registration). Commission is pulled; the fee splitter
/// funds it. All work is O(1): no loop over nodes, recruits or referrals.
contract PromotionNodes is IPromotionNodes, Ownable, ReentrancyGuard {
    using SafeERC20 for IERC20;

    uint256 internal constant BPS = 10_000;
    /// @notice Stakes are at least 1 DMC and at most 10 million DMC.
    uint256 public constant MIN_STAKE = 1e18;
    uint256 public constant MAX_STAKE = 10_000_000e18;
    /// @notice The cooldown is at least one day and at most 90 days.
    uint256 public constant MIN_COOLDOWN = 1 days;
    uint256 public constant MAX_COOLDOWN = 90 days;
    /// @notice The commission is at most half the sale's fee.
    uint256 public constant MAX_COMMISSION_BPS = 5_000;
    /// @notice A main node may be allowed at most this many light nodes.
    uint256 public constant MAX_RECRUITS_CAP = 1_000;

    /// @notice The DMC token (ERC20Votes, timestamp clock).
    IERC20 public immutable dmc;
    /// @notice The vault every node's clone runs.
    address public immutable vaultImplementation;

    /// @notice The only caller of {recordReferral} (TradingRewards). Packed with the two rates: one read per referral.
    address public feeHook;
    /// @notice Commission, in basis points of a referred sale's fee.
    uint16 public commissionBps;
    /// @notice A main node's share of its light nodes' commission, in basis points of that commission.
    uint16 public mainShareBps;
    /// @notice Most light nodes under one main node (checked at registration).
    uint32 public maxRecruits;
    /// @notice Cooldown of new registrations, seconds.
    uint32 public cooldown;
    /// @notice DMC staked by a new main node.
    uint96 public mainStake;
    /// @notice DMC staked by a new light node.
    uint96 public lightStake;
    /// @notice The node-staking emission pool (zero: none).
    IStakeWeightSink public weightSink;
    /// @notice DMC staked by all nodes (held by their vaults).
    uint256 public totalStaked;

    mapping(address account => Node) private _nodes;
    mapping(address mainNode => mapping(address light => bool)) private _invited;
    mapping(address node => mapping(address token => Commission)) private _commissions;
    mapping(address token => Ledger) private _ledgers;

    /// @param owner_ The DAO timelock.
    /// @param dmc_ The DMC token.
    /// @param feeHook_ TradingRewards (may be zero until set).
    /// @param mainStake_ DMC wei a main node stakes (20,000e18 at deploy).
    /// @param lightStake_ DMC wei a light node stakes (2,000e18 at deploy).
    /// @param cooldown_ Exit cooldown, seconds.
    /// @param commissionBps_ Commission, basis points of a sale's fee.
    /// @param mainShareBps_ A main node's share of its light nodes' commission, basis points.
    /// @param maxRecruits_ Most light nodes per main node.
    constructor(
        address owner_,
        IERC20 dmc_,
        address feeHook_,
        uint256 mainStake_,
        uint256 lightStake_,
        uint256 cooldown_,
        uint256 commissionBps_,
        uint256 mainShareBps_,
        uint256 maxRecruits_
    ) Ownable(owner_) {
        if (address(dmc_) == address(0)) revert Nodes_ZeroAddress();
        dmc = dmc_;
        vaultImplementation = address(new NodeVault(dmc_));
        feeHook = feeHook_;
        emit FeeHookSet(feeHook_);
        _setStakes(mainStake_, lightStake_);
        _setCooldown(cooldown_);
        _setCommission(commissionBps_, mainShareBps_);
        _setMaxRecruits(maxRecruits_);
    }

    // =================================================================== nodes

    /// @inheritdoc IPromotionNodes
    function registerMainNode() external nonReentrant {
        _register(msg.sender, Kind.Main, address(0), mainStake);
    }

    /// @inheritdoc IPromotionNodes
    function registerLightNode(address mainNode) external nonReentrant {
        Node storage m = _nodes[mainNode];
        if (m.kind != Kind.Main || m.exitReadyAt != 0) revert Nodes_NotLiveMainNode(mainNode);
        if (!_invited[mainNode][msg.sender]) revert Nodes_NotInvited(mainNode, msg.sender);
        uint256 recruits = m.recruits;
        if (recruits >= maxRecruits) revert Nodes_TooManyRecruits(mainNode, maxRecruits);
        m.recruits = uint32(recruits + 1);
        // An invitation is used up: a light node that leaves needs a new one to come back.
        _invited[mainNode][msg.sender] = false;
        _register(msg.sender, Kind.Light, mainNode, lightStake);
    }

    /// @inheritdoc IPromotionNodes
    function recruit(address light, bool allowed) external {
        if (!isLiveNode(msg.sender) || _nodes[msg.sender].kind != Kind.Main) revert Nodes_NotLiveNode(msg.sender);
        if (light == address(0)) revert Nodes_ZeroAddress();
        if (light == msg.sender) revert Nodes_SelfRecruit(light);
        _invited[msg.sender][light] = allowed;
        emit RecruitSet(msg.sender, light, allowed);
    }

    /// @inheritdoc IPromotionNodes
    /// @dev A main node's light nodes stay live and keep their whole commission while it is not live.
    function requestExit() external nonReentrant {
        Node storage n = _nodes[msg.sender];
        if (n.kind == Kind.None || n.exitReadyAt != 0) revert Nodes_NotLiveNode(msg.sender);
        uint256 readyAt = block.timestamp + n.cooldown;
        n.exitReadyAt = uint40(readyAt);
        emit ExitRequested(msg.sender, n.stake, readyAt);
        _pushWeight(msg.sender, 0);
    }

    /// @inheritdoc IPromotionNodes
    function withdraw() external nonReentrant {
        Node storage n = _nodes[msg.sender];
        uint256 readyAt = n.exitReadyAt;
        if (n.kind == Kind.None || readyAt == 0) revert Nodes_NotExiting(msg.sender);
        if (block.timestamp < readyAt) revert Nodes_CooldownNotOver(msg.sender, readyAt);
        uint256 stake = n.stake;
        if (n.kind == Kind.Light) {
            Node storage m = _nodes[n.mainNode];
            m.recruits -= 1;
        }
        // Keep the cumulative referral count (and a main node's live recruits) for a later registration.
        n.kind = Kind.None;
        n.exitReadyAt = 0;
        n.cooldown = 0;
        n.stake = 0;
        n.mainNode = address(0);
        totalStaked -= stake;
        emit NodeWithdrawn(msg.sender, stake);
        NodeVault(vaultOf(msg.sender)).pay(msg.sender, stake);
    }

    /// @inheritdoc IPromotionNodes
    function delegateVault(address delegatee) external {
        address vault = vaultOf(msg.sender);
        if (vault.code.length == 0) revert Nodes_NotLiveNode(msg.sender);
        if (delegatee == address(0)) revert Nodes_ZeroAddress();
        emit VaultDelegated(msg.sender, vault, delegatee);
        NodeVault(vault).delegate(delegatee);
    }

    /// @inheritdoc IPromotionNodes
    function syncWeight(address node) external {
        _pushWeight(node, isLiveNode(node) ? _nodes[node].stake : 0);
    }

    // =================================================================== commission

    /// @inheritdoc IReferralRecorder
    /// @dev Reverts only for a caller that is not the fee hook (which calls inside a gas-bounded try). A referrer
    /// that is not a live node, is the buyer, or a commission that rounds to zero records nothing.
    function recordReferral(address referrer, address buyer, address token, uint256 fee) external {
        if (msg.sender != feeHook) revert Nodes_NotFeeHook(msg.sender);
        Node storage n = _nodes[referrer];
        // A fee beyond any token's supply records nothing rather than overflow.
        if (n.kind == Kind.None || n.exitReadyAt != 0 || referrer == buyer || fee > type(uint128).max) return;
        uint256 commission = fee * commissionBps / BPS;
        Ledger storage l = _ledgers[token];
        uint256 recorded = l.recorded + commission;
        // Every node's earned sum is at most the token's recorded total: bounding it bounds them all.
        if (commission == 0 || recorded > type(uint128).max) return;

        uint256 mainShare;
        address mainNode = n.mainNode;
        uint256 mainEarned;
        if (mainNode != address(0)) {
            // The main node shares only while it is a live main node (not in exit, not re-registered as a light
            // node), and never in a purchase it made itself.
            Node storage m = _nodes[mainNode];
            if (mainNode != buyer && m.kind == Kind.Main && m.exitReadyAt == 0) {
                mainShare = commission * mainShareBps / BPS;
                Commission storage mc = _commissions[mainNode][token];
                mainEarned = mc.earned + mainShare;
                mc.earned = uint128(mainEarned);
            } else {
                mainNode = address(0);
            }
        }
        Commission storage c = _commissions[referrer][token];
        uint256 nodeEarned = c.earned + (commission - mainShare);
        c.earned = uint128(nodeEarned);
        uint256 referrals = n.referrals + 1;
        n.referrals = uint64(referrals);
        l.recorded = uint128(recorded);
        emit CommissionRecorded(
            referrer, buyer, token, fee, commission, mainNode, mainShare, referrals, nodeEarned, mainEarned
        );
    }

    /// @inheritdoc ICommissionLedger
    function unfundedCommission(address token) external view returns (uint256) {
        Ledger memory l = _ledgers[token];
        return l.recorded - l.funded;
    }

    /// @inheritdoc ICommissionLedger
    function fundCommission(address token, uint256 amount) external nonReentrant {
        Ledger storage l = _ledgers[token];
        uint256 unfunded = l.recorded - l.funded;
        if (amount > unfunded) revert Nodes_OverFunded(token, amount, unfunded);
        uint256 funded = l.funded + amount;
        l.funded = uint128(funded);
        emit CommissionFunded(token, msg.sender, amount, funded);
        IERC20(token).safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IPromotionNodes
    /// @dev Funding is a pool per token: a claim takes what it is owed, up to what is funded and not yet paid.
    /// Everything recorded is owed to someone, so funding all of it pays every node in full.
    function claimCommission(address token, address to) external nonReentrant returns (uint256 amount) {
        if (to == address(0)) revert Nodes_ZeroAddress();
        amount = claimable(msg.sender, token);
        if (amount == 0) revert Nodes_NothingToClaim(msg.sender, token);
        Commission storage c = _commissions[msg.sender][token];
        uint256 claimed = c.claimed + amount;
        c.claimed = uint128(claimed);
        _ledgers[token].paid += amount;
        emit CommissionClaimed(msg.sender, token, to, amount, claimed);
        IERC20(token).safeTransfer(to, amount);
    }

    // =================================================================== governance

    /// @inheritdoc IPromotionNodes
    function setStakes(uint256 mainStake_, uint256 lightStake_) external onlyOwner {
        _setStakes(mainStake_, lightStake_);
    }

    /// @inheritdoc IPromotionNodes
    function setCooldown(uint256 cooldown_) external onlyOwner {
        _setCooldown(cooldown_);
    }

    /// @inheritdoc IPromotionNodes
    function setCommission(uint256 commissionBps_, uint256 mainShareBps_) external onlyOwner {
        _setCommission(commissionBps_, mainShareBps_);
    }

    /// @inheritdoc IPromotionNodes
    function setMaxRecruits(uint256 maxRecruits_) external onlyOwner {
        _setMaxRecruits(maxRecruits_);
    }

    /// @inheritdoc IPromotionNodes
    function setFeeHook(address feeHook_) external onlyOwner {
        feeHook = feeHook_;
        emit FeeHookSet(feeHook_);
    }

    /// @inheritdoc IPromotionNodes
    /// @dev Nodes registered before are not in a new pool until someone calls {syncWeight} for them.
    function setWeightSink(address sink) external onlyOwner {
        weightSink = IStakeWeightSink(sink);
        emit WeightSinkSet(sink);
    }

    // =================================================================== views

    /// @inheritdoc IPromotionNodes
    function nodeOf(address account) external view returns (Node memory) {
        return _nodes[account];
    }

    /// @inheritdoc IPromotionNodes
    /// @dev A CREATE2 clone salted with the account: its address is known before it exists, and nothing stores it.
    function vaultOf(address account) public view returns (address) {
        return Clones.predictDeterministicAddress(vaultImplementation, bytes32(uint256(uint160(account))));
    }

    /// @inheritdoc IPromotionNodes
    function commissionOf(address node, address token) external view returns (Commission memory) {
        return _commissions[node][token];
    }

    /// @inheritdoc IPromotionNodes
    function claimable(address node, address token) public view returns (uint256) {
        Commission memory c = _commissions[node][token];
        Ledger memory l = _ledgers[token];
        uint256 owed = c.earned - c.claimed;
        uint256 available = l.funded - l.paid;
        return owed < available ? owed : available;
    }

    /// @inheritdoc IPromotionNodes
    function ledgerOf(address token) external view returns (Ledger memory) {
        return _ledgers[token];
    }

    /// @inheritdoc IPromotionNodes
    function invited(address mainNode, address light) external view returns (bool) {
        return _invited[mainNode][light];
    }

    /// @inheritdoc IPromotionNodes
    function isLiveNode(address account) public view returns (bool) {
        Node storage n = _nodes[account];
        return n.kind != Kind.None && n.exitReadyAt == 0;
    }

    // =================================================================== internals

    function _register(address account, Kind kind, address mainNode, uint256 stake) private {
        Node storage n = _nodes[account];
        if (n.kind != Kind.None) revert Nodes_AlreadyRegistered(account);
        address vault = vaultOf(account);
        bool fresh = vault.code.length == 0;
        if (fresh) Clones.cloneDeterministic(vaultImplementation, bytes32(uint256(uint160(account))));
        uint256 cooldown_ = cooldown;
        n.kind = kind;
        n.cooldown = uint32(cooldown_);
        n.stake = uint96(stake);
        n.mainNode = mainNode;
        totalStaked += stake;
        emit NodeRegistered(account, kind, mainNode, vault, stake, cooldown_);
        // A new vault delegates to its node; a reused one keeps the delegate its node last chose.
        if (fresh) {
            emit VaultDelegated(account, vault, account);
            NodeVault(vault).delegate(account);
        }
        dmc.safeTransferFrom(account, vault, stake);
        _pushWeight(account, stake);
    }

    function _pushWeight(address node, uint256 weight) private {
        IStakeWeightSink sink = weightSink;
        if (address(sink) != address(0)) sink.setWeight(node, weight);
    }

    function _setStakes(uint256 mainStake_, uint256 lightStake_) private {
        if (mainStake_ < MIN_STAKE || mainStake_ > MAX_STAKE || lightStake_ < MIN_STAKE || lightStake_ > MAX_STAKE) {
            revert Nodes_InvalidStake(mainStake_, lightStake_);
        }
        mainStake = uint96(mainStake_);
        lightStake = uint96(lightStake_);
        emit StakesSet(mainStake_, lightStake_);
    }

    function _setCooldown(uint256 cooldown_) private {
        if (cooldown_ < MIN_COOLDOWN || cooldown_ > MAX_COOLDOWN) revert Nodes_InvalidCooldown(cooldown_);
        cooldown = uint32(cooldown_);
        emit CooldownSet(cooldown_);
    }

    function _setCommission(uint256 commissionBps_, uint256 mainShareBps_) private {
        if (commissionBps_ > MAX_COMMISSION_BPS || mainShareBps_ > BPS) {
            revert Nodes_InvalidCommission(commissionBps_, mainShareBps_);
        }
        commissionBps = uint16(commissionBps_);
        mainShareBps = uint16(mainShareBps_);
        emit CommissionSet(commissionBps_, mainShareBps_);
    }

    function _setMaxRecruits(uint256 maxRecruits_) private {
        if (maxRecruits_ == 0 || maxRecruits_ > MAX_RECRUITS_CAP) revert Nodes_InvalidMaxRecruits(maxRecruits_);
        maxRecruits = uint32(maxRecruits_);
        emit MaxRecruitsSet(maxRecruits_);
    }
}
