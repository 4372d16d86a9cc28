import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { ArtifactsError, BroadcastError, clearOutputs, generate, readArtifacts } from "../src/generator/index.js";
import { encodeAbiParameters, keccak256, toBytes } from "viem";

import {
  address,
  errorItem,
  eventItem,
  fnItem,
  hash,
  writeArtifact,
  writeBroadcast,
  writeSafeArtifacts,
  writeUniswapArtifacts,
  type FixtureTx,
} from "./fixtures.js";

let root: string;
let project: string;
let out: string;
let broadcast: string;
let dest: string;
let safe: string;
let uniswap: { "@uniswap/v2-core": string; "@uniswap/v2-periphery": string };

/** Creation codes of the fixture's Safe artifacts (real ones are ~24 KB). */
const SAFE_L2_CODE = "0x608060405234801561001057600080fd5b50aaaa";
const SAFE_FACTORY_CODE = "0x608060405234801561001057600080fd5b50bbbb";
/** Creation codes of the fixture's Uniswap V2 artifacts. */
const WETH_CODE = "0x60c0604052600d60808190526c0cccc1";
const UNI_FACTORY_CODE = "0x608060405234801561001057600080fd5b50cccc";
const UNI_ROUTER_CODE = "0x60c060405234801561001057600080fd5b50dddd";
const UNI_PAIR_CODE = "0x608060405260016000553480156100eeee";

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "dmex-deployments-"));
  project = join(root, "contracts");
  out = join(project, "out");
  broadcast = join(project, "broadcast");
  dest = join(root, "pkg");
  safe = join(root, "safe");
  writeSafeArtifacts(safe, { SafeL2: SAFE_L2_CODE, SafeProxyFactory: SAFE_FACTORY_CODE });
  uniswap = {
    "@uniswap/v2-core": join(root, "uniswap", "v2-core", "build"),
    "@uniswap/v2-periphery": join(root, "uniswap", "v2-periphery", "build"),
  };
  writeUniswapArtifacts(uniswap, {
    WETH9: WETH_CODE,
    UniswapV2Factory: UNI_FACTORY_CODE,
    UniswapV2Router02: UNI_ROUTER_CODE,
    UniswapV2Pair: UNI_PAIR_CODE,
  });
  for (const source of [
    "src/HashpowerExchange.sol",
    "src/tokens/BridgedToken.sol",
    "src/oracle/MarketRateOracle.sol",
    "src/I.sol",
  ]) {
    mkdirSync(join(project, source, ".."), { recursive: true });
    writeFileSync(join(project, source), "// fixture");
  }
  writeArtifact(out, "src/HashpowerExchange.sol", "HashpowerExchange", [
    fnItem("offeringCount"),
    eventItem("OfferingCreated"),
    errorItem("ZeroAddress"),
    errorItem("InvalidTerms", [{ name: "reason", type: "string" }]),
  ]);
  writeArtifact(out, "src/tokens/BridgedToken.sol", "BridgedToken", [fnItem("decimals"), errorItem("ZeroAddress")]);
  writeArtifact(out, "src/oracle/MarketRateOracle.sol", "MarketRateOracle", [
    errorItem("DayNotOver", [
      { name: "day", type: "uint256" },
      { name: "today", type: "uint256" },
    ]),
  ]);
  // Not published: an interface (no bytecode), a test contract, an artifact whose source was deleted.
  writeArtifact(out, "src/I.sol", "IThing", [fnItem("x")], "0x");
  writeArtifact(out, "test/unit/Smoke.t.sol", "SmokeTest", [fnItem("test_smoke")]);
  writeArtifact(out, "src/Probe.sol", "Probe", [fnItem("probe")]);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

const deployTxs: FixtureTx[] = [
  {
    type: "CREATE",
    contractName: "BridgedToken",
    address: address(0xa1),
    args: ["Tether USD", "USDT", "6", address(1)],
    block: 2,
  },
  {
    type: "CREATE",
    contractName: "BridgedToken",
    address: address(0xa2),
    args: ["Bridged FIL", "IFIL", "18", address(1)],
    block: 3,
  },
  { type: "CREATE", contractName: "MarketRateOracle", address: address(0xa3), args: [address(1)], block: 4 },
  { type: "CREATE", contractName: "HashpowerExchange", address: address(0xa4), args: [], block: 5 },
  { type: "CALL", contractName: "HashpowerExchange", address: address(0xa4), block: 6 },
];

