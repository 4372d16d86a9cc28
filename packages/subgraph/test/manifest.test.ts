import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";
import { parse } from "yaml";

import { abiOf, CONTRACTS, candidatePaths, prepareAbis } from "../scripts/lib/abis.mjs";
import {
  buildNetworks,
  checkNetwork,
  DAO_DATA_SOURCES,
  DATA_SOURCES,
  DEFI_DATA_SOURCES,
  LENDING_DATA_SOURCES,
  TRADING_DATA_SOURCES,
  readConfigs,
  renderTemplate,
  retargetManifest,
  ZERO_ADDRESS,
} from "../scripts/lib/manifest.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));

const CONFIG_DIR = join(HERE, "../config");
const REPO = join(HERE, "../../..");
const EXCHANGE = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const ORACLE = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";

const at = (address: string, startBlock: number) => ({ address, startBlock });
/** Every data source at `address`, start blocks 1, 2, ... in manifest order. */
const everywhere = (address: string) => Object.fromEntries(DATA_SOURCES.map((name, i) => [name, at(address, i + 1)]));

function tempDir() {
  return mkdtempSync(join(tmpdir(), "dmex-subgraph-"));
}

describe("networks", () => {
  it("lists localhost, Calibration and Filecoin mainnet with their chain ids", () => {
    const configs = readConfigs(CONFIG_DIR);
    expect(Object.fromEntries(configs.map((c) => [c.network, c.chainId]))).toEqual({
      localhost: 31337,
      "filecoin-testnet": 314159,
      filecoin: 314,
    });
  });

  it("uses zero placeholders for localhost until a deployment record exists", () => {
    const { networks, placeholders } = buildNetworks(readConfigs(CONFIG_DIR), tempDir());
    expect(placeholders.localhost).toBe(true);
    expect(networks.localhost).toEqual(Object.fromEntries(DATA_SOURCES.map((name) => [name, at(ZERO_ADDRESS, 0)])));
    expect(checkNetwork(networks, placeholders, "localhost")).toBe(networks.localhost);
  });

  it("takes localhost addresses and start blocks from @dmex/deployments", () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "31337.json"),
      JSON.stringify({
        chainId: 31337,
        network: "localhost",
        contracts: {
          ...everywhere(ORACLE),
          HashpowerExchange: { address: EXCHANGE, startBlock: 7 },
          MarketRateOracle: { address: ORACLE, startBlock: 5 },
          BridgedToken: { address: ORACLE, startBlock: 3 },
        },
      }),
    );
    const { networks, placeholders } = buildNetworks(readConfigs(CONFIG_DIR), dir);
    expect(placeholders.localhost).toBe(false);
    expect(networks.localhost).toEqual({
      ...everywhere(ORACLE),
      HashpowerExchange: { address: EXCHANGE, startBlock: 7 },
      MarketRateOracle: { address: ORACLE, startBlock: 5 },
    });
  });

  it("gives a record from before the DAO zero DAO addresses, and rejects one with only some DAO contracts", () => {
    const dir = tempDir();
    const core = { HashpowerExchange: at(EXCHANGE, 7), AssetRegistry: at(ORACLE, 6), MarketRateOracle: at(ORACLE, 5) };
    writeFileSync(join(dir, "31337.json"), JSON.stringify({ chainId: 31337, contracts: core }));
    const { networks } = buildNetworks(readConfigs(CONFIG_DIR), dir);
    expect(networks.localhost).toEqual({
      ...core,
      ...Object.fromEntries(DAO_DATA_SOURCES.map((name) => [name, at(ZERO_ADDRESS, 0)])),
      ...Object.fromEntries(TRADING_DATA_SOURCES.map((name) => [name, at(ZERO_ADDRESS, 0)])),
      ...Object.fromEntries(LENDING_DATA_SOURCES.map((name) => [name, at(ZERO_ADDRESS, 0)])),
      ...Object.fromEntries(DEFI_DATA_SOURCES.map((name) => [name, at(ZERO_ADDRESS, 0)])),
    });
    writeFileSync(
      join(dir, "31337.json"),
      JSON.stringify({ chainId: 31337, contracts: { ...core, DMCToken: at(ORACLE, 9) } }),
    );
    expect(() => buildNetworks(readConfigs(CONFIG_DIR), dir)).toThrow(/no DmexGovernor/);
  });

  it("gives a record from before trading zero trading addresses, and rejects one with only some of them", () => {
    const dir = tempDir();
    const withoutTrading = Object.fromEntries(
      Object.entries(everywhere(ORACLE)).filter(([name]) => !TRADING_DATA_SOURCES.includes(name)),
    );
    writeFileSync(join(dir, "31337.json"), JSON.stringify({ chainId: 31337, contracts: withoutTrading }));
    const { networks, placeholders, absent } = buildNetworks(readConfigs(CONFIG_DIR), dir);
    expect(absent.localhost).toEqual(TRADING_DATA_SOURCES);
    // The record is real (not a placeholder): only the absent group may have zero addresses.
    expect(checkNetwork(networks, placeholders, "localhost", absent)).toBe(networks.localhost);
    expect(() => checkNetwork(networks, placeholders, "localhost")).toThrow(/TradingRewards is the zero address/);
    expect(networks.localhost).toEqual({
      ...withoutTrading,
      ...Object.fromEntries(TRADING_DATA_SOURCES.map((name) => [name, at(ZERO_ADDRESS, 0)])),
    });
    writeFileSync(
      join(dir, "31337.json"),
      JSON.stringify({ chainId: 31337, contracts: { ...withoutTrading, TradingRewards: at(ORACLE, 9) } }),
    );
    expect(() => buildNetworks(readConfigs(CONFIG_DIR), dir)).toThrow(/no PositionListings/);
  });

  it("gives a record from before lending a zero PositionLoans address", () => {
    const dir = tempDir();
    const withoutLending = Object.fromEntries(
      Object.entries(everywhere(ORACLE)).filter(([name]) => !LENDING_DATA_SOURCES.includes(name)),
    );
    writeFileSync(join(dir, "31337.json"), JSON.stringify({ chainId: 31337, contracts: withoutLending }));
    const { networks, placeholders, absent } = buildNetworks(readConfigs(CONFIG_DIR), dir);
    expect(absent.localhost).toEqual(["PositionLoans"]);
    expect(checkNetwork(networks, placeholders, "localhost", absent)).toBe(networks.localhost);
    expect(networks.localhost).toEqual({ ...withoutLending, PositionLoans: at(ZERO_ADDRESS, 0) });
    // A record with the lending contracts indexes them (LoanOrders is a library: no data source).
    writeFileSync(
      join(dir, "31337.json"),
      JSON.stringify({
        chainId: 31337,
        contracts: { ...withoutLending, PositionLoans: at(EXCHANGE, 21), LoanOrders: at(ORACLE, 20) },
      }),
    );
    expect(buildNetworks(readConfigs(CONFIG_DIR), dir).networks.localhost.PositionLoans).toEqual(at(EXCHANGE, 21));
  });

  it("rejects a deployment record without a data source's contract or for another chain", () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "31337.json"),
      JSON.stringify({ chainId: 31337, contracts: { HashpowerExchange: { address: EXCHANGE, startBlock: 1 } } }),
    );
    expect(() => buildNetworks(readConfigs(CONFIG_DIR), dir)).toThrow(/no AssetRegistry/);
    writeFileSync(
      join(dir, "31337.json"),
      JSON.stringify({
        chainId: 31337,
        contracts: { HashpowerExchange: at(EXCHANGE, 1), AssetRegistry: at(ORACLE, 1) },
      }),
    );
    expect(() => buildNetworks(readConfigs(CONFIG_DIR), dir)).toThrow(/no MarketRateOracle/);
    writeFileSync(join(dir, "31337.json"), JSON.stringify({ chainId: 1, contracts: {} }));
    expect(() => buildNetworks(readConfigs(CONFIG_DIR), dir)).toThrow(/for chain 1/);
  });

  it("refuses to build Filecoin networks until their addresses are filled in", () => {
    const { networks, placeholders } = buildNetworks(readConfigs(CONFIG_DIR), tempDir());
    expect(networks["filecoin-testnet"].HashpowerExchange.address).toBe("");
    expect(() => checkNetwork(networks, placeholders, "filecoin-testnet")).toThrow(
      /fill config\/filecoin-testnet.json/,
    );
    expect(() => checkNetwork(networks, placeholders, "filecoin")).toThrow(/fill config\/filecoin.json/);
    expect(() => checkNetwork(networks, placeholders, "mainnet")).toThrow(/unknown network/);
    const filled = {
      ...networks,
      filecoin: { ...everywhere(ORACLE), HashpowerExchange: { address: ZERO_ADDRESS, startBlock: 1 } },
    };
    expect(() => checkNetwork(filled, placeholders, "filecoin")).toThrow(/zero address/);
  });
});

