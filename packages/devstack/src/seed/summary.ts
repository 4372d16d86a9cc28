import { getAbiItem, type Address, type PublicClient } from "viem";

import { anvilAddress } from "./accounts.js";
import {
  dmcTokenAbi,
  dmexGovernorAbi,
  hashpowerExchangeAbi,
  minerApplicationsAbi,
  PROPOSAL_STATES,
  protocolParametersAbi,
  requireContractIn,
  STAKE_STATES,
  type Deployment,
  type ProposalStateName,
  type StakeStateName,
} from "./contracts.js";
import type { ProposalKind, SeedProposal } from "./dao.js";
import { formatDefi, readDefi, type SeededDefi } from "./defiSummary.js";
import {
  DEFAULTING_OFFERING_ID,
  DMC_GRANTS,
  MINERS,
  OFFERINGS,
  OPEN_SALE_OFFERING,
  UNDELEGATED_HOLDER,
} from "./plan.js";

export interface SeedCounts {
  purchases: number;
  deposits: number;
  reports: number;
  claims: number;
  withdrawals: number;
  feeCollections: number;
  mints: number;
  /** Genesis DMC handed out by the deployer. */
  dmcTransfers: number;
  delegations: number;
  /** Miner applications submitted (each creates its own proposal). */
  applications: number;
  /** Proposals made by holders (parameters, the halt). */
  proposals: number;
  votes: number;
  /** claimRefunds transactions on the halted offering. */
  refunds: number;
  /** Trading (issue 11): listings made, listings sold, auctions started, bids, auctions settled, DMC reward claims. */
  listings: number;
  listingSales: number;
  auctions: number;
  bids: number;
  auctionsSettled: number;
  /** Primary auctions settled with a winner: the exchange mints each as a purchase (PositionPurchased). */
  primaryAuctionSales: number;
  tradingRewardClaims: number;
  /** Lending (issue 12): offers and requests made, loans started, payments (partial and full), takeovers, foreclosures, self-repayments (applyRewards) and credit claims. */
  loanOffers: number;
  loanRequests: number;
  loansStarted: number;
  loanRepayments: number;
  loanRefinancings: number;
  foreclosures: number;
  rewardApplications: number;
  loanClaims: number;
  /** DeFi (issue 13): liquidity added through the router, swaps, LP stakes and DMC claims of liquidity mining. */
  liquidityAdds: number;
  swaps: number;
  lpStakes: number;
  lpClaims: number;
  /** Positions staked in PositionStaking, pokes, DMC claims and positions unstaked. */
  positionsStaked: number;
  positionPokes: number;
  positionStakingClaims: number;
  positionsUnstaked: number;
  /** Promotion nodes registered (main and light), purchases naming a node, commission and node-staking DMC claims. */
  nodeRegistrations: number;
  referralPurchases: number;
  commissionClaims: number;
  nodeStakingClaims: number;
  /** The mutual insurance pool: underwrites, payout claims opened, positions paid out, premium claims, exits asked. */
  underwrites: number;
  insuranceClaimsOpened: number;
  payoutClaims: number;
  premiumClaims: number;
  unstakeRequests: number;
  /** Fee splitter distributions and FeeBuyback conversions. */
  feeDistributions: number;
  buybackConversions: number;
  transactions: number;
}

export type OfferingStatusName = "None" | "Active" | "Flagged" | "Halted";

export interface SeededOffering {
  readonly id: number;
  readonly label: string;
  readonly asset: "FIL" | "BTC";
  readonly miner: Address;
  readonly minerName: string;
  readonly behaviour: "healthy" | "defaulting";
  /** USDT base units (6 decimals), as a decimal string. */
  readonly pricePerUnit: string;
  readonly unitsTotal: number;
  readonly unitsSold: number;
  readonly positions: number;
  readonly termStartDay: number;
  readonly termEndDay: number;
  readonly lastCoveredDay: number;
  /** The low-reward window: average share of the market over the last judged days (per-mille, 0 until full). */
  readonly windowSharePerMille: number;
  readonly status: OfferingStatusName;
  readonly flaggable: boolean;
}

