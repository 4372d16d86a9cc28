import {
  bridgedTokenAbi,
  hashpowerExchangeAbi,
  localChain,
  marketRateOracleAbi,
  requireContractIn,
  type Deployment,
} from "./contracts.js";
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  http,
  maxUint256,
  type Address,
  type Hash,
  type PublicClient,
} from "viem";

import { StackError } from "../internal/errors.js";
import { anvilAddress, BUYER_INDICES, MINER_INDICES, ROLE_INDEX, SPARE_INDICES } from "./accounts.js";
import {
  ASSET_ID,
  CLAIM_DAYS,
  CLAIMING_BUYERS,
  DEFAULTING_OFFERING_ID,
  FEE_COLLECTION_DAY,
  FIRST_SIMULATED_DAY,
  healthyRatioBps,
  marketAverageWad,
  metadataURI,
  MINERS,
  OFFERINGS,
  PURCHASES,
  SIMULATED_DAYS,
  UNDERPAID_DAYS,
  UNDERPAY_RATIO_BPS,
  USDT_PER_ACCOUNT,
  WITHDRAW_DAYS,
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
 * Seeds a fresh local deployment with the fixed scenario of plan.ts: 3 miners, 5 offerings,
 * 36 purchases by 8 buyers, 30 simulated days of oracle reports, reward deposits, claims and
 * escrow withdrawals. Ends with offering 3 flaggable (its miner under-paid, then stopped) and
 * unflagged, every other offering not flaggable; throws if the chain disagrees.
 */
export async function seed(options: SeedOptions): Promise<SeedSummary> {
  const log = options.log ?? (() => {});
  const chain = { ...localChain, rpcUrls: { default: { http: [options.rpcUrl] } } };
  const transport = http(options.rpcUrl, { batch: false });
  const publicClient = createPublicClient({ chain, transport }) as PublicClient;
  const wallet = createWalletClient({ chain, transport });
  const testClient = createTestClient({ chain, mode: "anvil", transport });

  const exchange = requireContractIn(options.deployment, "HashpowerExchange");
  const oracle = requireContractIn(options.deployment, "MarketRateOracle");
  const usdt = requireContractIn(options.deployment, "USDT");
  const rewardToken = { FIL: requireContractIn(options.deployment, "IFIL"), BTC: requireContractIn(options.deployment, "WBTC") };

  const deployer = anvilAddress(ROLE_INDEX.deployer);
  const treasury = anvilAddress(ROLE_INDEX.treasury);
  const registrar = anvilAddress(ROLE_INDEX.registrar);
  const reporter = anvilAddress(ROLE_INDEX.reporter);
  const minter = anvilAddress(ROLE_INDEX.minter);
  const miners = MINER_INDICES.map(anvilAddress);
  const buyers = BUYER_INDICES.map(anvilAddress);
  const spares = SPARE_INDICES.map(anvilAddress);
  const counts: SeedCounts = { purchases: 0, deposits: 0, reports: 0, claims: 0, withdrawals: 0, feeCollections: 0, mints: 0, transactions: 0 };

  const confirm = async (hash: Hash) => {
    counts.transactions++;
    // anvil mines each transaction at once; fall back to polling if it is configured otherwise.
    const receipt = await publicClient
      .getTransactionReceipt({ hash })
      .catch(() => publicClient.waitForTransactionReceipt({ hash, pollingInterval: 50 }));
    if (receipt.status !== "success") throw new StackError(`seed transaction ${hash} reverted`);
    return receipt;
  };
  const setDay = async (day: number, secondsIntoDay = 2 * 3_600) => {
    await testClient.setNextBlockTimestamp({ timestamp: BigInt(day * DAY + secondsIntoDay) });
    await testClient.mine({ blocks: 1 });
  };
  const minerOf = (plan: OfferingPlan): Address => {
    const address = miners[plan.minerSlot];
    if (address === undefined) throw new Error(`no miner slot ${plan.minerSlot}`);
    return address;
  };
  const day0 = options.anchorDay;

  // ------------------------------------------------------------------ day 0: funding and offerings
  const head = await publicClient.getBlock();
  if (Number(head.timestamp) >= day0 * DAY + 2 * 3_600) {
    throw new StackError(
      `The chain is already at ${new Date(Number(head.timestamp) * 1000).toISOString()}, past the seed's day 0 02:00 UTC.`,
      "Seed a fresh chain (start anvil with the stack's genesis timestamp) or pick a later anchor day.",
    );
  }
  await setDay(day0);
  log(`  day 0 = ${new Date(day0 * DAY * 1000).toISOString().slice(0, 10)}: funding, offerings, first purchases`);

  const mint = async (token: Address, to: Address, amount: bigint) => {
    counts.mints++;
    await confirm(await wallet.writeContract({ account: minter, chain, address: token, abi: bridgedTokenAbi, functionName: "mint", args: [to, amount] }));
  };
  const approve = async (owner: Address, token: Address) =>
    confirm(await wallet.writeContract({ account: owner, chain, address: token, abi: bridgedTokenAbi, functionName: "approve", args: [exchange, maxUint256] }));

  for (const account of [...buyers, ...spares]) {
    await mint(usdt, account, USDT_PER_ACCOUNT);
    await approve(account, usdt);
  }
  for (const plan of MINERS) {
    const miner = miners[plan.slot];
    if (miner !== undefined) await approve(miner, rewardToken[plan.disclosure.asset]);
  }

  for (const plan of OFFERINGS) {
    const miner = MINERS[plan.minerSlot];
    if (miner === undefined) throw new Error(`no miner plan ${plan.minerSlot}`);
    const termStartDay = day0 + plan.termStartOffset;
    const termEndDay = termStartDay + plan.termDays;
    const saleEnd = plan.saleEndOffset !== undefined ? (day0 + plan.saleEndOffset) * DAY : (termEndDay - 1) * DAY;
    await confirm(
      await wallet.writeContract({
        account: registrar,
        chain,
        address: exchange,
        abi: hashpowerExchangeAbi,
        functionName: "createOffering",
        args: [
          {
            miner: minerOf(plan),
            assetId: ASSET_ID[plan.asset],
            paymentToken: usdt,
            rewardToken: rewardToken[plan.asset],
            unitsTotal: plan.unitsTotal,
            pricePerUnit: plan.pricePerUnit,
            saleStart: day0 * DAY,
            saleEnd,
            termStartDay,
            termEndDay,
            expectedDailyRewardPerUnitWad: plan.expectedDailyRewardPerUnitWad,
            minerName: miner.disclosure.legalName,
            metadataURI: metadataURI(plan, miner),
          },
        ],
      }),
    );
    const id = await publicClient.readContract({ address: exchange, abi: hashpowerExchangeAbi, functionName: "offeringCount" });
    if (Number(id) !== plan.id) throw new StackError(`expected offering ${plan.id}, the exchange created ${id}: seed a fresh deployment`);
  }

  const tokensOf = new Map<Address, bigint[]>();
  const buyOn = async (dayOffset: number) => {
    for (const p of PURCHASES.filter((x) => x.dayOffset === dayOffset)) {
      const buyer = buyers[p.buyer];
      const plan = OFFERINGS[p.offeringId - 1];
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
      tokensOf.set(buyer, [...(tokensOf.get(buyer) ?? []), tokenId]);
      counts.purchases++;
    }
  };
  await buyOn(0);
  await setDay(day0 + 1);
  await buyOn(1);

  // ------------------------------------------------------------------ 30 simulated days
  const lastSimulated = FIRST_SIMULATED_DAY + SIMULATED_DAYS - 1;
  for (let offset = FIRST_SIMULATED_DAY; offset <= lastSimulated; offset++) {
    const today = day0 + offset;
    const reported = today - 1;
    await setDay(today);

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
        ratio = UNDERPAY_RATIO_BPS;
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
        const tokenIds = buyer === undefined ? [] : (tokensOf.get(buyer) ?? []);
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
    if (offset % 10 === 0) log(`  simulated day ${offset}/${lastSimulated}`);
  }

  // Leave the chain clock at the wall clock when that is still the last simulated day, so the app's
  // "now" and the chain's agree; never jump further (healthy offerings would start missing days).
  const endDay = day0 + lastSimulated;
  const nowSeconds = Math.floor(Date.now() / 1000);
  const latest = await publicClient.getBlock();
  if ((options.catchUpToWallClock ?? true) && Math.floor(nowSeconds / DAY) === endDay && nowSeconds > Number(latest.timestamp)) {
    await testClient.setNextBlockTimestamp({ timestamp: BigInt(nowSeconds) });
    await testClient.mine({ blocks: 1 });
  }

  const summary = await buildSummary({
    publicClient,
    exchange,
    counts,
    day0,
    endDay,
    roles: { deployer, treasury, registrar, reporter, minter },
    miners,
    buyers,
    spares,
    tokensOf,
  });
  const wrong = summary.offerings.filter((o) => o.flaggable !== (o.id === DEFAULTING_OFFERING_ID) || o.status !== "Active");
  if (wrong.length > 0) {
    throw new StackError(
      "The seed did not reach its intended end state (only offering 3 flaggable, all active).",
      JSON.stringify(wrong, null, 2),
    );
  }
  return summary;
}