const run = (extra: Parameters<typeof generate>[0] = {}) =>
  generate({
    artifactsDir: out,
    broadcastDir: broadcast,
    outDir: dest,
    contractsDir: project,
    safeArtifactsDir: safe,
    uniswapBuildDirs: uniswap,
    ...extra,
  });

describe("readArtifacts", () => {
  it("keeps only deployable contracts whose source still exists under src/", () => {
    expect(readArtifacts(out, { projectRoot: project }).map((a) => a.name)).toEqual([
      "BridgedToken",
      "HashpowerExchange",
      "MarketRateOracle",
    ]);
    expect(readArtifacts(out).map((a) => a.name)).toContain("Probe");
  });

  it("explains how to build when there are no artifacts", () => {
    expect(() => readArtifacts(join(root, "missing"))).toThrow(/Build the contracts first/);
  });
});

describe("generate", () => {
  it("writes JSON ABIs, a typed ABI module with every error once, and per-chain deployments", async () => {
    writeBroadcast(broadcast, 314159, deployTxs);
    const result = await run();

    expect(readdirSync(join(dest, "abis")).sort()).toEqual([
      "BridgedToken.json",
      "HashpowerExchange.json",
      "MarketRateOracle.json",
      "README.md",
      "SafeL2.json",
      "SafeProxyFactory.json",
      "UniswapV2Factory.json",
      "UniswapV2Pair.json",
      "UniswapV2Router02.json",
      "WETH9.json",
    ]);
    expect(JSON.parse(readFileSync(join(dest, "abis", "HashpowerExchange.json"), "utf8"))).toContainEqual(
      eventItem("OfferingCreated"),
    );

    const deployment = JSON.parse(readFileSync(join(dest, "deployments", "314159.json"), "utf8"));
    expect(deployment.$comment).toMatch(/Do not edit/);
    expect(deployment).toMatchObject({ chainId: 314159, network: "calibration" });
    expect(deployment.contracts).toEqual({
      HashpowerExchange: { address: address(0xa4), startBlock: 5, contract: "HashpowerExchange" },
      IFIL: { address: address(0xa2), startBlock: 3, contract: "BridgedToken" },
      MarketRateOracle: { address: address(0xa3), startBlock: 4, contract: "MarketRateOracle" },
      USDT: { address: address(0xa1), startBlock: 2, contract: "BridgedToken" },
    });
    expect(result.deployments).toHaveLength(1);

    const abisTs = readFileSync(join(dest, "src", "generated", "abis.ts"), "utf8");
    expect(abisTs.startsWith("// Generated by @dmex/deployments")).toBe(true);
    const abisModule = await import(pathToFileURL(join(dest, "src", "generated", "abis.ts")).href);
    expect(abisModule.hashpowerExchangeAbi).toEqual(
      JSON.parse(readFileSync(join(dest, "abis", "HashpowerExchange.json"), "utf8")),
    );
    expect(Object.keys(abisModule.abis)).toEqual([
      "BridgedToken",
      "HashpowerExchange",
      "MarketRateOracle",
      "SafeL2",
      "SafeProxyFactory",
      "UniswapV2Factory",
      "UniswapV2Pair",
      "UniswapV2Router02",
      "WETH9",
    ]);
    expect(abisModule.safeL2Abi).toEqual([fnItem("getOwners"), eventItem("SafeMultiSigTransaction")]);
    // ZeroAddress is in two contracts: listed once.
    expect(abisModule.errorsAbi.map((e: { name: string }) => e.name)).toEqual([
      "DayNotOver",
      "InvalidTerms",
      "ZeroAddress",
    ]);

    const deploymentsModule = await import(pathToFileURL(join(dest, "src", "generated", "deployments.ts")).href);
    const { $comment: _comment, ...plain } = deployment;
    expect(deploymentsModule.deployments).toEqual({ 314159: plain });
  });

  it("clears every stale output before writing, even outputs of chains without a broadcast any more", async () => {
    for (const [dir, file] of [
      ["abis", "Removed.json"],
      ["deployments", "314.json"],
      [join("src", "generated"), "old.ts"],
    ] as const) {
      mkdirSync(join(dest, dir), { recursive: true });
      writeFileSync(join(dest, dir, file), "stale");
    }
    await run();
    expect(existsSync(join(dest, "abis", "Removed.json"))).toBe(false);
    expect(existsSync(join(dest, "deployments", "314.json"))).toBe(false);
    expect(existsSync(join(dest, "src", "generated", "old.ts"))).toBe(false);
    expect(readFileSync(join(dest, "src", "generated", "deployments.ts"), "utf8")).toContain(
      "export const deployments = {\n}",
    );
  });

  it("clears outputs when the inputs cannot be read, so a failed run leaves no old address behind", async () => {
    writeBroadcast(broadcast, 314159, deployTxs);
    await run();
    expect(existsSync(join(dest, "deployments", "314159.json"))).toBe(true);
    rmSync(out, { recursive: true });
    await expect(run()).rejects.toBeInstanceOf(ArtifactsError);
    expect(existsSync(join(dest, "deployments"))).toBe(false);
    expect(existsSync(join(dest, "src", "generated"))).toBe(false);
  });

  it("is idempotent: a second run writes the same bytes", async () => {
    writeBroadcast(broadcast, 314159, deployTxs);
    const first = await run();
    const snapshot = first.files.map((f) => [f, readFileSync(f, "utf8")]);
    const second = await run();
    expect(second.files).toEqual(first.files);
    expect(second.files.map((f) => [f, readFileSync(f, "utf8")])).toEqual(snapshot);
  });

  it("pairs each creation with the receipt that created its address, even when forge swapped the hashes", async () => {
    const file = writeBroadcast(broadcast, 314159, deployTxs);
    const json = JSON.parse(readFileSync(file, "utf8"));
    // What forge 1.7 wrote once while sending transactions concurrently: hashes of USDT and IFIL swapped.
    [json.transactions[0].hash, json.transactions[1].hash] = [json.transactions[1].hash, json.transactions[0].hash];
    writeFileSync(file, JSON.stringify(json));
    const [deployment] = (await run()).deployments;
    expect(deployment?.contracts.USDT?.startBlock).toBe(2);
    expect(deployment?.contracts.IFIL?.startBlock).toBe(3);
  });

  it("rejects broadcasts it cannot name, and skips chains DMEX does not run on", async () => {
    writeBroadcast(broadcast, 1, deployTxs);
    expect((await run()).skipped).toEqual([
      expect.objectContaining({ chainId: 1, reason: expect.stringMatching(/not a DMEX chain/) }),
    ]);
    clearOutputs(dest);
    writeBroadcast(broadcast, 314, [{ type: "CREATE", contractName: "Mystery", address: address(9), block: 1 }]);
    await expect(run()).rejects.toBeInstanceOf(BroadcastError);
  });
});

