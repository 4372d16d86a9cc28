import {
  bridgedTokenAbi,
  dmcTokenAbi,
  dmexGovernorAbi,
  hashpowerExchangeAbi,
  localChain,
  marketRateOracleAbi,
  minerApplicationsAbi,
  protocolParametersAbi,
  requireContractIn,
  type Deployment,
  type ProposalStateName,
} from "./contracts.js";
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  encodeFunctionData,
  http,
  maxUint256,
  type Address,
  type Hash,
  type PublicClient,
} from "viem";

import { StackError } from "../internal/errors.js";
import { anvilAddress, BUYER_INDICES, MINER_INDICES, ROLE_INDEX, SPARE_INDICES } from "./accounts.js";
import { SeedDao, type ApplicationTerms, type SeedProposal } from "./dao.js";
import {
  applicationVotes,
  ASSET_ID,
  CLAIM_DAYS,
  CLAIMING_BUYERS,
  DEFAULTING_OFFERING_ID,
  DEPOSIT_TIME_OF_DAY,
  DMC_GRANTS,
  FEE_COLLECTION_DAY,
  FEE_PROPOSALS,
  FIRST_SIMULATED_DAY,
  GOVERNANCE_STEPS,
  GOVERNANCE_TIME_OF_DAY,
  HALT,
  healthyRatioBps,
  marketAverageWad,
  metadataURI,
  MINERS,
  OFFERINGS,
  OPEN_SALE_APPROVAL_DAY,
  OPEN_SALE_OFFERING,
  PENDING_APPLICATION,
  PENDING_APPLICATION_VOTES,
  PURCHASES,
  REPORT_TIME_OF_DAY,
  SIMULATED_DAYS,
  UNDERPAID_DAYS,
  underpayRatioBps,
  USDT_PER_ACCOUNT,
  WITHDRAW_DAYS,
  type MinerPlan,
  type OfferingPlan,
} from "./plan.js";
import { buildSummary, type SeedCounts, type SeedSummary } from "./summary.js";

const DAY = 86_400;
const WAD = 10n ** 18n;
const BPS = 10_000n;

export interface SeedOptions {
  readonly rpcUrl: string;
  readonly deployment: Deployment;
  /** UTC day (days since epoch) of seed day 0; the chain must not be past its 02:00 yet. */
  readonly anchorDay: number;
  /** After the last simulated day, move the chain clock to the wall clock if that is the same day. Default true. */
  readonly catchUpToWallClock?: boolean;
  readonly log?: (message: string) => void;
}

/**
 * Seeds a fresh local deployment with the fixed scenario of plan.ts. Day 0: the deployer hands out
 * genesis DMC, holders delegate, 3 miners apply for 5 offerings, the holders vote them through and
 * the timelock executes the approvals (offerings 1-5), then the first purchases (every sale closes
 * when its term starts). Then 30 simulated days of oracle reports, reward deposits (an hour after
 * each report, once it is final), claims and escrow withdrawals, with two fee proposals (one
 * defeated, one executed), Quickfil's default (offering 3: 60% of the market with one 85% day a
 * week, caught by the 7-day window) flagged and halted by a DAO vote that also slashes its stake,
 * after which most of its holders pull their refunds, and a sixth offering approved late whose sale
 * is open at the end. Ends with a 4th miner's application in its voting period. Throws if the chain
 * disagrees.
 */
