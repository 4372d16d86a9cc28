// The DeFi of issue 13 on the deploy script's deployment (@dmex/devstack's stack, unseeded: one anvil), driven
// through every event the DeFi data sources handle. Offerings exist only through miner applications the DAO
// approved, so the scenario first runs that (as the gas bench does), then:
//   day 0   promotion nodes: two main nodes, an invitation withdrawn and one used, a light node; purchases through
//           the light node's and a main node's referral; Uniswap V2 liquidity on DMC/USDT and DMC/IFIL (Mint,
//           Transfer, Sync), swaps both ways over hours (Swap), a removal (Burn); LP stakes in both mining pools,
//           a partial withdrawal; positions staked (one of the offering that will default)
//   day 1+  underwriters; the exchange's fees collected and distributed (commission funded, premium, buyback);
//           commission and premium claims; TWAP checkpoints and two conversions on different days; an unstake
//           request cancelled, another withdrawn after its cooldown; a main node's exit and withdrawal; a poke
//   day ~9  the bad offering is flagged (a payout claim opened: exits frozen) and halted by the council; slashed
//           stake deposited; one DAO proposal rejects the claim, opens another, executes the payout, moves slashed
//           stake to the fund, sets a pool's rate and every nodes / insurance / splitter / buyback parameter;
//           positions claim the payout, the halted stake is poked to zero and unstaken, stakers claim DMC
//   +2 y    past every pool's period and the payout's claim deadline: claims, an LP exit, the payout expired.
// Checkpoints label the blocks the test compares entities with the contracts' views at.
import { startStack, type Stack } from "@dmex/devstack";
import {
  bridgedTokenAbi,
  dmcTokenAbi,
  dmexGovernorAbi,
  errorsAbi,
  feeBuybackAbi,
  hashpowerExchangeAbi,
  liquidityMiningAbi,
  minerApplicationsAbi,
  mutualInsuranceAbi,
  nodeStakingRewardsAbi,
  positionStakingAbi,
  promotionNodesAbi,
  protocolFeeSplitterAbi,
  safeL2Abi,
  uniswapV2PairAbi,
  uniswapV2Router02Abi,
  type DeployedContractName,
} from "@dmex/deployments";
import {
  ANVIL_MNEMONIC,
  anvilAddress,
  BUYER_INDICES,
  COUNCIL_INDICES,
  COUNCIL_THRESHOLD,
  MINER_INDICES,
  ROLE_INDEX,
} from "@dmex/deployments/dev-accounts";
import {
  type Abi,
  type Address,
  type Hex,
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
} from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { foundry } from "viem/chains";

const DAY = 86_400n;
const HOUR = 3_600n;
const GAS = 10_000_000n;

export type Contract = { address: Address; abi: Abi };

export type DefiScenario = {
  stack: Stack;
  c: Record<
    | "usdt"
    | "ifil"
    | "dmc"
    | "exchange"
    | "nodes"
    | "nftStaking"
    | "usdtMining"
    | "ifilMining"
    | "nodeRewards"
    | "insurance"
    | "splitter"
    | "buyback"
    | "usdtPair"
    | "ifilPair",
    Contract
  >;
  checkpoints: { label: string; block: bigint }[];
  /** Accounts by role in the story. */
  who: {
    main1: Address;
    main2: Address;
    light1: Address;
    lps: Address[];
    stakers: Address[];
    underwriters: Address[];
    buyers: Address[];
  };
  offerings: { good: bigint; bad: bigint };
  /** Staked positions: [good offering, bad offering]. */
  staked: { good: bigint; bad: bigint };
  payoutId: bigint;
};

