import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  http,
  maxUint256,
  type Address,
  type Hash,
  type PublicClient,
  type TestClient,
  type Transaction,
  type TransactionReceipt,
  type WalletClient,
  decodeErrorResult,
  toHex,
  TransactionReceiptNotFoundError,
  type Hex,
  type Transport,
} from "viem";

import { StackError } from "../internal/errors.js";
import { anvilAddress, BUYER_INDICES, MINER_INDICES, ROLE_INDEX, SPARE_INDICES } from "./accounts.js";
import { bridgedTokenAbi, errorsAbi, localChain, requireContractIn, type Deployment } from "./contracts.js";
import { SeedDao, type SeedProposal } from "./dao.js";
import { MINERS, type MinerPlan, type OfferingPlan } from "./plan.js";
import type { SeedCounts } from "./summary.js";

export const DAY = 86_400;

type Chain = typeof localChain;

/** A position the seed bought, in mint order. */
export interface SeededPosition {
  readonly tokenId: bigint;
  readonly buyer: Address;
  readonly offeringId: number;
}

/**
 * Everything a seed chapter works with: the clients, the deployed contracts, who plays which part,
 * the clock, the counters the summary reports and what earlier chapters left behind.
 */
export interface SeedContext {
  readonly publicClient: PublicClient;
  readonly wallet: WalletClient;
  readonly testClient: TestClient;
  readonly chain: Chain;
  readonly deployment: Deployment;
  readonly log: (message: string) => void;
  /** UTC day (days since epoch) of seed day 0. */
  readonly day0: number;
  readonly contracts: {
    readonly exchange: Address;
    readonly oracle: Address;
    readonly usdt: Address;
    readonly rewardToken: { readonly FIL: Address; readonly BTC: Address };
    readonly dmc: Address;
    readonly governor: Address;
    readonly applications: Address;
    readonly parameters: Address;
    readonly listings: Address;
    readonly auctions: Address;
    readonly tradingRewards: Address;
    readonly loans: Address;
    /** The DeFi of issue 13. */
    readonly timelock: Address;
    readonly insuranceFund: Address;
    readonly router: Address;
    readonly pair: { readonly USDT: Address; readonly IFIL: Address };
    readonly lpMining: { readonly USDT: Address; readonly IFIL: Address };
    readonly positionStaking: Address;
    readonly nodes: Address;
    readonly nodeRewards: Address;
    readonly insurance: Address;
    readonly splitter: Address;
    readonly buyback: Address;
  };
  readonly accounts: {
    readonly deployer: Address;
    readonly treasury: Address;
    readonly reporter: Address;
    readonly minter: Address;
    readonly miners: readonly Address[];
    readonly buyers: readonly Address[];
    readonly spares: readonly Address[];
  };
  readonly counts: SeedCounts;
  readonly dao: SeedDao;
  /** Positions bought so far. */
  readonly positions: SeededPosition[];
  /** Application proposals of the offerings, by offering id. */
  readonly applicationProposals: Map<number, SeedProposal>;
  /** The executed proposal that halted the defaulting offering, once there is one. */
  haltProposal: SeedProposal | undefined;

  /** Waits for the receipt of a seed transaction; throws if it reverted. */
  confirm(hash: Hash): Promise<TransactionReceipt>;
  /** Mines an empty block at `timestamp` (seconds): the chain clock jumps there. */
  setTime(timestamp: number): Promise<void>;
  /** {@link setTime} to `secondsIntoDay` of UTC day `day`. */
  setDay(day: number, secondsIntoDay?: number): Promise<void>;
  /** The bridge mints `amount` of a stand-in token to `to`. */
  mint(token: Address, to: Address, amount: bigint): Promise<void>;
  /** `owner` approves `spender` (the exchange by default) for `token` without limit. */
  approve(owner: Address, token: Address, spender?: Address): Promise<void>;
  minerOf(plan: OfferingPlan): Address;
  minerPlanOf(plan: OfferingPlan): MinerPlan;
  /** Token ids `buyer` bought (optionally of one offering). */
  tokensOf(buyer: Address, offeringId?: number): bigint[];
}

export interface SeedContextOptions {
  readonly rpcUrl: string;
  readonly deployment: Deployment;
  readonly anchorDay: number;
  readonly log?: (message: string) => void;
}

