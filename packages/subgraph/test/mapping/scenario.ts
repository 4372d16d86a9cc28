// Drives the real contracts on anvil through every event the subgraph handles, recording a
// checkpoint (block number) after each step so the subgraph can be compared with the contract's
// views at every one of them. Days are relative to day D (the first warp); the schedule, with
// thresholds (3, 3, 8000, 5000, 5) from D on:
//   offering 1: term [D+2, D+14), holdback 7 (created under the defaults), 25 units bought on D and D+1;
//     deposits for D+2 (share 1000), D+3 (600, against a corrected report), D+4 (700, by the
//     approved depositor: the window 1000/600/700 is full and low) -> flagged LowRewards on D+5,
//     resumed D+6 (window cleared); D+5 covered on D+7 with no report for it (exactRate false),
//     then D+6..D+8; release held back at D+9 on D+10; the rest covered on D+15, after the term.
//   offering 2: term [D+3, D+9), holdback 3, 42 units; no deposit -> flagged MissedDeposits on
//     D+6, resumed D+7 and covered to D+6; the last days never covered -> flagged on D+10 after
//     the term with release frozen at D+7, halted on D+11, a refund, the miner withdraws.
import { type Abi, type Address, type Hex, keccak256, parseUnits, toHex, zeroAddress } from "viem";

import { artifact, clients, link } from "./chain";

export type Checkpoint = { label: string; block: bigint };
export type Scenario = {
  exchange: Address;
  assets: Address;
  oracle: Address;
  usdt: Address;
  ifil: Address;
  startBlock: { exchange: bigint; assets: bigint; oracle: bigint };
  exchangeAbi: Abi;
  assetsAbi: Abi;
  oracleAbi: Abi;
  checkpoints: Checkpoint[];
  offeringIds: bigint[];
  tokenIds: bigint[];
  accounts: Address[];
  locker: Address;
  depositor: Address;
  /** Day D of the schedule above. */
  day0: bigint;
};

const DAY = 86_400n;
/** MarketRateOracle.CORRECTION_WINDOW */
const CORRECTION_WINDOW = 3_600n;
const role = (name: string) => keccak256(toHex(name));

