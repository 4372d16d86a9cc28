import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

import {
  assetRegistryAbi,
  dmcTokenAbi,
  dmexGovernorAbi,
  hashpowerExchangeAbi,
  insuranceFundAbi,
  LOCAL_CHAIN_ID,
  feeBuybackAbi,
  liquidityMiningAbi,
  mutualInsuranceAbi,
  nodeStakingRewardsAbi,
  positionStakingAbi,
  uniswapV2PairAbi,
  promotionNodesAbi,
  protocolFeeSplitterAbi,
  minerApplicationsAbi,
  positionAuctionsAbi,
  positionListingsAbi,
  positionLoansAbi,
  protocolParametersAbi,
  tradingRewardsAbi,
  type Deployment,
} from "@dmex/deployments";
import { generate } from "@dmex/deployments/generator";
import { createPublicClient, getAbiItem, http, type Abi, type AbiEvent, type Address, type PublicClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { anvilAddress, anvilStep, freePort, runSteps, startStack, StackError, type Stack } from "../src/index.js";
import { createSeedContext } from "../src/seed/context.js";
import {
  APPROVED_OFFERINGS,
  DEFAULTING_OFFERING_ID,
  DMC,
  DMC_GRANTS,
  HALT,
  OPEN_SALE_OFFERING,
  PENDING_APPLICATION,
  UNDELEGATED_HOLDER,
  AUCTIONS,
  LISTINGS,
  TRADING_REWARD_CLAIMERS,
  LENDERS,
  LENDING_E2E,
  LENDING_POSITIONS,
  LOAN_OFFERS,
  LOAN_REQUESTS,
  LOANS,
  DEFI_E2E,
  FIRST_REFERRAL_TOKEN_ID,
  FEE_FLOW,
  LIQUIDITY,
  LP_CLAIM,
  POSITION_POKE,
  POSITION_STAKES,
  POSITION_STAKING_CLAIM,
  POSITION_UNSTAKE,
  SWAPS,
  INSURANCE,
  LIGHT_NODES,
  MAIN_NODES,
  COMMISSION_CLAIM,
  NODE_STAKING_CLAIM,
  REFERRAL_PURCHASES,
} from "../src/seed/plan.js";

const RESERVED_PORTS = new Set([8545, 8000, 3000]);

async function testPort(): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (!RESERVED_PORTS.has(port)) return port;
  }
}

let workDir: string;
let stack: Stack;
let client: PublicClient;
let exchange: Address;
let startedIn = 0;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), "dmex-devstack-"));
  const started = Date.now();
  stack = await startStack({ port: await testPort(), workDir, isolated: true });
  startedIn = Date.now() - started;
  client = createPublicClient({ transport: http(stack.rpcUrl) }) as PublicClient;
  const contract = stack.deployment.contracts.HashpowerExchange;
  if (contract === undefined) throw new Error("no exchange deployed");
  exchange = contract.address;
}, 240_000);