export function createSeedContext(options: SeedContextOptions): SeedContext {
  const chain = { ...localChain, rpcUrls: { default: { http: [options.rpcUrl] } } };
  const transport = http(options.rpcUrl, { batch: false });
  const publicClient = createPublicClient({ chain, transport, pollingInterval: 20 }) as PublicClient;
  const wallet = createWalletClient({ chain, transport: withGasHeadroom(transport) });
  const testClient = createTestClient({ chain, mode: "anvil", transport });
  const deployment = options.deployment;
  const contracts = {
    exchange: requireContractIn(deployment, "HashpowerExchange"),
    oracle: requireContractIn(deployment, "MarketRateOracle"),
    usdt: requireContractIn(deployment, "USDT"),
    rewardToken: { FIL: requireContractIn(deployment, "IFIL"), BTC: requireContractIn(deployment, "WBTC") },
    dmc: requireContractIn(deployment, "DMCToken"),
    governor: requireContractIn(deployment, "DmexGovernor"),
    applications: requireContractIn(deployment, "MinerApplications"),
    parameters: requireContractIn(deployment, "ProtocolParameters"),
    listings: requireContractIn(deployment, "PositionListings"),
    auctions: requireContractIn(deployment, "PositionAuctions"),
    tradingRewards: requireContractIn(deployment, "TradingRewards"),
    loans: requireContractIn(deployment, "PositionLoans"),
    timelock: requireContractIn(deployment, "DmexTimelock"),
    insuranceFund: requireContractIn(deployment, "InsuranceFund"),
    router: requireContractIn(deployment, "UniswapV2Router02"),
    pair: { USDT: requireContractIn(deployment, "DmcUsdtPair"), IFIL: requireContractIn(deployment, "DmcIfilPair") },
    lpMining: {
      USDT: requireContractIn(deployment, "LiquidityMiningDmcUsdt"),
      IFIL: requireContractIn(deployment, "LiquidityMiningDmcIfil"),
    },
    positionStaking: requireContractIn(deployment, "PositionStaking"),
    nodes: requireContractIn(deployment, "PromotionNodes"),
    nodeRewards: requireContractIn(deployment, "NodeStakingRewards"),
    insurance: requireContractIn(deployment, "MutualInsurance"),
    splitter: requireContractIn(deployment, "ProtocolFeeSplitter"),
    buyback: requireContractIn(deployment, "FeeBuyback"),
  };
  const accounts = {
    deployer: anvilAddress(ROLE_INDEX.deployer),
    treasury: anvilAddress(ROLE_INDEX.treasury),
    reporter: anvilAddress(ROLE_INDEX.reporter),
    minter: anvilAddress(ROLE_INDEX.minter),
    miners: MINER_INDICES.map(anvilAddress),
    buyers: BUYER_INDICES.map(anvilAddress),
    spares: SPARE_INDICES.map(anvilAddress),
  };
  const counts: SeedCounts = {
    purchases: 0,
    deposits: 0,
    reports: 0,
    claims: 0,
    withdrawals: 0,
    feeCollections: 0,
    mints: 0,
    dmcTransfers: 0,
    delegations: 0,
    applications: 0,
    proposals: 0,
    votes: 0,
    refunds: 0,
    listings: 0,
    listingSales: 0,
    auctions: 0,
    bids: 0,
    auctionsSettled: 0,
    primaryAuctionSales: 0,
    tradingRewardClaims: 0,
    loanOffers: 0,
    loanRequests: 0,
    loansStarted: 0,
    loanRepayments: 0,
    loanRefinancings: 0,
    foreclosures: 0,
    rewardApplications: 0,
    loanClaims: 0,
    liquidityAdds: 0,
    swaps: 0,
    lpStakes: 0,
    lpClaims: 0,
    positionsStaked: 0,
    positionPokes: 0,
    positionStakingClaims: 0,
    positionsUnstaked: 0,
    nodeRegistrations: 0,
    referralPurchases: 0,
    commissionClaims: 0,
    nodeStakingClaims: 0,
    underwrites: 0,
    insuranceClaimsOpened: 0,
    payoutClaims: 0,
    premiumClaims: 0,
    unstakeRequests: 0,
    feeDistributions: 0,
    buybackConversions: 0,
    transactions: 0,
  };
  const log = options.log ?? (() => {});
  const confirm = async (hash: Hash): Promise<TransactionReceipt> => {
    counts.transactions++;
    const receipt = await receiptOf(publicClient, hash);
    if (receipt.status === "success") return receipt;
    const { reason, replayedOk, tx } = await revertReason(publicClient, hash);
    const failure = `seed transaction ${hash} reverted (block ${receipt.blockNumber}, index ${receipt.transactionIndex}, gas used ${receipt.gasUsed} of ${tx?.gas ?? "?"}): ${reason}`;
    if (!replayedOk || tx === undefined || tx.to === null) throw new StackError(failure);
    // Valid against the state before it, so what moved is the block it landed in (its time, its gas): send it
    // again, once, with twice the gas, and say so; a second failure stops the seed.
    log(`  ${failure}; sending it again`);
    const again = await receiptOf(
      publicClient,
      await wallet.sendTransaction({
        account: tx.from,
        chain,
        to: tx.to,
        data: tx.input,
        value: tx.value,
        gas: tx.gas * 2n,
      }),
    );
    if (again.status !== "success") throw new StackError(`${failure}; sent again, it reverted again`);
    return again;
  };
  const setTime = async (timestamp: number) => {
    await testClient.setNextBlockTimestamp({ timestamp: BigInt(timestamp) });
    await testClient.mine({ blocks: 1 });
  };
  const positions: SeededPosition[] = [];
  const minerPlanOf = (plan: OfferingPlan): MinerPlan => {
    const miner = MINERS[plan.minerSlot];
    if (miner === undefined) throw new Error(`no miner plan ${plan.minerSlot}`);
    return miner;
  };
  return {
    publicClient,
    wallet,
    testClient,
    chain,
    deployment,
    log,
    day0: options.anchorDay,
    contracts,
    accounts,
    counts,
    dao: new SeedDao(publicClient, wallet, chain, confirm, contracts.governor, contracts.applications),
    positions,
    applicationProposals: new Map(),
    haltProposal: undefined,
    confirm,
    setTime,
    setDay: (day, secondsIntoDay = 2 * 3_600) => setTime(day * DAY + secondsIntoDay),
    async mint(token, to, amount) {
      counts.mints++;
      await confirm(
        await wallet.writeContract({
          account: accounts.minter,
          chain,
          address: token,
          abi: bridgedTokenAbi,
          functionName: "mint",
          args: [to, amount],
        }),
      );
    },
    async approve(owner, token, spender = contracts.exchange) {
      await confirm(
        await wallet.writeContract({
          account: owner,
          chain,
          address: token,
          abi: bridgedTokenAbi,
          functionName: "approve",
          args: [spender, maxUint256],
        }),
      );
    },
    minerOf(plan) {
      const address = accounts.miners[plan.minerSlot];
      if (address === undefined) throw new Error(`no miner slot ${plan.minerSlot}`);
      return address;
    },
    minerPlanOf,
    tokensOf: (buyer, offeringId) =>
      positions
        .filter((p) => p.buyer === buyer && (offeringId === undefined || p.offeringId === offeringId))
        .map((p) => p.tokenId),
  };
}