describe("renderTemplate", () => {
  const entry = { HashpowerExchange: { address: EXCHANGE, startBlock: 12 } };

  it("fills the network, addresses and start blocks", () => {
    const out = renderTemplate(
      'network: {{network}}\naddress: "{{ HashpowerExchange.address }}"\nstartBlock: {{HashpowerExchange.startBlock}}',
      "localhost",
      entry,
    );
    expect(out).toBe(`network: localhost\naddress: "${EXCHANGE}"\nstartBlock: 12`);
  });

  it("fails on a placeholder it cannot fill", () => {
    expect(() => renderTemplate("{{MarketRateOracle.address}}", "localhost", entry)).toThrow(
      /MarketRateOracle.address/,
    );
  });
});

describe("retargetManifest", () => {
  const built = join(HERE, "../build/subgraph.yaml");

  it("re-points graph build's manifest at new addresses and start blocks and changes nothing else", () => {
    const text = readFileSync(built, "utf8");
    const out = retargetManifest(
      text,
      {
        ...everywhere(ORACLE),
        HashpowerExchange: { address: EXCHANGE, startBlock: 12 },
        AssetRegistry: { address: ORACLE, startBlock: 10 },
        MarketRateOracle: { address: ORACLE, startBlock: 9 },
      },
      "filecoin-testnet",
    );
    const before = parse(text);
    const after = parse(out);
    expect(after.dataSources.map((d: any) => [d.name, d.network, d.source.address, d.source.startBlock])).toEqual([
      ["HashpowerExchange", "filecoin-testnet", EXCHANGE, 12],
      ["AssetRegistry", "filecoin-testnet", ORACLE, 10],
      ["MarketRateOracle", "filecoin-testnet", ORACLE, 9],
      ...[...DAO_DATA_SOURCES, ...TRADING_DATA_SOURCES, ...LENDING_DATA_SOURCES, ...DEFI_DATA_SOURCES].map((name) => [
        name,
        "filecoin-testnet",
        ORACLE,
        DATA_SOURCES.indexOf(name) + 1,
      ]),
    ]);
    for (const ds of after.dataSources) {
      const original = before.dataSources.find((d: any) => d.name === ds.name);
      expect(ds.mapping).toEqual(original.mapping);
      expect({ ...ds.source, address: undefined, startBlock: undefined }).toEqual({
        ...original.source,
        address: undefined,
        startBlock: undefined,
      });
    }
    expect({ ...after, dataSources: undefined }).toEqual({ ...before, dataSources: undefined });
  });

  it("refuses a data source it has no address for", () => {
    expect(() =>
      retargetManifest(readFileSync(built, "utf8"), { HashpowerExchange: { address: EXCHANGE, startBlock: 1 } }),
    ).toThrow(/no address for data source AssetRegistry/);
  });
});

