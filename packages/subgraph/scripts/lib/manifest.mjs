// Per-network values and manifest rendering (pure functions, unit-tested in test/manifest.test.ts).
//
// config/<network>.json is either
//   { "network", "chainId", "source": "deployments" }   -> addresses from @dmex/deployments
//   { "network", "chainId", "contracts": { "<DataSource>": { "address", "startBlock" } } }
// and networks.json (graph-cli's format) is generated from all of them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The exchange's data sources: every deployment record has them. */
export const CORE_DATA_SOURCES = ["HashpowerExchange", "AssetRegistry", "MarketRateOracle"];
/** The DAO's (issue D): all or none, so a record written before the DAO existed still builds. */
export const DAO_DATA_SOURCES = [
  "DMCToken",
  "DmexGovernor",
  "DmexTimelock",
  "MinerApplications",
  "CouncilSafe",
  "ProtocolParameters",
  "InsuranceFund",
  "MiningReserve",
];
/** Trading (issue 11): all or none, so a record written before trading existed still builds. */
export const TRADING_DATA_SOURCES = ["TradingRewards", "PositionListings", "PositionAuctions"];
/** Lending (issue 12): a record written before lending existed still builds. */
export const LENDING_DATA_SOURCES = ["PositionLoans"];
/** DeFi (issue 13): the emission pools, nodes, insurance, fee splitter, buyback and the two Uniswap V2 pairs. */
export const DEFI_DATA_SOURCES = [
  "PositionStaking",
  "LiquidityMiningDmcUsdt",
  "LiquidityMiningDmcIfil",
  "NodeStakingRewards",
  "PromotionNodes",
  "MutualInsurance",
  "ProtocolFeeSplitter",
  "FeeBuyback",
  "DmcUsdtPair",
  "DmcIfilPair",
];
/** Groups that a local deployment record may lack entirely (their data sources then index nothing). */
const OPTIONAL_GROUPS = [
  { label: "DAO", names: DAO_DATA_SOURCES },
  { label: "trading", names: TRADING_DATA_SOURCES },
  { label: "lending", names: LENDING_DATA_SOURCES },
  { label: "DeFi", names: DEFI_DATA_SOURCES },
];
export const DATA_SOURCES = [
  ...CORE_DATA_SOURCES,
  ...DAO_DATA_SOURCES,
  ...TRADING_DATA_SOURCES,
  ...LENDING_DATA_SOURCES,
  ...DEFI_DATA_SOURCES,
];
export const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

export function readConfigs(configDir) {
  return readdirSync(configDir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => JSON.parse(readFileSync(join(configDir, file), "utf8")));
}

/** The deployment record of a chain ({chainId, network, contracts}), or null if not deployed yet. */
export function readDeployment(deploymentsDir, chainId) {
  const path = join(deploymentsDir, `${chainId}.json`);
  if (!existsSync(path)) return null;
  return JSON.parse(readFileSync(path, "utf8"));
}

/** @typedef {Record<string, { address: string, startBlock: number }>} NetworkEntry */

/**
 * graph-cli networks.json: { <network>: { <DataSource>: { address, startBlock } } }.
 * Also returns, per network, whether its addresses are placeholders (local chain not deployed) and
 * the data sources of optional groups its deployment record lacks entirely (zero addresses).
 * @param {any[]} configs
 * @param {string} deploymentsDir
 * @returns {{ networks: Record<string, NetworkEntry>, placeholders: Record<string, boolean>, absent: Record<string, string[]> }}
 */
