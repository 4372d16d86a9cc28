// Lending on anvil (issue 12): the real PositionLoans (linked to LoanOrders) on the real exchange, driven
// through every event it emits, with the contract's own views recorded right after each step so the test
// can compare the indexed loans with them. Days are relative to D (the first warp); offering 1: sale until
// D+2, term [D+2, D+60). Then, with the contract's code swapped for a log emitter (anvil setCode; its
// storage stays), odd events no contract emits, which the handlers must survive.
//   D+0  offers 1-8 (position, collection by offering and by asset, token, nonce-cancelled, cancelled),
//        requests 1-3 (one filled, one cancelled), loans 3-1 (request), 1-1, 2-1 (offers), token loan 1
//   D+3  1-1 partly repaid, made self-repaying, rewards applied
//   D+4  2-1 taken over by a new lender (refinance), 3-1 rolled over to offer 3 (the borrower pays the
//        difference), 1-1 and the token loan repaid, 5-1 fills offer 2, 4-1 self-repaid in full,
//        grace period 1h, loan 1-2 (request 4) started
//   +2h  1-2 foreclosed; claims, a fee sweep, governance setters; then the odd events
import {
  type Abi,
  type AbiEvent,
  type Address,
  concat,
  encodeAbiParameters,
  encodeEventTopics,
  type Hex,
  keccak256,
  type Log,
  maxUint256,
  pad,
  parseEventLogs,
  parseUnits,
  toHex,
} from "viem";

import { artifact, clients, link } from "./chain";
import { LOG_EMITTER } from "./trading-scenario";

const DAY = 86_400n;
const role = (name: string) => keccak256(toHex(name));
export const USDC = (n: string) => parseUnits(n, 6);
export const IFIL = (n: string) => parseUnits(n, 18);
/** PositionLoans.TOKEN_LOAN_BASE */
export const TOKEN_LOAN_BASE = 1n << 128n;
/** CollateralKind */
export const KIND = { None: 0, Position: 1, Offering: 2, Asset: 3, Token: 4 } as const;

/** PositionLoans.loanOf and debtOf right after a step. */
export type LoanView = {
  block: bigint;
  timestamp: bigint;
  loan: {
    borrower: Address;
    lender: Address;
    dueTime: number;
    lastAccrual: number;
    aprBps: number;
    feeBps: number;
    principal: bigint;
    rewardPriceWad: bigint;
    interestOwed: bigint;
    minInterestLeft: bigint;
    gracePeriod: number;
    selfRepaying: boolean;
  };
  debt: bigint;
};

export type LendingScenario = {
  exchange: Address;
  assets: Address;
  oracle: Address;
  loans: Address;
  loansBlock: bigint;
  loansAbi: Abi;
  usdt: Address;
  ifil: Address;
  wbtc: Address;
  accounts: Address[];
  /** Block of each labelled step. */
  at: Record<string, bigint>;
  /** The contract's view of a loan right after a labelled step: `${label}|${loanId}`. */
  views: Record<string, LoanView>;
  /** Every log PositionLoans emitted while its real code ran (decoded with its ABI). */
  logs: (Log & { eventName: string; args: Record<string, unknown> })[];
  /** Terms and collateral sent with makeOffer, by offer id. */
  offers: Record<string, { terms: Record<string, unknown>; collateral: Record<string, unknown> }>;
  /** Block timestamps by block number (for the day totals). */
  timestamps: Record<string, bigint>;
};