/** A miner application as the chain has it at the end of the seed. */
export interface SeededApplication {
  readonly id: number;
  readonly miner: Address;
  readonly minerName: string;
  /** Governor proposal id (decimal string). */
  readonly proposalId: string;
  readonly proposalState: ProposalStateName;
  /** The offering its execution created, or null. */
  readonly offeringId: number | null;
  /** DMC wei (decimal string). */
  readonly stake: string;
  readonly stakeState: StakeStateName;
}

/** A Governor proposal the seed made or voted on, with its tally (DMC wei, decimal strings). */
export interface SeededProposal {
  readonly id: string;
  readonly kind: ProposalKind;
  readonly title: string;
  readonly proposer: Address;
  readonly applicationId?: number;
  readonly state: ProposalStateName;
  readonly forVotes: string;
  readonly againstVotes: string;
  readonly abstainVotes: string;
}

/** A DMC holder the seed funded: balance, delegate (null: never delegated) and voting power. */
export interface DmcHolder {
  /** anvil account index */
  readonly account: number;
  readonly address: Address;
  readonly balance: string;
  readonly delegate: Address | null;
  readonly votes: string;
}

export interface SeededDao {
  readonly contracts: {
    readonly dmc: Address;
    readonly governor: Address;
    readonly timelock: Address;
    readonly applications: Address;
    readonly parameters: Address;
    readonly insuranceFund: Address;
    readonly councilSafe: Address;
  };
  /** Votes needed now (DMC wei, decimal string): 4% of the supply. */
  readonly quorum: string;
  readonly tradingFeeBps: number;
  readonly applications: readonly SeededApplication[];
  /** Every proposal: the applications' and the holders' (parameters, the halt), in creation order. */
  readonly proposals: readonly SeededProposal[];
  readonly holders: readonly DmcHolder[];
  /** Holds DMC and never delegated: 0 votes. */
  readonly undelegatedHolder: Address;
  /** The executed proposal that halted the defaulting offering and slashed its stake. */
  readonly haltProposalId: string | null;
  /** DMC wei held by the insurance fund (10M allocation + the slashed stake). */
  readonly insuranceFundDmc: string;
  /** Positions of the halted offering, and how many of them pulled their refund. */
  readonly refunds: { readonly positions: number; readonly claimed: number };
}

/** What the seed made, all plain JSON (bigints as decimal strings). */
export interface SeedSummary {
  /** UTC day (days since epoch) of seed day 0, and the last simulated day. */
  readonly startDay: number;
  readonly endDay: number;
  readonly daysSimulated: number;
  readonly chainTimestamp: number;
  readonly blockNumber: number;
  readonly accounts: {
    readonly deployer: Address;
    readonly treasury: Address;
    readonly reporter: Address;
    readonly minter: Address;
    readonly miners: readonly { readonly name: string; readonly address: Address; readonly behaviour: string }[];
    readonly buyers: readonly Address[];
    /** Funded with USDT, untouched by the seed. */
    readonly spares: readonly Address[];
  };
  readonly offerings: readonly SeededOffering[];
  readonly defaultingOfferingId: number;
  readonly dao: SeededDao;
  /** The DeFi of issue 13: pairs, emission pools, nodes, the insurance pool, the buyback. */
  readonly defi: SeededDefi;
  readonly positions: number;
  readonly distinctBuyers: number;
  readonly counts: Readonly<SeedCounts>;
}

const STATUS: readonly OfferingStatusName[] = ["None", "Active", "Flagged", "Halted"];