export async function runScenario(rpcUrl: string): Promise<Scenario> {
  const { publicClient, testClient, wallets, accounts } = clients(rpcUrl, 10);
  const [admin, miner, alice, bob, locker, feeRecipient, feeRecipient2] = wallets;
  const depositor = wallets[8]!;
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
    const hash = await wallet.writeContract({
      address,
      abi,
      functionName,
      args,
      chain: wallet.chain,
      account: wallet.account!,
    });
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
  // Reports become final (usable by depositReward) CORRECTION_WINDOW after they were made.
  const finalize = async () => {
    await testClient.setNextBlockTimestamp({ timestamp: (await now()) + CORRECTION_WINDOW });
    await testClient.mine({ blocks: 1 });
  };

  // Tokens.
  const token = artifact("BridgedToken");
  const usdt = (await deploy(admin, token.abi, token.bytecode.object, ["Tether USD", "USDT", 6, addr[0]])).address;
  const ifil = (await deploy(admin, token.abi, token.bytecode.object, ["Interest FIL", "IFIL", 18, addr[0]])).address;
  for (const t of [usdt, ifil]) await send(admin, t, token.abi, "grantRole", [role("MINTER_ROLE"), addr[0]]);
  for (const who of [alice, bob])
    await send(admin, usdt, token.abi, "mint", [who.account!.address, parseUnits("1000000", 6)]);
  for (const who of [addr[1], addr[8]]) await send(admin, ifil, token.abi, "mint", [who, parseUnits("1000000", 18)]);

  // Oracle, the exchange's linked libraries and the exchange (the constructor emits FeeRecipientSet,
  // OracleSet, ChannelFeeSet, DefaultThresholdsSet).
  const oracleArt = artifact("MarketRateOracle");
  const oracle = await deploy(admin, oracleArt.abi, oracleArt.bytecode.object, [addr[0]]);
  await send(admin, oracle.address, oracleArt.abi, "grantRole", [role("REPORTER_ROLE"), addr[0]]);
  await send(admin, oracle.address, oracleArt.abi, "grantRole", [role("REPORTER_ROLE"), addr[7]]);
  await send(admin, oracle.address, oracleArt.abi, "revokeRole", [role("REPORTER_ROLE"), addr[7]]);
  const libraries: Record<string, Address> = {};
  for (const name of ["OfferingFactory", "DefaultMonitor", "PrimaryAuctionSales"]) {
    const lib = artifact(name);
    libraries[name] = (await deploy(admin, lib.abi, lib.bytecode.object)).address;
  }
  // The asset registry comes first (as in Deploy.s.sol); FIL is registered on it once the exchange exists,
  // so every checkpoint can read the exchange.
  const assetsArt = artifact("AssetRegistry");
  const assets = await deploy(admin, assetsArt.abi, assetsArt.bytecode.object, [addr[0]]);
  const assetsAbi = assetsArt.abi;
  const exArt = artifact("HashpowerExchange");
  const exchange = await deploy(admin, exArt.abi, link(exArt, libraries), [
    addr[0],
    addr[5],
    oracle.address,
    assets.address,
    500,
  ]);
  checkpoints.push({ label: "deployed", block: exchange.block });
  const ex = exchange.address;
  const exAbi = exArt.abi;
  const oracleAbi = oracleArt.abi;
  await send(admin, ex, exAbi, "grantRole", [role("REGISTRAR_ROLE"), addr[0]]);
  await send(admin, assets.address, assetsAbi, "registerAsset", ["FIL", "TiB"], "asset registered");
  // Offerings may only use listed tokens; IFIL is listed for payment and delisted again.
  await send(admin, ex, exAbi, "setPaymentToken", [usdt, true], "USDT listed for payment");
  await send(admin, assets.address, assetsAbi, "setRewardToken", [1, ifil, true], "IFIL listed as FIL's reward token");
  await send(admin, ex, exAbi, "setPaymentToken", [ifil, true], "IFIL listed for payment");
  await send(admin, ex, exAbi, "setPaymentToken", [ifil, false], "IFIL delisted for payment");
  for (const who of [alice, bob]) await send(who, usdt, token.abi, "approve", [ex, 2n ** 255n]);
  for (const who of [miner, depositor]) await send(who, ifil, token.abi, "approve", [ex, 2n ** 255n]);

  const day0 = (await now()) / DAY + 1n;
  const D = (n: number) => day0 + BigInt(n);
  await warpToDay(D(0));
  const terms = (termStart: bigint, termEnd: bigint, name: string) => ({
    miner: addr[1],
    assetId: 1,
    paymentToken: usdt,
    rewardToken: ifil,
    unitsTotal: 1_000n,
    // A price that makes the fee round.
    pricePerUnit: 10_000_003n,
    saleStart: day0 * DAY,
    // The sale closes when the term starts.
    saleEnd: termStart * DAY,
    termStartDay: Number(termStart),
    termEndDay: Number(termEnd),
    expectedDailyRewardPerUnitWad: 10n ** 15n,
    minerName: name,
    metadataURI: `ipfs://${name}`,
  });
  const buy = (
    who: (typeof wallets)[number],
    offering: bigint,
    units: bigint,
    label: string,
    referrer: Address = zeroAddress,
  ) => send(who, ex, exAbi, "buy", [offering, units, 2n ** 200n, referrer], label);
  const report = (day: bigint, avg: bigint, label?: string) =>
    send(admin, oracle.address, oracleAbi, "report", [1, day, avg], label);
  const deposit = (who: (typeof wallets)[number], offering: bigint, amount: bigint, label: string) =>
    send(who, ex, exAbi, "depositReward", [offering, amount], label);
  // Reward per unit and day of the market: 1e15 IFIL base units (WAD-scaled 1e33).
  const MARKET = 10n ** 33n;
  const full = (units: bigint, avg = MARKET) => (avg * units) / 10n ** 18n;

  // D: offering 1 under the default thresholds (holdback 7), two buyers; the thresholds tighten;
  // offering 2 (holdback 3).
  await send(admin, ex, exAbi, "createOffering", [terms(D(2), D(14), "Miner One")], "offering 1 created");
  await buy(alice, 1n, 10n, "alice buys offering 1 (token 1)");
  await buy(bob, 1n, 3n, "bob buys offering 1 with a referrer (token 2)", addr[6]);
  await send(
    admin,
    ex,
    exAbi,
    "setDefaultThresholds",
    [{ missedDaysThreshold: 3, windowDays: 3, minRewardRatioBps: 8_000, minCoverageBps: 5_000, postTermFlagDays: 5 }],
    "thresholds changed",
  );
  await send(admin, ex, exAbi, "createOffering", [terms(D(3), D(9), "Miner Two")], "offering 2 created");

  // D+1: more buyers of both (every sale before the term); the miner approves a depositor.
  await warpToDay(D(1));
  await buy(bob, 1n, 5n, "bob buys offering 1 (token 3)");
  await buy(alice, 1n, 7n, "alice buys offering 1 again (token 4)");
  await buy(alice, 2n, 40n, "alice buys offering 2 (token 5)");
  await buy(bob, 2n, 2n, "bob buys offering 2 (token 6)");
  await send(miner, ex, exAbi, "setDepositor", [1n, addr[8], true], "a depositor approved for offering 1");
  const units1 = 25n;
  const units2 = 42n;

  // D+3: the first term day of offering 1, at the market.
  await warpToDay(D(3));
  await report(D(2), MARKET, "market rate of D+2");
  await finalize();
  await deposit(miner, 1n, full(units1), "offering 1 covers D+2 (share 1000)");

  // D+4: a report corrected within its hour; the day is judged against the corrected value.
  await warpToDay(D(4));
  await report(D(3), MARKET, "market rate of D+3");
  await send(admin, oracle.address, oracleAbi, "correct", [1, D(3), 2n * MARKET], "market rate of D+3 corrected");
  await finalize();
  await deposit(miner, 1n, (full(units1) * 12n) / 10n, "offering 1 covers D+3 (share 600 of the corrected rate)");
  await send(alice, ex, exAbi, "claimRewards", [[1n, 4n]], "alice claims");
  await send(miner, ex, exAbi, "withdrawEscrow", [1n, addr[1]], "miner withdraws offering 1's escrow");
  await send(bob, ex, exAbi, "collectFees", [[1n]], "fees collected");

  // Locks: lock/unlock, then lock and seize (PositionUnlocked + Transfer); a plain transfer.
  await send(admin, ex, exAbi, "setLocker", [addr[4], true], "locker approved");
  await send(bob, ex, exAbi, "approve", [addr[4], 2n]);
  await send(locker, ex, exAbi, "lock", [2n, 0], "token 2 locked (payouts to its owner)");
  await send(locker, ex, exAbi, "unlock", [2n], "token 2 unlocked");
  // A lock clears the per-token approval (as a transfer does): the owner approves the locker again.
  await send(bob, ex, exAbi, "approve", [addr[4], 2n]);
  await send(locker, ex, exAbi, "lock", [2n, 2], "token 2 locked again (refund to the locker)");
  await send(locker, ex, exAbi, "setLockPayouts", [2n, 3], "token 2 rewards re-routed to the locker");
  await send(locker, ex, exAbi, "seize", [2n, addr[2]], "token 2 seized to alice");
  await send(alice, ex, exAbi, "transferFrom", [addr[2], addr[3], 1n], "alice transfers token 1 to bob");
  await send(alice, ex, exAbi, "approve", [addr[4], 4n]);
  await send(locker, ex, exAbi, "lock", [4n, 1], "token 4 locked (stays locked, rewards to the locker)");

  // Governance parameters.
  await send(admin, ex, exAbi, "setRenderer", [addr[7]], "renderer set");
  await send(admin, ex, exAbi, "setChannelFee", [300], "channel fee 3%");
  await send(admin, ex, exAbi, "setFeeRecipient", [feeRecipient2.account!.address], "fee recipient changed");
  await send(admin, ex, exAbi, "setOracle", [oracle.address], "oracle set again");

  // D+5: the depositor's deposit fills the window with 1000/600/700 (766 < 800): flaggable.
  await warpToDay(D(5));
  await report(D(4), MARKET, "market rate of D+4");
  await finalize();
  await deposit(depositor, 1n, (full(units1) * 7n) / 10n, "the depositor covers D+4 (share 700): the window is low");
  await send(bob, ex, exAbi, "flag", [1n], "offering 1 flagged for low rewards");

  // D+6: governance resumes offering 1 (a fresh window); offering 2 never deposited: flagged.
  await warpToDay(D(6));
  await send(admin, ex, exAbi, "resume", [1n], "offering 1 resumed");
  await send(alice, ex, exAbi, "flag", [2n], "offering 2 flagged for missed deposits");

  // D+7: the oracle is late for D+5: the deposit is judged against its latest final report (D+4).
  await warpToDay(D(7));
  await deposit(miner, 1n, full(units1), "offering 1 covers D+5 with no report for it (exactRate false)");
  await report(D(5), MARKET, "market rate of D+5 (late)");
  await report(D(6), MARKET, "market rate of D+6");
  await finalize();
  await deposit(miner, 1n, full(units1), "offering 1 covers D+6");
  await send(admin, ex, exAbi, "resume", [2n], "offering 2 resumed");
  await deposit(miner, 2n, full(units2, 2n * MARKET), "offering 2 covers D+3");
  for (const n of [4, 5, 6]) await deposit(miner, 2n, full(units2), `offering 2 covers D+${n}`);

  // D+8: the depositor is revoked.
  await warpToDay(D(8));
  await report(D(7), MARKET, "market rate of D+7");
  await finalize();
  await deposit(miner, 1n, full(units1), "offering 1 covers D+7");
  await send(miner, ex, exAbi, "setDepositor", [1n, addr[8], false], "the depositor revoked");

  // D+10: offering 1 lags inside its holdback: release stops at D+9. Offering 2's last days were
  // never covered: flagged after its term, release frozen at D+7 (before the flag day).
  await warpToDay(D(10));
  await report(D(8), MARKET, "market rate of D+8");
  await report(D(9), MARKET, "market rate of D+9");
  await finalize();
  await deposit(miner, 1n, full(units1), "offering 1 covers D+8");
  await send(miner, ex, exAbi, "withdrawEscrow", [1n, addr[1]], "miner withdraws offering 1, held back at D+9");
  await send(bob, ex, exAbi, "flag", [2n], "offering 2 flagged after its term");

  // D+11: the guardian halts offering 2; a holder pulls its refund; the miner withdraws what was released.
  await warpToDay(D(11));
  await send(admin, ex, exAbi, "grantRole", [role("HALT_GUARDIAN_ROLE"), addr[6]], "halt guardian appointed");
  await send(wallets[6]!, ex, exAbi, "halt", [2n], "offering 2 halted by the guardian");
  await send(admin, ex, exAbi, "revokeRole", [role("HALT_GUARDIAN_ROLE"), addr[6]], "halt guardian revoked");
  await send(alice, ex, exAbi, "claimRefunds", [[5n]], "alice claims her refund");
  await send(
    miner,
    ex,
    exAbi,
    "withdrawEscrow",
    [2n, addr[1]],
    "miner withdraws what offering 2 released before the freeze",
  );

  // D+15, after offering 1's term: it catches up; release waits for the last day's deposit.
  await warpToDay(D(15));
  for (const n of [10, 11, 12, 13, 14]) await report(D(n), MARKET, `market rate of D+${n}`);
  await finalize();
  for (const n of [9, 10, 11, 12]) await deposit(miner, 1n, full(units1), `offering 1 covers D+${n}`);
  await send(miner, ex, exAbi, "withdrawEscrow", [1n, addr[1]], "miner withdraws offering 1, held back at D+13");
  await deposit(miner, 1n, full(units1), "offering 1 covers its last day after the term");
  await send(miner, ex, exAbi, "withdrawEscrow", [1n, addr[1]], "miner withdraws the rest of offering 1");
  await send(bob, ex, exAbi, "claimRewards", [[1n, 3n]], "bob claims after the term");

  return {
    exchange: ex,
    assets: assets.address,
    oracle: oracle.address,
    usdt,
    ifil,
    startBlock: { exchange: exchange.block, assets: assets.block, oracle: oracle.block },
    exchangeAbi: exAbi,
    assetsAbi,
    oracleAbi,
    checkpoints,
    offeringIds: [1n, 2n],
    tokenIds: [1n, 2n, 3n, 4n, 5n, 6n],
    accounts: addr,
    locker: addr[4],
    depositor: addr[8],
    day0,
  };
}