describe("the DAO deployment", () => {
  const VESTING_SOURCE = "node_modules/@openzeppelin/contracts/finance/VestingWallet.sol";
  const ALLOCATED = keccak256(toBytes("Allocated(address,uint256,string)"));
  const dmcAddress = address(0xd3c);
  const allocated = (recipient: string, label: string) => ({
    address: dmcAddress,
    topics: [ALLOCATED, `0x${recipient.slice(2).padStart(64, "0")}`],
    data: encodeAbiParameters([{ type: "uint256" }, { type: "string" }], [10n ** 24n, label]),
  });
  const [backers, team] = [address(0xb1), address(0xb2)];

  beforeEach(() => {
    for (const [source, name] of [
      ["src/dmc/DMCToken.sol", "DMCToken"],
      ["src/dmc/MiningReserve.sol", "MiningReserve"],
      ["src/governance/CouncilSafeSetup.sol", "CouncilSafeSetup"],
      ["src/governance/DmexGovernor.sol", "DmexGovernor"],
      [VESTING_SOURCE, "VestingWallet"],
      // Another OpenZeppelin contract in forge's out: not deployed by us, not published.
      ["node_modules/@openzeppelin/contracts/finance/Other.sol", "OtherWallet"],
    ] as const) {
      mkdirSync(join(project, source, ".."), { recursive: true });
      writeFileSync(join(project, source), "// fixture");
      writeArtifact(out, source, name, [
        fnItem("x"),
        errorItem(name === "DmexGovernor" ? "GovernorUnexpectedProposalState" : `${name}Error`),
      ]);
    }
  });

  /** The shape of the real deploy: nameless Safe CREATEs, a factory call creating the proxy, a constructor creating MiningReserve. */
  const daoTxs = (labelled: boolean): FixtureTx[] => [
    ...deployTxs.slice(0, 4),
    // Safe singleton and factory from npm bytecode: forge records no contract name.
    { type: "CREATE", contractName: null, address: address(0x5a), input: SAFE_L2_CODE, block: 7 },
    // A creation code followed by constructor arguments is still that contract.
    {
      type: "CREATE",
      contractName: null,
      address: address(0x5f),
      input: `${SAFE_FACTORY_CODE}${"00".repeat(32)}`,
      block: 8,
    },
    { type: "CREATE", contractName: "CouncilSafeSetup", address: address(0x5e), block: 9 },
    {
      type: "CALL",
      contractName: null,
      address: address(0x5f),
      fn: "createProxyWithNonce(address,bytes,uint256)",
      additional: [{ type: "CREATE2", contractName: null, address: address(0xc0) }],
      block: 10,
    },
    // Created backers first on purpose: the Allocated labels decide, not the order.
    { type: "CREATE", contractName: "VestingWallet", address: backers, block: 11 },
    { type: "CREATE", contractName: "VestingWallet", address: team, block: 12 },
    {
      type: "CREATE",
      contractName: "DMCToken",
      address: dmcAddress,
      additional: [{ type: "CREATE", contractName: "MiningReserve", address: address(0x3e5) }],
      logs: labelled
        ? [
            allocated(address(0x3e5), "mining reserve"),
            allocated(team, "team vesting"),
            allocated(backers, "early backers vesting"),
          ]
        : [],
      block: 13,
    },
    { type: "CREATE", contractName: "DmexGovernor", address: address(0x90), block: 14 },
  ];

  it("names every DAO contract: Safe creations by their code, the council proxy, MiningReserve, the vesting wallets by allocation", async () => {
    writeBroadcast(broadcast, 314159, daoTxs(true));
    const [deployment] = (await run()).deployments;
    expect(deployment?.contracts).toEqual({
      HashpowerExchange: { address: address(0xa4), startBlock: 5, contract: "HashpowerExchange" },
      IFIL: { address: address(0xa2), startBlock: 3, contract: "BridgedToken" },
      MarketRateOracle: { address: address(0xa3), startBlock: 4, contract: "MarketRateOracle" },
      USDT: { address: address(0xa1), startBlock: 2, contract: "BridgedToken" },
      SafeL2: { address: address(0x5a), startBlock: 7, contract: "SafeL2" },
      SafeProxyFactory: { address: address(0x5f), startBlock: 8, contract: "SafeProxyFactory" },
      // The proxy created inside the factory call, at that call's block, with the singleton's ABI.
      CouncilSafe: { address: address(0xc0), startBlock: 10, contract: "SafeL2" },
      BackersVesting: { address: backers, startBlock: 11, contract: "VestingWallet" },
      TeamVesting: { address: team, startBlock: 12, contract: "VestingWallet" },
      DMCToken: { address: dmcAddress, startBlock: 13, contract: "DMCToken" },
      // Created by DMCToken's constructor: same block.
      MiningReserve: { address: address(0x3e5), startBlock: 13, contract: "MiningReserve" },
      DmexGovernor: { address: address(0x90), startBlock: 14, contract: "DmexGovernor" },
    });
    // CouncilSafeSetup is a one-shot helper: its ABI is published, its address is not recorded.
    expect(readdirSync(join(dest, "abis"))).toContain("CouncilSafeSetup.json");
  });

  it("publishes VestingWallet (an OpenZeppelin source) and the Safe ABIs, and their errors with every other one", async () => {
    const result = await run();
    expect(result.contracts).toEqual([
      "BridgedToken",
      "CouncilSafeSetup",
      "DMCToken",
      "DmexGovernor",
      "HashpowerExchange",
      "MarketRateOracle",
      "MiningReserve",
      "SafeL2",
      "SafeProxyFactory",
      "UniswapV2Factory",
      "UniswapV2Pair",
      "UniswapV2Router02",
      "VestingWallet",
      "WETH9",
    ]);
    expect(JSON.parse(readFileSync(join(dest, "abis", "VestingWallet.json"), "utf8"))).toContainEqual(fnItem("x"));
    expect(JSON.parse(readFileSync(join(dest, "abis", "SafeProxyFactory.json"), "utf8"))).toEqual([
      fnItem("proxyCreationCode"),
    ]);
    const abisModule = await import(pathToFileURL(join(dest, "src", "generated", "abis.ts")).href);
    expect(abisModule.vestingWalletAbi).toBeDefined();
    expect(abisModule.safeProxyFactoryAbi).toBeDefined();
    // A leading acronym is one word: dmcTokenAbi, not dMCTokenAbi.
    expect(abisModule.dmcTokenAbi).toBeDefined();
    expect(abisModule.errorsAbi.map((e: { name: string }) => e.name)).toEqual(
      expect.arrayContaining(["GovernorUnexpectedProposalState", "VestingWalletError", "ZeroAddress"]),
    );
    expect(abisModule.errorsAbi.map((e: { name: string }) => e.name)).not.toContain("OtherWalletError");
  });

  it("names the vesting wallets by creation order (team, then backers) when the broadcast has no Allocated logs", async () => {
    writeBroadcast(broadcast, 314159, daoTxs(false));
    const [deployment] = (await run()).deployments;
    expect(deployment?.contracts.TeamVesting?.address).toBe(backers);
    expect(deployment?.contracts.BackersVesting?.address).toBe(team);
  });

  it("rejects a nameless creation that matches no known creation code, and a nameless child outside a Safe factory call", async () => {
    writeBroadcast(broadcast, 314159, [
      ...deployTxs,
      { type: "CREATE", contractName: null, address: address(0x77), input: "0x6080604052deadbeef", block: 9 },
    ]);
    await expect(run()).rejects.toThrow(/no contract name and matches no known creation code/);
    writeBroadcast(broadcast, 314159, [
      ...deployTxs,
      {
        type: "CALL",
        contractName: "HashpowerExchange",
        address: address(0xa4),
        fn: "deployThing()",
        additional: [{ type: "CREATE", contractName: null, address: address(0x78) }],
        block: 9,
      },
    ]);
    await expect(run()).rejects.toBeInstanceOf(BroadcastError);
  });

  it("keeps a canonical Safe out: with DMEX_SAFE_SINGLETON/FACTORY set only the council proxy is created", async () => {
    writeBroadcast(
      broadcast,
      314159,
      daoTxs(true).filter((tx) => tx.type === "CALL" || tx.contractName !== null),
    );
    const [deployment] = (await run()).deployments;
    expect(deployment?.contracts.SafeL2).toBeUndefined();
    expect(deployment?.contracts.SafeProxyFactory).toBeUndefined();
    expect(deployment?.contracts.CouncilSafe).toEqual({ address: address(0xc0), startBlock: 10, contract: "SafeL2" });
  });
});