export async function buildSummary(input: {
  publicClient: PublicClient;
  deployment: Deployment;
  counts: SeedCounts;
  day0: number;
  endDay: number;
  roles: { deployer: Address; treasury: Address; reporter: Address; minter: Address };
  miners: readonly Address[];
  buyers: readonly Address[];
  spares: readonly Address[];
  proposals: readonly SeedProposal[];
  haltProposalId: bigint | undefined;
}): Promise<SeedSummary> {
  const { publicClient } = input;
  const exchange = requireContractIn(input.deployment, "HashpowerExchange");
  const read = publicClient.readContract.bind(publicClient);
  const offeringCount = Number(
    await read({ address: exchange, abi: hashpowerExchangeAbi, functionName: "offeringCount" }),
  );
  const positionCount = Number(
    await read({ address: exchange, abi: hashpowerExchangeAbi, functionName: "positionCount" }),
  );

  const positionsPerOffering = new Map<number, number>();
  const buyers = new Set<Address>();
  const refunds = { positions: 0, claimed: 0 };
  for (let tokenId = 1n; tokenId <= BigInt(positionCount); tokenId++) {
    const position = await read({
      address: exchange,
      abi: hashpowerExchangeAbi,
      functionName: "getPosition",
      args: [tokenId],
    });
    positionsPerOffering.set(position.offeringId, (positionsPerOffering.get(position.offeringId) ?? 0) + 1);
    if (position.offeringId === DEFAULTING_OFFERING_ID) {
      refunds.positions++;
      if (position.refunded) refunds.claimed++;
    }
  }
  // Buyers, not today's owners: positions change hands on listings and in auctions.
  const purchased = await input.publicClient.getLogs({
    address: exchange,
    event: getAbiItem({ abi: hashpowerExchangeAbi, name: "PositionPurchased" }),
    fromBlock: 0n,
    toBlock: "latest",
  });
  for (const log of purchased) if (log.args.buyer !== undefined) buyers.add(log.args.buyer);

  const offerings: SeededOffering[] = [];
  for (let id = 1; id <= offeringCount; id++) {
    const o = await read({
      address: exchange,
      abi: hashpowerExchangeAbi,
      functionName: "getOffering",
      args: [BigInt(id)],
    });
    const [canFlag, , , windowShare] = await read({
      address: exchange,
      abi: hashpowerExchangeAbi,
      functionName: "flaggable",
      args: [BigInt(id)],
    });
    const plan = id === OPEN_SALE_OFFERING.id ? OPEN_SALE_OFFERING : OFFERINGS[id - 1];
    offerings.push({
      id,
      label: plan?.label ?? `offering ${id}`,
      asset: plan?.asset ?? (o.assetId === 2 ? "BTC" : "FIL"),
      miner: o.miner,
      minerName: o.minerName,
      behaviour: plan !== undefined && MINERS[plan.minerSlot]?.behaviour === "defaulting" ? "defaulting" : "healthy",
      pricePerUnit: o.pricePerUnit.toString(),
      unitsTotal: Number(o.unitsTotal),
      unitsSold: Number(o.unitsSold),
      positions: positionsPerOffering.get(id) ?? 0,
      termStartDay: o.termStartDay,
      termEndDay: o.termEndDay,
      lastCoveredDay: o.lastCoveredDay,
      windowSharePerMille: Number(windowShare),
      status: STATUS[o.status] ?? "None",
      flaggable: canFlag,
    });
  }
  const block = await publicClient.getBlock();
  return {
    startDay: input.day0,
    endDay: input.endDay,
    daysSimulated: input.counts.reports,
    chainTimestamp: Number(block.timestamp),
    blockNumber: Number(block.number),
    accounts: {
      ...input.roles,
      miners: MINERS.map((m) => ({ name: m.name, address: input.miners[m.slot] ?? "0x", behaviour: m.behaviour })),
      buyers: input.buyers,
      spares: input.spares,
    },
    offerings,
    defaultingOfferingId: DEFAULTING_OFFERING_ID,
    dao: await readDao(
      publicClient,
      input.deployment,
      input.proposals,
      input.haltProposalId,
      refunds,
      Number(block.timestamp),
    ),
    defi: await readDefi(publicClient, input.deployment),
    positions: positionCount,
    distinctBuyers: buyers.size,
    counts: { ...input.counts },
  };
}

