// node --test: the errors check catches what it promises to (see check-errors.mjs).
import assert from "node:assert/strict";
import { test } from "node:test";

import { checkAbis, checkSource, selectorOf } from "./check-errors.mjs";

const error = (name, types = []) => ({
  type: "error",
  name,
  inputs: types.map((type, i) => ({ name: `a${i}`, type })),
});

test("a name with two shapes fails; the same error inherited twice does not", () => {
  const twoShapes = checkAbis([
    { source: "src/A.sol", abi: [error("FeeTooHigh", ["uint256", "uint256"])] },
    { source: "src/B.sol", abi: [error("FeeTooHigh", ["bytes32", "uint256", "uint256"])] },
  ]);
  assert.match(twoShapes.problems.join("\n"), /error name FeeTooHigh has 2 shapes/);
  const inherited = checkAbis([
    { source: "src/A.sol", abi: [error("Exchange_ZeroUnits")] },
    { source: "src/B.sol", abi: [error("Exchange_ZeroUnits")] },
  ]);
  assert.deepEqual(inherited.problems, []);
});

test("selectors are keccak-256 of the signature", () => {
  assert.equal(selectorOf("transfer(address,uint256)"), "0xa9059cbb");
});

test("unprefixed errors, string errors and string reverts fail; comments do not", () => {
  const bad = checkSource(
    "src/X.sol",
    'contract X {\n error ZeroAddress();\n error Exchange_Invalid(string reason);\n function f() public {\n require(msg.sender != address(0), "zero");\n revert("no");\n }\n}',
  );
  assert.equal(bad.problems.length, 4);
  assert.match(bad.problems.join("\n"), /ZeroAddress is not Prefix_Condition/);
  assert.match(bad.problems.join("\n"), /Exchange_Invalid takes a string/);
  assert.match(bad.problems.join("\n"), /X.sol:5: require/);
  assert.match(bad.problems.join("\n"), /X.sol:6: revert/);
  const good = checkSource(
    "src/Y.sol",
    '// revert("in a comment")\ncontract Y { error Oracle_ZeroRate(uint32 assetId, uint256 day); function f() public { revert Oracle_ZeroRate(1, 2); } }',
  );
  assert.deepEqual(good.problems, []);
  assert.deepEqual(good.declared, ["Oracle_ZeroRate"]);
});
