// Drives the real contracts on anvil through every event the subgraph handles, recording a
// checkpoint (block number) after each step so the subgraph can be compared with the contract's
// views at every one of them.
import { type Abi, type Address, type Hex, keccak256, parseUnits, toHex, zeroAddress } from "viem";

import { artifact, clients, link } from "./chain";

export type Checkpoint = { label: string; block: bigint };
export type Scenario = {
  exchange: Address;
  oracle: Address;
  usdt: Address;
  ifil: Address;
  startBlock: { exchange: bigint; oracle: bigint };
  exchangeAbi: Abi;
  oracleAbi: Abi;
  checkpoints: Checkpoint[];
  offeringIds: bigint[];
  tokenIds: bigint[];
  accounts: Address[];
  locker: Address;
};

const DAY = 86_400n;
const role = (name: string) => keccak256(toHex(name));

export async function runScenario(rpcUrl: string): Promise<Scenario> {
  const { publicClient, testClient, wallets, accounts } = clients(rpcUrl);
  const [admin, miner, alice, bob, locker, feeRecipient, feeRecipient2] = wallets;
  const addr = accounts.map((a) => a.address);
  const checkpoints: Checkpoint[] = [];

  const deploy = async (wallet: (typeof wallets)[number], abi: Abi, bytecode: Hex, args: unknown[] = []) => {
    const hash = await wallet.deployContract({ abi, bytecode, args });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success" || !receipt.contractAddress) throw new Error("deployment failed");
    return { address: receipt.contractAddress, block: receipt.blockNumber };
  };
  const send = async (
    wallet: (typeof wallets)[number],
    address: Address,
    abi: Abi,
    functionName: string,
    args: unknown[],
    label?: string,
  ) => {
    const hash = await wallet.writeContract({ address, abi, functionName, args, chain: wallet.chain, account: wallet.account! });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`${functionName} reverted`);
    if (label) checkpoints.push({ label, block: receipt.blockNumber });
    return receipt;
  };
  const now = async () => (await publicClient.getBlock()).timestamp;
  const warpToDay = async (day: bigint, secondsIntoDay = 3_600n) => {
    await testClient.setNextBlockTimestamp({ timestamp: day * DAY + secondsIntoDay });
    await testClient.mine({ blocks: 1 });
  };

  // Tokens.
  const token = artifact("BridgedToken");
  const usdt = (await deploy(admin, token.abi, token.bytecode.object, ["Tether USD", "USDT", 6, addr[0]])).address;
  const ifil = (await deploy(admin, token.abi, token.bytecode.object, ["Interest FIL", "IFIL", 18, addr[0]])).address;
  for (const t of [usdt, ifil]) await send(admin, t, token.abi, "grantRole", [role("MINTER_ROLE"), addr[0]]);
  for (const who of [alice, bob]) await send(admin, usdt, token.abi, "mint", [who.account!.address, parseUnits("1000000", 6)]);
  await send(admin, ifil, token.abi, "mint", [addr[1], parseUnits("1000000", 18)]);

  // Oracle and exchange (the constructor emits FeeRecipientSet, OracleSet, ChannelFeeSet, DefaultThresholdsSet).
  const oracleArt = artifact("MarketRateOracle");
  const oracle = await deploy(admin, oracleArt.abi, oracleArt.bytecode.object, [addr[0]]);
  await send(admin, oracle.address, oracleArt.abi, "grantRole", [role("REPORTER_ROLE"), addr[0]]);
  await send(admin, oracle.address, oracleArt.abi, "grantRole", [role("REPORTER_ROLE"), addr[7]]);
  await send(admin, oracle.address, oracleArt.abi, "revokeRole", [role("REPORTER_ROLE"), addr[7]]);
  const factory = artifact("OfferingFactory");
  const factoryAddress = (await deploy(admin, factory.abi, factory.bytecode.object)).address;
  const exArt = artifact("HashpowerExchange");
  const exchange = await deploy(admin, exArt.abi, link(exArt, { OfferingFactory: factoryAddress }), [
    addr[0],
    addr[5],
    oracle.address,
    500,
  ]);
  checkpoints.push({ label: "deployed", block: exchange.block });
  const ex = exchange.address;
  const exAbi = exArt.abi;
  await send(admin, ex, exAbi, "grantRole", [role("REGISTRAR_ROLE"), addr[0]]);
  await send(admin, ex, exAbi, "registerAsset", ["FIL", "TiB"], "asset registered");
  for (const who of [alice, bob]) await send(who, usdt, token.abi, "approve", [ex, 2n ** 255n]);
  await send(miner, ifil, token.abi, "approve", [ex, 2n ** 255n]);

  // Offering 1: sale open now, term starts in 2 days, 30 days long. A price that makes the fee round.
  const day0 = (await now()) / DAY + 1n;
  await warpToDay(day0);
  const terms = (termStart: bigint, termDays: bigint, name: string) => ({
    miner: addr[1],
    assetId: 1,
    paymentToken: usdt,
    rewardToken: ifil,
    unitsTotal: 1_000n,
    pricePerUnit: 10_000_003n,
    saleStart: day0 * DAY,
    saleEnd: (termStart + termDays - 2n) * DAY,
    termStartDay: Number(termStart),
    termEndDay: Number(termStart + termDays),
    expectedDailyRewardPerUnitWad: 10n ** 15n,
    minerName: name,
    metadataURI: `ipfs://${name}`,
  });
  const t1 = day0 + 2n;
  await send(admin, ex, exAbi, "createOffering", [terms(t1, 30n, "Miner One")], "offering 1 created");
  const buy = (who: (typeof wallets)[number], offering: bigint, units: bigint, label: string, referrer: Address = zeroAddress) =>
    send(who, ex, exAbi, "buy", [offering, units, 2n ** 200n, referrer], label);
  await buy(alice, 1n, 10n, "alice buys before the term (token 1)");
  await buy(bob, 1n, 3n, "bob buys the same day (token 2)", addr[6]);

  // Into the term: a purchase folds the pending cohort; rewards for the first term day.
  await warpToDay(t1 + 1n);
  await buy(bob, 1n, 5n, "bob buys during the term (token 3)");
  const oracleAbi = oracleArt.abi;
  await send(admin, oracle.address, oracleAbi, "report", [1, t1, 10n ** 15n], "market rate day 1");
  await send(miner, ex, exAbi, "depositReward", [1n, parseUnits("1.3", 18)], "reward for the first term day");
  await warpToDay(t1 + 3n);
  await buy(alice, 1n, 7n, "alice buys again (token 4)");
  await send(admin, oracle.address, oracleAbi, "reportMany", [[1], t1 + 1n, [10n ** 38n]], "market rate day 2");
  await send(miner, ex, exAbi, "depositReward", [1n, 777_777_777_777n], "low reward for day 2 (judged below)");
  await send(alice, ex, exAbi, "claimRewards", [[1n, 4n]], "alice claims");
  await send(miner, ex, exAbi, "withdrawEscrow", [1n, addr[1]], "miner withdraws escrow");
  await send(bob, ex, exAbi, "collectFees", [[1n]], "fees collected");

  // Locks: lock/unlock, then lock and seize (PositionUnlocked + Transfer); a plain transfer.
  await send(admin, ex, exAbi, "setLocker", [addr[4], true], "locker approved");
  await send(bob, ex, exAbi, "approve", [addr[4], 2n]);
  await send(locker, ex, exAbi, "lock", [2n], "token 2 locked");
  await send(locker, ex, exAbi, "unlock", [2n], "token 2 unlocked");
  await send(locker, ex, exAbi, "lock", [2n], "token 2 locked again");
  await send(locker, ex, exAbi, "seize", [2n, addr[2]], "token 2 seized to alice");
  await send(alice, ex, exAbi, "transferFrom", [addr[2], addr[3], 1n], "alice transfers token 1 to bob");
  await send(alice, ex, exAbi, "approve", [addr[4], 4n]);
  await send(locker, ex, exAbi, "lock", [4n], "token 4 locked (stays locked)");

  // Governance parameters.
  await send(admin, ex, exAbi, "setRenderer", [addr[7]], "renderer set");
  await send(admin, ex, exAbi, "setChannelFee", [300], "channel fee 3%");
  await send(admin, ex, exAbi, "setFeeRecipient", [feeRecipient2.account!.address], "fee recipient changed");
  await send(admin, ex, exAbi, "setDefaultThresholds", [{ missedDaysThreshold: 3, lowStreakThreshold: 1, minRewardRatioBps: 9_000 }], "thresholds changed");
  await send(admin, ex, exAbi, "setOracle", [oracle.address], "oracle set again");

  // Offering 1 was judged below the market on day 2: flag (LowRewards) and resume.
  await send(bob, ex, exAbi, "flag", [1n], "offering 1 flagged for low rewards");
  await warpToDay(t1 + 4n);
  await send(admin, ex, exAbi, "resume", [1n], "offering 1 resumed");

  // Offering 2 (fee 3%): bought, never rewarded, flagged for missed deposits, resumed, flagged, halted, refunded.
  const t2 = t1 + 5n;
  await send(admin, ex, exAbi, "createOffering", [{ ...terms(t2, 20n, "Miner Two"), saleStart: (t1 + 4n) * DAY }], "offering 2 created");
  await buy(alice, 2n, 40n, "alice buys offering 2 (token 5)");
  await buy(bob, 2n, 2n, "bob buys offering 2 (token 6)");
  await warpToDay(t2 + 5n);
  await send(alice, ex, exAbi, "flag", [2n], "offering 2 flagged for missed deposits");
  await send(admin, ex, exAbi, "resume", [2n], "offering 2 resumed");
  await warpToDay(t2 + 7n);
  await send(bob, ex, exAbi, "flag", [2n], "offering 2 flagged again");
  await warpToDay(t2 + 9n);
  await send(admin, ex, exAbi, "grantRole", [role("HALT_GUARDIAN_ROLE"), addr[6]], "halt guardian appointed");
  await send(wallets[6], ex, exAbi, "halt", [2n], "offering 2 halted by the guardian");
  await send(admin, ex, exAbi, "revokeRole", [role("HALT_GUARDIAN_ROLE"), addr[6]], "halt guardian revoked");
  await send(alice, ex, exAbi, "claimRefunds", [[5n]], "alice claims her refund");
  await send(miner, ex, exAbi, "withdrawEscrow", [2n, addr[1]], "miner withdraws what was released before the flag");

  // A later day on which only offering 1 is touched: its release reflects days since the resume.
  await warpToDay(t1 + 20n);
  await send(miner, ex, exAbi, "withdrawEscrow", [1n, addr[1]], "miner withdraws offering 1 again");

  return {
    exchange: ex,
    oracle: oracle.address,
    usdt,
    ifil,
    startBlock: { exchange: exchange.block, oracle: oracle.block },
    exchangeAbi: exAbi,
    oracleAbi,
    checkpoints,
    offeringIds: [1n, 2n],
    tokenIds: [1n, 2n, 3n, 4n, 5n, 6n],
    accounts: addr,
    locker: addr[4],
  };
}
