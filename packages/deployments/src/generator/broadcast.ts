import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { decodeAbiParameters, keccak256, toBytes, type Hex } from "viem";

import { deployedContractNames, type Address, type DeployedContractName } from "../types.js";

/** A contract created by a deploy run, as read from forge's broadcast file. */
export interface BroadcastContract {
  readonly name: DeployedContractName;
  /** Artifact name (forge's `contractName`). */
  readonly contract: string;
  readonly address: Address;
  readonly startBlock: number;
  readonly blockHash: `0x${string}`;
  readonly transactionHash: `0x${string}`;
}

/** The latest deploy run on one chain. */
export interface BroadcastRun {
  readonly chainId: number;
  /** The run-latest.json it came from. */
  readonly file: string;
  /** When forge wrote it (ms since epoch). */
  readonly timestamp: number;
  readonly contracts: readonly BroadcastContract[];
}

interface ForgeBroadcast {
  chain?: number;
  timestamp?: number;
  transactions?: ForgeTransaction[];
  receipts?: ForgeReceipt[];
}
interface ForgeTransaction {
  hash: string;
  transactionType: string;
  contractName: string | null;
  contractAddress: string | null;
  function?: string | null;
  arguments: string[] | null;
  transaction?: { input?: string | null };
  /** Contracts created inside this transaction (by a constructor or a factory call). */
  additionalContracts?: ForgeAdditionalContract[];
}
interface ForgeAdditionalContract {
  transactionType: string;
  contractName: string | null;
  address: string;
  initCode?: string;
}
interface ForgeLog {
  address: string;
  topics: string[];
  data: string;
}
interface ForgeReceipt {
  transactionHash: string;
  contractAddress?: string | null;
  blockNumber: string;
  blockHash: string;
  status: string;
  logs?: ForgeLog[];
}

export interface ParseOptions {
  /**
   * Creation code of artifacts forge cannot name (the Safe contracts, deployed from npm
   * artifacts), by artifact name: a nameless CREATE whose input starts with one is that contract.
   */
  readonly creationCodes?: ReadonlyMap<string, string>;
}

/**
 * Created by the deploy but not recorded: one-shot helpers nobody calls afterwards, and the NodeVault that
 * PromotionNodes' constructor creates as the implementation its per-node clones delegate to (nobody calls it).
 */