describe("ABIs", () => {
  it("prefers @dmex/deployments and falls back to the Foundry artifacts", () => {
    const root = tempDir();
    const out = join(root, "forge-out");
    expect(candidatePaths(root, "HashpowerExchange", { DMEX_CONTRACTS_OUT: out })).toEqual([
      join(root, "packages/deployments/abis/HashpowerExchange.json"),
      join(out, "HashpowerExchange.sol/HashpowerExchange.json"),
    ]);
    const abi = [{ type: "event", name: "X", inputs: [], anonymous: false }];
    for (const name of CONTRACTS) {
      mkdirSync(join(out, `${name}.sol`), { recursive: true });
      writeFileSync(join(out, `${name}.sol/${name}.json`), JSON.stringify({ abi, bytecode: {} }));
    }
    mkdirSync(join(root, "packages/deployments/abis"), { recursive: true });
    writeFileSync(join(root, "packages/deployments/abis/MarketRateOracle.json"), JSON.stringify(abi));
    const target = join(root, "abis");
    const sources = prepareAbis(root, target, { DMEX_CONTRACTS_OUT: out });
    expect(sources.HashpowerExchange).toContain("forge-out");
    expect(sources.MarketRateOracle).toContain("packages/deployments/abis");
  });

  it("takes the council Safe's ABI from the SafeL2 1.4.1 artifact when neither has it", () => {
    const root = tempDir();
    expect(candidatePaths(root, "CouncilSafe", { DMEX_CONTRACTS_OUT: join(root, "out") }).at(-1)).toBe(
      join(
        root,
        "packages/contracts/node_modules/@safe-global/safe-contracts/build/artifacts/contracts/SafeL2.sol/SafeL2.json",
      ),
    );
  });

  it("explains where it looked when no ABI exists", () => {
    const root = tempDir();
    expect(() => prepareAbis(root, join(root, "abis"), {})).toThrow(/No ABI for HashpowerExchange. Looked in/);
  });

  it("rejects files without an ABI", () => {
    expect(abiOf({ abi: [{ type: "function" }] }, "x")).toHaveLength(1);
    expect(() => abiOf({ bytecode: "0x" }, "x.json")).toThrow(/x.json holds no ABI/);
  });
});