export async function runLendingScenario(rpcUrl: string): Promise<LendingScenario> {
  const { publicClient, testClient, wallets, accounts } = clients(rpcUrl, 10);
  const [admin, miner, alice, bob, carol, dave, eve, erin] = wallets;
  const addr = accounts.map((a) => a.address);
  const at: Record<string, bigint> = {};
  const views: Record<string, LoanView> = {};
  const logs: LendingScenario["logs"] = [];
  const offers: LendingScenario["offers"] = {};
  const timestamps: Record<string, bigint> = {};
  let loans: Address = "0x";
  let loansAbi: Abi = [];

  const deploy = async (abi: Abi, bytecode: Hex, args: unknown[] = []) => {
    const hash = await admin!.deployContract({ abi, bytecode, args });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success" || !receipt.contractAddress) throw new Error("deployment failed");
    return { address: receipt.contractAddress, block: receipt.blockNumber, logs: receipt.logs };
  };
  const keep = async (receiptLogs: Log[], block: bigint) => {
    const own = receiptLogs.filter((l) => l.address.toLowerCase() === loans.toLowerCase());
    logs.push(...(parseEventLogs({ abi: loansAbi, logs: own }) as unknown as LendingScenario["logs"]));
    timestamps[block.toString()] = (await publicClient.getBlock({ blockNumber: block })).timestamp;
  };
  const send = async (
    from: (typeof wallets)[number],
    address: Address,
    abi: Abi,
    functionName: string,
    args: unknown[],
    label?: string,
  ) => {
    const hash = await from!.writeContract({
      address,
      abi,
      functionName,
      args,
      chain: from!.chain,
      account: from!.account!,
    });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`${functionName} reverted`);
    if (label) at[label] = receipt.blockNumber;
    if (loansAbi.length) await keep(receipt.logs, receipt.blockNumber);
    return receipt;
  };
  const now = async () => (await publicClient.getBlock()).timestamp;
  const warpTo = async (timestamp: bigint) => {
    await testClient.setNextBlockTimestamp({ timestamp });
    await testClient.mine({ blocks: 1 });
  };
  const warpToDay = (day: bigint, secondsIntoDay = 3_600n) => warpTo(day * DAY + secondsIntoDay);

  // Tokens, oracle, exchange (as in the trading scenario).
  const token = artifact("BridgedToken");
  const usdt = (await deploy(token.abi, token.bytecode.object, ["Tether USD", "USDT", 6, addr[0]])).address;
  const ifil = (await deploy(token.abi, token.bytecode.object, ["Interest FIL", "IFIL", 18, addr[0]])).address;
  const wbtc = (await deploy(token.abi, token.bytecode.object, ["Wrapped BTC", "WBTC", 8, addr[0]])).address;
  for (const t of [usdt, ifil]) await send(admin, t, token.abi, "grantRole", [role("MINTER_ROLE"), addr[0]]);
  for (const who of [alice, bob, carol, dave, erin])
    await send(admin, usdt, token.abi, "mint", [who!.account!.address, USDC("1000000")]);
  for (const who of [addr[1], addr[2]]) await send(admin, ifil, token.abi, "mint", [who, IFIL("100000")]);
  const oracleArt = artifact("MarketRateOracle");
  const oracle = await deploy(oracleArt.abi, oracleArt.bytecode.object, [addr[0]]);
  await send(admin, oracle.address, oracleArt.abi, "grantRole", [role("REPORTER_ROLE"), addr[0]]);
  const libraries: Record<string, Address> = {};
  for (const name of ["OfferingFactory", "DefaultMonitor", "PrimaryAuctionSales", "LoanOrders"]) {
    const lib = artifact(name);
    libraries[name] = (await deploy(lib.abi, lib.bytecode.object)).address;
  }
  const assetsArt = artifact("AssetRegistry");
  const assets = await deploy(assetsArt.abi, assetsArt.bytecode.object, [addr[0]]);
  const exArt = artifact("HashpowerExchange");
  const exchange = await deploy(exArt.abi, link(exArt, libraries), [
    addr[0],
    addr[9],
    oracle.address,
    assets.address,
    500,
  ]);
  const ex = exchange.address;
  const exAbi = exArt.abi;
  await send(admin, ex, exAbi, "grantRole", [role("REGISTRAR_ROLE"), addr[0]]);
  await send(admin, assets.address, assetsArt.abi, "registerAsset", ["FIL", "TiB"]);
  await send(admin, ex, exAbi, "setPaymentToken", [usdt, true]);
  await send(admin, assets.address, assetsArt.abi, "setRewardToken", [1, ifil, true]);
  for (const who of [alice, bob]) await send(who, usdt, token.abi, "approve", [ex, maxUint256]);
  await send(miner, ifil, token.abi, "approve", [ex, maxUint256]);

  // The loans contract (its constructor emits FeeRecipientSet and GracePeriodSet).
  const paramsArt = artifact("ProtocolParameters");
  const params = await deploy(paramsArt.abi, paramsArt.bytecode.object, [addr[0], 100, 200]);
  const loansArt = artifact("PositionLoans");
  const deployed = await deploy(loansArt.abi, link(loansArt, libraries), [
    ex,
    params.address,
    addr[0],
    addr[9],
    86_400,
  ]);
  loans = deployed.address;
  loansAbi = loansArt.abi;
  await keep(deployed.logs, deployed.block);
  await send(admin, ex, exAbi, "setLocker", [loans, true]);
  await send(admin, loans, loansAbi, "setCollateralToken", [ifil, true], "IFIL listed as collateral");
  for (const who of [alice, bob, carol, dave, erin]) await send(who, usdt, token.abi, "approve", [loans, maxUint256]);
  await send(alice, ifil, token.abi, "approve", [loans, maxUint256]);
  for (const who of [alice, bob]) await send(who, ex, exAbi, "setApprovalForAll", [loans, true]);

  const view = async (label: string, loanId: bigint) => {
    const block = at[label]!;
    const loan = (await publicClient.readContract({
      address: loans,
      abi: loansAbi,
      functionName: "loanOf",
      args: [loanId],
      blockNumber: block,
    })) as LoanView["loan"];
    const [debt] = (await publicClient.readContract({
      address: loans,
      abi: loansAbi,
      functionName: "debtOf",
      args: [loanId],
      blockNumber: block,
    })) as [bigint, bigint];
    views[`${label}|${loanId}`] = { block, timestamp: timestamps[block.toString()]!, loan, debt };
  };

  // D: offering 1, five positions (alice 1: 10 units, 2: 4; bob 3: 5, 4: 6, 5: 3).
  const day0 = (await now()) / DAY + 1n;
  const D = (n: number) => day0 + BigInt(n);
  await warpToDay(D(0));
  await send(admin, ex, exAbi, "createOffering", [
    {
      miner: addr[1],
      assetId: 1,
      paymentToken: usdt,
      rewardToken: ifil,
      unitsTotal: 1_000n,
      pricePerUnit: USDC("100"),
      saleStart: day0 * DAY,
      saleEnd: D(2) * DAY,
      termStartDay: Number(D(2)),
      termEndDay: Number(D(60)),
      expectedDailyRewardPerUnitWad: 10n ** 15n,
      minerName: "Miner One",
      metadataURI: "ipfs://miner-one",
    },
  ]);
  for (const [who, units] of [
    [alice, 10n],
    [alice, 4n],
    [bob, 5n],
    [bob, 6n],
    [bob, 3n],
  ] as const)
    await send(who, ex, exAbi, "buy", [1n, units, 2n ** 200n, "0x0000000000000000000000000000000000000000"]);

  const far = Number(D(90) * DAY);
  const terms = (principal: bigint, aprBps: number, seconds: bigint, minInterest = 0n, rewardPriceWad = 0n) => ({
    currency: usdt,
    principal,
    aprBps,
    duration: Number(seconds),
    minInterest,
    rewardPriceWad,
  });
  const collateral = (kind: number, target: bigint, minUnits = 0, minDaysLeft = 0, amount = 0n) => ({
    target,
    kind,
    minUnits,
    minDaysLeft,
    amount,
  });
  let offerCount = 0n;
  const offer = async (
    who: (typeof wallets)[number],
    t: ReturnType<typeof terms>,
    c: ReturnType<typeof collateral>,
    maxFills: number,
  ) => {
    offerCount += 1n;
    offers[offerCount.toString()] = { terms: t, collateral: c };
    await send(who, loans, loansAbi, "makeOffer", [t, c, far, maxFills], `offer ${offerCount} made`);
  };

  // Offers: 1 for alice's position 1 (self-repayment at 5 USDC per IFIL), 2 for any position of offering 1
  // with 3+ units and 5 term days left (two fills), 3 for any FIL position (three fills), 4 (erin's) for 100 IFIL.
  await offer(carol, terms(USDC("1000"), 1_000, 20n * DAY, USDC("1"), USDC("5")), collateral(KIND.Position, 1n), 1);
  await offer(carol, terms(USDC("300"), 2_000, 10n * DAY), collateral(KIND.Offering, 1n, 3, 5), 2);
  await offer(carol, terms(USDC("120"), 900, 30n * DAY, 0n, USDC("4")), collateral(KIND.Asset, 1n, 1), 3);
  await offer(
    erin,
    terms(USDC("200"), 500, 30n * DAY, USDC("0.5")),
    collateral(KIND.Token, BigInt(ifil), 0, 0, IFIL("100")),
    1,
  );
  // Dave voids offers 5 and 6 with cancelAllOffers; 7 is made with the new nonce; carol cancels 8.
  await offer(dave, terms(USDC("90"), 700, 10n * DAY), collateral(KIND.Position, 4n), 1);
  await offer(dave, terms(USDC("80"), 700, 10n * DAY), collateral(KIND.Offering, 1n, 1), 5);
  await send(dave, loans, loansAbi, "cancelAllOffers", [], "dave cancels all his offers");
  await offer(dave, terms(USDC("100"), 800, 20n * DAY, 0n, USDC("10")), collateral(KIND.Offering, 1n, 1), 2);
  await offer(carol, terms(USDC("10"), 800, 20n * DAY), collateral(KIND.Asset, 1n), 1);
  await send(carol, loans, loansAbi, "cancelOffer", [8n], "offer 8 cancelled");

  // Requests: bob's 1 (position 3, filled by dave), 2 (IFIL, cancelled), 3 (position 4, stays open).
  await send(
    bob,
    loans,
    loansAbi,
    "requestLoan",
    [terms(USDC("150"), 1_200, 15n * DAY, USDC("0.5")), collateral(KIND.Position, 3n), far],
    "request 1 made",
  );
  await send(
    bob,
    loans,
    loansAbi,
    "requestLoan",
    [terms(USDC("80"), 1_000, 15n * DAY), collateral(KIND.Token, BigInt(ifil), 0, 0, IFIL("50")), far],
    "request 2 made",
  );
  await send(bob, loans, loansAbi, "cancelRequest", [2n], "request 2 cancelled");
  await send(
    bob,
    loans,
    loansAbi,
    "requestLoan",
    [terms(USDC("60"), 1_000, 15n * DAY), collateral(KIND.Position, 4n), far],
    "request 3 made",
  );

  // Loans: 3-1 from request 1, 1-1 from offer 1, 2-1 from collection offer 2, the first token loan.
  const tokenLoan = TOKEN_LOAN_BASE + 1n;
  await send(dave, loans, loansAbi, "fillRequest", [1n], "loan 3-1 started");
  await view("loan 3-1 started", 3n);
  await send(alice, loans, loansAbi, "acceptOffer", [1n, 1n], "loan 1-1 started");
  await view("loan 1-1 started", 1n);
  await send(alice, loans, loansAbi, "acceptOffer", [2n, 2n], "loan 2-1 started");
  await view("loan 2-1 started", 2n);
  await send(alice, loans, loansAbi, "acceptOffer", [4n, 0n], "token loan started");
  await view("token loan started", tokenLoan);

  // D+3: a partial repayment of 1-1, then self-repayment from the rewards of D+2.
  await warpToDay(D(3));
  await send(alice, loans, loansAbi, "repay", [1n, USDC("100")], "loan 1-1 partly repaid");
  await view("loan 1-1 partly repaid", 1n);
  await send(alice, loans, loansAbi, "setSelfRepaying", [1n, true], "loan 1-1 self-repaying");
  await view("loan 1-1 self-repaying", 1n);
  await send(admin, oracle.address, oracleArt.abi, "report", [1, D(2), 10n ** 33n]);
  await warpTo((await now()) + 3_600n);
  // 112 IFIL for 28 units: position 1 (10 units) earns 40 IFIL, worth 200 USDC at the loan's price.
  await send(miner, ex, exAbi, "depositReward", [1n, IFIL("112")], "rewards deposited");
  await send(eve, loans, loansAbi, "applyRewards", [1n], "rewards applied to loan 1-1");
  await view("rewards applied to loan 1-1", 1n);

  // D+4: erin takes 2-1 over at 15% (same due time); bob rolls 3-1 over to carol's offer 3 (120 USDC,
  // below his debt: he pays the difference).
  await warpToDay(D(4));
  const old2 = views["loan 2-1 started|2"]!.loan;
  await send(erin, loans, loansAbi, "refinance", [2n, 1_500, old2.dueTime, maxUint256], "loan 2-1 refinanced");
  await view("loan 2-1 refinanced", 2n);
  await send(bob, loans, loansAbi, "rollover", [3n, 3n, maxUint256], "loan 3-1 rolled over");
  await view("loan 3-1 rolled over", 3n);
  await send(alice, loans, loansAbi, "repay", [1n, maxUint256], "loan 1-1 repaid");
  await send(alice, loans, loansAbi, "repay", [tokenLoan, maxUint256], "token loan repaid");
  // Offer 2's second fill (bob's position 5) fills it; bob's position 4 takes dave's offer 7 and
  // self-repays it in full from one day of rewards (24 IFIL at 10 USDC: more than the debt).
  await send(bob, loans, loansAbi, "acceptOffer", [2n, 5n], "loan 5-1 started");
  await view("loan 5-1 started", 5n);
  await send(bob, loans, loansAbi, "acceptOffer", [7n, 4n], "loan 4-1 started");
  await send(bob, loans, loansAbi, "setSelfRepaying", [4n, true], "loan 4-1 self-repaying");
  await view("loan 4-1 self-repaying", 4n);
  await send(admin, oracle.address, oracleArt.abi, "report", [1, D(3), 10n ** 33n]);
  await warpTo((await now()) + 3_600n);
  await send(miner, ex, exAbi, "depositReward", [1n, IFIL("112")]);
  await send(eve, loans, loansAbi, "applyRewards", [4n], "loan 4-1 self-repaid in full");

  // A second loan on position 1 (id 1-2) at a 1h grace period, foreclosed once the grace ends.
  await send(admin, loans, loansAbi, "setGracePeriod", [3_600], "grace period set");
  await send(
    alice,
    loans,
    loansAbi,
    "requestLoan",
    [terms(USDC("50"), 3_000, 3_600n), collateral(KIND.Position, 1n), far],
    "request 4 made",
  );
  await send(carol, loans, loansAbi, "fillRequest", [4n], "loan 1-2 started");
  await view("loan 1-2 started", 1n);
  await warpTo((await now()) + 7_300n);
  await send(eve, loans, loansAbi, "foreclose", [1n], "loan 1-2 foreclosed");

  // Credits pulled, fees swept, governance.
  await send(carol, loans, loansAbi, "claim", [usdt, addr[4]], "carol claims USDT");
  await send(alice, loans, loansAbi, "claim", [ifil, addr[2]], "alice claims IFIL");
  await send(eve, loans, loansAbi, "sweepFees", [usdt], "fees swept");
  await send(admin, loans, loansAbi, "setFeeRecipient", [addr[8]], "fee recipient set");
  await send(admin, loans, loansAbi, "setCollateralToken", [wbtc, true], "WBTC listed as collateral");
  await send(admin, loans, loansAbi, "setCollateralToken", [ifil, false], "IFIL delisted as collateral");
  await view("IFIL delisted as collateral", 2n);
  await view("IFIL delisted as collateral", 3n);
  await view("IFIL delisted as collateral", 5n);

  // Odd input the indexer must survive, from the loans contract's address (its code swapped for a log
  // emitter, then restored): unknown kinds, a token target that is no address, unknown ids, huge numbers.
  const code = await publicClient.getCode({ address: loans });
  await testClient.setCode({ address: loans, bytecode: LOG_EMITTER });
  const emit = async (eventName: string, args: Record<string, unknown>) => {
    const event = loansAbi.find((item) => item.type === "event" && item.name === eventName) as AbiEvent;
    const topics = encodeEventTopics({ abi: [event], eventName, args } as never) as Hex[];
    const data = event.inputs.filter((i) => !i.indexed);
    const body = encodeAbiParameters(
      data,
      data.map((i) => args[i.name!]),
    );
    const hash = await admin!.sendTransaction({
      to: loans,
      data: concat([pad(toHex(topics.length)), ...topics, body]),
      chain: admin!.chain,
      account: admin!.account!,
    });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success" || receipt.logs.length !== 1) throw new Error(`${eventName} not emitted`);
    at["odd input"] = receipt.blockNumber;
  };
  const oddTerms = { ...terms(USDC("1"), 100, 1n * DAY), aprBps: 65_535 };
  await emit("OfferMade", {
    offerId: 900n,
    lender: addr[6],
    terms: oddTerms,
    collateral: collateral(KIND.None, 1n),
    expiry: BigInt(far),
    maxFills: 1n,
    nonce: 0n,
  });
  await emit("OfferMade", {
    offerId: 901n,
    lender: addr[6],
    terms: oddTerms,
    collateral: collateral(KIND.Token, 1n << 200n, 0, 0, 1n),
    expiry: BigInt(far),
    maxFills: 2n ** 255n,
    nonce: 0n,
  });
  await emit("RequestMade", {
    requestId: 900n,
    borrower: addr[6],
    terms: oddTerms,
    collateral: { ...collateral(KIND.Position, 12_345n), kind: 200 },
    expiry: BigInt(far),
  });
  await emit("OfferCancelled", { offerId: 999n, lender: addr[6] });
  await emit("AllOffersCancelled", { lender: addr[7], nonce: 5n });
  await emit("RequestCancelled", { requestId: 999n, borrower: addr[6] });
  const unknown = 999n;
  await emit("TokenCollateralEscrowed", { loanId: unknown, token: ifil, amount: 1n });
  await emit("LoanPayment", {
    loanId: unknown,
    payer: addr[6],
    token: usdt,
    amount: 1n,
    interestPaid: 1n,
    principalPaid: 0n,
    fee: 0n,
    principalLeft: 0n,
  });
  await emit("LoanRepaid", { loanId: unknown, borrower: addr[6], lender: addr[7] });
  await emit("LoanForeclosed", { loanId: unknown, lender: addr[7], by: addr[6], principalLeft: 1n, interestOwed: 1n });
  await emit("SelfRepayingSet", { loanId: unknown, on: true });
  await emit("LoanRefinanced", {
    loanId: unknown,
    oldLender: addr[7],
    newLender: addr[6],
    offerId: 1n,
    paidToOldLender: 1n,
    borrowerReceived: -1n,
    principal: 1n,
    aprBps: 2n ** 200n,
    minInterest: 0n,
    dueTime: 1n,
    graceEnd: 2n,
    feeBps: 2n ** 200n,
    rewardPriceWad: 0n,
  });
  await emit("Claimed", { account: addr[6], token: usdt, to: addr[6], amount: 0n });
  await testClient.setCode({ address: loans, bytecode: code! });

  return {
    exchange: ex,
    assets: assets.address,
    oracle: oracle.address,
    loans,
    loansBlock: deployed.block,
    loansAbi,
    usdt,
    ifil,
    wbtc,
    accounts: addr,
    at,
    views,
    logs,
    offers,
    timestamps,
  };
}
