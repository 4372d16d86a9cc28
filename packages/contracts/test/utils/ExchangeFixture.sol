// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AssetRegistry} from "../../src/assets/AssetRegistry.sol";
import {HashpowerExchange} from "../../src/HashpowerExchange.sol";
import {IAssetRegistry} from "../../src/interfaces/IAssetRegistry.sol";
import {IMarketRateOracle} from "../../src/interfaces/IMarketRateOracle.sol";
import {MarketRateOracle} from "../../src/oracle/MarketRateOracle.sol";
import {BridgedToken} from "../../src/tokens/BridgedToken.sol";
import {Offering, OfferingTerms, Position} from "../../src/types/HashpowerTypes.sol";

import {TestBase} from "./TestBase.sol";

/// @notice A deployed exchange with tokens, oracle, two assets and one FIL offering, plus helpers.
abstract contract ExchangeFixture is TestBase {
    uint256 internal constant DAY = 1 days;
    /// @dev Day 20,000 is 2024-10-04; the fixture starts there so day numbers look real.
    uint256 internal constant START_DAY = 20_000;
    uint256 internal constant TERM_DAYS = 180;
    uint256 internal constant PRICE = 38e6; // 38 USDT per TiB
    uint128 internal constant EXPECTED_FIL_WAD = 0.002e18 * 1e18; // 0.002 FIL per TiB per day, WAD-scaled
    uint256 internal constant MARKET_FIL_WAD = 0.002e18 * 1e18;
    /// @dev 50 sats per TH/s per day, WAD-scaled (WBTC has 8 decimals).
    uint256 internal constant MARKET_BTC_WAD = 50e18;

    address internal governor = makeAddr("governor");
    address internal registrar = makeAddr("registrar");
    address internal treasury = makeAddr("treasury");
    address internal reporter = makeAddr("reporter");
    address internal bridge = makeAddr("bridge");
    address internal miner = makeAddr("miner");
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal carol = makeAddr("carol");

    BridgedToken internal usdt;
    BridgedToken internal ifil;
    BridgedToken internal wbtc;
    MarketRateOracle internal oracle;
    AssetRegistry internal assets;
    HashpowerExchange internal exchange;
    uint32 internal filAsset;
    uint32 internal btcAsset;
    uint256 internal offeringId;

    function setUp() public virtual {
        vm.warp(START_DAY * DAY + 12 hours);
        usdt = _token("Tether USD (local)", "USDT", 6);
        ifil = _token("Interchain FIL", "IFIL", 18);
        wbtc = _token("Wrapped BTC", "WBTC", 8);

        oracle = new MarketRateOracle(governor);
        assets = new AssetRegistry(governor);
        exchange = new HashpowerExchange(
            governor, treasury, IMarketRateOracle(address(oracle)), IAssetRegistry(address(assets)), 500
        );
        vm.startPrank(governor);
        oracle.grantRole(oracle.REPORTER_ROLE(), reporter);
        exchange.grantRole(exchange.REGISTRAR_ROLE(), registrar);
        filAsset = assets.registerAsset("FIL", "TiB");
        btcAsset = assets.registerAsset("BTC", "TH/s");
        exchange.setPaymentToken(address(usdt), true);
        assets.setRewardToken(filAsset, address(ifil), true);
        assets.setRewardToken(btcAsset, address(wbtc), true);
        vm.stopPrank();

        offeringId = _createOffering(miner, 1_000, PRICE, START_DAY + 2, START_DAY + 2 + TERM_DAYS);
        _fund(alice);
        _fund(bob);
        _fund(carol);
        vm.prank(bridge);
        ifil.mint(miner, 1_000_000e18);
        vm.prank(miner);
        ifil.approve(address(exchange), type(uint256).max);
    }

    function _token(string memory name, string memory symbol, uint8 decimals) internal returns (BridgedToken token) {
        token = new BridgedToken(name, symbol, decimals, address(this));
        token.grantRole(token.MINTER_ROLE(), bridge);
        vm.label(address(token), symbol);
    }

    function _terms(address miner_, uint256 units, uint256 price, uint256 termStart, uint256 termEnd)
        internal
        view
        returns (OfferingTerms memory)
    {
        return OfferingTerms({
            miner: miner_,
            assetId: filAsset,
            paymentToken: address(usdt),
            rewardToken: address(ifil),
            unitsTotal: uint40(units),
            pricePerUnit: uint128(price),
            saleStart: uint48(block.timestamp),
            saleEnd: uint48(termStart * DAY),
            termStartDay: uint32(termStart),
            termEndDay: uint32(termEnd),
            expectedDailyRewardPerUnitWad: EXPECTED_FIL_WAD,
            minerName: "Lotus Ridge Storage",
            metadataURI: "ipfs://disclosure"
        });
    }

    function _createOffering(address miner_, uint256 units, uint256 price, uint256 termStart, uint256 termEnd)
        internal
        returns (uint256)
    {
        vm.prank(registrar);
        return exchange.createOffering(_terms(miner_, units, price, termStart, termEnd));
    }

    // Stand-ins for the views the exchange dropped to save code size (netPaidOf, startDayOf, currentDay).

    /// @dev What the position's buyer paid into escrow: units times the offering's net price.
    function _netPaidOf(uint256 tokenId) internal view returns (uint256) {
        uint256 units = exchange.getPosition(tokenId).units;
        return units * exchange.getOffering(exchange.getPosition(tokenId).offeringId).netPricePerUnit;
    }

    /// @dev Every position starts with its offering's term.
    function _startDayOf(uint256 tokenId) internal view returns (uint256) {
        return exchange.getOffering(exchange.getPosition(tokenId).offeringId).termStartDay;
    }

    function _currentDay() internal view returns (uint256) {
        return block.timestamp / DAY;
    }

    function _fund(address account) internal {
        vm.prank(bridge);
        usdt.mint(account, 10_000_000e6);
        vm.prank(account);
        usdt.approve(address(exchange), type(uint256).max);
    }

    function _buy(address buyer, uint256 id, uint256 units) internal returns (uint256 tokenId) {
        vm.prank(buyer);
        return exchange.buy(id, units, type(uint256).max, address(0));
    }

    function _today() internal view returns (uint256) {
        return block.timestamp / DAY;
    }

    function _warpToDay(uint256 day) internal {
        vm.warp(day * DAY + 12 hours);
    }

    /// @dev Reports `avgWad` for `day` as of an hour ago, so the report is already final (past its
    /// correction window) at the current timestamp.
    function _report(uint256 day, uint256 avgWad) internal {
        _reportFor(filAsset, day, avgWad);
    }

    /// @dev {_report} for any asset.
    function _reportFor(uint32 assetId, uint256 day, uint256 avgWad) internal {
        uint256 now_ = block.timestamp;
        vm.warp(now_ - oracle.CORRECTION_WINDOW());
        vm.prank(reporter);
        oracle.report(assetId, day, avgWad);
        vm.warp(now_);
    }

    /// @dev The fixture's market average of an asset (FIL's for assets registered by a test).
    function _marketOf(uint32 assetId) internal view returns (uint256) {
        return assetId == btcAsset ? MARKET_BTC_WAD : MARKET_FIL_WAD;
    }

    /// @dev Reports the asset's fixture market rate for the next uncovered day (unless the day has a
    /// final report) and deposits `amount` for it as the offering's miner.
    function _deposit(uint256 id, uint256 amount) internal returns (uint256 day) {
        uint32 assetId = exchange.getOffering(id).assetId;
        return _depositJudged(id, amount, _marketOf(assetId));
    }

    /// @dev {_deposit} judged against `marketWad` (reported for the day unless it has a final report).
    function _depositJudged(uint256 id, uint256 amount, uint256 marketWad) internal returns (uint256 day) {
        Offering memory o = exchange.getOffering(id);
        day = uint256(o.lastCoveredDay) + 1;
        (, bool reported) = oracle.rateOf(o.assetId, day);
        if (!reported) _reportFor(o.assetId, day, marketWad);
        vm.prank(o.miner);
        exchange.depositReward(id, amount);
    }

    function _ids(uint256 a) internal pure returns (uint256[] memory ids) {
        ids = new uint256[](1);
        ids[0] = a;
    }

    function _ids(uint256 a, uint256 b) internal pure returns (uint256[] memory ids) {
        ids = new uint256[](2);
        (ids[0], ids[1]) = (a, b);
    }
}
