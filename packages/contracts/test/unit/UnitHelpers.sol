// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {BridgedToken} from "../../src/tokens/BridgedToken.sol";
import {FlagReason, OfferingTerms} from "../../src/types/HashpowerTypes.sol";
import {ExchangeFixture} from "../utils/ExchangeFixture.sol";
import {Vm} from "../utils/Vm.sol";

/// @notice Shared figures and helpers of the unit suites, on top of the fixture. Expected amounts
/// are derived here from the product rules, never read back from the exchange's own views.
abstract contract UnitHelpers is ExchangeFixture {
    uint256 internal constant BPS = 10_000;
    uint256 internal constant FEE_BPS = 500;
    uint256 internal constant FEE_PER_UNIT = PRICE * FEE_BPS / BPS; // 1.9 USDT
    uint256 internal constant NET_PER_UNIT = PRICE - FEE_PER_UNIT; // 36.1 USDT
    uint256 internal constant TERM_START = START_DAY + 2;
    uint256 internal constant TERM_END = TERM_START + TERM_DAYS;
    uint256 internal constant PRECISION = 1e12; // REWARD_PRECISION
    uint256 internal constant WAD = 1e18;

    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");
    bytes32 internal constant ERC20_TRANSFER = keccak256("Transfer(address,address,uint256)");

    /// @dev The private key behind a fixture `makeAddr(name)` account.
    function _pk(string memory name) internal pure returns (uint256) {
        return uint256(keccak256(bytes(name)));
    }

    function _signPermit(BridgedToken token, string memory ownerName, address spender, uint256 value, uint256 deadline)
        internal
        view
        returns (uint8 v, bytes32 r, bytes32 s)
    {
        address owner = vm.addr(_pk(ownerName));
        bytes32 structHash =
            keccak256(abi.encode(PERMIT_TYPEHASH, owner, spender, value, token.nonces(owner), deadline));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash));
        return vm.sign(_pk(ownerName), digest);
    }

    /// @dev A permit for `owner`'s allowance signed with `signerName`'s key (a forgery unless they match).
    function _signPermitAs(
        BridgedToken token,
        string memory signerName,
        address owner,
        address spender,
        uint256 value,
        uint256 deadline
    ) internal view returns (uint8 v, bytes32 r, bytes32 s) {
        bytes32 structHash =
            keccak256(abi.encode(PERMIT_TYPEHASH, owner, spender, value, token.nonces(owner), deadline));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash));
        return vm.sign(_pk(signerName), digest);
    }

    /// @dev Exact release of one position at `day` (floor), from the rule "equal daily steps".
    function _exactReleased(uint256 net, uint256 startDay, uint256 endDay, uint256 day)
        internal
        pure
        returns (uint256)
    {
        if (day <= startDay) return 0;
        if (day >= endDay) return net;
        return net * (day - startDay) / (endDay - startDay);
    }

    /// @dev What a refund must pay: net minus the released share at `flagDay`, rounded up.
    function _expectedRefund(uint256 net, uint256 startDay, uint256 endDay, uint256 flagDay)
        internal
        pure
        returns (uint256)
    {
        if (flagDay <= startDay) return net;
        if (flagDay >= endDay) return 0;
        uint256 num = net * (flagDay - startDay);
        uint256 den = endDay - startDay;
        return net - (num + den - 1) / den;
    }

    /// @dev Deposits `amount` (market-judged at the fixture's average) until `day` is covered.
    function _coverThrough(uint256 id, uint256 day, uint256 amount) internal {
        while (exchange.getOffering(id).lastCoveredDay < day) _deposit(id, amount);
    }

    /// @dev Warps to the first day the offering has missed 7 completed days, and flags it.
    function _flagForMissedDeposits(uint256 id) internal returns (uint256 day) {
        day = uint256(exchange.getOffering(id).lastCoveredDay) + 8;
        if (_today() < day) _warpToDay(day);
        day = _today();
        exchange.flag(id);
    }

    /// @dev The day reward that pays `units` units `perMille` of the fixture's FIL market average.
    function _amountFor(uint256 units, uint256 perMille) internal pure returns (uint256) {
        return units * MARKET_FIL_WAD * perMille / 1_000 / WAD;
    }

    /// @dev Deposits, as the miner, a day reward worth `perMille` of the fixture's FIL market (exact
    /// for unit counts that divide the figures; the share the exchange records is rounded down).
    function _depositShare(uint256 id, uint256 perMille) internal returns (uint256 day) {
        return _deposit(id, _amountFor(exchange.getOffering(id).unitsSold, perMille));
    }

    /// @dev The packed judged-days window of the spec (docs/decisions/0013): bits 0-3 count the
    /// judged days (at most 8), bits 4 + 10i hold the i-th newest share. Written from the spec, not
    /// from DelinquencyMath, so the two are checked against each other.
    function _window(uint256[] memory newestFirst) internal pure returns (uint256 packed) {
        uint256 n = newestFirst.length < 8 ? newestFirst.length : 8;
        packed = n;
        for (uint256 i; i < n; ++i) {
            packed += newestFirst[i] * 2 ** (4 + 10 * i);
        }
    }

    /// @dev Asserts what `flaggable` says of the fixture offering now.
    function _assertFlaggable(bool can, FlagReason reason, uint256 missed, uint256 windowShare) internal view {
        (bool c, FlagReason r, uint256 m, uint256 w) = exchange.flaggable(offeringId);
        vm.assertEq(c, can, "canFlag");
        vm.assertEq(uint256(r), uint256(reason), "reason");
        vm.assertEq(m, missed, "missedDays");
        vm.assertEq(w, windowShare, "windowShare");
    }

    function _shares(uint256 a) internal pure returns (uint256[] memory s) {
        s = new uint256[](1);
        s[0] = a;
    }

    function _shares(uint256 a, uint256 b) internal pure returns (uint256[] memory s) {
        s = new uint256[](2);
        (s[0], s[1]) = (a, b);
    }

    /// @dev `n` equal shares.
    function _sharesOf(uint256 share, uint256 n) internal pure returns (uint256[] memory s) {
        s = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            s[i] = share;
        }
    }

    /// @dev The miner of `id` approves (or revokes) `depositor`.
    function _setDepositor(uint256 id, address depositor, bool approved) internal {
        vm.prank(exchange.getOffering(id).miner);
        exchange.setDepositor(id, depositor, approved);
    }

    function _listPaymentToken(address token) internal {
        vm.prank(governor);
        exchange.setPaymentToken(token, true);
    }

    function _listRewardToken(uint32 assetId, address token) internal {
        vm.prank(governor);
        assets.setRewardToken(assetId, token, true);
    }

    /// @dev The day release stands at on `day` under the end-of-term holdback rule of the spec:
    /// within the last `holdback` days of the term, never past the day after the last covered one.
    function _heldBackDay(uint256 day, uint256 endDay, uint256 holdback, uint256 lastCovered)
        internal
        pure
        returns (uint256)
    {
        if (day + holdback <= endDay) return day;
        uint256 cap = lastCovered + 1;
        if (cap < endDay - holdback) cap = endDay - holdback;
        return day < cap ? day : cap;
    }

    function _halt(uint256 id) internal {
        vm.prank(governor);
        exchange.halt(id);
    }

    function _createWith(OfferingTerms memory terms) internal returns (uint256) {
        vm.prank(registrar);
        return exchange.createOffering(terms);
    }

    function _countTransfers(Vm.Log[] memory logs, address token) internal pure returns (uint256 n) {
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter == token && logs[i].topics.length == 3 && logs[i].topics[0] == ERC20_TRANSFER) ++n;
        }
    }

    function _transferAt(Vm.Log[] memory logs, address token, uint256 index)
        internal
        pure
        returns (address from, address to, uint256 amount)
    {
        uint256 n;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter == token && logs[i].topics.length == 3 && logs[i].topics[0] == ERC20_TRANSFER) {
                if (n++ == index) {
                    return (
                        address(uint160(uint256(logs[i].topics[1]))),
                        address(uint160(uint256(logs[i].topics[2]))),
                        abi.decode(logs[i].data, (uint256))
                    );
                }
            }
        }
        revert("transfer not found");
    }

    function _ids(uint256 a, uint256 b, uint256 c) internal pure returns (uint256[] memory ids) {
        ids = new uint256[](3);
        (ids[0], ids[1], ids[2]) = (a, b, c);
    }

    function _ids(uint256 a, uint256 b, uint256 c, uint256 d) internal pure returns (uint256[] memory ids) {
        ids = new uint256[](4);
        (ids[0], ids[1], ids[2], ids[3]) = (a, b, c, d);
    }
}
