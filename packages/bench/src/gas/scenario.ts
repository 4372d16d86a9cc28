import {
  bridgedTokenAbi,
  hashpowerExchangeAbi,
  marketRateOracleAbi,
  type DeployedContractName,
  type Deployment,
} from "@dmex/deployments";
import { ROLE_INDEX, anvilAddress } from "@dmex/devstack";
import {
  createPublicClient,
  createWalletClient,
  http,
  maxUint256,
  type Abi,
  type Address,
  type PublicClient,
  type WalletClient,
} from "viem";
import { foundry } from "viem/chains";

import { mineAt } from "../shared/chain.js";

const DAY = 86_400n;
const REWARD_TOKEN_UNIT = 10n ** 18n;

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
  // Roles as the deploy script assigns them locally; miners and buyers from the accounts the seed would use.
  const governor = anvilAddress(ROLE_INDEX.deployer);
  const registrar = anvilAddress(ROLE_INDEX.registrar);
  const reporter = anvilAddress(ROLE_INDEX.reporter);
  const minter = anvilAddress(ROLE_INDEX.minter);
  const [minerA, minerB, minerC] = [5, 6, 7].map(anvilAddress) as [Address, Address, Address];
  const buyers = Array.from({ length: 12 }, (_, i) => anvilAddress(8 + i));
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
    });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`${functionName} reverted`);
    return receipt;
  }
  async function measure(key: string, from: Address, contract: Contract, functionName: string, args: readonly unknown[]) {
    const receipt = await send(from, contract, functionName, args);
    figures[key] = Number(receipt.gasUsed);
    return receipt;
  }
  async function read<T>(contract: Contract, functionName: string, args: readonly unknown[] = []): Promise<T> {
    return (await publicClient.readContract({ address: contract.address, abi: contract.abi, functionName, args })) as T;
  }
  const setTime = (timestamp: bigint) => mineAt(publicClient, timestamp);

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

  const latest = await publicClient.getBlock();
  const today = latest.timestamp / DAY + 1n;
  await setTime(today * DAY + 3_600n);
  const filAssetId = 1; // the deploy script registers FIL first

  const termStart = today + 1n;
  const termEnd = termStart + 180n;
  async function createOffering(miner: Address, unitsTotal: bigint): Promise<bigint> {
    await send(registrar, exchange, "createOffering", [
      {
        miner,
        assetId: filAssetId,
        paymentToken: usdt.address,
        rewardToken: ifil.address,
        unitsTotal,
        pricePerUnit: 38_000_000n,
        saleStart: today * DAY,
        saleEnd: (termEnd - 1n) * DAY,
        termStartDay: Number(termStart),
        termEndDay: Number(termEnd),
        expectedDailyRewardPerUnitWad: 2n * 10n ** 33n,
        minerName: "Benchmark Mining Co",
        metadataURI: "ipfs://bench",
      },
    ]);
    return read<bigint>(exchange, "offeringCount");
  }
  const offeringMany = await createOffering(minerA, 100_000n); // 1,000 purchases
  const offeringOne = await createOffering(minerB, 1_000n); // 1 purchase
  const offeringBad = await createOffering(minerC, 1_000n); // defaults

  for (const account of [...buyers, minerA, minerB, minerC]) {
    await send(minter, usdt, "mint", [account, 10n ** 15n]);
    await send(account, usdt, "approve", [exchange.address, maxUint256]);
  }
  for (const miner of [minerA, minerB, minerC]) {
    await send(minter, ifil, "mint", [miner, 10n ** 24n]);
    await send(miner, ifil, "approve", [exchange.address, maxUint256]);
  }

  // ---- 1,000 purchases spread over ten buyers, before the term starts
  const regulars = buyers.slice(0, 10);
  for (let i = 0; i < 1_000; i++) {
    await send(regulars[i % 10]!, exchange, "buy", [offeringMany, 1n + BigInt(i % 7), maxUint256, governor]);
  }
  await send(regulars[0]!, exchange, "buy", [offeringOne, 10n, maxUint256, governor]);
  await send(regulars[1]!, exchange, "buy", [offeringBad, 10n, maxUint256, governor]);

  // ---- into the term: three days of oracle reports and deposits
  let day = termStart;
  const depositDay = async (measureKey?: string) => {
    await setTime((day + 1n) * DAY + 600n);
    await send(reporter, oracle, "report", [filAssetId, day, 2n * 10n ** 33n]);
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

  // ---- purchases during the term
  const [fresh1, fresh2] = buyers.slice(10, 12) as [Address, Address];
  await measure("buy_firstOfDay", fresh1, exchange, "buy", [offeringMany, 5n, maxUint256, governor]);
  await measure("buy", fresh2, exchange, "buy", [offeringMany, 5n, maxUint256, governor]);
  await measure("buy_repeatHolder", fresh2, exchange, "buy", [offeringMany, 5n, maxUint256, governor]);

  // ---- claims: holder regulars[2] owns 100 positions of offeringMany
  const balanceHolder = regulars[2]!;
  const owned: bigint[] = [];
  for (let tokenId = 1n; owned.length < 21; tokenId++) {
    if ((await read<Address>(exchange, "ownerOf", [tokenId])).toLowerCase() === balanceHolder.toLowerCase()) owned.push(tokenId);
  }
  await depositDay();
  await measure("claim1_firstClaim", balanceHolder, exchange, "claimRewards", [[owned[0]!]]);
  await depositDay();
  await measure("claim1", balanceHolder, exchange, "claimRewards", [[owned[0]!]]);
  await measure("claim10", balanceHolder, exchange, "claimRewards", [owned.slice(1, 11)]);

  // ---- escrow: first withdrawal of each miner on the same day, 1 vs 1,000 purchases
  await measure("withdrawEscrow_1", minerB, exchange, "withdrawEscrow", [offeringOne, minerB]);
  await measure("withdrawEscrow_1000", minerA, exchange, "withdrawEscrow", [offeringMany, minerA]);

  // ---- default: offering C never deposited; flag after 7 missed days, halt, refund
  await setTime((termStart + 8n) * DAY + 600n);
  await measure("flag", flagger, exchange, "flag", [offeringBad]);
  await measure("halt", governor, exchange, "halt", [offeringBad]);
  const badToken = 1_002n; // the 1,002nd purchase: regulars[1]'s position of offeringBad
  await measure("refund", regulars[1]!, exchange, "claimRefunds", [[badToken]]);
  return figures;
}