async function readDao(
  publicClient: PublicClient,
  deployment: Deployment,
  seeded: readonly SeedProposal[],
  haltProposalId: bigint | undefined,
  refunds: SeededDao["refunds"],
  now: number,
): Promise<SeededDao> {
  const read = publicClient.readContract.bind(publicClient);
  const contracts = {
    dmc: requireContractIn(deployment, "DMCToken"),
    governor: requireContractIn(deployment, "DmexGovernor"),
    timelock: requireContractIn(deployment, "DmexTimelock"),
    applications: requireContractIn(deployment, "MinerApplications"),
    parameters: requireContractIn(deployment, "ProtocolParameters"),
    insuranceFund: requireContractIn(deployment, "InsuranceFund"),
    councilSafe: requireContractIn(deployment, "CouncilSafe"),
  };
  const { dmc, governor } = contracts;
  const stateOf = async (id: bigint) =>
    PROPOSAL_STATES[await read({ address: governor, abi: dmexGovernorAbi, functionName: "state", args: [id] })] ??
    "Pending";

  const applications: SeededApplication[] = [];
  const count = await read({
    address: contracts.applications,
    abi: minerApplicationsAbi,
    functionName: "applicationCount",
  });
  for (let id = 1n; id <= count; id++) {
    const a = await read({
      address: contracts.applications,
      abi: minerApplicationsAbi,
      functionName: "getApplication",
      args: [id],
    });
    const stakeState = await read({
      address: contracts.applications,
      abi: minerApplicationsAbi,
      functionName: "stakeState",
      args: [id],
    });
    applications.push({
      id: Number(id),
      miner: a.miner,
      minerName: a.terms.minerName,
      proposalId: a.proposalId.toString(),
      proposalState: await stateOf(a.proposalId),
      offeringId: a.approved ? Number(a.offeringId) : null,
      stake: a.stake.toString(),
      stakeState: STAKE_STATES[stakeState] ?? "Locked",
    });
  }

  const proposals: SeededProposal[] = [];
  for (const p of seeded) {
    const [against, forVotes, abstain] = await read({
      address: governor,
      abi: dmexGovernorAbi,
      functionName: "proposalVotes",
      args: [p.id],
    });
    proposals.push({
      id: p.id.toString(),
      kind: p.kind,
      title: p.title,
      proposer: p.proposer,
      ...(p.applicationId !== undefined && { applicationId: Number(p.applicationId) }),
      state: await stateOf(p.id),
      forVotes: forVotes.toString(),
      againstVotes: against.toString(),
      abstainVotes: abstain.toString(),
    });
  }

  const holders: DmcHolder[] = [];
  for (const grant of DMC_GRANTS) {
    const address = anvilAddress(grant.account);
    const delegate = await read({ address: dmc, abi: dmcTokenAbi, functionName: "delegates", args: [address] });
    holders.push({
      account: grant.account,
      address,
      balance: (await read({ address: dmc, abi: dmcTokenAbi, functionName: "balanceOf", args: [address] })).toString(),
      delegate: delegate === "0x0000000000000000000000000000000000000000" ? null : delegate,
      votes: (await read({ address: dmc, abi: dmcTokenAbi, functionName: "getVotes", args: [address] })).toString(),
    });
  }

  return {
    contracts,
    quorum: (
      await read({ address: governor, abi: dmexGovernorAbi, functionName: "quorum", args: [BigInt(now - 1)] })
    ).toString(),
    tradingFeeBps: await read({
      address: contracts.parameters,
      abi: protocolParametersAbi,
      functionName: "tradingFeeBps",
    }),
    applications,
    proposals,
    holders,
    undelegatedHolder: anvilAddress(UNDELEGATED_HOLDER),
    haltProposalId: haltProposalId?.toString() ?? null,
    insuranceFundDmc: (
      await read({ address: dmc, abi: dmcTokenAbi, functionName: "balanceOf", args: [contracts.insuranceFund] })
    ).toString(),
    refunds,
  };
}

