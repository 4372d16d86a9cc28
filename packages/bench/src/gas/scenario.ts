import {
  createPublicClient,
  createWalletClient,
  http,
  maxUint256,
  type Abi,
  type Address,
  type Hex,
  type PublicClient,
  type WalletClient,
} from "viem";
import { foundry } from "viem/chains";

import { linkBytecode, readArtifact } from "../shared/artifacts.js";

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
export async function runGasScenario(rpcUrl: string): Promise<GasFigures> {
  const transport = http(rpcUrl);
  // anvil automines: a receipt exists as soon as the send returns, so poll fast.
  const publicClient = createPublicClient({ chain: foundry, transport, pollingInterval: 20 }) as PublicClient;
  const accounts = (await publicClient.request({ method: "eth_accounts" })) as Address[];
  const [deployer, minerA, minerB, minerC, ...buyers] = accounts;
  if (!deployer || !minerA || !minerB || !minerC || buyers.length < 12) throw new Error("anvil needs 16+ accounts");
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
  async function deploy(name: string, args: readonly unknown[], libraries: Record<string, Address> = {}, file?: string) {
    const artifact = readArtifact(name, file);
    const hash = await wallet.deployContract({
      account: deployer!,
      chain: foundry,
      abi: artifact.abi,
      bytecode: linkBytecode(artifact, libraries),
      args,
    });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (!receipt.contractAddress) throw new Error(`deploying ${name} failed`);
    return { address: receipt.contractAddress, abi: artifact.abi } satisfies Contract;
  }
  async function read<T>(contract: Contract, functionName: string, args: readonly unknown[] = []): Promise<T> {
    return (await publicClient.readContract({ address: contract.address, abi: contract.abi, functionName, args })) as T;
  }
  async function setTime(timestamp: bigint) {
    await publicClient.request({ method: "evm_setNextBlockTimestamp" as never, params: [Number(timestamp)] as never });
    await publicClient.request({ method: "evm_mine" as never, params: [] as never });
  }

  // ---- deployment (deployer is governor, registrar, reporter and bridge)
  const latest = await publicClient.getBlock();
  const today = latest.timestamp / DAY + 1n;
  await setTime(today * DAY + 3_600n);
  const usdt = await deploy("BridgedToken", ["Tether USD (local)", "USDT", 6, deployer]);
  const ifil = await deploy("BridgedToken", ["Interchain FIL", "IFIL", 18, deployer]);
  const oracle = await deploy("MarketRateOracle", [deployer]);
  const factory = await deploy("OfferingFactory", []);
  const exchange = await deploy("HashpowerExchange", [deployer, deployer, oracle.address, 500], {
    OfferingFactory: factory.address,
  });
  for (const token of [usdt, ifil]) {
    await send(deployer, token, "grantRole", [await read<Hex>(token, "MINTER_ROLE"), deployer]);
  }
  await send(deployer, oracle, "grantRole", [await read<Hex>(oracle, "REPORTER_ROLE"), deployer]);
  await send(deployer, exchange, "grantRole", [await read<Hex>(exchange, "REGISTRAR_ROLE"), deployer]);
  await send(deployer, exchange, "registerAsset", ["FIL", "TiB"]);

  const termStart = today + 1n;
  const termEnd = termStart + 180n;
  async function createOffering(miner: Address, unitsTotal: bigint): Promise<bigint> {
    await send(deployer!, exchange, "createOffering", [
      {
        miner,
        assetId: 1,
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
    await send(deployer, usdt, "mint", [account, 10n ** 15n]);
    await send(account, usdt, "approve", [exchange.address, maxUint256]);
  }
  for (const miner of [minerA, minerB, minerC]) {
    await send(deployer, ifil, "mint", [miner, 10n ** 24n]);
    await send(miner, ifil, "approve", [exchange.address, maxUint256]);
  }

  // ---- 1,000 purchases spread over ten buyers, before the term starts
  const regulars = buyers.slice(0, 10);
  for (let i = 0; i < 1_000; i++) {
    await send(regulars[i % 10]!, exchange, "buy", [offeringMany, 1n + BigInt(i % 7), maxUint256, deployer]);
  }
  await send(regulars[0]!, exchange, "buy", [offeringOne, 10n, maxUint256, deployer]);
  await send(regulars[1]!, exchange, "buy", [offeringBad, 10n, maxUint256, deployer]);

  // ---- into the term: three days of oracle reports and deposits
  let day = termStart;
  const depositDay = async (measureKey?: string) => {
    await setTime((day + 1n) * DAY + 600n);
    await send(deployer!, oracle, "report", [1, day, 2n * 10n ** 33n]);
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
  const [fresh1, fresh2, fresh3] = buyers.slice(10, 13) as [Address, Address, Address];
  await measure("buy_firstOfDay", fresh1, exchange, "buy", [offeringMany, 5n, maxUint256, deployer]);
  await measure("buy", fresh2, exchange, "buy", [offeringMany, 5n, maxUint256, deployer]);
  await measure("buy_repeatHolder", fresh2, exchange, "buy", [offeringMany, 5n, maxUint256, deployer]);
  void fresh3;

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
  await measure("flag", buyers[11]!, exchange, "flag", [offeringBad]);
  await measure("halt", deployer, exchange, "halt", [offeringBad]);
  const badToken = 1_002n; // the 1,002nd purchase: regulars[1]'s position of offeringBad
  await measure("refund", regulars[1]!, exchange, "claimRefunds", [[badToken]]);
  return figures;
}