describe("subgraph.template.yaml", () => {
  type Input = { type: string; indexed?: boolean; components?: Input[] };
  const canonical = (i: Input): string =>
    i.type.startsWith("tuple") ? `(${(i.components ?? []).map(canonical).join(",")})${i.type.slice(5)}` : i.type;
  const signature = (e: { name: string; inputs: Input[] }) =>
    `${e.name}(${e.inputs.map((i) => `${i.indexed ? "indexed " : ""}${canonical(i)}`).join(",")})`;
  const template = parse(readFileSync(join(HERE, "../subgraph.template.yaml"), "utf8").replace(/\{\{[^}]+\}\}/g, "0"));
  const abiEvents = (name: string) => {
    const path = candidatePaths(REPO, name).find((p) => existsSync(p))!;
    return abiOf(JSON.parse(readFileSync(path, "utf8")), path)
      .filter((item: any) => item.type === "event")
      .map(signature);
  };

  it("handles each event with its exact ABI signature (indexed markers included)", () => {
    for (const ds of template.dataSources) {
      const events = new Set(abiEvents(ds.source.abi));
      for (const { event } of ds.mapping.eventHandlers) expect(events, `${ds.name}: ${event}`).toContain(event);
    }
  });

  it("handles the exchange's and the oracle's buyer-protection events", () => {
    const handlers = (name: string) =>
      template.dataSources.find((d: any) => d.name === name).mapping.eventHandlers.map((h: any) => h.event);
    expect(handlers("HashpowerExchange")).toEqual(
      expect.arrayContaining([
        "HoldbackSet(indexed uint256,uint256)",
        "DepositorSet(indexed uint256,indexed address,bool)",
        "RewardDeposited(indexed uint256,indexed address,indexed uint256,uint256,uint256,uint256,uint256,uint256,bool,uint256,uint256)",
        "OfferingFlagged(indexed uint256,indexed address,uint256,uint8,uint256,uint256,uint256)",
        "OfferingHalted(indexed uint256,indexed address,uint256,uint256,uint256)",
        "DefaultThresholdsSet(uint256,uint256,uint256,uint256,uint256)",
        "PaymentTokenSet(indexed address,bool)",
      ]),
    );
    // The asset registry's events moved out of the exchange with it, to their own data source.
    expect(handlers("HashpowerExchange")).not.toContain("RewardTokenSet(indexed uint32,indexed address,bool)");
    expect(handlers("HashpowerExchange")).not.toContain("AssetRegistered(indexed uint32,string,string)");
    expect(handlers("AssetRegistry")).toEqual(
      expect.arrayContaining([
        "AssetRegistered(indexed uint32,string,string)",
        "RewardTokenSet(indexed uint32,indexed address,bool)",
      ]),
    );
    expect(handlers("MarketRateOracle")).toContain(
      "MarketRateCorrected(indexed uint32,indexed uint256,uint256,uint256,indexed address)",
    );
  });
});