/** The seed summary as an aligned text table, for the terminal. */
export function formatSeedSummary(summary: SeedSummary): string {
  const day = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
  const rows = summary.offerings.map((o) => [
    String(o.id),
    o.label,
    o.asset,
    `${(Number(o.pricePerUnit) / 1e6).toFixed(2)} USDT`,
    `${o.unitsSold}/${o.unitsTotal}`,
    String(o.positions),
    `${day(o.termStartDay)}..${day(o.termEndDay)}`,
    day(o.lastCoveredDay),
    o.status,
    o.status === "Halted" ? "halted by DAO" : o.flaggable ? "FLAGGABLE" : "ok",
  ]);
  const c = summary.counts;
  return [
    table(
      ["id", "offering", "asset", "price/unit", "sold", "positions", "term", "covered to", "status", "default"],
      rows,
    ),
    "",
    `Seed: ${day(summary.startDay)}..${day(summary.endDay)} (${summary.daysSimulated} days reported), ` +
      `${c.purchases} purchases by ${summary.distinctBuyers} buyers, ${c.deposits} deposits, ${c.claims} claims, ` +
      `${c.withdrawals} escrow withdrawals, ${c.transactions} transactions.`,
    `Trading: ${c.listings} listings (${c.listingSales} sold), ${c.auctions} auctions (${c.auctionsSettled} settled) with ${c.bids} bids, ` +
      `${c.tradingRewardClaims} DMC trading-reward claims.`,
    `Lending: ${c.loanOffers} offers, ${c.loanRequests} requests, ${c.loansStarted} loans started, ${c.loanRepayments} repayments, ` +
      `${c.rewardApplications} self-repayments, ${c.loanRefinancings} refinanced, ${c.foreclosures} foreclosed, ${c.loanClaims} credit claims.`,
    `Offering ${summary.defaultingOfferingId} (its miner under-paid, then stopped) was flagged and halted by DAO vote ` +
      `(halt + stake slashed to the insurance fund); ${summary.dao.refunds.claimed} of its ${summary.dao.refunds.positions} positions pulled their refund, ` +
      `the rest can claim in the app.`,
    `DeFi: ${c.liquidityAdds} liquidity adds and ${c.swaps} swaps through the router, ${c.lpStakes} LP stakes, ` +
      `${c.positionsStaked} positions staked (${c.positionPokes} poked, ${c.positionsUnstaked} unstaked), ` +
      `${c.nodeRegistrations} nodes registered, ${c.referralPurchases} referral purchases, ${c.underwrites} underwrites, ` +
      `${c.payoutClaims} payouts claimed, ${c.feeDistributions} fee distributions, ${c.buybackConversions} buyback conversions.`,
    ...formatDefi(summary.defi),
    "",
    `DAO: ${c.applications} applications, ${c.proposals} holder proposals, ${c.votes} votes; quorum ${dmc(summary.dao.quorum)} DMC; ` +
      `trading fee ${(summary.dao.tradingFeeBps / 100).toFixed(2)}%. Offerings exist only through executed applications.`,
    table(
      ["proposal", "kind", "state", "for", "against", "abstain"],
      summary.dao.proposals.map((p) => [
        p.applicationId !== undefined ? `application ${p.applicationId}: ${p.title}` : p.title,
        p.kind,
        p.state,
        dmc(p.forVotes),
        dmc(p.againstVotes),
        dmc(p.abstainVotes),
      ]),
    ),
    "",
    table(
      ["DMC holder", "address", "balance", "delegate", "votes"],
      summary.dao.holders.map((h) => [
        `account ${h.account}`,
        h.address,
        dmc(h.balance),
        h.delegate === null ? "NONE (0 votes)" : h.delegate === h.address ? "self" : h.delegate,
        dmc(h.votes),
      ]),
    ),
    "",
    table(
      ["role", "address"],
      [
        ["deployer (no roles left)", summary.accounts.deployer],
        ["treasury", summary.accounts.treasury],
        ["oracle reporter", summary.accounts.reporter],
        ["bridge minter", summary.accounts.minter],
        ...summary.accounts.miners.map((m) => [`miner ${m.name} (${m.behaviour})`, m.address]),
        ...summary.accounts.buyers.map((b, i) => [`buyer ${i + 1}`, b]),
        ...summary.accounts.spares.map((s, i) => [`spare ${i + 1} (USDT, unused)`, s]),
      ],
    ),
  ].join("\n");
}

/** DMC wei (decimal string) as whole DMC with thousands separators. */
function dmc(wei: string): string {
  return (BigInt(wei) / 10n ** 18n).toLocaleString("en-US");
}

/** Left-aligned columns separated by two spaces, with a rule under the header. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