describe("the DeFi deployment", () => {
  const dmc = address(0xd3c);
  const [usdtPair, ifilPair] = [address(0xe1), address(0xe2)];
  const [miningA, miningB] = [address(0x1a), address(0x1b)];

  beforeEach(() => {
    for (const [source, name] of [
      ["src/dmc/DMCToken.sol", "DMCToken"],
      ["src/treasury/ProtocolFeeSplitter.sol", "ProtocolFeeSplitter"],
      ["src/nodes/PromotionNodes.sol", "PromotionNodes"],
      ["src/nodes/NodeVault.sol", "NodeVault"],
      ["src/staking/LiquidityMining.sol", "LiquidityMining"],
    ] as const) {
      mkdirSync(join(project, source, ".."), { recursive: true });
      writeFileSync(join(project, source), "// fixture");
      writeArtifact(out, source, name, [fnItem("x")]);
    }
  });

  /**
   * The shape of DefiDeployment: WETH9, the factory and Router02 as nameless CREATEs of npm bytecode, the pairs as
   * nameless CREATE2 children of `createPair` calls, PromotionNodes creating its NodeVault, two LiquidityMinings.
   * @param usdt, ifil The quote tokens (the stand-ins of the broadcast, or canonical ones it did not create).
   * @param lpArgs Whether the LiquidityMining creations carry their constructor arguments.
   */
  const defiTxs = (usdt: string, ifil: string, lpArgs: boolean): FixtureTx[] => [
    ...deployTxs.slice(0, 4),
    { type: "CREATE", contractName: "DMCToken", address: dmc, block: 6 },
    { type: "CREATE", contractName: null, address: address(0x9e), input: WETH_CODE, block: 7 },
    {
      type: "CREATE",
      contractName: null,
      address: address(0x9f),
      input: `${UNI_FACTORY_CODE}${"00".repeat(32)}`,
      block: 8,
    },
    {
      type: "CREATE",
      contractName: null,
      address: address(0x90),
      input: `${UNI_ROUTER_CODE}${"00".repeat(64)}`,
      block: 9,
    },
    // Upper-case hex as forge prints checksummed addresses; DMC second in the first call.
    {
      type: "CALL",
      contractName: null,
      address: address(0x9f),
      fn: "createPair(address,address)",
      args: [usdt.toUpperCase().replace("0X", "0x"), dmc],
      additional: [{ type: "CREATE2", contractName: null, address: usdtPair }],
      block: 10,
    },
    {
      type: "CALL",
      contractName: null,
      address: address(0x9f),
      fn: "createPair(address,address)",
      args: [dmc, ifil],
      additional: [{ type: "CREATE2", contractName: null, address: ifilPair }],
      block: 11,
    },
    { type: "CREATE", contractName: "ProtocolFeeSplitter", address: address(0x5b), block: 12 },
    {
      type: "CREATE",
      contractName: "PromotionNodes",
      address: address(0x40),
      additional: [{ type: "CREATE", contractName: "NodeVault", address: address(0x41) }],
      block: 13,
    },
    // The DMC/IFIL pool created first on purpose: its LP token decides, not the order.
    {
      type: "CREATE",
      contractName: "LiquidityMining",
      address: miningA,
      args: lpArgs ? [ifilPair, address(0x3e5), address(0x71)] : [],
      block: 14,
    },
    {
      type: "CREATE",
      contractName: "LiquidityMining",
      address: miningB,
      args: lpArgs ? [usdtPair, address(0x3e5), address(0x71)] : [],
      block: 15,
    },
  ];

  it("names Uniswap V2 by its creation code, the pairs by their tokens and each LiquidityMining by its pair", async () => {
    writeBroadcast(broadcast, 314159, defiTxs(address(0xa1), address(0xa2), true));
    const [deployment] = (await run()).deployments;
    expect(deployment?.contracts).toMatchObject({
      WETH9: { address: address(0x9e), startBlock: 7, contract: "WETH9" },
      UniswapV2Factory: { address: address(0x9f), startBlock: 8, contract: "UniswapV2Factory" },
      UniswapV2Router02: { address: address(0x90), startBlock: 9, contract: "UniswapV2Router02" },
      // Created inside the factory call, at that call's block, with the pair's ABI.
      DmcUsdtPair: { address: usdtPair, startBlock: 10, contract: "UniswapV2Pair" },
      DmcIfilPair: { address: ifilPair, startBlock: 11, contract: "UniswapV2Pair" },
      ProtocolFeeSplitter: { address: address(0x5b), startBlock: 12, contract: "ProtocolFeeSplitter" },
      PromotionNodes: { address: address(0x40), startBlock: 13, contract: "PromotionNodes" },
      LiquidityMiningDmcIfil: { address: miningA, startBlock: 14, contract: "LiquidityMining" },
      LiquidityMiningDmcUsdt: { address: miningB, startBlock: 15, contract: "LiquidityMining" },
    });
    // The vault implementation PromotionNodes creates is not recorded; its ABI is published.
    expect(Object.values(deployment?.contracts ?? {}).map((c) => c.contract)).not.toContain("NodeVault");
    expect(readdirSync(join(dest, "abis"))).toEqual(
      expect.arrayContaining(["NodeVault.json", "UniswapV2Pair.json", "WETH9.json"]),
    );
    const abisModule = await import(pathToFileURL(join(dest, "src", "generated", "abis.ts")).href);
    expect(abisModule.abis.UniswapV2Pair).toEqual([fnItem("getReserves"), eventItem("Sync")]);
  });

  it("falls back to creation order (DMC/USDT first) for pairs of tokens it did not create and pools without arguments", async () => {
    // Canonical USDT and IFIL from env: not contracts of this broadcast.
    writeBroadcast(
      broadcast,
      314159,
      defiTxs(address(0xc1), address(0xc2), false).filter((tx) => tx.contractName !== "BridgedToken"),
    );
    const [deployment] = (await run()).deployments;
    expect(deployment?.contracts.DmcUsdtPair?.address).toBe(usdtPair);
    expect(deployment?.contracts.DmcIfilPair?.address).toBe(ifilPair);
    expect(deployment?.contracts.LiquidityMiningDmcUsdt?.address).toBe(miningA);
    expect(deployment?.contracts.LiquidityMiningDmcIfil?.address).toBe(miningB);
  });

  it("keeps an existing Uniswap V2 out: with DMEX_UNISWAP_FACTORY/ROUTER set only the pairs are recorded", async () => {
    writeBroadcast(
      broadcast,
      314159,
      defiTxs(address(0xa1), address(0xa2), true).filter((tx) => tx.type === "CALL" || tx.contractName !== null),
    );
    const [deployment] = (await run()).deployments;
    expect(deployment?.contracts.UniswapV2Factory).toBeUndefined();
    expect(deployment?.contracts.WETH9).toBeUndefined();
    expect(deployment?.contracts.DmcUsdtPair?.address).toBe(usdtPair);
  });

  it("rejects a nameless child of a call that is neither a Safe proxy nor a pair, and a third pair", async () => {
    writeBroadcast(broadcast, 314159, [
      ...defiTxs(address(0xa1), address(0xa2), true),
      {
        type: "CALL",
        contractName: null,
        address: address(0x9f),
        fn: "createPair(address,address)",
        args: [dmc, address(0x123)],
        additional: [{ type: "CREATE2", contractName: null, address: address(0xe3) }],
        block: 16,
      },
    ]);
    await expect(run()).rejects.toThrow(/cannot name the Uniswap V2 pair/);
  });
});