export function buildNetworks(configs, deploymentsDir) {
  /** @type {Record<string, NetworkEntry>} */
  const networks = {};
  /** @type {Record<string, boolean>} */
  const placeholders = {};
  /** @type {Record<string, string[]>} */
  const absentByNetwork = {};
  for (const config of configs) {
    if (!config.network || !Number.isInteger(config.chainId)) {
      throw new Error(`config for ${config.network ?? "?"}: "network" and an integer "chainId" are required`);
    }
    let contracts = config.contracts;
    if (config.source === "deployments") {
      const deployment = readDeployment(deploymentsDir, config.chainId);
      if (deployment && deployment.chainId !== config.chainId) {
        throw new Error(`${config.chainId}.json is for chain ${deployment.chainId}`);
      }
      contracts = deployment?.contracts ?? {};
      placeholders[config.network] = deployment == null;
    }
    /** @type {NetworkEntry} */
    const entry = {};
    // A local record from before the DAO, trading or lending (no contract of the group at all): the group's
    // data sources index nothing. A group with only some of its contracts is refused below.
    const absent = new Set();
    if (config.source === "deployments" && !placeholders[config.network]) {
      for (const group of OPTIONAL_GROUPS) {
        if (group.names.every((name) => !contracts?.[name])) {
          console.warn(
            `deployments/${config.chainId}.json has no ${group.label} contracts: their data sources get zero addresses`,
          );
          for (const name of group.names) absent.add(name);
        }
      }
    }
    for (const name of DATA_SOURCES) {
      const contract = contracts?.[name];
      if (config.source === "deployments" && !contract) {
        if (placeholders[config.network] || absent.has(name)) {
          entry[name] = { address: ZERO_ADDRESS, startBlock: 0 };
          continue;
        }
        throw new Error(`deployments/${config.chainId}.json has no ${name}`);
      }
      entry[name] = { address: contract?.address ?? "", startBlock: contract?.startBlock ?? 0 };
    }
    networks[config.network] = entry;
    absentByNetwork[config.network] = [...absent];
  }
  return { networks, placeholders, absent: absentByNetwork };
}

/**
 * Checks a network can be built: known, with real addresses (zero only for an undeployed local chain,
 * or for the data sources of an optional group its record lacks: `absent` from buildNetworks).
 * @param {Record<string, string[]>} [absent]
 */
export function checkNetwork(networks, placeholders, network, absent = {}) {
  const entry = networks[network];
  if (!entry) throw new Error(`unknown network "${network}"; known: ${Object.keys(networks).join(", ")}`);
  for (const [name, { address, startBlock }] of Object.entries(entry)) {
    if (!ADDRESS.test(address)) {
      throw new Error(`${network}: ${name} has no address; fill config/${network}.json (address and startBlock)`);
    }
    if (address === ZERO_ADDRESS && !placeholders[network] && !(absent[network] ?? []).includes(name)) {
      throw new Error(`${network}: ${name} is the zero address`);
    }
    if (!Number.isInteger(startBlock) || startBlock < 0) {
      throw new Error(`${network}: ${name} startBlock must be a non-negative integer`);
    }
  }
  return entry;
}

/** Replaces {{network}} and {{<DataSource>.address|startBlock}}; fails on any placeholder left. */
export function renderTemplate(template, network, entry) {
  const rendered = template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (match, key) => {
    if (key === "network") return network;
    const [name, field] = key.split(".");
    const value = entry[name]?.[field];
    if (value === undefined) throw new Error(`template placeholder ${match} has no value for ${network}`);
    return String(value);
  });
  return rendered;
}

/**
 * Points a built manifest (build/subgraph.yaml) at other addresses and start blocks without
 * recompiling: only `source.address` and `source.startBlock` of each data source change.
 * @param {string} text the manifest
 * @param {NetworkEntry} entry addresses and start blocks by data source name
 * @param {string} [network] also rewrites each data source's `network`
 */
export function retargetManifest(text, entry, network) {
  let current = null;
  let seen = 0;
  const lines = text.split("\n").map((line) => {
    const name = /^ {2}- kind: /.test(line) ? null : /^ {4}name: (\S+)/.exec(line)?.[1];
    if (/^ {2}- kind: /.test(line)) current = null;
    if (name !== undefined && name !== null) {
      current = name;
      if (!entry[current]) throw new Error(`no address for data source ${current}`);
      seen++;
      return line;
    }
    if (current && network && /^ {4}network: /.test(line)) return `    network: ${network}`;
    if (current && /^ {6}address: /.test(line)) return `      address: "${entry[current].address}"`;
    if (current && /^ {6}startBlock: /.test(line)) return `      startBlock: ${entry[current].startBlock}`;
    if (/^templates:/.test(line)) current = null;
    return line;
  });
  if (seen === 0) throw new Error("the manifest has no data sources");
  return lines.join("\n");
}