afterAll(async () => {
  await stack?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

const deploymentsDir = () => {
  if (stack.deploymentsDir === undefined) throw new Error("isolated stack has a deployments dir");
  return stack.deploymentsDir;
};
const readDeploymentFile = (): Deployment & { $comment: string } =>
  JSON.parse(readFileSync(join(deploymentsDir(), "deployments", `${LOCAL_CHAIN_ID}.json`), "utf8"));
const regenerate = (rpcUrl = stack.rpcUrl) =>
  generate({
    outDir: deploymentsDir(),
    ...(stack.broadcastDir !== undefined && { broadcastDir: stack.broadcastDir }),
    rpcUrls: { [LOCAL_CHAIN_ID]: rpcUrl },
  });

describe("startStack", () => {
  it("runs on the requested port, never the default ones, and reports step timings", () => {
    const port = Number(new URL(stack.rpcUrl).port);
    expect(RESERVED_PORTS.has(port)).toBe(false);
    expect(stack.chainId).toBe(LOCAL_CHAIN_ID);
    expect(Object.keys(stack.timings)).toEqual(["anvil", "deploy", "generate", "seed"]);
    console.info(`stack up in ${(startedIn / 1000).toFixed(1)} s`, stack.timings);
  });

  it("refuses a port that is taken, with a message that says so", async () => {
    const port = Number(new URL(stack.rpcUrl).port);
    const dir = mkdtempSync(join(tmpdir(), "dmex-devstack-clash-"));
    try {
      await expect(startStack({ port, workDir: dir, isolated: true })).rejects.toThrow(
        /Port \d+ on 127\.0\.0\.1 is already in use/,
      );
      await expect(startStack({ port, workDir: dir, isolated: true })).rejects.toBeInstanceOf(StackError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("generated deployment", () => {
  it("the JSON file and the generated TS module both describe the deployment on the chain", async () => {
    const { $comment, ...fromFile } = readDeploymentFile();
    expect($comment).toMatch(/Do not edit/);
    expect(fromFile).toEqual(stack.deployment);
    const generated = await import(pathToFileURL(join(deploymentsDir(), "src", "generated", "deployments.ts")).href);
    expect(generated.deployments[LOCAL_CHAIN_ID]).toEqual(fromFile);
    expect(Object.keys(fromFile.contracts).sort()).toEqual(
      [
        "HashpowerExchange",
        "AssetRegistry",
        "IFIL",
        "MarketRateOracle",
        "OfferingFactory",
        "DefaultMonitor",
        "PrimaryAuctionSales",
        "PositionRenderer",
        "USDT",
        "WBTC",
        "DMCToken",
        "MiningReserve",
        "InsuranceFund",
        "DmexTimelock",
        "DmexGovernor",
        "MinerApplications",
        "ProtocolParameters",
        "CouncilSafe",
        "SafeL2",
        "SafeProxyFactory",
        "TeamVesting",
        "BackersVesting",
        "TradingRewards",
        "PositionListings",
        "PositionAuctions",
        "LoanOrders",
        "PositionLoans",
        "WETH9",
        "UniswapV2Factory",
        "UniswapV2Router02",
        "DmcUsdtPair",
        "DmcIfilPair",
        "ProtocolFeeSplitter",
        "FeeBuyback",
        "PromotionNodes",
        "MutualInsurance",
        "PositionStaking",
        "LiquidityMiningDmcUsdt",
        "LiquidityMiningDmcIfil",
        "NodeStakingRewards",
      ].sort(),
    );
    expect(fromFile.contracts.CouncilSafe?.contract).toBe("SafeL2");
    expect(fromFile.contracts.DmcUsdtPair?.contract).toBe("UniswapV2Pair");
    expect(fromFile.contracts.LiquidityMiningDmcIfil?.contract).toBe("LiquidityMining");
    expect(fromFile.contracts.TeamVesting?.contract).toBe("VestingWallet");
  });

  it("has code at every address, created exactly at its start block", async () => {
    for (const [name, contract] of Object.entries(stack.deployment.contracts)) {
      const before = await client.getCode({ address: contract.address, blockNumber: BigInt(contract.startBlock - 1) });
      const at = await client.getCode({ address: contract.address, blockNumber: BigInt(contract.startBlock) });
      expect(before ?? "0x", `${name} existed before its start block`).toBe("0x");
      expect((at ?? "0x").length, `${name} has no code at its start block`).toBeGreaterThan(2);
    }
  });

  it("wires the exchange as the deploy script says: renderer set, both assets registered with their reward tokens", async () => {
    const renderer = await client.readContract({
      address: exchange,
      abi: hashpowerExchangeAbi,
      functionName: "renderer",
    });
    expect(renderer.toLowerCase()).toBe(stack.deployment.contracts.PositionRenderer?.address);
    // The fee splitter of issue 13 collects every fee (the treasury account only at construction).
    const feeRecipient = await client.readContract({
      address: exchange,
      abi: hashpowerExchangeAbi,
      functionName: "feeRecipient",
    });
    expect(feeRecipient.toLowerCase()).toBe(stack.deployment.contracts.ProtocolFeeSplitter?.address);
    const registry = stack.deployment.contracts.AssetRegistry?.address;
    if (registry === undefined) throw new Error("no AssetRegistry in the deployment");
    const assets = await client.readContract({ address: exchange, abi: hashpowerExchangeAbi, functionName: "assets" });
    expect(assets.toLowerCase()).toBe(registry);
    expect(await client.readContract({ address: registry, abi: assetRegistryAbi, functionName: "assetCount" })).toBe(2);
    const btc = await client.readContract({
      address: registry,
      abi: assetRegistryAbi,
      functionName: "getAsset",
      args: [2],
    });
    expect(btc).toEqual({ symbol: "BTC", unitLabel: "TH/s" });
    const wbtc = stack.deployment.contracts.WBTC?.address;
    if (wbtc === undefined) throw new Error("no WBTC in the deployment");
    expect(
      await client.readContract({
        address: registry,
        abi: assetRegistryAbi,
        functionName: "isRewardToken",
        args: [2, wbtc],
      }),
    ).toBe(true);
    expect(
      await client.readContract({
        address: registry,
        abi: assetRegistryAbi,
        functionName: "isRewardToken",
        args: [1, wbtc],
      }),
    ).toBe(false);
  });

  it("regenerating is idempotent", async () => {
    const first = await regenerate();
    const contents = first.files.map((f) => readFileSync(f, "utf8"));
    const second = await regenerate();
    expect(second.files).toEqual(first.files);
    expect(second.files.map((f) => readFileSync(f, "utf8"))).toEqual(contents);
  });

  it("clears stale outputs: junk files, and the local deployment when the chain is not the deployed one", async () => {
    writeFileSync(join(deploymentsDir(), "deployments", "314.json"), "{}");
    mkdirSync(join(deploymentsDir(), "abis"), { recursive: true });
    writeFileSync(join(deploymentsDir(), "abis", "Gone.json"), "[]");
    await regenerate();
    expect(existsSync(join(deploymentsDir(), "deployments", "314.json"))).toBe(false);
    expect(existsSync(join(deploymentsDir(), "abis", "Gone.json"))).toBe(false);

    // A fresh anvil is a different chain with id 31337: the broadcast is older than it.
    const other = await runSteps([anvilStep({ port: await testPort() })], () => {});
    try {
      const otherUrl = other.context.rpcUrl;
      if (otherUrl === undefined) throw new Error("no rpc");
      const result = await regenerate(otherUrl);
      expect(result.deployments).toEqual([]);
      expect(result.skipped[0]?.reason).toMatch(/not the one in the broadcast|no code/);
      expect(existsSync(join(deploymentsDir(), "deployments", `${LOCAL_CHAIN_ID}.json`))).toBe(false);
      expect(readFileSync(join(deploymentsDir(), "src", "generated", "deployments.ts"), "utf8")).not.toContain(
        exchange,
      );
    } finally {
      await other.stop();
    }
    // Against the right chain it comes back.
    await regenerate();
    expect(readDeploymentFile().contracts.HashpowerExchange?.address).toBe(exchange);
  });
});

describe("seed", () => {
  const purchaseLogs = () =>
    client.getLogs({
      address: exchange,
      event: getAbiItem({ abi: hashpowerExchangeAbi, name: "PositionPurchased" }),
      fromBlock: BigInt(stack.deployment.contracts.HashpowerExchange?.startBlock ?? 0),
      toBlock: "latest",
      strict: true,
    });

  it("summary matches the chain: offerings, positions, 30+ purchases by 8 buyers", async () => {
    const seed = stack.seed;
    if (seed === undefined) throw new Error("no seed");
    const offeringCount = await client.readContract({
      address: exchange,
      abi: hashpowerExchangeAbi,
      functionName: "offeringCount",
    });
    expect(Number(offeringCount)).toBe(APPROVED_OFFERINGS.length);
    expect(seed.offerings).toHaveLength(APPROVED_OFFERINGS.length);

    const purchases = await purchaseLogs();
    expect(purchases.length).toBeGreaterThanOrEqual(30);
    // fixed-price buys, and the primary auctions the seed settled (the exchange mints their winners' positions)
    expect(purchases.length).toBe(seed.counts.purchases + seed.counts.primaryAuctionSales);
    const buyers = new Set(purchases.map((log) => log.args.buyer));
    expect(buyers.size).toBe(8);
    expect(seed.distinctBuyers).toBe(8);
    expect(new Set(seed.accounts.buyers)).toEqual(buyers);

    const positionCount = await client.readContract({
      address: exchange,
      abi: hashpowerExchangeAbi,
      functionName: "positionCount",
    });
    expect(Number(positionCount)).toBe(seed.positions);
    for (const offering of seed.offerings) {
      const onChain = await client.readContract({
        address: exchange,
        abi: hashpowerExchangeAbi,
        functionName: "getOffering",
        args: [BigInt(offering.id)],
      });
      expect(Number(onChain.unitsSold)).toBe(offering.unitsSold);
      expect(onChain.miner).toBe(offering.miner);
      expect(purchases.filter((p) => p.args.offeringId === BigInt(offering.id)).length).toBe(offering.positions);
    }
    expect(new Set(seed.offerings.map((o) => o.asset))).toEqual(new Set(["FIL", "BTC"]));
    expect(new Set(seed.offerings.map((o) => o.pricePerUnit)).size).toBe(APPROVED_OFFERINGS.length);
  });

  it("sells every position before its term starts, so each starts on its offering's first term day", async () => {
    const seed = stack.seed;
    if (seed === undefined) throw new Error("no seed");
    const purchases = await purchaseLogs();
    for (const offering of seed.offerings) {
      const onChain = await client.readContract({
        address: exchange,
        abi: hashpowerExchangeAbi,
        functionName: "getOffering",
        args: [BigInt(offering.id)],
      });
      expect(onChain.saleEnd).toBeLessThanOrEqual(onChain.termStartDay * 86_400);
      for (const p of purchases.filter((x) => x.args.offeringId === BigInt(offering.id))) {
        expect(p.args.startDay).toBe(BigInt(onChain.termStartDay));
        expect(p.args.purchaseDay).toBeLessThan(BigInt(onChain.termStartDay));
      }
    }
    // The late offering's sale is open when the stack comes up: its term starts after the last seeded day.
    const open = seed.offerings.find((o) => o.id === OPEN_SALE_OFFERING.id);
    expect(open?.status).toBe("Active");
    expect(open?.termStartDay).toBeGreaterThan(seed.endDay);
    expect(open?.unitsSold).toBeGreaterThan(0);
  });

  it("creates every offering through an application the DMC holders voted through and the timelock executed", async () => {
    const contracts = stack.deployment.contracts;
    const applications = contracts.MinerApplications?.address;
    const governor = contracts.DmexGovernor?.address;
    const timelock = contracts.DmexTimelock?.address;
    if (applications === undefined || governor === undefined || timelock === undefined)
      throw new Error("no DAO deployed");
    const fromBlock = BigInt(contracts.HashpowerExchange?.startBlock ?? 0);
    const created = await client.getLogs({
      address: exchange,
      event: getAbiItem({ abi: hashpowerExchangeAbi, name: "OfferingCreated" }),
      fromBlock,
      strict: true,
    });
    const approved = await client.getLogs({
      address: applications,
      event: getAbiItem({ abi: minerApplicationsAbi, name: "ApplicationApproved" }),
      fromBlock,
      strict: true,
    });
    expect(created).toHaveLength(APPROVED_OFFERINGS.length);
    expect(approved.map((l) => [l.args.applicationId, l.args.offeringId])).toEqual(
      APPROVED_OFFERINGS.map((o) => [BigInt(o.id), BigInt(o.id)]),
    );
    // Each offering was created in the transaction that executed its application's proposal.
    expect(approved.map((l) => l.transactionHash)).toEqual(created.map((l) => l.transactionHash));
    for (const plan of APPROVED_OFFERINGS) {
      const application = await client.readContract({
        address: applications,
        abi: minerApplicationsAbi,
        functionName: "getApplication",
        args: [BigInt(plan.id)],
      });
      expect(
        await client.readContract({
          address: governor,
          abi: dmexGovernorAbi,
          functionName: "state",
          args: [application.proposalId],
        }),
      ).toBe(7); // Executed
      expect(application.approved).toBe(true);
      expect(Number(application.offeringId)).toBe(plan.id);
      expect(application.terms.unitsTotal).toBeLessThanOrEqual(Number(application.terms.effectiveHashpower));
      const [against, forVotes] = await client.readContract({
        address: governor,
        abi: dmexGovernorAbi,
        functionName: "proposalVotes",
        args: [application.proposalId],
      });
      expect(forVotes).toBeGreaterThan(against);
      const onChain = await client.readContract({
        address: exchange,
        abi: hashpowerExchangeAbi,
        functionName: "getOffering",
        args: [BigInt(plan.id)],
      });
      expect(onChain.miner).toBe(application.miner);
    }
    // Nobody but MinerApplications can create offerings; the deployer kept no role; no registrar account.
    const registrarRole = await client.readContract({
      address: exchange,
      abi: hashpowerExchangeAbi,
      functionName: "REGISTRAR_ROLE",
    });
    const governorRole = await client.readContract({
      address: exchange,
      abi: hashpowerExchangeAbi,
      functionName: "GOVERNOR_ROLE",
    });
    const hasRole = (role: `0x${string}`, who: Address) =>
      client.readContract({ address: exchange, abi: hashpowerExchangeAbi, functionName: "hasRole", args: [role, who] });
    expect(await hasRole(registrarRole, applications)).toBe(true);
    expect(await hasRole(registrarRole, anvilAddress(2))).toBe(false);
    expect(await hasRole(governorRole, anvilAddress(0))).toBe(false);
    expect(await hasRole(governorRole, timelock)).toBe(true);
  });

  it("resolves Quickfil's default by DAO vote: flagged, halted and slashed by an executed proposal, refunds pulled; the rest stay active", async () => {
    const seed = stack.seed;
    const contracts = stack.deployment.contracts;
    const [governor, timelock, applications, dmc, insuranceFund] = [
      contracts.DmexGovernor,
      contracts.DmexTimelock,
      contracts.MinerApplications,
      contracts.DMCToken,
      contracts.InsuranceFund,
    ].map((c) => c?.address);
    if (seed === undefined || !governor || !timelock || !applications || !dmc || !insuranceFund)
      throw new Error("no seed or DAO");
    for (const offering of APPROVED_OFFERINGS) {
      const [canFlag, , , windowShare] = await client.readContract({
        address: exchange,
        abi: hashpowerExchangeAbi,
        functionName: "flaggable",
        args: [BigInt(offering.id)],
      });
      const onChain = await client.readContract({
        address: exchange,
        abi: hashpowerExchangeAbi,
        functionName: "getOffering",
        args: [BigInt(offering.id)],
      });
      if (offering.id === DEFAULTING_OFFERING_ID) {
        expect(onChain.status, "offering 3 status").toBe(3); // Halted
        // 60% with one 85% day a week: the old 7-days-running rule never fired, the window does.
        expect(Number(windowShare)).toBeGreaterThanOrEqual(600);
        expect(Number(windowShare)).toBeLessThan(800);
        expect(onChain.flagReason).toBe(2); // LowRewards
      } else {
        expect(onChain.status, `offering ${offering.id} status`).toBe(1); // Active
        expect(canFlag, `offering ${offering.id} flaggable`).toBe(false);
        if (offering.id !== OPEN_SALE_OFFERING.id) expect(Number(windowShare)).toBeGreaterThanOrEqual(990); // healthy: 99-107%, capped at 100%
      }
    }
    const fromBlock = BigInt(contracts.HashpowerExchange?.startBlock ?? 0);
    const [flagged] = await client.getLogs({
      address: exchange,
      event: getAbiItem({ abi: hashpowerExchangeAbi, name: "OfferingFlagged" }),
      fromBlock,
      strict: true,
    });
    const halted = await client.getLogs({
      address: exchange,
      event: getAbiItem({ abi: hashpowerExchangeAbi, name: "OfferingHalted" }),
      fromBlock,
      strict: true,
    });
    expect(flagged?.args).toMatchObject({
      offeringId: BigInt(DEFAULTING_OFFERING_ID),
      flagger: anvilAddress(HALT.flagger),
    });
    expect(halted).toHaveLength(1);
    // Halted by the timelock, i.e. by an executed proposal, not the council's guardian role.
    expect(halted[0]?.args.by.toLowerCase()).toBe(timelock);
    const haltId = seed.dao.haltProposalId;
    if (haltId === null) throw new Error("no halt proposal");
    expect(
      await client.readContract({
        address: governor,
        abi: dmexGovernorAbi,
        functionName: "state",
        args: [BigInt(haltId)],
      }),
    ).toBe(7);
    const [executed] = await client
      .getLogs({
        address: governor,
        event: getAbiItem({ abi: dmexGovernorAbi, name: "ProposalExecuted" }),
        args: {},
        fromBlock,
        strict: true,
      })
      .then((logs) => logs.filter((l) => l.args.proposalId === BigInt(haltId)));
    expect(executed?.transactionHash).toBe(halted[0]?.transactionHash);
    // The same proposal slashed Quickfil's stake (application 3) to the insurance fund.
    expect(
      await client.readContract({
        address: applications,
        abi: minerApplicationsAbi,
        functionName: "stakeState",
        args: [BigInt(DEFAULTING_OFFERING_ID)],
      }),
    ).toBe(3); // Slashed
    const stake = (
      await client.readContract({
        address: applications,
        abi: minerApplicationsAbi,
        functionName: "getApplication",
        args: [BigInt(DEFAULTING_OFFERING_ID)],
      })
    ).stake;
    // The fund held the 10M allocation and then the slashed stake: the DAO moved both into the mutual insurance pool.
    const paid = await client.getLogs({
      address: insuranceFund,
      event: getAbiItem({ abi: insuranceFundAbi, name: "InsurancePaid" }),
      fromBlock,
      strict: true,
    });
    expect(paid.map((l) => l.args.amount)).toEqual([10_000_000n * DMC, stake]);
    expect(
      await client.readContract({ address: dmc, abi: dmcTokenAbi, functionName: "balanceOf", args: [insuranceFund] }),
    ).toBe(0n);
    // Holders pulled refunds; one left for the app.
    const refunds = await client.getLogs({
      address: exchange,
      event: getAbiItem({ abi: hashpowerExchangeAbi, name: "RefundClaimed" }),
      fromBlock,
      strict: true,
    });
    expect(refunds.length).toBe(seed.dao.refunds.claimed);
    expect(seed.dao.refunds.claimed).toBeGreaterThan(0);
    expect(seed.dao.refunds.claimed).toBeLessThan(seed.dao.refunds.positions);
  });

  it("hands out genesis DMC: buyers 8 and 9 alone make quorum, 11 delegates to 10, 15 holds DMC with no votes", async () => {
    const seed = stack.seed;
    const dmc = stack.deployment.contracts.DMCToken?.address;
    const governor = stack.deployment.contracts.DmexGovernor?.address;
    if (seed === undefined || dmc === undefined || governor === undefined) throw new Error("no seed or DMC");
    const read = (functionName: "balanceOf" | "getVotes", account: number): Promise<bigint> =>
      functionName === "balanceOf"
        ? client.readContract({
            address: dmc,
            abi: dmcTokenAbi,
            functionName: "balanceOf",
            args: [anvilAddress(account)],
          })
        : client.readContract({
            address: dmc,
            abi: dmcTokenAbi,
            functionName: "getVotes",
            args: [anvilAddress(account)],
          });
    expect(await client.readContract({ address: dmc, abi: dmcTokenAbi, functionName: "totalSupply" })).toBe(
      100_000_000n * DMC,
    );
    const block = await client.getBlock();
    const quorum = await client.readContract({
      address: governor,
      abi: dmexGovernorAbi,
      functionName: "quorum",
      args: [block.timestamp - 1n],
    });
    expect(quorum).toBe(4_000_000n * DMC);
    expect((await read("getVotes", 8)) + (await read("getVotes", 9))).toBeGreaterThan(quorum);
    expect(await read("getVotes", 8)).toBe(2_200_000n * DMC);
    // the e2e votes with BUYER_1 and BUYER_2 and reads their 2.2M: the DeFi chapters leave both exactly there
    expect(await read("getVotes", 9)).toBe(2_200_000n * DMC);
    expect(
      await client.readContract({
        address: dmc,
        abi: dmcTokenAbi,
        functionName: "delegates",
        args: [anvilAddress(11)],
      }),
    ).toBe(anvilAddress(10));
    expect(await read("getVotes", 10)).toBe((await read("balanceOf", 10)) + (await read("balanceOf", 11)));
    expect(await read("getVotes", 11)).toBe(0n);
    expect(await read("balanceOf", UNDELEGATED_HOLDER)).toBeGreaterThan(0n);
    expect(
      await client.readContract({
        address: dmc,
        abi: dmcTokenAbi,
        functionName: "delegates",
        args: [anvilAddress(UNDELEGATED_HOLDER)],
      }),
    ).toBe("0x0000000000000000000000000000000000000000");
    expect(await read("getVotes", UNDELEGATED_HOLDER)).toBe(0n);
    expect(seed.dao.undelegatedHolder).toBe(anvilAddress(UNDELEGATED_HOLDER));
    // The genesis 5M is spent as planned: what the deployer kept is the rest.
    const granted = DMC_GRANTS.reduce((sum, g) => sum + g.amount, 0n);
    expect(await read("balanceOf", 0)).toBe(5_000_000n * DMC - granted);
    // The summary's holders are the chain's.
    for (const holder of seed.dao.holders) {
      expect(holder.balance).toBe((await read("balanceOf", holder.account)).toString());
      expect(holder.votes).toBe((await read("getVotes", holder.account)).toString());
    }
  });

  it("leaves a defeated and an executed fee proposal, and a 4th miner's application open for votes", async () => {
    const seed = stack.seed;
    const { ProtocolParameters, MinerApplications, DmexGovernor } = stack.deployment.contracts;
    if (seed === undefined || !ProtocolParameters || !MinerApplications || !DmexGovernor)
      throw new Error("no seed or DAO");
    expect(
      await client.readContract({
        address: ProtocolParameters.address,
        abi: protocolParametersAbi,
        functionName: "tradingFeeBps",
      }),
    ).toBe(150);
    const parameterStates = seed.dao.proposals.filter((p) => p.kind === "parameter").map((p) => p.state);
    expect(parameterStates).toEqual(["Defeated", "Executed"]);
    for (const p of seed.dao.proposals) {
      expect(
        await client.readContract({
          address: DmexGovernor.address,
          abi: dmexGovernorAbi,
          functionName: "state",
          args: [BigInt(p.id)],
        }),
      ).toBe(
        ["Pending", "Active", "Canceled", "Defeated", "Succeeded", "Queued", "Expired", "Executed"].indexOf(p.state),
      );
    }
    const pending = await client.readContract({
      address: MinerApplications.address,
      abi: minerApplicationsAbi,
      functionName: "getApplication",
      args: [BigInt(PENDING_APPLICATION.id)],
    });
    expect(pending.miner).toBe(anvilAddress(2));
    expect(pending.approved).toBe(false);
    expect(
      await client.readContract({
        address: DmexGovernor.address,
        abi: dmexGovernorAbi,
        functionName: "state",
        args: [pending.proposalId],
      }),
    ).toBe(1); // Active
    expect(
      await client.readContract({
        address: MinerApplications.address,
        abi: minerApplicationsAbi,
        functionName: "applicationCount",
      }),
    ).toBe(7n);
    expect(seed.dao.applications.map((a) => a.proposalState)).toEqual([
      "Executed",
      "Executed",
      "Executed",
      "Executed",
      "Executed",
      "Executed",
      "Active",
    ]);
    expect(
      await client.readContract({ address: exchange, abi: hashpowerExchangeAbi, functionName: "offeringCount" }),
    ).toBe(BigInt(APPROVED_OFFERINGS.length));
  });

  it("simulated 30 days of reports, deposits, claims and escrow withdrawals, with disclosure metadata", async () => {
    const seed = stack.seed;
    if (seed === undefined) throw new Error("no seed");
    expect(seed.daysSimulated).toBe(30);
    expect(seed.counts.claims).toBeGreaterThan(0);
    expect(seed.counts.withdrawals).toBeGreaterThan(0);
    const claimed = await client.getLogs({
      address: exchange,
      event: getAbiItem({ abi: hashpowerExchangeAbi, name: "RewardClaimed" }),
      fromBlock: 0n,
      toBlock: "latest",
    });
    expect(claimed.length).toBeGreaterThan(0);
    const offering = await client.readContract({
      address: exchange,
      abi: hashpowerExchangeAbi,
      functionName: "getOffering",
      args: [1n],
    });
    const json = JSON.parse(
      Buffer.from(offering.metadataURI.replace(/^data:application\/json;base64,/, ""), "base64").toString("utf8"),
    );
    expect(json).toMatchObject({
      company: { name: expect.any(String) },
      hashpower: { total: expect.any(Number), effective: expect.any(Number) },
    });
    expect(JSON.parse(readFileSync(join(workDir, "seed-summary.json"), "utf8"))).toEqual(seed);
  });

  it("trades: listings sold, cancelled, voided and live, auctions settled and running, DMC trading rewards claimed", async () => {
    const seed = stack.seed;
    if (seed === undefined) throw new Error("no seed");
    const address = (name: "PositionListings" | "PositionAuctions" | "TradingRewards") => {
      const contract = stack.deployment.contracts[name];
      if (contract === undefined) throw new Error(`no ${name}`);
      return contract.address;
    };
    const listings = address("PositionListings");
    const auctions = address("PositionAuctions");
    const rewards = address("TradingRewards");
    expect(seed.counts.listings).toBe(LISTINGS.length);
    expect(seed.counts.listingSales).toBe(LISTINGS.filter((l) => l.outcome.kind === "sold").length);
    const listed = await client.getLogs({
      address: listings,
      event: getAbiItem({ abi: positionListingsAbi, name: "Listed" }),
      fromBlock: 0n,
      toBlock: "latest",
    });
    const live = [];
    for (const log of listed) {
      const tokenId = log.args.tokenId;
      if (tokenId === undefined) continue;
      if (
        await client.readContract({
          address: listings,
          abi: positionListingsAbi,
          functionName: "isLive",
          args: [tokenId],
        })
      )
        live.push(tokenId);
    }
    expect(live.length).toBe(LISTINGS.filter((l) => l.outcome.kind === "live").length);

    const states = [];
    for (let id = 1n; id <= BigInt(seed.counts.auctions); id++) {
      const a = await client.readContract({
        address: auctions,
        abi: positionAuctionsAbi,
        functionName: "getAuction",
        args: [id],
      });
      states.push(a.state);
    }
    // Settled: the secondary and the primary of AUCTIONS; Open: the running one, the ending-soon one, the unbid primary.
    expect(states.filter((s) => s === 2).length).toBe(AUCTIONS.filter((a) => a.settleDayOffset !== undefined).length);
    expect(states.filter((s) => s === 1).length).toBe(3);
    const running = AUCTIONS.find((a) => a.settleDayOffset === undefined);
    const outbid = running?.bids[1]?.bidder;
    const outbidAccount = outbid === undefined ? undefined : seed.accounts.buyers[outbid];
    if (outbidAccount === undefined) throw new Error("no outbid bidder in the plan");
    const usdt = stack.deployment.contracts.USDT?.address;
    if (usdt === undefined) throw new Error("no USDT");
    expect(
      await client.readContract({
        address: auctions,
        abi: positionAuctionsAbi,
        functionName: "withdrawable",
        args: [outbidAccount, usdt],
      }),
    ).toBeGreaterThan(0n);

    expect(seed.counts.tradingRewardClaims).toBe(TRADING_REWARD_CLAIMERS.length);
    const claimedDmc = await client.getLogs({
      address: rewards,
      event: getAbiItem({ abi: tradingRewardsAbi, name: "RewardsClaimed" }),
      fromBlock: 0n,
      toBlock: "latest",
    });
    expect(claimedDmc.length).toBe(TRADING_REWARD_CLAIMERS.length);
    // Buyers who did not claim can, in the app: their primary-sale fees of the first epochs.
    const [claimable] = await client.readContract({
      address: rewards,
      abi: tradingRewardsAbi,
      functionName: "earned",
      args: [seed.accounts.buyers[0] as Address],
    });
    expect(claimable).toBeGreaterThan(0n);
  });

  it("lends: open offers of every kind and a request, loans repaid, self-repaid, refinanced, foreclosed and overdue", async () => {
    const seed = stack.seed;
    if (seed === undefined) throw new Error("no seed");
    const loans = stack.deployment.contracts.PositionLoans?.address;
    if (loans === undefined) throw new Error("no PositionLoans");
    const contract = { address: loans, abi: positionLoansAbi } as const;
    const range = { address: loans, fromBlock: 0n, toBlock: "latest", strict: true } as const;
    const started = await client.getLogs({
      ...range,
      event: getAbiItem({ abi: positionLoansAbi, name: "LoanStarted" }),
    });
    const refinanced = await client.getLogs({
      ...range,
      event: getAbiItem({ abi: positionLoansAbi, name: "LoanRefinanced" }),
    });
    const foreclosed = await client.getLogs({
      ...range,
      event: getAbiItem({ abi: positionLoansAbi, name: "LoanForeclosed" }),
    });
    const payments = await client.getLogs({
      ...range,
      event: getAbiItem({ abi: positionLoansAbi, name: "LoanPayment" }),
    });
    expect(seed.counts.loanOffers).toBe(LOAN_OFFERS.length);
    expect(seed.counts.loanRequests).toBe(LOAN_REQUESTS.length);
    expect(seed.counts.loansStarted).toBe(LOANS.length);
    expect(started.length).toBe(LOANS.length);
    expect(refinanced.map((l) => l.args.loanId)).toEqual([LENDING_POSITIONS.refinanced]);
    expect(foreclosed.map((l) => l.args.loanId)).toEqual([LENDING_POSITIONS.foreclosed]);
    expect(seed.counts.rewardApplications).toBeGreaterThanOrEqual(1);

    const loanOf = (id: bigint) => client.readContract({ ...contract, functionName: "loanOf", args: [id] });
    const ownerOf = (id: bigint) =>
      client.readContract({ address: exchange, abi: hashpowerExchangeAbi, functionName: "ownerOf", args: [id] });
    // repaid in two payments (a partial one first), then the loan is gone and the position is the borrower's again
    expect(payments.filter((p) => p.args.loanId === LENDING_POSITIONS.repaid).length).toBe(2);
    expect((await loanOf(LENDING_POSITIONS.repaid)).borrower).toBe("0x0000000000000000000000000000000000000000");
    // self-repaying: paid down in the reward token, still live
    const selfRepaying = await loanOf(LENDING_POSITIONS.selfRepaying);
    expect(selfRepaying.selfRepaying).toBe(true);
    expect(selfRepaying.principal).toBeLessThan(LOAN_OFFERS[1]?.terms.principal ?? 0n);
    const ifil = stack.deployment.contracts.IFIL?.address.toLowerCase();
    expect(
      payments.some((p) => p.args.loanId === LENDING_POSITIONS.selfRepaying && p.args.token.toLowerCase() === ifil),
    ).toBe(true);
    // foreclosed: the position is its lender's
    expect(await ownerOf(LENDING_POSITIONS.foreclosed)).toBe(anvilAddress(LENDERS.first));
    // what the e2e starts from
    const now = Number((await client.getBlock()).timestamp);
    const overdue = await loanOf(LENDING_E2E.foreclose.loanId);
    expect(overdue.lender).toBe(anvilAddress(LENDING_E2E.foreclose.lender));
    expect(now).toBeGreaterThanOrEqual(overdue.dueTime + overdue.gracePeriod);
    const active = await loanOf(LENDING_E2E.refinance.loanId);
    expect(active.lender).toBe(anvilAddress(LENDING_E2E.refinance.lender));
    expect(now).toBeLessThan(active.dueTime);
    for (const id of [
      LENDING_E2E.borrow.singleOfferId,
      ...LENDING_E2E.borrow.collectionOfferIds,
      LENDING_E2E.selfRepaying.offerId,
      LENDING_E2E.tokenOfferId,
    ])
      expect(await client.readContract({ ...contract, functionName: "isOfferOpen", args: [BigInt(id)] })).toBe(true);
    const collection = await client.readContract({ ...contract, functionName: "offerOf", args: [5n] });
    expect(collection.fills).toBe(1);
    const request = await client.readContract({
      ...contract,
      functionName: "requestOf",
      args: [BigInt(LENDING_E2E.openRequestId)],
    });
    expect(request.collateral.kind).toBe(4);
    for (const tokenId of [LENDING_E2E.borrow.tokenId, LENDING_E2E.selfRepaying.tokenId])
      expect(await ownerOf(tokenId)).toBe(anvilAddress(LENDING_E2E.borrow.borrower));
  });
});

describe("DeFi seed (issue 13)", () => {
  const contract = (name: keyof Deployment["contracts"]) => {
    const c = stack.deployment.contracts[name];
    if (c === undefined) throw new Error(`no ${name}`);
    return c.address;
  };
  /** Logs of `name` by `address`, decoded with `abi` (args loosely typed: the assertions name what they read). */
  const logsOf = (address: Address, abi: Abi, name: string) =>
    client.getLogs({
      address,
      event: getAbiItem({ abi, name }) as AbiEvent,
      fromBlock: 0n,
      toBlock: "latest",
      strict: true,
    }) as unknown as Promise<{ args: Record<string, unknown>; transactionHash: string; blockNumber: bigint }[]>;

  it("insurance: the DAO funded the pool with 10M DMC, underwriters staked, a payout for offering 3 was executed and partly claimed", async () => {
    const seed = stack.seed;
    if (seed === undefined) throw new Error("no seed");
    const insurance = { address: contract("MutualInsurance"), abi: mutualInsuranceAbi } as const;
    const [fund, pot, slashed, unclaimed, totalShares] = await client.readContract({
      ...insurance,
      functionName: "pools",
    });
    const underwritten = INSURANCE.underwriters.reduce((sum, u) => sum + u.amount, 0n);
    const payout = await client.readContract({
      ...insurance,
      functionName: "getPayout",
      args: [DEFI_E2E.unclaimedPayout.payoutId],
    });
    const [executed] = await logsOf(insurance.address, mutualInsuranceAbi, "PayoutExecuted");
    const fromPot = executed?.args.fromPot as bigint;
    // the order of loss: Quickfil's slashed stake first, the rest from the underwriters' pot; the fund untouched
    expect(executed?.args.fromSlashed).toBeGreaterThan(0n);
    expect(fromPot).toBeGreaterThan(0n);
    expect(executed?.args.fromFund).toBe(0n);
    expect(slashed).toBe(0n);
    expect(fund).toBe(INSURANCE.funding.amount);
    expect(pot).toBe(underwritten - fromPot);
    expect(totalShares).toBeGreaterThan(0n);
    expect(payout.perUnit).toBe(INSURANCE.payout.perUnit);
    expect(payout.offeringId).toBe(DEFAULTING_OFFERING_ID);
    const claimedIds = INSURANCE.payout.claims.flatMap((c) => c.tokenIds);
    const claims = await logsOf(insurance.address, mutualInsuranceAbi, "PayoutClaimed");
    expect(claims.map((l) => l.args.tokenId)).toEqual(claimedIds);
    expect(payout.claimed).toBe(claims.reduce((sum, l) => sum + (l.args.amount as bigint), 0n));
    expect(unclaimed).toBe(payout.total - payout.claimed);
    // BUYER_1's position of offering 3 keeps its payout unclaimed, for the e2e
    const { tokenId, account } = DEFI_E2E.unclaimedPayout;
    expect(
      await client.readContract({
        ...insurance,
        functionName: "hasClaimed",
        args: [DEFI_E2E.unclaimedPayout.payoutId, tokenId],
      }),
    ).toBe(false);
    expect(
      await client.readContract({
        ...insurance,
        functionName: "claimableOf",
        args: [DEFI_E2E.unclaimedPayout.payoutId, tokenId],
      }),
    ).toBeGreaterThan(0n);
    expect(
      await client.readContract({
        address: exchange,
        abi: hashpowerExchangeAbi,
        functionName: "ownerOf",
        args: [tokenId],
      }),
    ).toBe(anvilAddress(account));
    // underwriters: shares held, one exit in its cooldown; exits are not frozen (the claim ended with the payout)
    for (const u of INSURANCE.underwriters) {
      const [shares] = await client.readContract({
        ...insurance,
        functionName: "underwriterOf",
        args: [anvilAddress(u.account)],
      });
      expect(shares, `underwriter ${u.account}`).toBeGreaterThan(0n);
    }
    const request = await client.readContract({
      ...insurance,
      functionName: "requestOf",
      args: [anvilAddress(INSURANCE.unstakeRequest.account)],
    });
    expect(request.shares).toBeGreaterThan(0n);
    expect(BigInt(request.readyAt)).toBeGreaterThan((await client.getBlock()).timestamp);
    expect((await client.readContract({ ...insurance, functionName: "frozen" }))[0]).toBe(false);
    // both DAO proposals executed by the timelock
    const kinds = seed.dao.proposals.filter((p) => p.kind === "insurance");
    expect(kinds.map((p) => p.state)).toEqual(["Executed", "Executed"]);
    expect(seed.defi.insurance.payout?.perUnit).toBe(INSURANCE.payout.perUnit.toString());
  });

  it("nodes: two main nodes with light nodes, referral purchases recorded, commission funded by the splitter and claimed", async () => {
    const nodes = { address: contract("PromotionNodes"), abi: promotionNodesAbi } as const;
    const usdt = contract("USDT");
    const dmc = contract("DMCToken");
    for (const main of MAIN_NODES) {
      const node = await client.readContract({ ...nodes, functionName: "nodeOf", args: [anvilAddress(main)] });
      expect(node.kind, `main node ${main}`).toBe(1);
      expect(node.stake).toBe(20_000n * DMC);
      expect(node.recruits).toBe(LIGHT_NODES.filter((l) => l.mainNode === main).length);
      // the vault delegates back: the staked DMC keeps its votes
      const vault = await client.readContract({ ...nodes, functionName: "vaultOf", args: [anvilAddress(main)] });
      expect(
        await client.readContract({ address: dmc, abi: dmcTokenAbi, functionName: "delegates", args: [vault] }),
      ).toBe(anvilAddress(main));
    }
    for (const light of LIGHT_NODES) {
      const node = await client.readContract({ ...nodes, functionName: "nodeOf", args: [anvilAddress(light.account)] });
      expect(node.kind, `light node ${light.account}`).toBe(2);
      expect(node.mainNode).toBe(anvilAddress(light.mainNode));
      expect(node.stake).toBe(2_000n * DMC);
    }
    // each referral purchase minted its planned position and earned its node (and a light node's main node) commission
    const recorded = await logsOf(nodes.address, promotionNodesAbi, "CommissionRecorded");
    expect(recorded.map((l) => l.args.node)).toEqual(REFERRAL_PURCHASES.map((p) => anvilAddress(p.referrer)));
    const purchased = await logsOf(exchange, hashpowerExchangeAbi, "PositionPurchased");
    const referred = purchased.filter((l) => l.args.referrer !== "0x0000000000000000000000000000000000000000");
    expect(
      referred.filter((l) => (l.args.tokenId as bigint) >= FIRST_REFERRAL_TOKEN_ID).map((l) => l.args.referrer),
    ).toEqual(REFERRAL_PURCHASES.map((p) => anvilAddress(p.referrer)));
    const light = LIGHT_NODES.find((l) => l.account === REFERRAL_PURCHASES[0]?.referrer);
    expect(recorded[0]?.args.mainNode).toBe(anvilAddress(light?.mainNode ?? -1));
    expect(recorded[0]?.args.mainShare).toBeGreaterThan(0n);
    // the splitter funded all of it, the light node claimed its part, the rest waits for the app
    const ledger = await client.readContract({ ...nodes, functionName: "ledgerOf", args: [usdt] });
    expect(ledger.recorded).toBeGreaterThan(0n);
    expect(ledger.funded).toBe(ledger.recorded);
    const distributed = await logsOf(contract("ProtocolFeeSplitter"), protocolFeeSplitterAbi, "Distributed");
    expect(distributed.reduce((sum, l) => sum + (l.args.commission as bigint), 0n)).toBe(ledger.funded);
    const claimer = anvilAddress(COMMISSION_CLAIM.node);
    const commission = await client.readContract({ ...nodes, functionName: "commissionOf", args: [claimer, usdt] });
    expect(commission.claimed).toBe(commission.earned);
    expect(ledger.paid).toBe(commission.claimed);
    expect(
      await client.readContract({ ...nodes, functionName: "claimable", args: [anvilAddress(DEFI_E2E.mainNode), usdt] }),
    ).toBeGreaterThan(0n);
    // node-staking DMC: every node weighs its stake; one main node claimed
    const rewards = { address: contract("NodeStakingRewards"), abi: nodeStakingRewardsAbi } as const;
    expect(await client.readContract({ ...rewards, functionName: "totalWeight" })).toBe(
      BigInt(MAIN_NODES.length) * 20_000n * DMC + BigInt(LIGHT_NODES.length) * 2_000n * DMC,
    );
    const claimed = await logsOf(rewards.address, nodeStakingRewardsAbi, "DmcClaimed");
    expect(claimed.map((l) => l.args.account)).toEqual([anvilAddress(NODE_STAKING_CLAIM.node)]);
    expect(claimed[0]?.args.amount).toBeGreaterThan(0n);
  });

  it("liquidity: both pairs funded through the router at the planned prices, swapped on several days, LP staked and mined", async () => {
    const dmc = contract("DMCToken").toLowerCase();
    for (const [quote, pairName, miningName, launchQuotePerDmc] of [
      ["USDT", "DmcUsdtPair", "LiquidityMiningDmcUsdt", 0.25],
      ["IFIL", "DmcIfilPair", "LiquidityMiningDmcIfil", 1 / 22],
    ] as const) {
      const pair = { address: contract(pairName), abi: uniswapV2PairAbi } as const;
      const [r0, r1] = await client.readContract({ ...pair, functionName: "getReserves" });
      const dmcIs0 = (await client.readContract({ ...pair, functionName: "token0" })).toLowerCase() === dmc;
      const [reserveDmc, reserveQuote] = dmcIs0 ? [r0, r1] : [r1, r0];
      const price = Number(reserveQuote) / 10 ** (quote === "USDT" ? 6 : 18) / (Number(reserveDmc) / 1e18);
      // the swaps move it, within 10% of the launch price
      expect(Math.abs(price / launchQuotePerDmc - 1), `DMC/${quote} price ${price}`).toBeLessThan(0.1);
      const mints = await logsOf(pair.address, uniswapV2PairAbi, "Mint");
      expect(mints.length, `DMC/${quote} liquidity adds`).toBe(LIQUIDITY.filter((l) => l.pair === quote).length);
      const swaps = await logsOf(pair.address, uniswapV2PairAbi, "Swap");
      // the planned swaps, plus the buyback's conversions on the USDT pair
      expect(swaps.length).toBeGreaterThanOrEqual(SWAPS.filter((s) => s.pair === quote).length);
      const mining = { address: contract(miningName), abi: liquidityMiningAbi } as const;
      const staked = await client.readContract({ ...mining, functionName: "totalWeight" });
      expect(staked).toBeGreaterThan(0n);
      for (const plan of LIQUIDITY.filter((l) => l.pair === quote)) {
        const provider = anvilAddress(plan.provider);
        const weight = await client.readContract({ ...mining, functionName: "weightOf", args: [provider] });
        const held = await client.readContract({ ...pair, functionName: "balanceOf", args: [provider] });
        expect(weight, `provider ${plan.provider}`).toBeGreaterThan(0n);
        if (plan.stakeBps === 10_000) expect(held).toBe(0n);
        else expect(held).toBeGreaterThan(0n);
      }
      expect(await client.readContract({ ...mining, functionName: "emitted" })).toBeGreaterThan(0n);
    }
    const claims = await logsOf(contract("LiquidityMiningDmcIfil"), liquidityMiningAbi, "DmcClaimed");
    expect(claims.map((l) => l.args.account)).toEqual([anvilAddress(LP_CLAIM.account)]);
    // the price chart has points on several days
    const swapBlocks = await logsOf(contract("DmcUsdtPair"), uniswapV2PairAbi, "Swap");
    expect(swapBlocks.length).toBeGreaterThanOrEqual(4);
  });

  it("position staking: positions staked in place keep their owner and rewards, one poked, one claim, one unstaked", async () => {
    const pool = { address: contract("PositionStaking"), abi: positionStakingAbi } as const;
    const staked = POSITION_STAKES.flatMap((s) => s.tokenIds.map((tokenId) => ({ tokenId, staker: s.staker })));
    let total = 0n;
    for (const { tokenId, staker } of staked) {
      const [by, weight] = await client.readContract({ ...pool, functionName: "stakeOf", args: [tokenId] });
      const st = await client.readContract({
        address: exchange,
        abi: hashpowerExchangeAbi,
        functionName: "positionState",
        args: [tokenId],
      });
      expect(st.owner, `position ${tokenId}`).toBe(anvilAddress(staker));
      if ((POSITION_UNSTAKE.tokenIds as readonly bigint[]).includes(tokenId)) {
        expect(BigInt(by)).toBe(0n);
        expect(BigInt(st.lockHolder)).toBe(0n);
        continue;
      }
      expect(by, `position ${tokenId}`).toBe(anvilAddress(staker));
      expect(st.lockHolder.toLowerCase()).toBe(pool.address.toLowerCase());
      expect(weight).toBeGreaterThan(0n);
      total += weight;
    }
    expect(await client.readContract({ ...pool, functionName: "totalWeight" })).toBe(total);
    const reweighted = await logsOf(pool.address, positionStakingAbi, "StakeReweighted");
    expect(reweighted.map((l) => l.args.tokenId)).toEqual([...POSITION_POKE.tokenIds]);
    expect(reweighted[0]?.args.newWeight).toBeLessThan(reweighted[0]?.args.oldWeight as bigint);
    const claims = await logsOf(pool.address, positionStakingAbi, "DmcClaimed");
    expect(claims.map((l) => l.args.account)).toEqual([anvilAddress(POSITION_STAKING_CLAIM.staker)]);
    expect(claims[0]?.args.amount).toBeGreaterThan(0n);
    // staked positions keep paying their daily rewards to their owners (the claims chapter claimed them while staked)
    const rewardClaims = await logsOf(exchange, hashpowerExchangeAbi, "RewardClaimed");
    const stakedAt = await logsOf(pool.address, positionStakingAbi, "PositionStaked");
    const claimedWhileStaked = rewardClaims.filter((claim) =>
      stakedAt.some((s) => s.args.tokenId === claim.args.tokenId && s.blockNumber < claim.blockNumber),
    );
    expect(claimedWhileStaked.length).toBeGreaterThan(0);
  });

  it("buyback: the splitter fed it and it converted USDT for DMC against the pair's TWAP on two days, with USDT left for the app", async () => {
    const seed = stack.seed;
    if (seed === undefined) throw new Error("no seed");
    const buyback = { address: contract("FeeBuyback"), abi: feeBuybackAbi } as const;
    const usdt = contract("USDT");
    const converted = await logsOf(buyback.address, feeBuybackAbi, "Converted");
    expect(converted).toHaveLength(FEE_FLOW.length);
    const days = new Set<number>();
    for (const log of converted) {
      const { amountIn, dmcOut, dmcAtTwap, minOut, window } = log.args as Record<string, bigint>;
      expect(amountIn).toBeGreaterThan(0n);
      expect(dmcOut).toBeGreaterThanOrEqual(minOut as bigint);
      expect(dmcOut).toBeLessThanOrEqual(dmcAtTwap as bigint); // the pair's fee and the trade's impact
      expect(window).toBeGreaterThanOrEqual(30n * 60n);
      const block = await client.getBlock({ blockNumber: log.blockNumber });
      days.add(Math.floor(Number(block.timestamp) / 86_400));
    }
    expect(days.size).toBe(FEE_FLOW.length);
    const [amountIn, dmcOut, , conversions] = await client.readContract({
      ...buyback,
      functionName: "totals",
      args: [usdt],
    });
    expect(Number(conversions)).toBe(FEE_FLOW.length);
    expect(seed.defi.buyback).toMatchObject({ usdtIn: amountIn.toString(), dmcOut: dmcOut.toString(), conversions: 2 });
    const distributed = await logsOf(contract("ProtocolFeeSplitter"), protocolFeeSplitterAbi, "Distributed");
    expect(distributed).toHaveLength(FEE_FLOW.length);
    const sentToBuyback = distributed.reduce((sum, l) => sum + (l.args.buyback as bigint), 0n);
    const premiums = distributed.reduce((sum, l) => sum + (l.args.premium as bigint), 0n);
    expect(premiums).toBeGreaterThan(0n);
    // a conversion takes at most 0.2% of the pair's USDT: what is left stays for the next caller (the e2e)
    expect(
      await client.readContract({
        address: usdt,
        abi: dmcTokenAbi,
        functionName: "balanceOf",
        args: [buyback.address],
      }),
    ).toBe(sentToBuyback - amountIn);
    expect(sentToBuyback - amountIn).toBeGreaterThan(0n);
  });
});

describe("seed confirmations", () => {
  const erc20Abi = [
    {
      type: "function",
      name: "balanceOf",
      stateMutability: "view",
      inputs: [{ name: "account", type: "address" }],
      outputs: [{ type: "uint256" }],
    },
    {
      type: "function",
      name: "transfer",
      stateMutability: "nonpayable",
      inputs: [
        { name: "to", type: "address" },
        { name: "amount", type: "uint256" },
      ],
      outputs: [{ type: "bool" }],
    },
  ] as const;

  it("sends once more, with twice the gas, a transaction that reverted but succeeds replayed on the block before", async () => {
    const logs: string[] = [];
    const ctx = createSeedContext({
      rpcUrl: stack.rpcUrl,
      deployment: stack.deployment,
      anchorDay: 0,
      log: (m) => logs.push(m),
    });
    const from = anvilAddress(16);
    const to = anvilAddress(17);
    const before = await ctx.publicClient.readContract({
      address: ctx.contracts.usdt,
      abi: erc20Abi,
      functionName: "balanceOf",
      args: [to],
    });
    // 30,000 gas runs out inside the transfer (it costs more); the replay as a call has no gas limit
    const hash = await ctx.wallet.writeContract({
      account: from,
      chain: null,
      address: ctx.contracts.usdt,
      abi: erc20Abi,
      functionName: "transfer",
      args: [to, 1n],
      gas: 30_000n,
    });
    const receipt = await ctx.confirm(hash);
    expect(receipt.status).toBe("success");
    expect(receipt.transactionHash).not.toBe(hash);
    expect(logs.some((m) => m.includes(`seed transaction ${hash} reverted`) && m.includes("of 30000"))).toBe(true);
    const after = await ctx.publicClient.readContract({
      address: ctx.contracts.usdt,
      abi: erc20Abi,
      functionName: "balanceOf",
      args: [to],
    });
    expect(after - before).toBe(1n);
  });

  it("stops at a transaction that reverts on the state before it too, naming the error", async () => {
    const ctx = createSeedContext({ rpcUrl: stack.rpcUrl, deployment: stack.deployment, anchorDay: 0 });
    const from = anvilAddress(16);
    const balance = await ctx.publicClient.readContract({
      address: ctx.contracts.usdt,
      abi: erc20Abi,
      functionName: "balanceOf",
      args: [from],
    });
    const hash = await ctx.wallet.writeContract({
      account: from,
      chain: null,
      address: ctx.contracts.usdt,
      abi: erc20Abi,
      functionName: "transfer",
      args: [anvilAddress(17), balance + 1n],
      gas: 200_000n,
    });
    await expect(ctx.confirm(hash)).rejects.toThrow(/ERC20InsufficientBalance/);
  });
});
