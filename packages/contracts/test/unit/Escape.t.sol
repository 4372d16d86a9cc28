// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Escape} from "../../src/render/libraries/Escape.sol";
import {TestBase} from "../utils/TestBase.sol";

/// @notice Escaping of untrusted text for JSON and SVG/XML, and repair of malformed UTF-8.
/// JSON output is checked by parsing it back with forge's JSON parser (serde_json).
contract EscapeTest is TestBase {
    string internal constant FFFD = "\xef\xbf\xbd";

    // ------------------------------------------------------------------ JSON

    function test_Json_EscapesQuotesBackslashesAndControls() public pure {
        vm.assertEq(Escape.json('a"b\\c'), 'a\\"b\\\\c');
        vm.assertEq(Escape.json("l1\nl2\r\t"), "l1\\nl2\\r\\t");
        vm.assertEq(Escape.json("\x00\x01\x1f"), "\\u0000\\u0001\\u001f");
        vm.assertEq(Escape.json("</script> & 'ok'"), "</script> & 'ok'"); // not special in JSON
        vm.assertEq(Escape.json(""), "");
    }

    function test_Json_KeepsValidUtf8() public pure {
        string memory s = unicode"Café 矿工 ⛏️ 𝔽 \u2028";
        vm.assertEq(Escape.json(s), s);
    }

    function test_Json_ParsesBackToTheHostileInput() public pure {
        string memory hostile = 'Evil "</text><script>alert(1)</script>\\ \\" \n\x01\x7f';
        string memory doc = string.concat('{"v":"', Escape.json(hostile), '"}');
        vm.assertEq(vm.parseJsonString(doc, ".v"), hostile);
    }

    /// @dev Whatever the bytes, the escaped text embeds into valid JSON, and ASCII round-trips.
    function testFuzz_Json_AlwaysValidAndAsciiRoundTrips(bytes memory raw) public pure {
        string memory doc = string.concat('{"v":"', Escape.json(string(raw)), '"}');
        vm.parseJson(doc); // reverts on invalid JSON (or invalid UTF-8)
        for (uint256 i; i < raw.length; ++i) {
            raw[i] = bytes1(uint8(raw[i]) & 0x7f);
        }
        doc = string.concat('{"v":"', Escape.json(string(raw)), '"}');
        vm.assertEq(vm.parseJsonString(doc, ".v"), string(raw));
    }

    // ------------------------------------------------------------------ XML

    function test_Xml_EscapesMarkupAndQuotes() public pure {
        vm.assertEq(Escape.xml('"</text><script>&\'x'), "&quot;&lt;/text&gt;&lt;script&gt;&amp;&#39;x");
        vm.assertEq(Escape.xml("a\\b"), "a\\b"); // backslash is plain text in XML
    }

    function test_Xml_ReplacesControlCharactersWithSpaces() public pure {
        vm.assertEq(Escape.xml("a\x00b\nc\x1fd"), "a b c d");
    }

    function test_Xml_TruncatesByCodePointsWithEllipsis() public pure {
        vm.assertEq(Escape.xml("abcdef", 6), "abcdef"); // fits exactly: untouched
        vm.assertEq(Escape.xml("abcdefg", 6), unicode"abcdef…");
        vm.assertEq(Escape.xml(unicode"矿工矿工矿工", 2), unicode"矿工…"); // never splits a character
        vm.assertEq(Escape.xml("<<<<", 2), unicode"&lt;&lt;…"); // counts source characters, not entities
        vm.assertEq(Escape.xml("abc", 0), unicode"…");
    }

    /// @dev No markup character survives, and every `&` opens one of the five entities emitted.
    function testFuzz_Xml_NeverEmitsMarkup(bytes memory raw, uint8 maxChars) public pure {
        bytes memory out = bytes(Escape.xml(string(raw), maxChars));
        for (uint256 i; i < out.length; ++i) {
            bytes1 c = out[i];
            vm.assertTrue(c != "<" && c != ">" && c != '"' && c != "'", "markup character");
            vm.assertTrue(uint8(c) >= 0x20, "control character");
            if (c == "&") {
                vm.assertTrue(
                    _at(out, i, "&amp;") || _at(out, i, "&lt;") || _at(out, i, "&gt;") || _at(out, i, "&quot;")
                        || _at(out, i, "&#39;"),
                    "bare ampersand"
                );
            }
        }
    }

    // ------------------------------------------------------------------ UTF-8 repair

    function test_Utf8_InvalidSequencesBecomeReplacementCharacters() public pure {
        vm.assertEq(Escape.json(_s("a\xffb")), string.concat("a", FFFD, "b")); // never valid
        vm.assertEq(Escape.json(_s("\x80")), FFFD); // stray continuation
        vm.assertEq(Escape.json(_s("\xc0\x80")), string.concat(FFFD, FFFD)); // overlong NUL
        vm.assertEq(Escape.json(_s("\xe0\x80\xaf")), string.concat(FFFD, FFFD, FFFD)); // overlong '/'
        vm.assertEq(Escape.json(_s("\xed\xa0\x80")), string.concat(FFFD, FFFD, FFFD)); // surrogate
        vm.assertEq(Escape.json(_s("\xf4\x90\x80\x80")), string.concat(FFFD, FFFD, FFFD, FFFD)); // > U+10FFFF
        vm.assertEq(Escape.json(_s("ok\xe2\x82")), string.concat("ok", FFFD, FFFD)); // truncated at the end
        vm.assertEq(Escape.json(_s('\xe2"')), string.concat(FFFD, '\\"')); // a lead byte cannot swallow a quote
        vm.assertEq(Escape.xml(_s("\xe2<")), string.concat(FFFD, "&lt;"));
    }

    function _s(bytes memory b) private pure returns (string memory) {
        return string(b);
    }

    function _at(bytes memory s, uint256 i, string memory what) private pure returns (bool) {
        bytes memory w = bytes(what);
        if (i + w.length > s.length) return false;
        for (uint256 k; k < w.length; ++k) {
            if (s[i + k] != w[k]) return false;
        }
        return true;
    }
}