export async function seed(options: SeedOptions): Promise<SeedSummary> {
  const log = options.log ?? (() => {});
  const chain = { ...localChain, rpcUrls: { default: { http: [options.rpcUrl] } } };
  const transport = http(options.rpcUrl, { batch: false });
  const publicClient = createPublicClient({ chain, transport, pollingInterval: 20 }) as PublicClient;
  const wallet = createWalletClient({ chain, transport });
  const testClient = createTestClient({ chain, mode: "anvil", transport });

  const exchange = requireContractIn(options.deployment, "HashpowerExchange");
  const oracle = requireContractIn(options.deployment, "MarketRateOracle");
  const usdt = requireContractIn(options.deployment, "USDT");
  const rewardToken = { FIL: requireContractIn(options.deployment, "IFIL"), BTC: requireContractIn(options.deployment, "WBTC") };
  const dmc = requireContractIn(options.deployment, "DMCToken");
  const governor = requireContractIn(options.deployment, "DmexGovernor");
  const applications = requireContractIn(options.deployment, "MinerApplications");
  const parameters = requireContractIn(options.deployment, "ProtocolParameters");

  const deployer = anvilAddress(ROLE_INDEX.deployer);
  const treasury = anvilAddress(ROLE_INDEX.treasury);
  const reporter = anvilAddress(ROLE_INDEX.reporter);
  const minter = anvilAddress(ROLE_INDEX.minter);
  const miners = MINER_INDICES.map(anvilAddress);
  const buyers = BUYER_INDICES.map(anvilAddress);
  const spares = SPARE_INDICES.map(anvilAddress);
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
    transactions: 0,
  };

  const confirm = async (hash: Hash) => {
    counts.transactions++;
    // anvil mines each transaction at once; fall back to polling if it is configured otherwise.
    const receipt = await publicClient
      .getTransactionReceipt({ hash })
      .catch(() => publicClient.waitForTransactionReceipt({ hash, pollingInterval: 20 }));
    if (receipt.status !== "success") throw new StackError(`seed transaction ${hash} reverted`);
    return receipt;
  };
  /** Mines an empty block at `timestamp` (seconds): the chain clock jumps there. */
  const setTime = async (timestamp: number) => {
    await testClient.setNextBlockTimestamp({ timestamp: BigInt(timestamp) });
    await testClient.mine({ blocks: 1 });
  };
  const setDay = (day: number, secondsIntoDay = 2 * 3_600) => setTime(day * DAY + secondsIntoDay);
  const minerOf = (plan: OfferingPlan): Address => {
    const address = miners[plan.minerSlot];
    if (address === undefined) throw new Error(`no miner slot ${plan.minerSlot}`);
    return address;
  };
  const minerPlanOf = (plan: OfferingPlan): MinerPlan => {
    const miner = MINERS[plan.minerSlot];
    if (miner === undefined) throw new Error(`no miner plan ${plan.minerSlot}`);
    return miner;
  };
  const dao = new SeedDao(publicClient, wallet, chain, confirm, governor, applications);
  const day0 = options.anchorDay;

  // ------------------------------------------------------------------ day 0: funding, DMC, applications
  const head = await publicClient.getBlock();
  if (Number(head.timestamp) >= day0 * DAY + 2 * 3_600) {
    throw new StackError(
      `The chain is already at ${new Date(Number(head.timestamp) * 1000).toISOString()}, past the seed's day 0 02:00 UTC.`,
      "Seed a fresh chain (start anvil with the stack's genesis timestamp) or pick a later anchor day.",
    );
  }
  await setDay(day0);
  log(`  day 0 = ${new Date(day0 * DAY * 1000).toISOString().slice(0, 10)}: funding, DMC, applications voted through, first purchases`);

  const mint = async (token: Address, to: Address, amount: bigint) => {
    counts.mints++;
    await confirm(await wallet.writeContract({ account: minter, chain, address: token, abi: bridgedTokenAbi, functionName: "mint", args: [to, amount] }));
  };
  const approve = async (owner: Address, token: Address, spender: Address = exchange) =>
    confirm(await wallet.writeContract({ account: owner, chain, address: token, abi: bridgedTokenAbi, functionName: "approve", args: [spender, maxUint256] }));

  for (const account of [...buyers, ...spares]) {
    await mint(usdt, account, USDT_PER_ACCOUNT);
    await approve(account, usdt);
  }
  for (const plan of MINERS) {
    const miner = miners[plan.slot];
    if (miner !== undefined && plan.behaviour !== "applicant") await approve(miner, rewardToken[plan.disclosure.asset]);
  }

  // Genesis DMC: the deployer (5M on the local chain) hands it out; holders delegate.
  for (const grant of DMC_GRANTS) {
    if (grant.amount === 0n) continue;
    await confirm(
      await wallet.writeContract({ account: deployer, chain, address: dmc, abi: dmcTokenAbi, functionName: "transfer", args: [anvilAddress(grant.account), grant.amount] }),
    );
    counts.dmcTransfers++;
  }
  for (const grant of DMC_GRANTS) {
    if (grant.delegateTo === null) continue;
    const holder = anvilAddress(grant.account);
    const delegatee = grant.delegateTo === "self" ? holder : anvilAddress(grant.delegateTo);
    await confirm(await wallet.writeContract({ account: holder, chain, address: dmc, abi: dmcTokenAbi, functionName: "delegate", args: [delegatee] }));
    counts.delegations++;
  }

  const termsOf = (plan: OfferingPlan): ApplicationTerms => {
    const miner = minerPlanOf(plan);
    const termStartDay = day0 + plan.termStartOffset;
    const termEndDay = termStartDay + plan.termDays;
    return {
      assetId: ASSET_ID[plan.asset],
      paymentToken: usdt,
      rewardToken: rewardToken[plan.asset],
      unitsTotal: plan.unitsTotal,
      pricePerUnit: plan.pricePerUnit,
      saleStart: (day0 + (plan.saleStartOffset ?? 0)) * DAY,
      // Every buyer pays for, and gets, the whole term: the sale closes when it starts.
      saleEnd: termStartDay * DAY,
      termStartDay,
      termEndDay,
      expectedDailyRewardPerUnitWad: plan.expectedDailyRewardPerUnitWad,
      totalHashpower: BigInt(miner.disclosure.totalHashpower),
      effectiveHashpower: BigInt(miner.disclosure.effectiveHashpower),
      minerName: miner.disclosure.legalName,
      disclosureURI: metadataURI(plan, miner),
    };
  };
  const submitApplication = async (plan: OfferingPlan): Promise<SeedProposal> => {
    const miner = minerOf(plan);
    const stakeAllowance = await publicClient.readContract({ address: dmc, abi: dmcTokenAbi, functionName: "allowance", args: [miner, applications] });
    if (stakeAllowance === 0n) await approve(miner, dmc, applications);
    const proposal = await dao.submit(miner, termsOf(plan), applicationDescription(plan, minerPlanOf(plan)), `${minerPlanOf(plan).name}: ${plan.label}`);
    counts.applications++;
    if (proposal.applicationId !== BigInt(plan.id)) {
      throw new StackError(`expected application ${plan.id}, MinerApplications created ${proposal.applicationId}: seed a fresh deployment`);
    }
    return proposal;
  };

  // Miners apply for the five offerings; the holders vote them through; the timelock creates them.
  const applied = day0 * DAY + 2 * 3_600 + 60;
  await setTime(applied);
  const applicationProposals: SeedProposal[] = [];
  for (const plan of OFFERINGS) applicationProposals.push(await submitApplication(plan));
  await setTime(applied + GOVERNANCE_STEPS.vote);
  for (const [i, plan] of OFFERINGS.entries()) {
    const proposal = applicationProposals[i];
    if (proposal !== undefined) await dao.castVotes(proposal, applicationVotes(plan.id));
  }
  await setTime(applied + GOVERNANCE_STEPS.queue);
  for (const proposal of applicationProposals) await dao.queue(proposal, deployer);
  await setTime(applied + GOVERNANCE_STEPS.execute);
  for (const [i, plan] of OFFERINGS.entries()) {
    const proposal = applicationProposals[i];
    if (proposal === undefined) continue;
    await dao.execute(proposal, deployer);
    const id = await publicClient.readContract({ address: exchange, abi: hashpowerExchangeAbi, functionName: "offeringCount" });
    if (Number(id) !== plan.id) throw new StackError(`expected offering ${plan.id}, the exchange has ${id}: seed a fresh deployment`);
  }

  const positions: { tokenId: bigint; buyer: Address; offeringId: number }[] = [];
  const tokensOf = (buyer: Address) => positions.filter((p) => p.buyer === buyer).map((p) => p.tokenId);
  const buyOn = async (dayOffset: number) => {
    for (const p of PURCHASES.filter((x) => x.dayOffset === dayOffset)) {
      const buyer = buyers[p.buyer];
      const plan = p.offeringId === OPEN_SALE_OFFERING.id ? OPEN_SALE_OFFERING : OFFERINGS[p.offeringId - 1];
      if (buyer === undefined || plan === undefined) throw new Error("bad purchase plan");
      const total = plan.pricePerUnit * BigInt(p.units);
      await confirm(
        await wallet.writeContract({
          account: buyer,
          chain,
          address: exchange,
          abi: hashpowerExchangeAbi,
          functionName: "buy",
          args: [BigInt(p.offeringId), BigInt(p.units), total, p.buyer % 3 === 0 ? treasury : "0x0000000000000000000000000000000000000000"],
        }),
      );
      const tokenId = await publicClient.readContract({ address: exchange, abi: hashpowerExchangeAbi, functionName: "positionCount" });
      positions.push({ tokenId, buyer, offeringId: p.offeringId });
      counts.purchases++;
    }
  };
  await buyOn(0);
  await setDay(day0 + 1);
  await buyOn(1);

  /** A late application voted through and executed within one day: the sale open at the end. */
  const approveOpenSale = async (offset: number) => {
    if (offset !== OPEN_SALE_APPROVAL_DAY) return;
    const t0 = (day0 + offset) * DAY + GOVERNANCE_TIME_OF_DAY;
    await setTime(t0);
    const proposal = await submitApplication(OPEN_SALE_OFFERING);
    await setTime(t0 + GOVERNANCE_STEPS.vote);
    await dao.castVotes(proposal, applicationVotes(OPEN_SALE_OFFERING.id));
    await setTime(t0 + GOVERNANCE_STEPS.queue);
    await dao.queue(proposal, deployer);
    await setTime(t0 + GOVERNANCE_STEPS.execute);
    await dao.execute(proposal, deployer);
    const id = await publicClient.readContract({ address: exchange, abi: hashpowerExchangeAbi, functionName: "offeringCount" });
    if (Number(id) !== OPEN_SALE_OFFERING.id) throw new StackError(`expected offering ${OPEN_SALE_OFFERING.id}, the exchange has ${id}`);
  };

  // ------------------------------------------------------------------ governance during the simulated days
  let haltProposal: SeedProposal | undefined;
  const feeProposal = async (offset: number) => {
    for (const plan of FEE_PROPOSALS.filter((p) => p.dayOffset === offset)) {
      const t0 = (day0 + offset) * DAY + GOVERNANCE_TIME_OF_DAY;
      await setTime(t0);
      const proposal = await dao.propose(
        "parameter",
        plan.proposer,
        [{ target: parameters, data: encodeFunctionData({ abi: protocolParametersAbi, functionName: "setTradingFee", args: [plan.tradingFeeBps] }) }],
        plan.title,
        `Calls ProtocolParameters.setTradingFee(${plan.tradingFeeBps}): the fee on secondary trades becomes ${(plan.tradingFeeBps / 100).toFixed(2)}%.`,
      );
      counts.proposals++;
      await setTime(t0 + GOVERNANCE_STEPS.vote);
      await dao.castVotes(proposal, plan.votes);
      await setTime(t0 + GOVERNANCE_STEPS.queue);
      if (plan.outcome === "Defeated") {
        await dao.expectState(proposal, "Defeated");
        continue;
      }
      await dao.queue(proposal, deployer);
      await setTime(t0 + GOVERNANCE_STEPS.execute);
      await dao.execute(proposal, deployer);
      const fee = await publicClient.readContract({ address: parameters, abi: protocolParametersAbi, functionName: "tradingFeeBps" });
      if (fee !== plan.tradingFeeBps) throw new StackError(`trading fee is ${fee} bps after "${plan.title}"`);
    }
  };
  /** Quickfil's default: flag, a DAO vote to halt and slash, execution, refunds. */
  const resolveDefault = async (offset: number) => {
    const t0 = (day0 + offset) * DAY + GOVERNANCE_TIME_OF_DAY;
    const offeringId = BigInt(DEFAULTING_OFFERING_ID);
    // The application whose executed proposal created the offering: its stake is the one slashed.
    const defaultingApplication = applicationProposals[DEFAULTING_OFFERING_ID - 1]?.applicationId;
    if (defaultingApplication === undefined) throw new Error(`no application for offering ${DEFAULTING_OFFERING_ID}`);
    await setTime(t0);
    const [canFlag] = await publicClient.readContract({ address: exchange, abi: hashpowerExchangeAbi, functionName: "flaggable", args: [offeringId] });
    if (!canFlag) throw new StackError(`offering ${DEFAULTING_OFFERING_ID} is not flaggable on day ${offset}`);
    await confirm(
      await wallet.writeContract({ account: anvilAddress(HALT.flagger), chain, address: exchange, abi: hashpowerExchangeAbi, functionName: "flag", args: [offeringId] }),
    );
    haltProposal = await dao.propose(
      "halt",
      HALT.proposer,
      [
        { target: exchange, data: encodeFunctionData({ abi: hashpowerExchangeAbi, functionName: "halt", args: [offeringId] }) },
        {
          target: applications,
          data: encodeFunctionData({ abi: minerApplicationsAbi, functionName: "slash", args: [defaultingApplication, HALT.slashReason] }),
        },
      ],
      HALT.title,
      `Quickfil Storage paid 60% of the market, 85% one day a week, for ${UNDERPAID_DAYS} days: ` +
        "on average 64% over its last 7 judged days, under the 80% the rules require, so anyone could flag it. " +
        `Offering #${DEFAULTING_OFFERING_ID} was flagged; this halts it (holders pull the unreleased part of their payment) ` +
        `and slashes application #${defaultingApplication}'s DMC stake to the insurance fund.`,
    );
    counts.proposals++;
    await setTime(t0 + GOVERNANCE_STEPS.vote);
    await dao.castVotes(haltProposal, HALT.votes);
    await setTime(t0 + GOVERNANCE_STEPS.queue);
    await dao.queue(haltProposal, deployer);
    await setTime(t0 + GOVERNANCE_STEPS.execute);
    await dao.execute(haltProposal, deployer);
    for (const slot of HALT.refundingBuyers) {
      const buyer = buyers[slot];
      const tokenIds = positions.filter((p) => p.buyer === buyer && p.offeringId === DEFAULTING_OFFERING_ID).map((p) => p.tokenId);
      if (buyer === undefined || tokenIds.length === 0) continue;
      await confirm(await wallet.writeContract({ account: buyer, chain, address: exchange, abi: hashpowerExchangeAbi, functionName: "claimRefunds", args: [tokenIds] }));
      counts.refunds++;
    }
  };

  // ------------------------------------------------------------------ 30 simulated days
  const lastSimulated = FIRST_SIMULATED_DAY + SIMULATED_DAYS - 1;
  for (let offset = FIRST_SIMULATED_DAY; offset <= lastSimulated; offset++) {
    const today = day0 + offset;
    const reported = today - 1;
    await setDay(today, REPORT_TIME_OF_DAY);

    // The oracle publishes yesterday's network averages.
    await confirm(
      await wallet.writeContract({
        account: reporter,
        chain,
        address: oracle,
        abi: marketRateOracleAbi,
        functionName: "reportMany",
        args: [[ASSET_ID.FIL, ASSET_ID.BTC], BigInt(reported), [marketAverageWad("FIL", reported), marketAverageWad("BTC", reported)]],
      }),
    );
    counts.reports++;
    // Deposits are judged against final reports only: wait out the oracle's one-hour correction window.
    await setDay(today, DEPOSIT_TIME_OF_DAY);

    await buyOn(offset);

    // Miners cover yesterday; the bridge mints what they deposit.
    for (const plan of OFFERINGS) {
      const termStartDay = day0 + plan.termStartOffset;
      if (reported < termStartDay) continue;
      const miner = MINERS[plan.minerSlot];
      if (miner === undefined) continue;
      let ratio = healthyRatioBps(plan.id, reported);
      if (miner.behaviour === "defaulting") {
        if (reported >= termStartDay + UNDERPAID_DAYS) continue; // stopped paying
        ratio = underpayRatioBps(reported - termStartDay);
      }
      const offering = await publicClient.readContract({ address: exchange, abi: hashpowerExchangeAbi, functionName: "getOffering", args: [BigInt(plan.id)] });
      if (offering.lastCoveredDay + 1 !== reported) {
        throw new StackError(`offering ${plan.id} next uncovered day is ${offering.lastCoveredDay + 1}, the seed expected ${reported}`);
      }
      const amount = (marketAverageWad(plan.asset, reported) * BigInt(offering.unitsSold) * ratio) / (WAD * BPS);
      const token = rewardToken[plan.asset];
      await mint(token, minerOf(plan), amount);
      await confirm(
        await wallet.writeContract({ account: minerOf(plan), chain, address: exchange, abi: hashpowerExchangeAbi, functionName: "depositReward", args: [BigInt(plan.id), amount] }),
      );
      counts.deposits++;
    }

    if ((CLAIM_DAYS as readonly number[]).includes(offset)) {
      for (const b of CLAIMING_BUYERS) {
        const buyer = buyers[b];
        const tokenIds = buyer === undefined ? [] : tokensOf(buyer);
        let claimable = 0n;
        for (const tokenId of tokenIds) {
          claimable += await publicClient.readContract({ address: exchange, abi: hashpowerExchangeAbi, functionName: "claimableRewards", args: [tokenId] });
        }
        if (buyer === undefined || claimable === 0n) continue;
        await confirm(await wallet.writeContract({ account: buyer, chain, address: exchange, abi: hashpowerExchangeAbi, functionName: "claimRewards", args: [tokenIds] }));
        counts.claims++;
      }
    }

    if ((WITHDRAW_DAYS as readonly number[]).includes(offset)) {
      for (const plan of OFFERINGS) {
        if (MINERS[plan.minerSlot]?.behaviour !== "healthy") continue;
        const withdrawable = await publicClient.readContract({ address: exchange, abi: hashpowerExchangeAbi, functionName: "withdrawableEscrow", args: [BigInt(plan.id)] });
        if (withdrawable === 0n) continue;
        await confirm(
          await wallet.writeContract({ account: minerOf(plan), chain, address: exchange, abi: hashpowerExchangeAbi, functionName: "withdrawEscrow", args: [BigInt(plan.id), minerOf(plan)] }),
        );
        counts.withdrawals++;
      }
    }

    if (offset === FEE_COLLECTION_DAY) {
      await confirm(
        await wallet.writeContract({ account: treasury, chain, address: exchange, abi: hashpowerExchangeAbi, functionName: "collectFees", args: [OFFERINGS.map((o) => BigInt(o.id))] }),
      );
      counts.feeCollections++;
    }

    await feeProposal(offset);
    if (offset === HALT.dayOffset) await resolveDefault(offset);
    await approveOpenSale(offset);
    if (offset % 10 === 0) log(`  simulated day ${offset}/${lastSimulated}`);
  }

  // Leave the chain clock at the wall clock when that is still the last simulated day, so the app's
  // "now" and the chain's agree; never jump further (healthy offerings would start missing days).
  // The 4th miner applies just before that point, so its vote is open (Active) when the seed ends
  // and stays open for about the voting period (10 minutes locally) of chain time.
  const endDay = day0 + lastSimulated;
  const nowSeconds = Math.floor(Date.now() / 1000);
  const latest = Number((await publicClient.getBlock()).timestamp);
  const catchUp = (options.catchUpToWallClock ?? true) && Math.floor(nowSeconds / DAY) === endDay && nowSeconds > latest;
  const endAt = catchUp ? nowSeconds : latest;
  const votingDelay = Number(await publicClient.readContract({ address: governor, abi: dmexGovernorAbi, functionName: "votingDelay" }));
  const pendingAt = Math.max(latest + 1, endAt - votingDelay - 30);
  await setTime(pendingAt);
  const pending = await submitApplication(PENDING_APPLICATION);
  await setTime(pendingAt + votingDelay + 10);
  await dao.castVotes(pending, PENDING_APPLICATION_VOTES);
  const last = Number((await publicClient.getBlock()).timestamp);
  if (endAt > last) await setTime(endAt);
  await dao.expectState(pending, "Active");

  counts.votes = dao.votes;
  const summary = await buildSummary({
    publicClient,
    deployment: options.deployment,
    counts,
    day0,
    endDay,
    roles: { deployer, treasury, reporter, minter },
    miners,
    buyers,
    spares,
    proposals: dao.proposals,
    haltProposalId: haltProposal?.id,
  });
  const wrong = summary.offerings.filter((o) =>
    o.id === DEFAULTING_OFFERING_ID ? o.status !== "Halted" : o.status !== "Active" || o.flaggable,
  );
  const wrongProposals = summary.dao.proposals.filter((p) => p.state !== plannedState(p));
  if (wrong.length > 0 || wrongProposals.length > 0) {
    throw new StackError(
      "The seed did not reach its intended end state (offering 3 halted by the DAO, the others active and not flaggable, each proposal in its planned state).",
      JSON.stringify({ offerings: wrong, proposals: wrongProposals }, null, 2),
    );
  }
  return summary;
}