const IGNORED_CONTRACTS: ReadonlySet<string> = new Set(["CouncilSafeSetup", "NodeVault"]);
/** Factory calls whose nameless CREATE2 child is the council's Safe proxy. */
const SAFE_PROXY_FUNCTIONS = /^create(ChainSpecific)?ProxyWithNonce\(/;
/** The Uniswap V2 factory call whose nameless CREATE2 child is a pair (ABI: UniswapV2Pair). */
const CREATE_PAIR_FUNCTION = /^createPair\(address,address\)$/;
/** How a recorded token appears in a pair's name: DMC/USDT -> `DmcUsdtPair`. */
const PAIR_TOKEN_PARTS: Readonly<Record<string, string>> = {
  DMCToken: "Dmc",
  USDT: "Usdt",
  IFIL: "Ifil",
  WBTC: "Wbtc",
};
/**
 * The pairs in the order the deploy creates them (DefiDeployment.deployFees): the names used when a pair's tokens
 * are not all contracts of this broadcast (canonical tokens from env off the local chain).
 */
const PAIRS_IN_ORDER: readonly DeployedContractName[] = ["DmcUsdtPair", "DmcIfilPair"];
/** A LiquidityMining instance is named by the pair it stakes: `DmcUsdtPair` -> `LiquidityMiningDmcUsdt`. */
const LIQUIDITY_MINING = "LiquidityMining";
/** `DMCToken.Allocated(address indexed recipient, uint256 amount, string label)`. */
const ALLOCATED_TOPIC = keccak256(toBytes("Allocated(address,uint256,string)"));
/** Vesting wallets by DMC allocation label, in the order used when the labels are missing. */
const VESTING_BY_LABEL: readonly (readonly [RegExp, DeployedContractName])[] = [
  [/\bteam\b/i, "TeamVesting"],
  [/\bbackers?\b/i, "BackersVesting"],
];

export class BroadcastError extends Error {
  override name = "BroadcastError";
}

/**
 * Reads `<broadcastDir>/<script>/<chainId>/run-latest.json` for every chain. Only the latest run of
 * each chain counts: older runs' files are never looked at, so a superseded address cannot leak.
 */
export function readBroadcasts(
  broadcastDir: string,
  script = "Deploy.s.sol",
  options: ParseOptions = {},
): BroadcastRun[] {
  const scriptDir = join(broadcastDir, script);
  if (!existsSync(scriptDir)) return [];
  const runs: BroadcastRun[] = [];
  for (const entry of readdirSync(scriptDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !/^\d+$/.test(entry.name)) continue;
    const file = join(scriptDir, entry.name, "run-latest.json");
    if (!existsSync(file)) continue;
    runs.push(
      parseBroadcast(JSON.parse(readFileSync(file, "utf8")) as ForgeBroadcast, file, Number(entry.name), options),
    );
  }
  return runs.sort((a, b) => a.chainId - b.chainId);
}

/**
 * Turns one broadcast file into the contracts it created: creation transactions with a successful
 * receipt, plus the contracts created inside a transaction that the deployment records
 * (`additionalContracts`: DMCToken's MiningReserve, the council Safe proxy of `createProxyWithNonce`).
 */
export function parseBroadcast(
  broadcast: ForgeBroadcast,
  file: string,
  chainIdFromPath: number,
  options: ParseOptions = {},
): BroadcastRun {
  const chainId = broadcast.chain ?? chainIdFromPath;
  if (chainId !== chainIdFromPath) {
    throw new BroadcastError(`${file} says chain ${chainId} but lives in the folder of chain ${chainIdFromPath}.`);
  }
  const receipts = new Map((broadcast.receipts ?? []).map((r) => [r.transactionHash.toLowerCase(), r]));
  // forge can pair a transaction with another one's hash when it sends several at once: a CREATE's
  // own receipt is the one that created its address (CREATE2 through the factory has none; by hash).
  const byCreated = new Map(
    (broadcast.receipts ?? []).flatMap((r) =>
      r.contractAddress ? [[r.contractAddress.toLowerCase(), r] as const] : [],
    ),
  );
  const contracts: BroadcastContract[] = [];
  /** VestingWallets in creation order, named once the DMC allocations are known. */
  const vestings: Omit<BroadcastContract, "name">[] = [];
  /** Uniswap V2 pairs (with their two tokens) and LiquidityMining instances (with their LP token), in order. */
  const pairs: (Omit<BroadcastContract, "name"> & { readonly tokens: readonly string[] })[] = [];
  const minings: (Omit<BroadcastContract, "name"> & { readonly lpToken: string | undefined })[] = [];
  const entryOf = (contract: string, address: string, receipt: ForgeReceipt) => ({
    contract,
    address: checksumless(address),
    startBlock: Number.parseInt(receipt.blockNumber, 16),
    blockHash: receipt.blockHash as `0x${string}`,
    transactionHash: receipt.transactionHash as `0x${string}`,
  });
  const record = (contract: string, address: string, receipt: ForgeReceipt, name: DeployedContractName | "vesting") => {
    const entry = entryOf(contract, address, receipt);
    if (name === "vesting") vestings.push(entry);
    else add({ name, ...entry });
  };
  const add = (contract: BroadcastContract) => {
    if (contracts.some((c) => c.name === contract.name))
      throw new BroadcastError(`${file}: ${contract.name} is created twice.`);
    contracts.push(contract);
  };
  const successful = (receipt: ForgeReceipt | undefined, hash: string, what: string): ForgeReceipt => {
    if (receipt === undefined) throw new BroadcastError(`${file}: no receipt for ${hash} (run still pending?).`);
    if (receipt.status !== "0x1") throw new BroadcastError(`${file}: ${what} ${hash} reverted.`);
    return receipt;
  };

  for (const tx of broadcast.transactions ?? []) {
    const creation = tx.transactionType === "CREATE" || tx.transactionType === "CREATE2";
    const children = tx.additionalContracts ?? [];
    if (!creation && children.length === 0) continue;
    let receipt: ForgeReceipt | undefined;
    if (creation) {
      if (tx.contractAddress === null)
        throw new BroadcastError(`${file}: creation ${tx.hash} has no contract address.`);
      const contractName = tx.contractName ?? recogniseByCode(tx.transaction?.input, options.creationCodes);
      if (contractName === undefined) {
        throw new BroadcastError(
          `${file}: creation ${tx.hash} has no contract name and matches no known creation code (unknown artifact?).`,
        );
      }
      receipt = successful(
        (tx.transactionType === "CREATE" ? byCreated.get(tx.contractAddress.toLowerCase()) : undefined) ??
          receipts.get(tx.hash.toLowerCase()),
        tx.hash,
        "creation",
      );
      if (contractName === LIQUIDITY_MINING) {
        minings.push({ ...entryOf(contractName, tx.contractAddress, receipt), lpToken: tx.arguments?.[0] });
      } else if (!IGNORED_CONTRACTS.has(contractName)) {
        record(
          contractName,
          tx.contractAddress,
          receipt,
          contractName === "VestingWallet" ? "vesting" : instanceName(contractName, tx.arguments ?? []),
        );
      }
    } else {
      receipt = successful(receipts.get(tx.hash.toLowerCase()), tx.hash, "transaction");
    }
    for (const child of children) {
      if (child.contractName === null) {
        // The Safe proxy: forge has no artifact for it (npm bytecode) and its ABI is the singleton's.
        if (tx.transactionType === "CALL" && SAFE_PROXY_FUNCTIONS.test(tx.function ?? "")) {
          record("SafeL2", child.address, receipt, "CouncilSafe");
          continue;
        }
        // A Uniswap V2 pair: created by the factory from its own code, named by its tokens below.
        if (tx.transactionType === "CALL" && CREATE_PAIR_FUNCTION.test(tx.function ?? "")) {
          pairs.push({ ...entryOf("UniswapV2Pair", child.address, receipt), tokens: tx.arguments ?? [] });
          continue;
        }
        throw new BroadcastError(
          `${file}: ${tx.hash} created ${child.address} without a contract name (unknown artifact?).`,
        );
      }
      if (IGNORED_CONTRACTS.has(child.contractName)) continue;
      record(
        child.contractName,
        child.address,
        receipt,
        child.contractName === "VestingWallet" ? "vesting" : instanceName(child.contractName, []),
      );
    }
  }

  for (const vesting of nameVestings(vestings, allocationLabels(contracts, broadcast.receipts ?? []), file))
    add(vesting);
  const namedPairs = namePairs(pairs, contracts, file);
  for (const pair of namedPairs) add(pair);
  for (const mining of nameLiquidityMinings(minings, namedPairs, file)) add(mining);
  contracts.sort((a, b) => a.name.localeCompare(b.name));
  return { chainId, file, timestamp: broadcast.timestamp ?? 0, contracts };
}

/** The artifact whose creation code `input` starts with (the longest such code), if any. */
function recogniseByCode(
  input: string | null | undefined,
  codes: ReadonlyMap<string, string> | undefined,
): string | undefined {
  if (!input || codes === undefined) return undefined;
  const data = input.toLowerCase();
  let best: [string, number] | undefined;
  for (const [name, code] of codes) {
    const normalized = code.toLowerCase();
    if (normalized.length > 2 && data.startsWith(normalized) && (best === undefined || normalized.length > best[1])) {
      best = [name, normalized.length];
    }
  }
  return best?.[0];
}

/** DMC allocation label by recipient, from the `Allocated` events of DMCToken's creation receipt. */
function allocationLabels(
  contracts: readonly BroadcastContract[],
  receipts: readonly ForgeReceipt[],
): Map<Address, string> {
  const labels = new Map<Address, string>();
  const dmc = contracts.find((c) => c.name === "DMCToken");
  if (dmc === undefined) return labels;
  const receipt = receipts.find((r) => r.transactionHash.toLowerCase() === dmc.transactionHash.toLowerCase());
  for (const log of receipt?.logs ?? []) {
    if (log.address.toLowerCase() !== dmc.address || log.topics[0]?.toLowerCase() !== ALLOCATED_TOPIC) continue;
    const recipientTopic = log.topics[1];
    if (recipientTopic === undefined) continue;
    try {
      const [, label] = decodeAbiParameters([{ type: "uint256" }, { type: "string" }], log.data as Hex);
      labels.set(`0x${recipientTopic.slice(-40).toLowerCase()}`, label);
    } catch {
      // not the event we know: fall back to creation order
    }
  }
  return labels;
}

/**
 * Names the VestingWallets by the DMC allocation each receives ("team vesting" -> TeamVesting,
 * "early backers vesting" -> BackersVesting). When the broadcast has no such labels for every
 * wallet (no DMCToken, or no logs), by creation order: team first, then backers, as the deploy
 * creates them.
 */
function nameVestings(
  vestings: readonly Omit<BroadcastContract, "name">[],
  labels: ReadonlyMap<Address, string>,
  file: string,
): BroadcastContract[] {
  if (vestings.length > VESTING_BY_LABEL.length) {
    throw new BroadcastError(
      `${file}: ${vestings.length} VestingWallets; @dmex/deployments knows ${VESTING_BY_LABEL.length}.`,
    );
  }
  const byLabel = vestings.map((v) => {
    const label = labels.get(v.address);
    return label === undefined ? undefined : VESTING_BY_LABEL.find(([pattern]) => pattern.test(label))?.[1];
  });
  const labelled = byLabel.every((name) => name !== undefined) && new Set(byLabel).size === byLabel.length;
  return vestings.map((v, i) => {
    const name = labelled ? byLabel[i] : VESTING_BY_LABEL[i]?.[1];
    if (name === undefined) throw new BroadcastError(`${file}: cannot name VestingWallet ${v.address}.`);
    return { name, ...v };
  });
}

/**
 * Names the Uniswap V2 pairs by their tokens when both are contracts of this broadcast (DMC first:
 * DMCToken + USDT -> `DmcUsdtPair`), else, for every pair, by creation order (PAIRS_IN_ORDER), as the deploy
 * creates them (DMC/USDT, then DMC/IFIL).
 */
function namePairs(
  pairs: readonly (Omit<BroadcastContract, "name"> & { readonly tokens: readonly string[] })[],
  contracts: readonly BroadcastContract[],
  file: string,
): BroadcastContract[] {
  const nameOfToken = (token: string | undefined) =>
    token === undefined ? undefined : contracts.find((c) => c.address === token.toLowerCase())?.name;
  const byTokens = pairs.map(({ tokens }) => {
    const parts = tokens.map((t) => PAIR_TOKEN_PARTS[nameOfToken(t) ?? ""]);
    if (parts.length !== 2 || parts.some((p) => p === undefined)) return undefined;
    const ordered = parts[1] === "Dmc" ? [parts[1], parts[0]] : parts;
    return deployedContractNames.find((n) => n === `${ordered.join("")}Pair`);
  });
  const named = byTokens.every((n) => n !== undefined) && new Set(byTokens).size === byTokens.length;
  return pairs.map(({ tokens: _tokens, ...pair }, i) => {
    const name = named ? byTokens[i] : PAIRS_IN_ORDER[i];
    if (name === undefined) throw new BroadcastError(`${file}: cannot name the Uniswap V2 pair ${pair.address}.`);
    return { name, ...pair };
  });
}

/**
 * Names the LiquidityMining instances by the pair whose LP token each stakes (its first constructor argument:
 * on `DmcUsdtPair` -> `LiquidityMiningDmcUsdt`), else, for every instance, by creation order (DMC/USDT first,
 * as StakingDeployment creates them).
 */
function nameLiquidityMinings(
  minings: readonly (Omit<BroadcastContract, "name"> & { readonly lpToken: string | undefined })[],
  pairs: readonly BroadcastContract[],
  file: string,
): BroadcastContract[] {
  const miningName = (pair: DeployedContractName | undefined) =>
    pair === undefined
      ? undefined
      : deployedContractNames.find((n) => n === `${LIQUIDITY_MINING}${pair.replace(/Pair$/, "")}`);
  const byPair = minings.map(({ lpToken }) =>
    miningName(pairs.find((p) => lpToken !== undefined && p.address === lpToken.toLowerCase())?.name),
  );
  const named = byPair.every((n) => n !== undefined) && new Set(byPair).size === byPair.length;
  return minings.map(({ lpToken: _lpToken, ...mining }, i) => {
    const name = named ? byPair[i] : miningName(PAIRS_IN_ORDER[i]);
    if (name === undefined) throw new BroadcastError(`${file}: cannot name LiquidityMining ${mining.address}.`);
    return { name, ...mining };
  });
}

/** Stand-in tokens are `BridgedToken`s named by their symbol (second constructor argument). */
function instanceName(contractName: string, args: readonly string[]): DeployedContractName {
  const name = contractName === "BridgedToken" ? args[1] : contractName;
  const known = deployedContractNames.find((n) => n === name);
  if (known === undefined) {
    throw new BroadcastError(
      `The deploy script created "${name ?? contractName}", which @dmex/deployments does not know. ` +
        "Add it to deployedContractNames in packages/deployments/src/types.ts.",
    );
  }
  return known;
}

function checksumless(address: string): Address {
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) throw new BroadcastError(`Not an address: ${address}`);
  return address.toLowerCase() as Address;
}
