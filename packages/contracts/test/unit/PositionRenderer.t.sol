// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

import {IHashpowerExchange} from "../../src/interfaces/IHashpowerExchange.sol";
import {PositionRenderer} from "../../src/render/PositionRenderer.sol";
import {BridgedToken} from "../../src/tokens/BridgedToken.sol";
import {OfferingTerms} from "../../src/types/HashpowerTypes.sol";
import {RawLocker} from "../mocks/RawLocker.sol";
import {Base64Decode} from "../utils/Base64Decode.sol";
import {ExchangeFixture} from "../utils/ExchangeFixture.sol";

/// @notice The on-chain metadata of positions, read back the way a marketplace does: base64-decode
/// the data URI, parse the JSON (forge's serde_json parser, so the output must be valid JSON), then
/// decode the SVG image. Expected values are written out by hand from the fixture's figures.
contract PositionRendererTest is ExchangeFixture {
    /// @notice Gas of a `tokenURI` call, for the record (visible with -vvvv).
    event TokenURIGas(string label, uint256 gas);

    string internal constant JSON_PREFIX = "data:application/json;base64,";
    string internal constant SVG_PREFIX = "data:image/svg+xml;base64,";
    uint256 internal constant NOT_FOUND = type(uint256).max;

    // attribute order of the renderer
    uint256 internal constant A_MINER = 0;
    uint256 internal constant A_MINER_ADDRESS = 1;
    uint256 internal constant A_ASSET = 2;
    uint256 internal constant A_UNITS = 3;
    uint256 internal constant A_UNIT = 4;
    uint256 internal constant A_TERM_START = 5;
    uint256 internal constant A_TERM_END = 6;
    uint256 internal constant A_DAYS_LEFT = 7;
    uint256 internal constant A_STATUS = 8;
    uint256 internal constant A_OFFERING = 9;
    uint256 internal constant A_PURCHASE_DAY = 10;
    uint256 internal constant A_ESCROWED = 11;
    uint256 internal constant A_CLAIMABLE = 12;

    /// @dev Fixture term: days 20,002 (2024-10-06) to 20,182 (2025-04-04).
    uint256 internal constant TERM_START = START_DAY + 2;
    uint256 internal constant TERM_END = TERM_START + TERM_DAYS;

    /// @dev Gas bounds of `tokenURI` through the exchange (a view: what an eth_call burns). Measured
    /// with solc 0.8.28 (optimizer 200 runs, paris): ~590k for the fixture position, ~1.94M with a
    /// 1 KiB miner name of `<` and `"` (every byte takes the escaping slow path, and the escaped
    /// name is in the JSON twice). Most of the base cost is the two OpenZeppelin base64 passes
    /// (~75 gas per input byte; the SVG is ~1.8 KB, the JSON ~3.6 KB). Marketplaces fetch metadata
    /// with eth_call, where common RPC caps are 25M-50M, so these guard regressions with headroom,
    /// not a hard limit.
    uint256 internal constant TOKEN_URI_GAS_BOUND = 700_000;
    uint256 internal constant TOKEN_URI_GAS_BOUND_1KIB_HOSTILE_NAME = 2_500_000;

    PositionRenderer internal renderer;

    function setUp() public override {
        super.setUp();
        renderer = new PositionRenderer();
        vm.prank(governor);
        exchange.setRenderer(address(renderer));
    }

    // ------------------------------------------------------------------ JSON fields

    function test_TokenURI_NameDescriptionAndAttributes() public {
        uint256 tokenId = _buy(alice, offeringId, 10);
        string memory json = _json(tokenId);

        vm.assertEq(vm.parseJsonString(json, ".name"), "DMEX Hashpower #1 - 10 TiB FIL");
        vm.assertEq(
            vm.parseJsonString(json, ".description"),
            "10 TiB of FIL hashpower from Lotus Ridge Storage, term 2024-10-06 to 2025-04-04. The payment is "
            "escrowed and released to the miner day by day; mining rewards follow this NFT."
        );

        _assertTrait(json, A_MINER, "Miner", "Lotus Ridge Storage");
        vm.assertEq(vm.parseJsonString(json, ".attributes[1].trait_type"), "Miner address");
        vm.assertEq(vm.parseJsonAddress(json, ".attributes[1].value"), miner);
        _assertTrait(json, A_ASSET, "Asset", "FIL");
        _assertNumberTrait(json, A_UNITS, "Units", 10);
        _assertTrait(json, A_UNIT, "Unit", "TiB");
        _assertTrait(json, A_TERM_START, "Term start", "2024-10-06");
        _assertTrait(json, A_TERM_END, "Term end", "2025-04-04");
        _assertNumberTrait(json, A_DAYS_LEFT, "Days left", 180); // term not started: the whole term
        _assertTrait(json, A_STATUS, "Status", "Active");
        _assertNumberTrait(json, A_OFFERING, "Offering id", 1);
        _assertTrait(json, A_PURCHASE_DAY, "Purchase day", "2024-10-04");
        _assertTrait(json, A_ESCROWED, "Escrowed", "361 USDT"); // 10 x 36.1 net of the 5% fee
        _assertTrait(json, A_CLAIMABLE, "Claimable rewards", "0 IFIL");
        vm.assertFalse(vm.keyExistsJson(json, ".attributes[13]"), "no extra attribute");
    }

    function test_TokenURI_ImageIsTheSvgCard() public {
        uint256 tokenId = _buy(alice, offeringId, 10);
        string memory svg = _svg(_json(tokenId));

        _assertStartsWith(svg, '<svg xmlns="http://www.w3.org/2000/svg"');
        _assertEndsWith(svg, "</svg>");
        _assertContains(svg, ">DMEX</text>");
        _assertContains(svg, ">#1</text>");
        _assertContains(svg, ">FIL</text>");
        _assertContains(svg, '">10<tspan');
        _assertContains(svg, ">TiB</tspan>");
        _assertContains(svg, ">Lotus Ridge Storage</text>");
        _assertContains(svg, unicode">2024-10-06 → 2025-04-04</text>");
        _assertContains(svg, ">0% elapsed</text>");
        _assertContains(svg, ">180 days left</text>");
        _assertContains(svg, '<rect x="32" y="414" width="0" height="8" rx="4" fill="#22c55e"/>');
        _assertContains(svg, ">Active</text>");
        _assertContains(svg, ">Offering #1</text>");
    }

    function test_TokenURI_ProgressAndDaysLeftMidTerm() public {
        uint256 tokenId = _buy(alice, offeringId, 10);
        _warpToDay(TERM_START + 90);
        string memory json = _json(tokenId);
        _assertNumberTrait(json, A_DAYS_LEFT, "Days left", 90);
        string memory svg = _svg(json);
        _assertContains(svg, ">50% elapsed</text>");
        _assertContains(svg, '<rect x="32" y="414" width="168" height="8"'); // half of 336
        _assertContains(svg, ">90 days left</text>");
    }

    function test_TokenURI_EscrowedUsesPaymentTokenDecimals() public {
        _assertTrait(_json(_buy(alice, offeringId, 1)), A_ESCROWED, "Escrowed", "36.1 USDT");

        uint256 cheap = _createOffering(miner, 1_000, 1, TERM_START, TERM_END); // 1 base unit, fee rounds to 0
        _assertTrait(_json(_buy(alice, cheap, 1)), A_ESCROWED, "Escrowed", "0.000001 USDT");
    }

    function test_TokenURI_ClaimableUsesRewardTokenDecimals() public {
        uint256 tokenId = _buy(alice, offeringId, 10);
        _warpToDay(TERM_START + 2);
        _deposit(offeringId, 1.5e18);
        _assertTrait(_json(tokenId), A_CLAIMABLE, "Claimable rewards", "1.5 IFIL");
        _depositJudged(offeringId, 1, 1e17); // one base unit over 10 units: a full day against a 1e17 market
        _assertTrait(_json(tokenId), A_CLAIMABLE, "Claimable rewards", "1.500000000000000001 IFIL");
    }

    // ------------------------------------------------------------------ status

    function test_Status_ActiveFlaggedHaltedRefunded() public {
        uint256 tokenId = _buy(alice, offeringId, 10);
        _assertStatus(tokenId, "Active", "#22c55e");

        _warpToDay(TERM_START + 7); // no deposit covered the last 7 completed days
        exchange.flag(offeringId);
        _assertStatus(tokenId, "Flagged", "#f59e0b");

        vm.prank(governor);
        exchange.halt(offeringId);
        _assertStatus(tokenId, "Halted", "#ef4444");

        vm.prank(alice);
        exchange.claimRefunds(_ids(tokenId));
        _assertStatus(tokenId, "Refunded", "#a78bfa");
    }

    function test_Status_ResumedOfferingIsActiveAgain() public {
        uint256 tokenId = _buy(alice, offeringId, 10);
        _warpToDay(TERM_START + 7);
        exchange.flag(offeringId);
        _assertStatus(tokenId, "Flagged", "#f59e0b");
        vm.prank(governor);
        exchange.resume(offeringId);
        _assertStatus(tokenId, "Active", "#22c55e");
    }

    function test_Status_LockedWhileALockerHoldsIt() public {
        uint256 tokenId = _buy(alice, offeringId, 10);
        RawLocker locker = new RawLocker(IHashpowerExchange(address(exchange)));
        vm.prank(governor);
        exchange.setLocker(address(locker), true);
        vm.prank(alice);
        exchange.approve(address(locker), tokenId);

        locker.lock(tokenId);
        _assertStatus(tokenId, "Locked", "#38bdf8");
        locker.unlock(tokenId);
        _assertStatus(tokenId, "Active", "#22c55e");
    }

    function test_Status_TermEnded() public {
        uint256 tokenId = _buy(alice, offeringId, 10);
        _warpToDay(TERM_END - 1);
        _assertStatus(tokenId, "Active", "#22c55e");
        _assertNumberTrait(_json(tokenId), A_DAYS_LEFT, "Days left", 1);

        _warpToDay(TERM_END);
        _assertStatus(tokenId, "Term ended", "#94a3b8");
        string memory json = _json(tokenId);
        _assertNumberTrait(json, A_DAYS_LEFT, "Days left", 0);
        string memory svg = _svg(json);
        _assertContains(svg, ">100% elapsed</text>");
        _assertContains(svg, '<rect x="32" y="414" width="336" height="8"');

        _warpToDay(TERM_END + 400); // clamped, never negative
        _assertNumberTrait(_json(tokenId), A_DAYS_LEFT, "Days left", 0);
    }

    // ------------------------------------------------------------------ hostile text

    function test_HostileMinerName_IsEscapedForJsonAndSvg() public {
        string memory hostile = 'Evil "</text><script>alert(1)</script>\\ \\" \n';
        uint256 tokenId = _buy(alice, _createNamed(hostile), 1);
        string memory json = _json(tokenId); // parses: the JSON stayed well formed

        // JSON: the parsed values are exactly the raw name
        _assertTrait(json, A_MINER, "Miner", hostile);
        _assertContains(vm.parseJsonString(json, ".description"), string.concat("hashpower from ", hostile, ", term"));
        _assertContains(json, '"value":"Evil \\"</text><script>alert(1)</script>\\\\ \\\\\\" \\n"}');

        // SVG: markup neutralised, and cut to 30 characters with an ellipsis
        string memory svg = _svg(json);
        vm.assertEq(vm.indexOf(svg, "<script"), NOT_FOUND, "no script element");
        vm.assertEq(vm.indexOf(svg, "</script"), NOT_FOUND);
        _assertContains(svg, unicode">Evil &quot;&lt;/text&gt;&lt;script&gt;alert(1)&lt;…</text>");
    }

    function test_HostileShortName_AllSpecialCharacters() public {
        string memory hostile = "a\"b<c>d&e'f\\g\x01h";
        uint256 tokenId = _buy(alice, _createNamed(hostile), 1);
        string memory json = _json(tokenId);
        _assertTrait(json, A_MINER, "Miner", hostile);
        _assertContains(json, '"value":"a\\"b<c>d&e\'f\\\\g\\u0001h"}');
        _assertContains(_svg(json), ">a&quot;b&lt;c&gt;d&amp;e&#39;f\\g h</text>");
    }

    function test_MalformedUtf8Name_IsRepaired() public {
        bytes memory junk = hex"4d696e6572ff80e2"; // "Miner" + an invalid byte, a stray continuation, a cut lead
        uint256 tokenId = _buy(alice, _createNamed(string(junk)), 1);
        string memory json = _json(tokenId);
        _assertTrait(json, A_MINER, "Miner", unicode"Miner���");
        _assertContains(_svg(json), unicode">Miner���</text>");
    }

    function test_HostileAssetLabelsAndTokenSymbols_AreEscaped() public {
        vm.prank(governor);
        uint32 asset = assets.registerAsset('F"IL', "<TiB>");
        BridgedToken pay = _token("Evil dollar", 'U"SD<', 2);
        vm.startPrank(governor);
        exchange.setPaymentToken(address(pay), true);
        assets.setRewardToken(asset, address(ifil), true);
        vm.stopPrank();
        vm.prank(bridge);
        pay.mint(alice, 1_000e2);
        vm.prank(alice);
        pay.approve(address(exchange), type(uint256).max);

        OfferingTerms memory t = _terms(miner, 100, 150, TERM_START, TERM_END); // 1.50 per unit
        t.assetId = asset;
        t.paymentToken = address(pay);
        vm.prank(registrar);
        uint256 id = exchange.createOffering(t);
        uint256 tokenId = _buy(alice, id, 2);

        string memory json = _json(tokenId);
        vm.assertEq(vm.parseJsonString(json, ".name"), 'DMEX Hashpower #1 - 2 <TiB> F"IL');
        _assertTrait(json, A_ASSET, "Asset", 'F"IL');
        _assertTrait(json, A_UNIT, "Unit", "<TiB>");
        _assertTrait(json, A_ESCROWED, "Escrowed", '2.86 U"SD<'); // 2 x (150 - 7) cents
        string memory svg = _svg(json);
        _assertContains(svg, ">F&quot;IL</text>");
        _assertContains(svg, ">&lt;TiB&gt;</tspan>");
    }

    // ------------------------------------------------------------------ errors and gas

    function test_TokenURI_NonexistentTokenReverts() public {
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 7));
        exchange.tokenURI(7);
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 7));
        renderer.tokenURI(address(exchange), 7);
    }

    function test_TokenURI_Gas() public {
        uint256 tokenId = _buy(alice, offeringId, 10);
        bytes memory longName = new bytes(1024);
        for (uint256 i; i < longName.length; ++i) {
            longName[i] = i % 2 == 0 ? bytes1("<") : bytes1('"');
        }
        uint256 other = _buy(bob, _createNamed(string(longName)), 1); // sales close when the term starts
        _warpToDay(TERM_START + 2);
        _deposit(offeringId, 1.5e18);

        uint256 before = gasleft();
        exchange.tokenURI(tokenId);
        uint256 used = before - gasleft();
        emit TokenURIGas("fixture position via exchange", used);
        vm.assertLt(used, TOKEN_URI_GAS_BOUND, "tokenURI gas");

        // a long (1 KiB) hostile name costs linearly more, and is cut on the card
        before = gasleft();
        exchange.tokenURI(other);
        used = before - gasleft();
        emit TokenURIGas("1 KiB hostile miner name", used);
        vm.assertLt(used, TOKEN_URI_GAS_BOUND_1KIB_HOSTILE_NAME, "tokenURI gas, long name");
    }

    // ------------------------------------------------------------------ helpers

    function _createNamed(string memory name) internal returns (uint256) {
        OfferingTerms memory t = _terms(miner, 1_000, PRICE, TERM_START, TERM_END);
        t.minerName = name;
        vm.prank(registrar);
        return exchange.createOffering(t);
    }

    function _json(uint256 tokenId) internal view returns (string memory json) {
        json = Base64Decode.decodeDataUri(exchange.tokenURI(tokenId), JSON_PREFIX);
        vm.parseJson(json); // reverts unless valid JSON
    }

    function _svg(string memory json) internal pure returns (string memory) {
        return Base64Decode.decodeDataUri(vm.parseJsonString(json, ".image"), SVG_PREFIX);
    }

    function _assertStatus(uint256 tokenId, string memory status, string memory color) internal view {
        string memory json = _json(tokenId);
        _assertTrait(json, A_STATUS, "Status", status);
        string memory svg = _svg(json);
        _assertContains(svg, string.concat('font-weight="700" text-anchor="middle">', status, "</text>"));
        _assertContains(svg, string.concat('<rect x="32" y="484" width="116" height="30" rx="15" fill="', color, '"'));
    }

    function _assertTrait(string memory json, uint256 i, string memory trait, string memory value) internal pure {
        string memory at = string.concat(".attributes[", vm.toString(i), "]");
        vm.assertEq(vm.parseJsonString(json, string.concat(at, ".trait_type")), trait);
        vm.assertEq(vm.parseJsonString(json, string.concat(at, ".value")), value);
    }

    function _assertNumberTrait(string memory json, uint256 i, string memory trait, uint256 value) internal pure {
        string memory at = string.concat(".attributes[", vm.toString(i), "]");
        vm.assertEq(vm.parseJsonString(json, string.concat(at, ".trait_type")), trait);
        vm.assertEq(vm.parseJsonString(json, string.concat(at, ".display_type")), "number");
        vm.assertEq(vm.parseJsonUint(json, string.concat(at, ".value")), value);
        // a JSON number, not a string
        _assertContains(
            json, string.concat('"trait_type":"', trait, '","display_type":"number","value":', vm.toString(value), "}")
        );
    }

    function _assertContains(string memory haystack, string memory needle) internal pure {
        vm.assertTrue(vm.indexOf(haystack, needle) != NOT_FOUND, string.concat("missing: ", needle));
    }

    function _assertStartsWith(string memory s, string memory prefix) internal pure {
        vm.assertEq(vm.indexOf(s, prefix), 0, string.concat("does not start with: ", prefix));
    }

    function _assertEndsWith(string memory s, string memory suffix) internal pure {
        bytes memory b = bytes(s);
        bytes memory x = bytes(suffix);
        vm.assertTrue(b.length >= x.length, "too short");
        for (uint256 i; i < x.length; ++i) {
            vm.assertTrue(b[b.length - x.length + i] == x[i], "suffix");
        }
    }
}