describe("local chain verification", () => {
  let server: Server;
  let rpcUrl: string;
  /** Block hash the fake chain reports for block n. */
  let salt = 0;

  beforeEach(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        const { method, params } = JSON.parse(body) as { method: string; params: string[] };
        const result =
          method === "eth_chainId"
            ? "0x7a69"
            : method === "eth_getBlockByNumber"
              ? { hash: hash(Number(params[0]) + salt) }
              : "0x6080";
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ jsonrpc: "2.0", id: 1, result }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    rpcUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("keeps a local broadcast the running chain confirms", async () => {
    salt = 0;
    writeBroadcast(broadcast, 31337, deployTxs);
    const result = await run({ rpcUrls: { 31337: rpcUrl } });
    expect(result.deployments.map((d) => d.chainId)).toEqual([31337]);
    expect(JSON.parse(readFileSync(join(dest, "deployments", "31337.json"), "utf8")).network).toBe("localhost");
  });

  it("drops a local broadcast from an earlier chain (same addresses, other block hashes)", async () => {
    writeBroadcast(broadcast, 31337, deployTxs);
    salt = 0;
    await run({ rpcUrls: { 31337: rpcUrl } });
    salt = 7; // anvil restarted: the blocks at those heights are different blocks now
    const result = await run({ rpcUrls: { 31337: rpcUrl } });
    expect(result.deployments).toEqual([]);
    expect(result.skipped[0]?.reason).toMatch(/chain restarted/);
    expect(existsSync(join(dest, "deployments", "31337.json"))).toBe(false);
  });

  it("drops a local broadcast when no chain is running", async () => {
    writeBroadcast(broadcast, 31337, deployTxs);
    const closed = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const result = await run({ rpcUrls: { 31337: closed } });
    expect(result.deployments).toEqual([]);
    expect(result.skipped[0]?.reason).toMatch(/no chain answers/);
    server = createServer().listen(0); // for afterEach
  });
});