/**
 * The receipt of `hash`, polled until anvil has it (it mines each transaction at once). Not viem's
 * `waitForTransactionReceipt`: anvil can report the new block number before that block's receipts are readable, and
 * that then waits for a next block that never comes while the seed sends nothing else (a stall the load of other
 * processes on the machine made frequent; packages/bench/src/indexer/blocks.ts tells the same race).
 */
async function receiptOf(publicClient: PublicClient, hash: Hash): Promise<TransactionReceipt> {
  const deadline = Date.now() + RECEIPT_TIMEOUT_MS;
  for (;;) {
    try {
      return await publicClient.getTransactionReceipt({ hash });
    } catch (error) {
      if (!(error instanceof TransactionReceiptNotFoundError) || Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const RECEIPT_TIMEOUT_MS = 60_000;

/**
 * Why a mined transaction reverted: replays it as a call on the block before and decodes the error.
 * `replayedOk`: the replay succeeded, so the transaction was valid against the state before it.
 */
async function revertReason(
  publicClient: PublicClient,
  hash: Hash,
): Promise<{ reason: string; replayedOk: boolean; tx?: Transaction }> {
  let tx: Transaction | undefined;
  try {
    tx = await publicClient.getTransaction({ hash });
    await publicClient.call({
      account: tx.from,
      to: tx.to,
      data: tx.input,
      value: tx.value,
      blockNumber: (tx.blockNumber ?? 1n) - 1n,
    });
    return {
      reason: "it succeeds when replayed on the block before (the chain moved between them)",
      replayedOk: true,
      tx,
    };
  } catch (error) {
    return { reason: decodedRevert(error), replayedOk: false, tx };
  }
}

function decodedRevert(error: unknown): string {
  const data = findRevertData(error);
  if (data === undefined) return error instanceof Error ? (error.message.split("\n")[0] ?? "unknown") : "unknown";
  try {
    const decoded = decodeErrorResult({ abi: errorsAbi, data });
    return `${decoded.errorName}(${(decoded.args ?? []).map(String).join(", ")})`;
  } catch {
    return `undecoded revert data ${data}`;
  }
}

function findRevertData(error: unknown): Hex | undefined {
  for (let e: unknown = error; e !== undefined && e !== null; e = (e as { cause?: unknown }).cause) {
    const data = (e as { data?: unknown }).data;
    if (typeof data === "string" && data.startsWith("0x")) return data as Hex;
    if (typeof data === "object" && data !== null && typeof (data as { data?: unknown }).data === "string")
      return (data as { data: Hex }).data;
  }
  return undefined;
}

/**
 * `transport` with a third more gas in every estimate it returns. An estimate is exact for the block it
 * ran on, and DMC's vote checkpoints make some writes (delegate, a staked DMC transfer) cost ~20k more
 * when the block they land in has a later timestamp than the one estimated on (a new checkpoint instead
 * of an update in place): without the headroom the seed ran out of gas now and then.
 */
function withGasHeadroom(transport: Transport): Transport {
  return (config) => {
    const inner = transport(config);
    const request = (async (args: Parameters<typeof inner.request>[0]) => {
      const result = await inner.request(args);
      return args.method === "eth_estimateGas" ? toHex((BigInt(result as Hex) * 4n) / 3n) : result;
    }) as typeof inner.request;
    return { ...inner, request };
  };
}