export async function runDefiScenario(workDir: string, port: number): Promise<DefiScenario> {
  const stack = await startStack({ port, isolated: true, seed: false, workDir });
  const transport = http(stack.rpcUrl);
  const pc = createPublicClient({ chain: foundry, transport, pollingInterval: 20 });
  const wallet = createWalletClient({ chain: foundry, transport, pollingInterval: 20 });
  const checkpoints: DefiScenario["checkpoints"] = [];
  const addressOf = (name: DeployedContractName): Address => {
    const contract = stack.deployment.contracts[name];
    if (!contract) throw new Error(`${name} missing from the deployment`);
    return contract.address;
  };
  const k = (name: DeployedContractName, abi: Abi): Contract => ({ address: addressOf(name), abi });
  const c: DefiScenario["c"] = {
    usdt: k("USDT", bridgedTokenAbi),
    ifil: k("IFIL", bridgedTokenAbi),
    dmc: k("DMCToken", dmcTokenAbi),
    exchange: k("HashpowerExchange", hashpowerExchangeAbi),
    nodes: k("PromotionNodes", promotionNodesAbi),
    nftStaking: k("PositionStaking", positionStakingAbi),
    usdtMining: k("LiquidityMiningDmcUsdt", liquidityMiningAbi),
    ifilMining: k("LiquidityMiningDmcIfil", liquidityMiningAbi),
    nodeRewards: k("NodeStakingRewards", nodeStakingRewardsAbi),
    insurance: k("MutualInsurance", mutualInsuranceAbi),
    splitter: k("ProtocolFeeSplitter", protocolFeeSplitterAbi),
    buyback: k("FeeBuyback", feeBuybackAbi),
    usdtPair: k("DmcUsdtPair", uniswapV2PairAbi),
    ifilPair: k("DmcIfilPair", uniswapV2PairAbi),
  };
  const governor = k("DmexGovernor", dmexGovernorAbi);
  const applications = k("MinerApplications", minerApplicationsAbi);
  const council = k("CouncilSafe", safeL2Abi);
  const router = k("UniswapV2Router02", uniswapV2Router02Abi);

  async function send(from: Address, contract: Contract, functionName: string, args: readonly unknown[] = []) {
    const hash = await wallet.writeContract({
      account: from,
      chain: foundry,
      address: contract.address,
      abi: contract.abi,
      functionName,
      args,
      gas: GAS,
    });
    const receipt = await pc.waitForTransactionReceipt({ hash, pollingInterval: 20 });
    if (receipt.status !== "success") {
      const reason = await pc
        .simulateContract({
          account: from,
          address: contract.address,
          abi: [...contract.abi, ...errorsAbi],
          functionName,
          args,
          blockNumber: receipt.blockNumber - 1n,
        })
        .then(
          () => "passes as a call",
          (error: unknown) =>
            error instanceof Error ? error.message.split("\n").slice(0, 3).join(" ") : String(error),
        );
      throw new Error(`${functionName} reverted: ${reason}`);
    }
    return receipt;
  }
  const read = async <T>(contract: Contract, functionName: string, args: readonly unknown[] = []): Promise<T> =>
    (await pc.readContract({ address: contract.address, abi: contract.abi, functionName, args })) as T;
  const now = async () => (await pc.getBlock()).timestamp;
  const setTime = async (timestamp: bigint) => {
    await pc.request({ method: "evm_setNextBlockTimestamp" as never, params: [Number(timestamp)] as never });
    await pc.request({ method: "evm_mine" as never, params: [] as never });
  };
  const later = async (seconds: bigint) => setTime((await now()) + seconds);
  const checkpoint = async (label: string) => checkpoints.push({ label, block: await pc.getBlockNumber() });
  let fresh = 0;
  async function newcomer(): Promise<Address> {
    const { address } = mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: 200 + fresh++ });
    await pc.request({ method: "anvil_impersonateAccount" as never, params: [address] as never });
    await pc.request({ method: "anvil_setBalance" as never, params: [address, toHex(parseEther("100"))] as never });
    return address;
  }

  const deployer = anvilAddress(ROLE_INDEX.deployer);
  const minter = anvilAddress(ROLE_INDEX.minter);
  const flagger = anvilAddress(ROLE_INDEX.treasury);
  const [minerA, minerC] = [anvilAddress(MINER_INDICES[0]), anvilAddress(MINER_INDICES[1])];
  const dmcTo = (to: Address, amount: string) => send(deployer, c.dmc, "transfer", [to, parseEther(amount)]);

  // ---- the DAO approves two miner applications: a good offering and one that will default
  const [voter1, voter2] = [await newcomer(), await newcomer()];
  for (const voter of [voter1, voter2]) {
    await dmcTo(voter, "2050000");
    await send(voter, c.dmc, "delegate", [voter]);
  }
  async function passProposal(calls: readonly { to: Address; data: Hex }[], description: string) {
    const args = [calls.map((x) => x.to), calls.map(() => 0n), calls.map((x) => x.data)] as const;
    await send(voter1, governor, "propose", [...args, description]);
    const descriptionHash = keccak256(toHex(description));
    const proposalId = await read<bigint>(governor, "hashProposal", [...args, descriptionHash]);
    await setTime((await read<bigint>(governor, "proposalSnapshot", [proposalId])) + 1n);
    for (const voter of [voter1, voter2]) await send(voter, governor, "castVote", [proposalId, 1]);
    await setTime((await read<bigint>(governor, "proposalDeadline", [proposalId])) + 1n);
    await send(deployer, governor, "queue", [...args, descriptionHash]);
    await setTime((await read<bigint>(governor, "proposalEta", [proposalId])) + 1n);
    await send(deployer, governor, "execute", [...args, descriptionHash]);
  }
  const today = (await now()) / DAY + 1n;
  await setTime(today * DAY + HOUR);
  const termStart = today + 1n;
  for (const miner of [minerA, minerC]) {
    await dmcTo(miner, "100000");
    await send(miner, c.dmc, "approve", [applications.address, maxUint256]);
  }
  const applied: { applicationId: bigint; proposalId: bigint; description: string }[] = [];
  for (const miner of [minerA, minerC]) {
    const description = `# DeFi scenario: 1000 TiB for 30 days (${miner})`;
    await send(miner, applications, "submit", [
      {
        assetId: 1,
        paymentToken: c.usdt.address,
        rewardToken: c.ifil.address,
        unitsTotal: 1_000n,
        pricePerUnit: 38_000_000n,
        saleStart: today * DAY,
        saleEnd: termStart * DAY,
        termStartDay: Number(termStart),
        termEndDay: Number(termStart + 30n),
        expectedDailyRewardPerUnitWad: 2n * 10n ** 33n,
        totalHashpower: 2_000n,
        effectiveHashpower: 1_000n,
        minerName: "DeFi Mining Co",
        disclosureURI: "ipfs://defi",
      },
      description,
    ]);
    const applicationId = await read<bigint>(applications, "applicationCount");
    const application = await read<{ proposalId: bigint }>(applications, "getApplication", [applicationId]);
    applied.push({ applicationId, proposalId: application.proposalId, description });
  }
  const latestOf = async (view: string) => {
    let t = 0n;
    for (const a of applied)
      t = [t, await read<bigint>(governor, view, [a.proposalId])].reduce((x, y) => (x > y ? x : y));
    return t;
  };
  await setTime((await latestOf("proposalSnapshot")) + 1n);
  for (const a of applied)
    for (const voter of [voter1, voter2]) await send(voter, governor, "castVote", [a.proposalId, 1]);
  await setTime((await latestOf("proposalDeadline")) + 1n);
  const governorArgs = async (a: (typeof applied)[number]) => {
    const [targets, values, calldatas] = await read<readonly [Address[], bigint[], Hex[]]>(
      applications,
      "proposalAction",
      [a.applicationId],
    );
    return [targets, values, calldatas, keccak256(toHex(a.description))] as const;
  };
  for (const a of applied) await send(deployer, governor, "queue", await governorArgs(a));
  await setTime((await read<bigint>(governor, "proposalEta", [applied[0]!.proposalId])) + 1n);
  for (const a of applied) await send(deployer, governor, "execute", await governorArgs(a));
  const offeringCount = await read<bigint>(c.exchange, "offeringCount");
  const offerings = { good: offeringCount - 1n, bad: offeringCount };

  // ---- promotion nodes
  const [main1, main2, light1, uninvited] = [await newcomer(), await newcomer(), await newcomer(), await newcomer()];
  for (const [account, stake] of [
    [main1, "20000"],
    [main2, "20000"],
    [light1, "2000"],
  ] as const) {
    await dmcTo(account, stake);
    await send(account, c.dmc, "approve", [c.nodes.address, maxUint256]);
  }
  await send(main1, c.nodes, "registerMainNode");
  await later(60n);
  await send(main2, c.nodes, "registerMainNode");
  await send(main1, c.nodes, "recruit", [uninvited, true]);
  await send(main1, c.nodes, "recruit", [uninvited, false]);
  await send(main1, c.nodes, "recruit", [light1, true]);
  await send(light1, c.nodes, "registerLightNode", [main1]);
  await send(main1, c.nodes, "delegateVault", [voter1]);

  // ---- purchases: through the light node (commission split with main1), through main2, without a referrer
  const buyers = BUYER_INDICES.slice(0, 4).map(anvilAddress);
  for (const buyer of buyers) {
    await send(minter, c.usdt, "mint", [buyer, 10n ** 13n]);
    await send(buyer, c.usdt, "approve", [c.exchange.address, maxUint256]);
  }
  await send(buyers[0]!, c.exchange, "buy", [offerings.good, 10n, maxUint256, light1]);
  await send(buyers[1]!, c.exchange, "buy", [offerings.good, 5n, maxUint256, main2]);
  await send(buyers[2]!, c.exchange, "buy", [offerings.bad, 20n, maxUint256, light1]);
  await send(buyers[3]!, c.exchange, "buy", [offerings.bad, 4n, maxUint256, zeroAddress]);
  // its second position keeps its payout unclaimed until the payout expires
  await send(buyers[3]!, c.exchange, "buy", [offerings.bad, 3n, maxUint256, zeroAddress]);
  await checkpoint("referrals");

  // ---- Uniswap V2: liquidity (1 DMC = 0.25 USDT; 1 DMC = 0.05 IFIL), swaps over hours, a removal
  const lps = [await newcomer(), await newcomer(), await newcomer()];
  await send(minter, c.usdt, "mint", [deployer, 10n ** 12n]);
  await send(minter, c.ifil, "mint", [deployer, parseEther("100000")]);
  for (const token of [c.dmc, c.usdt, c.ifil]) await send(deployer, token, "approve", [router.address, maxUint256]);
  const deadline = async () => (await now()) + DAY;
  for (const lp of lps.slice(0, 2)) {
    await later(10n);
    await send(deployer, router, "addLiquidity", [
      c.dmc.address,
      c.usdt.address,
      parseEther("100000"),
      25_000_000_000n,
      0n,
      0n,
      lp,
      await deadline(),
    ]);
  }
  await send(deployer, router, "addLiquidity", [
    c.dmc.address,
    c.ifil.address,
    parseEther("200000"),
    parseEther("10000"),
    0n,
    0n,
    lps[2],
    await deadline(),
  ]);
  const lpOf = (pair: Contract, account: Address) => read<bigint>(pair, "balanceOf", [account]);
  const trader = buyers[0]!;
  await send(trader, c.usdt, "approve", [router.address, maxUint256]);
  await send(trader, c.dmc, "approve", [router.address, maxUint256]);
  await later(HOUR);
  await send(trader, router, "swapExactTokensForTokens", [
    1_000_000_000n,
    0n,
    [c.usdt.address, c.dmc.address],
    trader,
    await deadline(),
  ]);
  await later(2n * HOUR);
  await send(trader, router, "swapExactTokensForTokens", [
    parseEther("1000"),
    0n,
    [c.dmc.address, c.usdt.address],
    trader,
    await deadline(),
  ]);
  await send(trader, router, "swapExactTokensForTokens", [
    parseEther("500"),
    0n,
    [c.dmc.address, c.ifil.address],
    trader,
    await deadline(),
  ]);
  await send(lps[2]!, c.ifilPair, "approve", [router.address, maxUint256]);
  await send(lps[2]!, router, "removeLiquidity", [
    c.dmc.address,
    c.ifil.address,
    (await lpOf(c.ifilPair, lps[2]!)) / 4n,
    0n,
    0n,
    lps[2],
    await deadline(),
  ]);
  await send(lps[1]!, c.usdtPair, "approve", [router.address, maxUint256]);
  await send(lps[1]!, router, "removeLiquidity", [
    c.dmc.address,
    c.usdt.address,
    (await lpOf(c.usdtPair, lps[1]!)) / 4n,
    0n,
    0n,
    lps[1],
    await deadline(),
  ]);

  // ---- liquidity mining and NFT staking
  for (const [lp, pair, pool] of [
    [lps[0]!, c.usdtPair, c.usdtMining],
    [lps[1]!, c.usdtPair, c.usdtMining],
    [lps[2]!, c.ifilPair, c.ifilMining],
  ] as const) {
    await send(lp, pair, "approve", [pool.address, maxUint256]);
    await send(lp, pool, "stake", [(await lpOf(pair, lp)) / 2n]);
    await later(HOUR);
  }
  await send(lps[1]!, c.usdtMining, "withdraw", [
    (await read<bigint>(c.usdtMining, "weightOf", [lps[1]])) / 3n,
    lps[1],
  ]);
  const tokenOf = async (owner: Address, offeringId: bigint) => {
    const count = await read<bigint>(c.exchange, "positionCount");
    for (let id = count; id >= 1n; id--) {
      const st = await read<{ owner: Address; offeringId: bigint }>(c.exchange, "positionState", [id]);
      if (st.owner.toLowerCase() === owner.toLowerCase() && BigInt(st.offeringId) === offeringId) return id;
    }
    throw new Error(`${owner} holds no position of offering ${offeringId}`);
  };
  const staked = { good: await tokenOf(buyers[0]!, offerings.good), bad: await tokenOf(buyers[2]!, offerings.bad) };
  const stakers = [buyers[0]!, buyers[2]!];
  for (const staker of stakers) await send(staker, c.exchange, "setApprovalForAll", [c.nftStaking.address, true]);
  await send(buyers[0]!, c.nftStaking, "stake", [[staked.good]]);
  await later(HOUR);
  await send(buyers[2]!, c.nftStaking, "stake", [[staked.bad]]);
  await later(HOUR);
  await checkpoint("staked");

  // ---- day 1+: underwriters, fees through the splitter, claims, TWAP checkpoints, conversions
  await setTime((termStart + 1n) * DAY + HOUR);
  const underwriters = [await newcomer(), await newcomer()];
  for (const u of underwriters) {
    await dmcTo(u, "50000");
    await send(u, c.dmc, "approve", [c.insurance.address, maxUint256]);
  }
  await send(underwriters[0]!, c.insurance, "underwrite", [parseEther("30000")]);
  await later(60n);
  await send(underwriters[1]!, c.insurance, "underwrite", [parseEther("10000")]);
  await send(flagger, c.exchange, "collectFees", [[offerings.good, offerings.bad]]);
  // trading and lending fees reach the splitter the same way (it is their fee recipient): 2,000 USDT of them
  await send(minter, c.usdt, "mint", [c.splitter.address, 2_000_000_000n]);
  await send(flagger, c.splitter, "distribute", [c.usdt.address]);
  await send(light1, c.nodes, "claimCommission", [c.usdt.address, light1]);
  await send(main1, c.nodes, "claimCommission", [c.usdt.address, main1]);
  await send(underwriters[0]!, c.insurance, "claimPremium", [c.usdt.address, underwriters[0]]);
  await later(HOUR);
  await send(underwriters[1]!, c.insurance, "underwrite", [parseEther("5000")]); // settles its premiums first
  await send(flagger, c.buyback, "observe", [c.usdt.address]);
  await later(31n * 60n);
  await send(flagger, c.buyback, "convert", [c.usdt.address]);
  await send(buyers[0]!, c.nftStaking, "claim", [buyers[0]]);
  await send(lps[0]!, c.usdtMining, "claim", [lps[0]]);
  await send(main1, c.nodeRewards, "claim", [main1]);
  await checkpoint("fees");
  await setTime((termStart + 2n) * DAY + 2n * HOUR);
  await send(flagger, c.buyback, "convert", [c.usdt.address]);
  await send(underwriters[1]!, c.insurance, "requestUnstake", [parseEther("1000")]);
  await send(underwriters[1]!, c.insurance, "cancelUnstake");
  await send(underwriters[1]!, c.insurance, "requestUnstake", [parseEther("2000")]);
  await send(main2, c.nodes, "requestExit");
  await later(15n * DAY);
  await send(underwriters[1]!, c.insurance, "withdraw");
  await send(main2, c.nodes, "withdraw");
  await send(underwriters[0]!, c.insurance, "requestUnstake", [parseEther("5000")]); // pending at the end
  await send(flagger, c.nftStaking, "poke", [[staked.good, staked.bad]]);
  await checkpoint("exits");

  // ---- the default: flag (a claim opened), the council halts, slashed stake, one DAO proposal
  await send(flagger, c.exchange, "flag", [offerings.bad]);
  await send(flagger, c.insurance, "openClaim", [offerings.bad]);
  const firstClaim = await read<bigint>(c.insurance, "claimCount");
  const haltCall = encodeFunctionData({ abi: hashpowerExchangeAbi, functionName: "halt", args: [offerings.bad] });
  const nonce = await read<bigint>(council, "nonce");
  const safeTx = [c.exchange.address, 0n, haltCall, 0, 0n, 0n, 0n, zeroAddress, zeroAddress] as const;
  const txHash = await read<Hex>(council, "getTransactionHash", [...safeTx, nonce]);
  const signers = COUNCIL_INDICES.slice(0, COUNCIL_THRESHOLD)
    .map((addressIndex) => mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex }))
    .sort((a, b) => (BigInt(a.address) < BigInt(b.address) ? -1 : 1));
  const signatures = concat(await Promise.all(signers.map((signer) => signer.sign({ hash: txHash }))));
  await send(deployer, council, "execTransaction", [...safeTx, signatures]);
  await dmcTo(flagger, "3001");
  await send(flagger, c.dmc, "approve", [c.insurance.address, maxUint256]);
  await send(flagger, c.insurance, "depositSlashed", [offerings.bad, parseEther("3000")]);
  await send(flagger, c.insurance, "addToFund", [parseEther("1")]);
  const call = (contract: Contract, functionName: string, args: readonly unknown[]) => ({
    to: contract.address,
    data: encodeFunctionData({ abi: contract.abi, functionName, args }),
  });
  const payoutId = firstClaim + 1n;
  await passProposal(
    [
      call(c.insurance, "rejectClaim", [firstClaim]),
      call(c.insurance, "moveSlashedToFund", [offerings.bad, parseEther("1000")]),
      call(c.insurance, "openClaim", [offerings.bad]),
      // 200 DMC per unit: 2,000 from the slashed stake left, the rest from the underwriters' pot
      call(c.insurance, "executePayout", [payoutId, parseEther("5400")]),
      call(c.insurance, "setParams", [
        { cooldown: 7 * 86_400, window: 3 * 86_400, claimDuration: 20 * 86_400, maxPotShareBps: 4_000 },
      ]),
      call(c.insurance, "setPremiumToken", [c.ifil.address, true]),
      call(c.nftStaking, "setRate", [(await read<bigint>(c.nftStaking, "ratePerSecond")) * 2n]),
      call(c.nodes, "setStakes", [parseEther("25000"), parseEther("2500")]),
      call(c.nodes, "setCooldown", [7n * DAY]),
      call(c.nodes, "setCommission", [2_500n, 4_000n]),
      call(c.nodes, "setMaxRecruits", [20n]),
      call(c.nodes, "setFeeHook", [await read<Address>(c.nodes, "feeHook")]),
      call(c.nodes, "setWeightSink", [c.nodeRewards.address]),
      call(c.splitter, "setPremiumBps", [2_500n]),
      call(c.splitter, "setFeeToken", [c.ifil.address, true]),
      call(c.splitter, "setSinks", [
        await read<Address>(c.splitter, "commissionLedger"),
        await read<Address>(c.splitter, "premiumSink"),
        await read<Address>(c.splitter, "buyback"),
      ]),
      call(c.buyback, "setParameters", [150n, 30n, 1_800n, 7_200n]),
      call(c.buyback, "setMarket", [c.ifil.address, true]),
    ],
    "# Insurance payout for the defaulted offering, and the DeFi parameters",
  );
  await checkpoint("payout");
  await send(buyers[3]!, c.insurance, "claimPayout", [payoutId, [await tokenOf(buyers[3]!, offerings.bad)]]);
  await send(flagger, c.nftStaking, "poke", [[staked.bad]]);
  await send(buyers[2]!, c.nftStaking, "unstake", [[staked.bad]]);
  await send(buyers[2]!, c.insurance, "claimPayout", [payoutId, [staked.bad]]);
  await send(buyers[2]!, c.nftStaking, "claim", [buyers[2]]);
  await send(lps[2]!, c.ifilMining, "claim", [lps[2]]);
  await checkpoint("claimed");

  // ---- two years on: every pool's period is over, the payout's claim period too
  await later(731n * DAY);
  await send(buyers[0]!, c.nftStaking, "claim", [buyers[0]]);
  await send(lps[0]!, c.usdtMining, "exit", [lps[0]]);
  await send(lps[2]!, c.ifilMining, "withdraw", [await read<bigint>(c.ifilMining, "weightOf", [lps[2]]), lps[2]]);
  await send(light1, c.nodeRewards, "claim", [light1]);
  await send(flagger, c.insurance, "expirePayout", [payoutId]);
  await checkpoint("end");

  return {
    stack,
    c,
    checkpoints,
    who: { main1, main2, light1, lps, stakers, underwriters, buyers },
    offerings,
    staked,
    payoutId,
  };
}