describe("the real contracts build", () => {
  it("publishes Uniswap V2 from the npm build files the deploy script reads, with creation code to recognise it", async () => {
    const { readUniswapArtifacts, defaultUniswapBuildDirs } = await import("../src/generator/index.js");
    const artifacts = readUniswapArtifacts(defaultUniswapBuildDirs());
    expect(artifacts.map((a) => a.name)).toEqual(["WETH9", "UniswapV2Factory", "UniswapV2Router02", "UniswapV2Pair"]);
    const fns = (name: string) =>
      artifacts
        .find((a) => a.name === name)
        ?.abi.filter((i) => i.type === "function")
        .map((i) => i.name);
    expect(fns("UniswapV2Factory")).toEqual(expect.arrayContaining(["createPair", "getPair", "feeToSetter"]));
    expect(fns("UniswapV2Router02")).toEqual(expect.arrayContaining(["addLiquidity", "swapExactTokensForTokens"]));
    expect(fns("UniswapV2Pair")).toEqual(expect.arrayContaining(["getReserves", "price0CumulativeLast"]));
    for (const a of artifacts) expect(a.bytecode).toMatch(/^0x6[0-9a-f]{100,}$/);
  });

  it("publishes the exchange's events and the errors of every contract", async () => {
    const { defaultArtifactsDir, contractsRoot, collectErrors } = await import("../src/generator/index.js");
    const artifacts = readArtifacts(defaultArtifactsDir(), { projectRoot: contractsRoot() });
    const names = artifacts.map((a) => a.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "HashpowerExchange",
        "AssetRegistry",
        "MarketRateOracle",
        "BridgedToken",
        "OfferingFactory",
        "DefaultMonitor",
      ]),
    );
    const exchange = artifacts.find((a) => a.name === "HashpowerExchange");
    expect(exchange?.abi.filter((i) => i.type === "event").map((i) => i.name)).toEqual(
      expect.arrayContaining(["OfferingCreated", "PositionPurchased", "RewardDeposited", "OfferingFlagged"]),
    );
    const events = (name: string) =>
      artifacts
        .find((a) => a.name === name)
        ?.abi.filter((i) => i.type === "event")
        .map((i) => i.name);
    // The asset registry's events moved out of the exchange with it.
    expect(events("AssetRegistry")).toEqual(expect.arrayContaining(["AssetRegistered", "RewardTokenSet"]));
    expect(events("HashpowerExchange")).not.toContain("AssetRegistered");
    const errors = collectErrors(artifacts).map((e) => e.name);
    expect(errors).toEqual(
      expect.arrayContaining([
        "Oracle_DayNotOver",
        "Exchange_DefaultConditionsNotMet",
        "Exchange_SaleEndsAfterTermStart",
        "ERC20InsufficientBalance",
        "AccessControlUnauthorizedAccount",
      ]),
    );
  });

  it("publishes the DAO contracts, VestingWallet and Safe 1.4.1, and the Governor and timelock errors the app must decode", async () => {
    const { defaultArtifactsDir, contractsRoot, collectErrors, readSafeArtifacts, defaultSafeArtifactsDir } =
      await import("../src/generator/index.js");
    const artifacts = [
      ...readArtifacts(defaultArtifactsDir(), { projectRoot: contractsRoot() }),
      ...readSafeArtifacts(defaultSafeArtifactsDir()),
    ];
    const names = artifacts.map((a) => a.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "DMCToken",
        "MiningReserve",
        "InsuranceFund",
        "DmexTimelock",
        "DmexGovernor",
        "MinerApplications",
        "ProtocolParameters",
        "VestingWallet",
        "SafeL2",
        "SafeProxyFactory",
      ]),
    );
    const fns = (name: string) =>
      artifacts
        .find((a) => a.name === name)
        ?.abi.filter((i) => i.type === "function")
        .map((i) => i.name);
    expect(fns("SafeL2")).toEqual(
      expect.arrayContaining(["execTransaction", "getOwners", "getThreshold", "isModuleEnabled"]),
    );
    expect(fns("SafeProxyFactory")).toContain("createProxyWithNonce");
    expect(fns("VestingWallet")).toEqual(expect.arrayContaining(["releasable", "release", "owner", "vestedAmount"]));
    const errors = collectErrors(artifacts).map((e) => e.name);
    expect(errors).toEqual(
      expect.arrayContaining([
        "GovernorUnexpectedProposalState",
        "GovernorInsufficientProposerVotes",
        "Governor_OnlyProposalGuardian",
        "TimelockUnexpectedOperationState",
        "TimelockUnauthorizedCaller",
        "Applications_InvalidHashpower",
        "Applications_StakeNotInState",
        "Params_FeeTooHigh",
        "Exchange_FeeTooHigh",
        "ERC5805FutureLookup",
        "OwnableUnauthorizedAccount",
      ]),
    );
  });

  it("publishes PositionLoans with the events the subgraph indexes and its linked LoanOrders library", async () => {
    const { defaultArtifactsDir, contractsRoot, collectErrors } = await import("../src/generator/index.js");
    const artifacts = readArtifacts(defaultArtifactsDir(), { projectRoot: contractsRoot() });
    const items = (name: string, type: string) =>
      artifacts
        .find((a) => a.name === name)
        ?.abi.filter((i) => i.type === type)
        .map((i) => i.name);
    expect(items("PositionLoans", "event")).toEqual(
      expect.arrayContaining([
        "OfferMade",
        "RequestMade",
        "LoanStarted",
        "LoanPayment",
        "LoanRepaid",
        "LoanRefinanced",
        "LoanForeclosed",
        "SelfRepayingSet",
        "Credited",
        "Claimed",
        "CollateralTokenSet",
      ]),
    );
    expect(items("PositionLoans", "function")).toEqual(
      expect.arrayContaining(["makeOffer", "acceptOffer", "requestLoan", "fillRequest", "repay", "refinance"]),
    );
    // The library's functions take storage mappings (no ABI): it is published for its address, its errors and
    // the order events it emits as PositionLoans (delegatecall).
    expect(items("LoanOrders", "event")).toEqual(["OfferMade", "RequestMade"]);
    expect(collectErrors(artifacts).map((e) => e.name)).toEqual(
      expect.arrayContaining(["Loans_NotForeclosable", "Loans_RepaymentClosed", "Loans_NotBetterTerms"]),
    );
  });
});