/** The state each seeded proposal must end in. */
function plannedState(p: { readonly kind: string; readonly title: string; readonly applicationId?: number }): ProposalStateName {
  if (p.kind === "application") return p.applicationId === PENDING_APPLICATION.id ? "Active" : "Executed";
  if (p.kind === "halt") return "Executed";
  return FEE_PROPOSALS.find((f) => f.title === p.title)?.outcome ?? "Executed";
}

/** The proposal text of an application: what voters read (the app also decodes the terms). */
function applicationDescription(plan: OfferingPlan, miner: MinerPlan): string {
  const d = miner.disclosure;
  const price = (Number(plan.pricePerUnit) / 1e6).toFixed(2);
  return [
    `# ${miner.name}: ${plan.label}`,
    "",
    `${miner.name} applies to sell ${plan.unitsTotal.toLocaleString("en-US")} ${d.unit} of ${plan.asset} hashpower ` +
      `at ${price} USDT per ${d.unit} for a ${plan.termDays}-day term.`,
    "",
    `- Company: ${d.legalName}, ${d.jurisdiction} (${d.registrationNumber}), ${d.website}`,
    `- Hashpower: ${d.totalHashpower.toLocaleString("en-US")} ${d.unit} total, ${d.effectiveHashpower.toLocaleString("en-US")} ${d.unit} effective`,
    `- Facilities: ${d.facilities.map((f) => `${f.location} (${f.powerSource}, ${f.capacityMW} MW)`).join("; ")}`,
    `- Miner ids: ${d.minerIds.join(", ")}`,
  ].join("\n");
}
