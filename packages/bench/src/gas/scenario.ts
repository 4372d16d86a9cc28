import {
  bridgedTokenAbi,
  dmcTokenAbi,
  errorsAbi,
  dmexGovernorAbi,
  feeBuybackAbi,
  hashpowerExchangeAbi,
  liquidityMiningAbi,
  marketRateOracleAbi,
  minerApplicationsAbi,
  mutualInsuranceAbi,
  positionAuctionsAbi,
  positionListingsAbi,
  positionLoansAbi,
  positionStakingAbi,
  promotionNodesAbi,
  protocolFeeSplitterAbi,
  safeL2Abi,
  tradingRewardsAbi,
  uniswapV2PairAbi,
  uniswapV2Router02Abi,
  type DeployedContractName,
  type Deployment,
} from "@dmex/deployments";
import {
  ANVIL_MNEMONIC,
  anvilAddress,
  BUYER_INDICES,
  COUNCIL_INDICES,
  COUNCIL_THRESHOLD,
  MINER_INDICES,
  ROLE_INDEX,
  SPARE_INDICES,
} from "@dmex/deployments/dev-accounts";
import {
  concat,
  createPublicClient,
  createWalletClient,
  encodeFunctionData,
  http,
  keccak256,
  maxUint256,
  parseEther,
  toHex,
  zeroAddress,
  type Abi,
  type Address,
  type Hex,
  type PublicClient,
  type WalletClient,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { foundry } from "viem/chains";

import { mineAt, receiptOf } from "../shared/chain.js";

const DAY = 86_400n;
const REWARD_TOKEN_UNIT = 10n ** 18n;
const GAS_LIMIT = 10_000_000n;

interface Contract {
  address: Address;
  abi: Abi;
}

/** Everything the gas scenario measures, by report key. */
export type GasFigures = Record<string, number>;

/**
 * Drives a realistic life of three offerings with real transactions on a fresh anvil and records
 * `gasUsed` from each measured receipt: the 21,000 base and calldata included, cold storage as a
 * user would meet it.
 */
export async function runGasScenario(rpcUrl: string, deployment: Deployment): Promise<GasFigures> {
  const transport = http(rpcUrl);
  // anvil automines: a receipt exists as soon as the send returns, so poll fast.
  const publicClient = createPublicClient({ chain: foundry, transport, pollingInterval: 20 }) as PublicClient;
  // Accounts as the deploy script assigns them locally (the shared dev accounts: deployer and genesis
  // DMC holder, treasury, reporter, bridge minter, council); the seed's first three miners, and its
  // buyers followed by the spare accounts (12 buyers).
  const deployer = anvilAddress(ROLE_INDEX.deployer);
  const reporter = anvilAddress(ROLE_INDEX.reporter);
  const minter = anvilAddress(ROLE_INDEX.minter);
  const [minerA, minerB, minerC] = MINER_INDICES.slice(0, 3).map(anvilAddress) as [Address, Address, Address];
  const buyers = [...BUYER_INDICES, ...SPARE_INDICES].map(anvilAddress);
  const flagger = anvilAddress(ROLE_INDEX.treasury);
  const wallet = createWalletClient({ chain: foundry, transport, pollingInterval: 20 }) as WalletClient;
  const figures: GasFigures = {};

  async function send(from: Address, contract: Contract, functionName: string, args: readonly unknown[]) {
    const hash = await wallet.writeContract({
      account: from,
      chain: foundry,
      address: contract.address,
      abi: contract.abi,
      functionName,
      args,
      // A fixed limit, not an estimate: anvil mines two transactions within one second at the same timestamp,
      // so an estimate made at one second can fall short at the next (an emission pool then accrues a second).
      gas: GAS_LIMIT,
    });
    const receipt = await receiptOf(publicClient, hash);
    if (receipt.status !== "success") {
      // Replay it as a call on the parent block to surface the revert reason.
      const reason = await publicClient
        .simulateContract({
          account: from,
          address: contract.address,
          abi: [...contract.abi, ...errorsAbi],
          functionName,
          args,
          blockNumber: receipt.blockNumber - 1n,
        })
        .then(
          async () =>
            `passes as a call; gas used ${receipt.gasUsed} of limit ${(await publicClient.getTransaction({ hash })).gas}`,
          async (error: unknown) =>
            `${error instanceof Error ? error.message.split("\n").slice(0, 3).join(" ") : String(error)}; gas used ${receipt.gasUsed} of limit ${(await publicClient.getTransaction({ hash })).gas}`,
        );
      throw new Error(`${functionName} reverted: ${reason}`);
    }
    return receipt;
  }
  async function measure(
    key: string,
    from: Address,
    contract: Contract,
    functionName: string,
    args: readonly unknown[],
  ) {
    const receipt = await send(from, contract, functionName, args);
    figures[key] = Number(receipt.gasUsed);
    return receipt;
  }
  async function read<T>(contract: Contract, functionName: string, args: readonly unknown[] = []): Promise<T> {
    return (await publicClient.readContract({ address: contract.address, abi: contract.abi, functionName, args })) as T;
  }
  const setTime = (timestamp: bigint) => mineAt(publicClient, timestamp);
  /**
   * One second on, before a measured call to an emission pool or the pair: anvil may mine consecutive blocks at
   * the same timestamp, and a pool (or the pair's price accumulator) then skips its update, which changes the gas.
   */
  const tick = async () => setTime((await publicClient.getBlock()).timestamp + 1n);

  /** A council Safe transaction signed by its first 4 owners (the threshold), sent by the deployer. */
  async function measureCouncilExec(key: string, to: Address, data: Hex) {
    const nonce = await read<bigint>(council, "nonce");
    const safeTx = [to, 0n, data, 0, 0n, 0n, 0n, zeroAddress, zeroAddress] as const;
    const txHash = await read<Hex>(council, "getTransactionHash", [...safeTx, nonce]);
    const signers = COUNCIL_INDICES.slice(0, COUNCIL_THRESHOLD)
      .map((addressIndex) => mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex }))
      .sort((a, b) => (BigInt(a.address) < BigInt(b.address) ? -1 : 1));
    const signatures = concat(await Promise.all(signers.map((signer) => signer.sign({ hash: txHash }))));
    await measure(key, deployer, council, "execTransaction", [...safeTx, signatures]);
  }

  // The deployment this run made (isolated from the package's generated one).
  const addressOf = (name: DeployedContractName): Address => {
    const contract = deployment.contracts[name];
    if (!contract) throw new Error(`${name} missing from the deployment`);
    return contract.address;
  };
  const usdt: Contract = { address: addressOf("USDT"), abi: bridgedTokenAbi };
  const ifil: Contract = { address: addressOf("IFIL"), abi: bridgedTokenAbi };
  const oracle: Contract = { address: addressOf("MarketRateOracle"), abi: marketRateOracleAbi };
  const exchange: Contract = { address: addressOf("HashpowerExchange"), abi: hashpowerExchangeAbi };
  const dmc: Contract = { address: addressOf("DMCToken"), abi: dmcTokenAbi };
  const governorContract: Contract = { address: addressOf("DmexGovernor"), abi: dmexGovernorAbi };
  const applications: Contract = { address: addressOf("MinerApplications"), abi: minerApplicationsAbi };
  const council: Contract = { address: addressOf("CouncilSafe"), abi: safeL2Abi };
  const listings: Contract = { address: addressOf("PositionListings"), abi: positionListingsAbi };
  const auctions: Contract = { address: addressOf("PositionAuctions"), abi: positionAuctionsAbi };
  const tradingRewards: Contract = { address: addressOf("TradingRewards"), abi: tradingRewardsAbi };
  const loans: Contract = { address: addressOf("PositionLoans"), abi: positionLoansAbi };
  // the DeFi of issue 13
  const nodes: Contract = { address: addressOf("PromotionNodes"), abi: promotionNodesAbi };
  const nftStaking: Contract = { address: addressOf("PositionStaking"), abi: positionStakingAbi };
  const lpMining: Contract = { address: addressOf("LiquidityMiningDmcUsdt"), abi: liquidityMiningAbi };
  const router: Contract = { address: addressOf("UniswapV2Router02"), abi: uniswapV2Router02Abi };
  const dmcUsdtPair: Contract = { address: addressOf("DmcUsdtPair"), abi: uniswapV2PairAbi };
  const insurance: Contract = { address: addressOf("MutualInsurance"), abi: mutualInsuranceAbi };
  const splitter: Contract = { address: addressOf("ProtocolFeeSplitter"), abi: protocolFeeSplitterAbi };
  const buyback: Contract = { address: addressOf("FeeBuyback"), abi: feeBuybackAbi };

  /**
   * A new account (none of the dev accounts: those all trade, vote or hold roles above), impersonated on anvil
   * and given ETH for gas, so the DeFi keys measure a newcomer's first stake or purchase as it would be live.
   */
  let newcomers = 0;
  async function newcomer(): Promise<Address> {
    const { address } = mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: 100 + newcomers++ });
    await publicClient.request({ method: "anvil_impersonateAccount" as never, params: [address] as never });
    await publicClient.request({
      method: "anvil_setBalance" as never,
      params: [address, toHex(parseEther("100"))] as never,
    });
    return address;
  }
  /** A DAO proposal of `calls` by voter1, passed by both large voters, queued and executed (none measured). */
  async function passProposal(calls: readonly { to: Address; data: Hex }[], description: string) {
    const args = [calls.map((c) => c.to), calls.map(() => 0n), calls.map((c) => c.data)] as const;
    await send(voter1, governorContract, "propose", [...args, description]);
    const descriptionHash = keccak256(toHex(description));
    const proposalId = await read<bigint>(governorContract, "hashProposal", [...args, descriptionHash]);
    const delay = await read<bigint>(governorContract, "votingDelay");
    const period = await read<bigint>(governorContract, "votingPeriod");
    const proposedAt = await now();
    await setTime(proposedAt + delay + 1n);
    for (const voter of [voter1, voter2]) await send(voter, governorContract, "castVote", [proposalId, 1]);
    await setTime(proposedAt + delay + period + 2n);
    await send(deployer, governorContract, "queue", [...args, descriptionHash]);
    await setTime((await read<bigint>(governorContract, "proposalEta", [proposalId])) + 1n);
    await send(deployer, governorContract, "execute", [...args, descriptionHash]);
  }
  const now = async () => (await publicClient.getBlock()).timestamp;

  const latest = await publicClient.getBlock();
  const today = latest.timestamp / DAY + 1n;
  await setTime(today * DAY + 3_600n);
  const filAssetId = 1; // the deploy script registers FIL first
  // ---- DMC from the genesis distribution (5M): two voters holding the 4M quorum between them,
  // miners with their stakes (0.5 DMC per USDT of offering value: 570,000 and 19,000 + 10,000 DMC)
  const [voter1, voter2] = buyers.slice(10, 12) as [Address, Address];
  for (const voter of [voter1, voter2]) {
    await send(deployer, dmc, "transfer", [voter, parseEther("2050000")]);
    await send(voter, dmc, "delegate", [voter]);
  }
  const smallVoter = buyers[9]!; // votes between the two: neither the first vote nor the one reaching quorum
  await send(deployer, dmc, "transfer", [smallVoter, parseEther("100000")]);
  await send(smallVoter, dmc, "delegate", [smallVoter]);
  for (const [miner, stake] of [
    [minerA, "600000"],
    [minerB, "40000"],
    [minerC, "25000"],
  ] as const) {
    await send(deployer, dmc, "transfer", [miner, parseEther(stake)]);
    await send(miner, dmc, "approve", [applications.address, maxUint256]);
  }

  // ---- offerings exist only through applications the DAO approved: submit, vote, queue, execute
  const termStart = today + 1n;
  interface Applied {
    applicationId: bigint;
    proposalId: bigint;
    description: string;
  }
  async function apply(miner: Address, unitsTotal: bigint, key?: string, termDays = 180n): Promise<Applied> {
    const description = `# Benchmark Mining Co: ${unitsTotal} TiB for ${termDays} days (${miner})`;
    const terms = {
      assetId: filAssetId,
      paymentToken: usdt.address,
      rewardToken: ifil.address,
      unitsTotal,
      pricePerUnit: 38_000_000n,
      saleStart: today * DAY,
      saleEnd: termStart * DAY, // sales close when the term starts
      termStartDay: Number(termStart),
      termEndDay: Number(termStart + termDays),
      expectedDailyRewardPerUnitWad: 2n * 10n ** 33n,
      totalHashpower: unitsTotal * 2n,
      effectiveHashpower: unitsTotal,
      minerName: "Benchmark Mining Co",
      disclosureURI: "ipfs://bench",
    };
    if (key) await measure(key, miner, applications, "submit", [terms, description]);
    else await send(miner, applications, "submit", [terms, description]);
    const applicationId = await read<bigint>(applications, "applicationCount");
    const application = await read<{ proposalId: bigint }>(applications, "getApplication", [applicationId]);
    return { applicationId, proposalId: application.proposalId, description };
  }
  async function governorCall(key: string | undefined, functionName: "queue" | "execute", applied: Applied) {
    const [targets, values, calldatas] = await read<readonly [Address[], bigint[], Hex[]]>(
      applications,
      "proposalAction",
      [applied.applicationId],
    );
    const args = [targets, values, calldatas, keccak256(toHex(applied.description))] as const;
    if (key) await measure(key, deployer, governorContract, functionName, args);
    else await send(deployer, governorContract, functionName, args);
  }
  await setTime(today * DAY + 3_700n); // votes are checkpointed a second before the snapshot
  const applied = [
    await apply(minerA, 30_000n, "apply"), // 1,000 purchases
    await apply(minerB, 1_000n), // 1 purchase
    await apply(minerC, 1_000n), // defaults
    await apply(minerB, 10n, undefined, 10n), // a 10-day term: withdrawals inside the end-of-term holdback
  ];
  // Vote once every proposal is active: from their own snapshots, not from a fixed offset, because a slow machine
  // submits the last application more than a minute and a half after the first (a clean-clone CI run did).
  const latestOf = async (view: "proposalSnapshot" | "proposalDeadline") => {
    let latest = 0n;
    for (const { proposalId } of applied) {
      const t = await read<bigint>(governorContract, view, [proposalId]);
      if (t > latest) latest = t;
    }
    return latest;
  };
  await setTime((await latestOf("proposalSnapshot")) + 1n);
  // castVote_first pays for the proposal's first For tally; castVote_reachesQuorum for the late-quorum
  // deadline record; a typical vote (castVote) does neither.
  for (const [i, { proposalId }] of applied.entries()) {
    const measured = i === 0;
    for (const [voter, key] of [
      [voter1, "castVote_first"],
      [smallVoter, "castVote"],
      [voter2, "castVote_reachesQuorum"],
    ] as const) {
      if (measured) await measure(key, voter, governorContract, "castVote", [proposalId, 1]);
      else await send(voter, governorContract, "castVote", [proposalId, 1]);
    }
  }
  await setTime((await latestOf("proposalDeadline")) + 1n);
  for (const [i, a] of applied.entries()) await governorCall(i === 0 ? "queue" : undefined, "queue", a);
  const eta = await read<bigint>(governorContract, "proposalEta", [applied[0]!.proposalId]);
  await setTime(eta + 1n);
  for (const [i, a] of applied.entries()) await governorCall(i === 0 ? "execute" : undefined, "execute", a);
  const [offeringMany, offeringOne, offeringBad, offeringShort] = [1n, 2n, 3n, 4n];
  if ((await read<bigint>(exchange, "offeringCount")) !== 4n)
    throw new Error("the approvals did not create 4 offerings");

  for (const account of [...buyers, minerA, minerB, minerC]) {
    await send(minter, usdt, "mint", [account, 10n ** 15n]);
    await send(account, usdt, "approve", [exchange.address, maxUint256]);
    await send(account, usdt, "approve", [listings.address, maxUint256]);
    await send(account, usdt, "approve", [auctions.address, maxUint256]);
  }
  for (const miner of [minerA, minerB, minerC]) {
    await send(minter, ifil, "mint", [miner, 10n ** 24n]);
    await send(miner, ifil, "approve", [exchange.address, maxUint256]);
  }

  // ---- 1,000 purchases spread over ten buyers, before the term starts. Every sale here names no referrer
  // (zeroAddress): a non-zero one is forwarded to PromotionNodes, whose cost buy_withReferral measures apart.
  const regulars = buyers.slice(0, 10);
  for (let i = 0; i < 1_000; i++) {
    await send(regulars[i % 10]!, exchange, "buy", [offeringMany, 1n + BigInt(i % 7), maxUint256, zeroAddress]);
  }
  await send(regulars[0]!, exchange, "buy", [offeringOne, 10n, maxUint256, zeroAddress]);
  await send(regulars[1]!, exchange, "buy", [offeringBad, 10n, maxUint256, zeroAddress]);
  await send(regulars[3]!, exchange, "buy", [offeringShort, 10n, maxUint256, zeroAddress]);

  // ---- purchases by new buyers, still before the term (sales close when it starts)
  const [fresh1, fresh2] = buyers.slice(10, 12) as [Address, Address];
  await send(fresh1, exchange, "buy", [offeringMany, 5n, maxUint256, zeroAddress]);
  await measure("buy", fresh2, exchange, "buy", [offeringMany, 5n, maxUint256, zeroAddress]);
  await measure("buy_repeatHolder", fresh2, exchange, "buy", [offeringMany, 5n, maxUint256, zeroAddress]);

  // ---- promotion nodes (issue 13), while sales are open: a main node and its light nodes register (each measured
  // one after another of its kind, as on a live network), then newcomers buy through a light node's referral. Each
  // measured buy is a new buyer's first position, as `buy` is, so buy_withReferral - buy is the referral alone.
  const nodeAccounts = { mainWarm: await newcomer(), main: await newcomer(), lightWarm: await newcomer() };
  const light = await newcomer();
  for (const [account, stake] of [
    [nodeAccounts.mainWarm, "20000"],
    [nodeAccounts.main, "20000"],
    [nodeAccounts.lightWarm, "2000"],
    [light, "2000"],
  ] as const) {
    await send(deployer, dmc, "transfer", [account, parseEther(stake)]);
    await send(account, dmc, "approve", [nodes.address, maxUint256]);
  }
  await send(nodeAccounts.mainWarm, nodes, "registerMainNode", []);
  await tick(); // the node-staking pool accrues since the previous node's weight
  await measure("registerMainNode", nodeAccounts.main, nodes, "registerMainNode", []);
  await send(nodeAccounts.main, nodes, "recruit", [nodeAccounts.lightWarm, true]);
  await send(nodeAccounts.main, nodes, "recruit", [light, true]);
  await send(nodeAccounts.lightWarm, nodes, "registerLightNode", [nodeAccounts.main]);
  await tick();
  await measure("registerLightNode", light, nodes, "registerLightNode", [nodeAccounts.main]);
  const referred = async (key: string | undefined, referrer: Address) => {
    const buyer = await newcomer();
    await send(minter, usdt, "mint", [buyer, 10n ** 12n]);
    await send(buyer, usdt, "approve", [exchange.address, maxUint256]);
    const args = [offeringMany, 5n, maxUint256, referrer] as const;
    if (key) await measure(key, buyer, exchange, "buy", args);
    else await send(buyer, exchange, "buy", args);
  };
  // the other light node's referral opens the USDT commission ledger and the main node's commission slot
  await referred(undefined, nodeAccounts.lightWarm);
  await referred("buy_withReferral_first", light); // the light node's first commission slot and referral count
  await referred("buy_withReferral", light); // steady state: the node has referred before

  // ---- a primary auction of 100 units of offeringMany, bid and settled before the sale closes
  const auctionIdOf = async (receipt: { logs: readonly { address: Address; topics: readonly Hex[]; data: Hex }[] }) => {
    const created = receipt.logs.find((l) => l.address.toLowerCase() === auctions.address.toLowerCase());
    if (!created?.topics[1]) throw new Error("no AuctionCreated log");
    return BigInt(created.topics[1]);
  };
  const primaryId = await auctionIdOf(
    await send(minerA, auctions, "createPrimaryAuction", [offeringMany, 100n, 3_000_000_000n, 3_600n]),
  );
  const [bidderA, bidderB] = [regulars[5]!, regulars[6]!];
  await send(bidderA, auctions, "bid", [primaryId, 3_000_000_000n]);
  await send(bidderB, auctions, "bid", [primaryId, 3_300_000_000n]);
  const primaryEnd = (await read<{ endTime: number | bigint }>(auctions, "getAuction", [primaryId])).endTime;
  await setTime(BigInt(primaryEnd) + 1n);
  await measure("settle_primary", flagger, auctions, "settle", [primaryId]);

  // ---- into the term: three days of oracle reports and deposits
  let day = termStart;
  const depositDay = async (measureKey?: string) => {
    await setTime((day + 1n) * DAY + 600n);
    await send(reporter, oracle, "report", [filAssetId, day, 2n * 10n ** 33n]);
    // the report is final after its one-hour correction window, counted from its block: a minute of slack, since
    // anvil's clock runs on between the time travel and the report's block (at +601 the deposit failed at +4,200)
    await setTime((day + 1n) * DAY + 600n + 3_600n + 60n);
    for (const [miner, offeringId] of [
      [minerA, offeringMany],
      [minerB, offeringOne],
    ] as const) {
      const args = [offeringId, 5n * REWARD_TOKEN_UNIT] as const;
      if (measureKey && offeringId === offeringMany) await measure(measureKey, miner, exchange, "depositReward", args);
      else await send(miner, exchange, "depositReward", args);
    }
    day += 1n;
  };
  await depositDay();
  await depositDay();
  await depositDay("depositReward");

  // ---- claims: holder regulars[2] owns 100 positions of offeringMany
  const balanceHolder = regulars[2]!;
  const owned: bigint[] = [];
  for (let tokenId = 1n; owned.length < 21; tokenId++) {
    if ((await read<Address>(exchange, "ownerOf", [tokenId])).toLowerCase() === balanceHolder.toLowerCase())
      owned.push(tokenId);
  }
  await depositDay();
  await measure("claim1_firstClaim", balanceHolder, exchange, "claimRewards", [[owned[0]!]]);
  await depositDay();
  await measure("claim1", balanceHolder, exchange, "claimRewards", [[owned[0]!]]);
  await measure("claim10", balanceHolder, exchange, "claimRewards", [owned.slice(1, 11)]);

  // ---- trading: a holder lists and auctions positions. A first sale and a first auction run unmeasured: the
  // measured ones are steady-state trades (the epoch opened, the contracts' fee balances and the traders' reward
  // slots exist), as on a live market; the one-off costs of the first ones are in the README.
  const seller = regulars[4]!;
  const sellerTokens: bigint[] = [];
  for (let tokenId = 1n; sellerTokens.length < 5; tokenId++) {
    if ((await read<Address>(exchange, "ownerOf", [tokenId])).toLowerCase() === seller.toLowerCase())
      sellerTokens.push(tokenId);
  }
  const [warmListed, listed, cancelled, warmAuctioned, auctioned] = sellerTokens as [
    bigint,
    bigint,
    bigint,
    bigint,
    bigint,
  ];
  const [warmBuyer, warmBidder] = [regulars[8]!, regulars[9]!];
  const expiry = (day + 30n) * DAY;
  const fill = async (key: string | undefined, tokenId: bigint, buyer: Address) => {
    await send(seller, exchange, "approve", [listings.address, tokenId]);
    const listArgs = [tokenId, usdt.address, 150_000_000n, expiry] as const;
    if (key) await measure("list", seller, listings, "list", listArgs);
    else await send(seller, listings, "list", listArgs);
    const buyArgs = [tokenId, 150_000_000n, await read<bigint>(exchange, "claimableRewards", [tokenId]), zeroAddress];
    if (key) await measure(key, buyer, listings, "buy", buyArgs);
    else await send(buyer, listings, "buy", buyArgs);
  };
  await fill(undefined, warmListed, warmBuyer);
  await fill("buyListing", listed, fresh1);
  await send(seller, exchange, "approve", [listings.address, cancelled]);
  await send(seller, listings, "list", [cancelled, usdt.address, 150_000_000n, expiry]);
  await measure("cancelListing", seller, listings, "cancelListing", [cancelled]);

  const auction = async (measured: boolean, tokenId: bigint, first: Address, second: Address) => {
    await send(seller, exchange, "approve", [auctions.address, tokenId]);
    const createArgs = [tokenId, usdt.address, 100_000_000n, 3_600n] as const;
    const id = await auctionIdOf(
      measured
        ? await measure("createAuction", seller, auctions, "createAuction", createArgs)
        : await send(seller, auctions, "createAuction", createArgs),
    );
    if (measured) await measure("bid_first", first, auctions, "bid", [id, 100_000_000n]);
    else await send(first, auctions, "bid", [id, 100_000_000n]);
    if (measured) await measure("bid", second, auctions, "bid", [id, 110_000_000n]);
    else await send(second, auctions, "bid", [id, 110_000_000n]);
    const end = (await read<{ endTime: number | bigint }>(auctions, "getAuction", [id])).endTime;
    await setTime(BigInt(end) + 1n);
    if (measured) await measure("settle_secondary", flagger, auctions, "settle", [id]);
    else await send(flagger, auctions, "settle", [id]);
  };
  await auction(false, warmAuctioned, warmBidder, warmBuyer);
  await auction(true, auctioned, bidderA, bidderB);
  await measure("withdrawBidRefund", bidderA, auctions, "withdraw", [usdt.address, bidderA]);

  // ---- escrow: first withdrawal of each miner on the same day, 1 vs 1,000 purchases
  await measure("withdrawEscrow_1", minerB, exchange, "withdrawEscrow", [offeringOne, minerB]);
  await measure("withdrawEscrow_1000", minerA, exchange, "withdrawEscrow", [offeringMany, minerA]);

  // ---- default: offering C never deposited; flag after 7 missed days, halt, refund
  await setTime((termStart + 8n) * DAY + 600n);
  await measure("flag", flagger, exchange, "flag", [offeringBad]);
  // The short offering's last 7 term days (termStart + 3 on) release only as they are covered: this
  // withdrawal reads the coverage too.
  await measure("withdrawEscrow_holdback", minerB, exchange, "withdrawEscrow", [offeringShort, minerB]);
  // A holder proposes the halt to the DAO; the council fast-tracks it meanwhile (4 of 7 signatures).
  const haltCall = encodeFunctionData({ abi: hashpowerExchangeAbi, functionName: "halt", args: [offeringBad] });
  await measure("propose", voter1, governorContract, "propose", [
    [exchange.address],
    [0n],
    [haltCall],
    "# Halt offering #3: no reward deposit for 7 days",
  ]);
  await measureCouncilExec("halt_council", exchange.address, haltCall);
  const badToken = 1_002n; // the 1,002nd purchase: regulars[1]'s position of offeringBad
  await measure("refund", regulars[1]!, exchange, "claimRefunds", [[badToken]]);

  // ---- DMC trading rewards: a primary buyer claims once its epochs are over
  const epoch = await read<bigint>(tradingRewards, "currentEpoch");
  await setTime((await read<bigint>(tradingRewards, "epochStart", [epoch + 1n])) + 60n);
  await measure("claimTradingRewards", regulars[7]!, tradingRewards, "claim", [regulars[7]!]);

  // ---- lending: position loans of USDT between accounts that already hold USDT. A first loan runs unmeasured
  // (its repayment opens the contract's fee slot for USDT, as any earlier loan on a live market has); then
  // single-position offers are accepted, repaid in full or in part, taken over, foreclosed, and a request is filled.
  const [lender, newLender] = [warmBuyer, warmBidder];
  const borrower = balanceHolder; // owned[11..] are free positions of offeringMany (180-day term)
  for (const account of [lender, newLender, borrower])
    await send(account, usdt, "approve", [loans.address, maxUint256]);
  const loanTerms = {
    currency: usdt.address,
    principal: 100_000_000n,
    aprBps: 1_200,
    duration: Number(30n * DAY),
    minInterest: 0n,
    rewardPriceWad: 0n,
  };
  const positionCollateral = (tokenId: bigint) => ({
    target: tokenId,
    kind: 1,
    minUnits: 0,
    minDaysLeft: 0,
    amount: 0n,
  });
  const offerFor = async (key: string | undefined, tokenId: bigint, terms = loanTerms) => {
    const args = [terms, positionCollateral(tokenId), Number((await now()) + 30n * DAY), 1] as const;
    const receipt = key
      ? await measure(key, lender, loans, "makeOffer", args)
      : await send(lender, loans, "makeOffer", args);
    const made = receipt.logs.find((l) => l.address.toLowerCase() === loans.address.toLowerCase());
    if (!made?.topics[1]) throw new Error("no OfferMade log");
    return BigInt(made.topics[1]);
  };
  const borrow = async (key: string | undefined, tokenId: bigint, terms = loanTerms) => {
    const offerId = await offerFor(undefined, tokenId, terms);
    await send(borrower, exchange, "approve", [loans.address, tokenId]);
    if (key) await measure(key, borrower, loans, "acceptOffer", [offerId, tokenId]);
    else await send(borrower, loans, "acceptOffer", [offerId, tokenId]);
  };
  const [warmLoan, repaidLoan, refinancedLoan, foreclosedLoan, requestedLoan, offeredOnly] = owned.slice(11, 17) as [
    bigint,
    bigint,
    bigint,
    bigint,
    bigint,
    bigint,
  ];
  // repaid at once, its minimum interest is what pays the first fee
  await borrow(undefined, warmLoan, { ...loanTerms, minInterest: 500_000n });
  await send(borrower, loans, "repay", [warmLoan, maxUint256]);
  await send(lender, loans, "claim", [usdt.address, lender]);
  await offerFor("makeOffer", offeredOnly);
  await borrow("acceptOffer", repaidLoan);
  await borrow(undefined, refinancedLoan);
  await borrow(undefined, foreclosedLoan);
  await send(borrower, exchange, "approve", [loans.address, requestedLoan]);
  await send(borrower, loans, "requestLoan", [
    loanTerms,
    positionCollateral(requestedLoan),
    Number((await now()) + DAY),
  ]);
  await measure("fillRequest", lender, loans, "fillRequest", [(await read<bigint>(loans, "nextRequestId")) - 1n]);

  await setTime((await now()) + 10n * DAY);
  // the lender has no credit left (it claimed the first loan's): this payment opens its credit slot again
  await measure("repay", borrower, loans, "repay", [repaidLoan, maxUint256]);
  await measure("claimRepayment", lender, loans, "claim", [usdt.address, lender]);
  await measure("repayPartial", borrower, loans, "repay", [refinancedLoan, 20_000_000n]);
  // a second lender takes the loan over at a lower rate for 30 more days (the position's term is checked)
  const [debt] = await read<readonly [bigint, bigint]>(loans, "debtOf", [refinancedLoan]);
  const { dueTime } = await read<{ dueTime: number }>(loans, "loanOf", [refinancedLoan]);
  await measure("refinance", newLender, loans, "refinance", [
    refinancedLoan,
    1_000,
    dueTime + Number(30n * DAY),
    debt + debt / 100n,
  ]);
  const overdue = await read<{ dueTime: number; gracePeriod: number }>(loans, "loanOf", [foreclosedLoan]);
  await setTime(BigInt(overdue.dueTime + overdue.gracePeriod) + 1n);
  await measure("foreclose", lender, loans, "foreclose", [foreclosedLoan]);

  // ---- the DeFi of issue 13, after everything above (whose figures it must not move). Steady state again: each
  // measured stake is a newcomer's first in a pool someone already stakes in (its accumulator running).
  // Liquidity: the deployer (the genesis DMC holder) adds DMC/USDT at 1 USDT per DMC through the router, minting
  // the LP tokens straight to two liquidity providers.
  const hour = 3_600n;
  const [lpWarm, lpStaker] = [await newcomer(), await newcomer()];
  await send(minter, usdt, "mint", [deployer, 10n ** 12n]);
  for (const token of [dmc, usdt]) await send(deployer, token, "approve", [router.address, maxUint256]);
  for (const provider of [lpWarm, lpStaker]) {
    await tick(); // the second deposit then starts the pair's price accumulators, as any later swap finds them
    await send(deployer, router, "addLiquidity", [
      dmc.address,
      usdt.address,
      parseEther("25000"),
      25_000_000_000n,
      0n,
      0n,
      provider,
      (await now()) + hour,
    ]);
    await send(provider, dmcUsdtPair, "approve", [lpMining.address, maxUint256]);
  }
  const lpOf = (account: Address) => read<bigint>(dmcUsdtPair, "balanceOf", [account]);
  await send(lpWarm, lpMining, "stake", [(await lpOf(lpWarm)) / 2n]);
  await setTime((await now()) + hour);
  await send(lpWarm, lpMining, "stake", [(await lpOf(lpWarm)) / 2n]);
  await setTime((await now()) + hour);
  await measure("stakeLp", lpStaker, lpMining, "stake", [(await lpOf(lpStaker)) / 2n]);

  // NFT staking: free positions of offeringMany (180-day term, about 50 days in) of two regular holders
  const freePositions = async (owner: Address, count: number) => {
    const found: bigint[] = [];
    for (let tokenId = 1n; found.length < count; tokenId++) {
      const state = await read<{ owner: Address; lockHolder: Address }>(exchange, "positionState", [tokenId]);
      if (state.owner.toLowerCase() === owner.toLowerCase() && state.lockHolder === zeroAddress) found.push(tokenId);
    }
    return found;
  };
  const [stakerWarm, staker] = [regulars[5]!, regulars[6]!];
  const [warmFirst, warmSecond] = (await freePositions(stakerWarm, 2)) as [bigint, bigint];
  const [staked] = (await freePositions(staker, 1)) as [bigint];
  for (const account of [stakerWarm, staker])
    await send(account, exchange, "setApprovalForAll", [nftStaking.address, true]);
  await send(stakerWarm, nftStaking, "stake", [[warmFirst]]);
  await setTime((await now()) + hour);
  await send(stakerWarm, nftStaking, "stake", [[warmSecond]]); // a second weight change: the accumulator is non-zero
  await setTime((await now()) + hour);
  await measure("stakeNft", staker, nftStaking, "stake", [[staked]]);
  await tick();
  await measure("unstakeNft", stakerWarm, nftStaking, "unstake", [[warmFirst]]); // keeps its other stake
  // a staker claims every day or so: its first claim (its first DMC balance) unmeasured, the next one measured
  await setTime((await now()) + DAY);
  await send(staker, nftStaking, "claim", [staker]);
  await setTime((await now()) + DAY);
  await measure("claimStakingDmc", staker, nftStaking, "claim", [staker]);

  // Insurance and the fee buyback: an underwriter joins; the exchange's channel fees (plus the trading fees already
  // at the splitter) are distributed: the nodes' owed commission, the premium share to the insurance pool, the rest
  // to the buyback, which observes the pair and converts 30+ minutes later against its TWAP.
  const [underwriterWarm, underwriter] = [await newcomer(), await newcomer()];
  for (const account of [underwriterWarm, underwriter]) {
    await send(deployer, dmc, "transfer", [account, parseEther("10000")]);
    await send(account, dmc, "approve", [insurance.address, maxUint256]);
  }
  await send(underwriterWarm, insurance, "underwrite", [parseEther("5000")]);
  await send(flagger, exchange, "collectFees", [[offeringMany, offeringOne, offeringShort]]);
  await send(flagger, splitter, "distribute", [usdt.address]);
  await send(flagger, buyback, "observe", [usdt.address]);
  // a conversion swaps at most 0.2% of the pair's USDT reserve (100 USDT here): the distribution funds many. The first one
  // opens the buyback's totals and its second checkpoint; the next one, 30+ minutes later, is the steady state.
  await setTime((await now()) + 31n * 60n);
  await measure("buybackConvert_first", flagger, buyback, "convert", [usdt.address]);
  await setTime((await now()) + 31n * 60n);
  await measure("buybackConvert", flagger, buyback, "convert", [usdt.address]);
  // the premiums above are shared: a new underwriter's first premium slot is written (steady state)
  await measure("underwrite", underwriter, insurance, "underwrite", [parseEther("5000")]);

  // A payout for the halted offering #3: a claim opened by anyone, a DAO vote executing the payout from the
  // underwriters' pot (order of loss: no slashed stake here, then the pot, then the fund), one position's claim.
  await send(flagger, insurance, "openClaim", [offeringBad]);
  const claimId = await read<bigint>(insurance, "claimCount");
  await passProposal(
    [
      {
        to: insurance.address,
        data: encodeFunctionData({
          abi: mutualInsuranceAbi,
          functionName: "executePayout",
          args: [claimId, parseEther("1000")],
        }),
      },
    ],
    "# Insurance payout for offering #3: 1,000 DMC to its holders",
  );
  await measure("insurancePayoutClaim", regulars[1]!, insurance, "claimPayout", [claimId, [badToken]]);
  return figures;
}
