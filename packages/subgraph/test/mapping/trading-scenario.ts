// Trading on anvil (issue 11): the real exchange (positions, approvals, transfers, a lock, a halt and
// primary-auction reservations through PRIMARY_AUCTION_ROLE) and, at the addresses the manifest gives
// PositionListings, PositionAuctions and TradingRewards, a log emitter that emits their events exactly
// as their interfaces declare them (the implementations are written in parallel; the subgraph depends
// on the events only). The exchange calls an auction contract makes are sent from that address
// (anvil impersonation), so UnitsReserved / PositionPurchased / ReservedUnitsReleased are the
// exchange's own. Days are relative to D (the first warp); offerings 1 and 2: sale until D+2, term
// [D+2, D+30), thresholds (3, 3, 8000, 5000, 5), so offering 2 is flaggable for missed deposits on D+6.
import {
  type Abi,
  type AbiEvent,
  type Address,
  concat,
  encodeAbiParameters,
  encodeEventTopics,
  type Hex,
  keccak256,
  pad,
  parseEventLogs,
  parseUnits,
  toHex,
  zeroAddress,
} from "viem";

import { artifact, clients, link } from "./chain";

/**
 * LogEmitter's runtime code (solc 0.8.28, optimizer 200 runs): calldata = n (32 bytes), n topics, data.
 *   fallback() external { assembly {
 *     let n := calldataload(0)  let off := add(32, mul(32, n))  let len := sub(calldatasize(), off)
 *     calldatacopy(0, off, len)
 *     switch n case 0 { log0(0, len) } case 1 { log1(0, len, calldataload(32)) }
 *     case 2 { log2(0, len, calldataload(32), calldataload(64)) }
 *     case 3 { log3(0, len, calldataload(32), calldataload(64), calldataload(96)) }
 *     default { log4(0, len, calldataload(32), calldataload(64), calldataload(96), calldataload(128)) } } }
 */
export const LOG_EMITTER: Hex =
  "0x6080604052348015600e575f5ffd5b505f358060051b601f198136030180826020015f37828015604f576001811460545760028114605c5760038114606757608035606035604035602035855fa4005b815fa0005b602035825fa1005b604035602035835fa2005b606035604035602035845fa300fea2646970667358221220cf7ca25a1e182de01799dfd7cc2bc6527fcc612aaaf63caae81ec8a8651b261d64736f6c634300081c0033";

export const LISTINGS: Address = "0x00000000000000000000000000000000000a11ce";
export const AUCTIONS: Address = "0x00000000000000000000000000000000000b1d5e";
export const REWARDS: Address = "0x00000000000000000000000000000000000dee75";

const DAY = 86_400n;
const role = (name: string) => keccak256(toHex(name));
export const USDC = (n: string) => parseUnits(n, 6);

export type TradingScenario = {
  exchange: Address;
  assets: Address;
  oracle: Address;
  usdt: Address;
  exchangeAbi: Abi;
  startBlock: bigint;
  /** Block of each labelled step. */
  at: Record<string, bigint>;
  accounts: Address[];
  day0: bigint;
  /** The position minted to the primary auction's winner. */
  primaryTokenId: bigint;
};

export async function runTradingScenario(rpcUrl: string): Promise<TradingScenario> {
  const { publicClient, testClient, wallets, accounts } = clients(rpcUrl, 10);
  const [admin, , alice, bob, locker, carol, dave, eve] = wallets;
  const addr = accounts.map((a) => a.address);
  const at: Record<string, bigint> = {};

  const deploy = async (abi: Abi, bytecode: Hex, args: unknown[] = []) => {
    const hash = await admin.deployContract({ abi, bytecode, args });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success" || !receipt.contractAddress) throw new Error("deployment failed");
    return { address: receipt.contractAddress, block: receipt.blockNumber };
  };
  const send = async (
    from: (typeof wallets)[number] | Address,
    address: Address,
    abi: Abi,
    functionName: string,
    args: unknown[],
    label?: string,
  ) => {
    const hash =
      typeof from === "string"
        ? await impersonated(from, address, abi, functionName, args)
        : await from.writeContract({ address, abi, functionName, args, chain: from.chain, account: from.account! });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`${functionName} reverted`);
    if (label) at[label] = receipt.blockNumber;
    return receipt;
  };
  // A call made by one of the trading contracts (anvil impersonation; the sender has code).
  const impersonated = async (from: Address, address: Address, abi: Abi, functionName: string, args: unknown[]) => {
    await testClient.impersonateAccount({ address: from });
    try {
      return await admin.writeContract({ address, abi, functionName, args, chain: admin.chain, account: from });
    } finally {
      await testClient.stopImpersonatingAccount({ address: from });
    }
  };
  const now = async () => (await publicClient.getBlock()).timestamp;
  const warpToDay = async (day: bigint, secondsIntoDay = 3_600n) => {
    await testClient.setNextBlockTimestamp({ timestamp: day * DAY + secondsIntoDay });
    await testClient.mine({ blocks: 1 });
  };

  // The trading contracts' events, as their interfaces declare them.
  const interfaceAbi = (name: string) => artifact(name).abi;
  const abis: Record<Address, Abi> = {
    [LISTINGS]: interfaceAbi("IPositionListings"),
    [AUCTIONS]: interfaceAbi("IPositionAuctions"),
    [REWARDS]: interfaceAbi("ITradingRewards"),
  };
  for (const emitter of [LISTINGS, AUCTIONS, REWARDS])
    await testClient.setCode({ address: emitter, bytecode: LOG_EMITTER });
  await testClient.setBalance({ address: AUCTIONS, value: 10n ** 20n });
  const emit = async (emitter: Address, eventName: string, args: Record<string, unknown>, label?: string) => {
    const abi = abis[emitter]!;
    const event = abi.find((item) => item.type === "event" && item.name === eventName) as AbiEvent | undefined;
    if (!event) throw new Error(`no event ${eventName}`);
    const topics = encodeEventTopics({ abi: [event], eventName, args } as never) as Hex[];
    const data = event.inputs.filter((i) => !i.indexed);
    const body = encodeAbiParameters(
      data,
      data.map((i) => args[i.name!]),
    );
    const hash = await admin.sendTransaction({
      to: emitter,
      data: concat([pad(toHex(topics.length)), ...topics, body]),
      chain: admin.chain,
      account: admin.account!,
    });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success" || receipt.logs.length !== 1) throw new Error(`${eventName} not emitted`);
    if (label) at[label] = receipt.blockNumber;
    return receipt;
  };

  // Exchange, as in the scenario (its linked libraries included).
  const token = artifact("BridgedToken");
  const usdt = (await deploy(token.abi, token.bytecode.object, ["Tether USD", "USDT", 6, addr[0]])).address;
  const ifil = (await deploy(token.abi, token.bytecode.object, ["Interest FIL", "IFIL", 18, addr[0]])).address;
  await send(admin, usdt, token.abi, "grantRole", [role("MINTER_ROLE"), addr[0]]);
  for (const who of [alice, bob, carol, dave])
    await send(admin, usdt, token.abi, "mint", [who.account!.address, USDC("1000000")]);
  await send(admin, usdt, token.abi, "mint", [AUCTIONS, USDC("1000000")]);
  const oracleArt = artifact("MarketRateOracle");
  const oracle = await deploy(oracleArt.abi, oracleArt.bytecode.object, [addr[0]]);
  const libraries: Record<string, Address> = {};
  for (const name of ["OfferingFactory", "DefaultMonitor", "PrimaryAuctionSales"]) {
    const lib = artifact(name);
    libraries[name] = (await deploy(lib.abi, lib.bytecode.object)).address;
  }
  const assetsArt = artifact("AssetRegistry");
  const assets = await deploy(assetsArt.abi, assetsArt.bytecode.object, [addr[0]]);
  const exArt = artifact("HashpowerExchange");
  const exchange = await deploy(exArt.abi, link(exArt, libraries), [
    addr[0],
    addr[5],
    oracle.address,
    assets.address,
    500,
  ]);
  const ex = exchange.address;
  const exAbi = exArt.abi;
  await send(admin, ex, exAbi, "grantRole", [role("REGISTRAR_ROLE"), addr[0]]);
  await send(admin, ex, exAbi, "grantRole", [role("PRIMARY_AUCTION_ROLE"), AUCTIONS]);
  await send(admin, assets.address, assetsArt.abi, "registerAsset", ["FIL", "TiB"]);
  await send(admin, ex, exAbi, "setPaymentToken", [usdt, true]);
  await send(admin, assets.address, assetsArt.abi, "setRewardToken", [1, ifil, true]);
  await send(admin, ex, exAbi, "setDefaultThresholds", [
    { missedDaysThreshold: 3, windowDays: 3, minRewardRatioBps: 8_000, minCoverageBps: 5_000, postTermFlagDays: 5 },
  ]);
  for (const who of [alice, bob, carol, dave]) await send(who, usdt, token.abi, "approve", [ex, 2n ** 255n]);
  await send(AUCTIONS, usdt, token.abi, "approve", [ex, 2n ** 255n]);
  // The exchange credits primary-sale fees to TradingRewards once set (the emitter cannot take the
  // call): set and cleared, so TradingRewardsSet is indexed.
  await send(admin, ex, exAbi, "setTradingRewards", [REWARDS], "trading rewards set");
  await send(admin, ex, exAbi, "setTradingRewards", [zeroAddress], "trading rewards cleared");

  const day0 = (await now()) / DAY + 1n;
  const D = (n: number) => day0 + BigInt(n);
  await warpToDay(D(0));
  const terms = (name: string) => ({
    miner: addr[1],
    assetId: 1,
    paymentToken: usdt,
    rewardToken: ifil,
    unitsTotal: 1_000n,
    pricePerUnit: USDC("100"),
    saleStart: day0 * DAY,
    saleEnd: D(2) * DAY,
    termStartDay: Number(D(2)),
    termEndDay: Number(D(30)),
    expectedDailyRewardPerUnitWad: 10n ** 15n,
    minerName: name,
    metadataURI: `ipfs://${name}`,
  });
  await send(admin, ex, exAbi, "createOffering", [terms("Miner One")]);
  await send(admin, ex, exAbi, "createOffering", [terms("Miner Two")]);
  const buy = (who: (typeof wallets)[number], offering: bigint, units: bigint) =>
    send(who, ex, exAbi, "buy", [offering, units, 2n ** 200n, zeroAddress]);
  await buy(alice, 1n, 10n); // token 1
  await buy(alice, 1n, 4n); // token 2
  await buy(bob, 1n, 5n); // token 3
  await buy(alice, 2n, 8n); // token 4
  const startBlock = (await publicClient.getBlockNumber()) + 1n;
  const far = D(60) * DAY;

  // TradingRewards' constructor schedule (epoch 0 starts on D).
  await emit(
    REWARDS,
    "ScheduleSet",
    { fromEpoch: 0n, dmcPerEpoch: 10n ** 23n, capDmcPerFeeUnit: 10n ** 19n },
    "schedule",
  );
  await emit(REWARDS, "FeeTokenSet", { token: usdt, decimals: 6, listed: true });
  await emit(REWARDS, "SourceSet", { source: LISTINGS, allowed: true });
  await emit(REWARDS, "ReferralsSet", { recorder: addr[9] });
  // a referral the recorder refused (the sale itself is not reverted)
  await emit(REWARDS, "ReferralFailed", { referrer: addr[8], account: addr[2], token: usdt, fee: 1_234n });
  await emit(LISTINGS, "FeeRecipientSet", { previous: zeroAddress, recipient: addr[9] });
  await emit(AUCTIONS, "FeeRecipientSet", { previous: zeroAddress, recipient: addr[9] });
  await emit(AUCTIONS, "MinIncrementSet", { previousBps: 500n, bps: 500n }, "min increment set");

  // Listings: token 1 at 100/unit, token 2 at 50/unit (the floor), replaced at 80/unit.
  const listed = (listingId: bigint, tokenId: bigint, seller: Address, price: bigint, label: string, expiry = far) =>
    emit(LISTINGS, "Listed", { listingId, tokenId, seller, paymentToken: usdt, price, expiry, feeBps: 200n }, label);
  await send(alice, ex, exAbi, "approve", [LISTINGS, 1n]);
  await listed(1n, 1n, addr[2], USDC("1000"), "listed 1");
  await send(alice, ex, exAbi, "approve", [LISTINGS, 2n]);
  await listed(2n, 2n, addr[2], USDC("200"), "listed 2");
  await listed(3n, 2n, addr[2], USDC("320"), "listing 2 replaced by 3");
  // An expired listing never sets the floor.
  await send(bob, ex, exAbi, "approve", [LISTINGS, 3n]);
  await listed(4n, 3n, addr[3], USDC("5"), "listing 4 already expired", (await now()) - 1n);
  await emit(
    LISTINGS,
    "ListingUpdated",
    { listingId: 4n, tokenId: 3n, price: USDC("450"), expiry: far },
    "listing 4 updated",
  );
  await emit(LISTINGS, "ListingCancelled", { listingId: 4n, tokenId: 3n, by: addr[3] }, "listing 4 cancelled");

  // The cheapest listing sells: ListingSold, then the NFT moves, in one block.
  await testClient.setAutomine(false);
  const sent = await emitNoWait(LISTINGS, "ListingSold", {
    listingId: 3n,
    tokenId: 2n,
    buyer: addr[3],
    seller: addr[2],
    paymentToken: usdt,
    price: USDC("320"),
    fee: USDC("6.4"),
    referrer: zeroAddress,
  });
  const transferHash = await alice.writeContract({
    address: ex,
    abi: exAbi,
    functionName: "transferFrom",
    args: [addr[2], addr[3], 2n],
    chain: alice.chain,
    account: alice.account!,
  });
  await testClient.mine({ blocks: 1 });
  await testClient.setAutomine(true);
  const blocks = new Set<bigint>();
  for (const hash of [sent, transferHash]) {
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error("sale block reverted");
    blocks.add(receipt.blockNumber);
    at["listing 3 sold"] = receipt.blockNumber;
  }
  if (blocks.size !== 1) throw new Error("ListingSold and its Transfer must share a block");
  await emit(REWARDS, "EpochOpened", { epoch: 0n, dmcPerEpoch: 10n ** 23n, capDmcPerFeeUnit: 10n ** 19n });
  await emit(
    REWARDS,
    "FeeCredited",
    feeCredit(addr[3], LISTINGS, usdt, USDC("6.4"), 64n * 10n ** 17n, 64n * 10n ** 17n),
  );

  // Void by transfer: alice moves token 1 away; no live listing is left.
  await send(alice, ex, exAbi, "transferFrom", [addr[2], addr[6], 1n], "token 1 transferred");
  // A stale listing comes back only by its own seller's approval while holding the position again
  // (PositionListings' rule): not by the new owner's approval, not after the seller cancelled it.
  await send(dave, ex, exAbi, "approve", [LISTINGS, 1n], "new owner approves the listings contract");
  await send(dave, ex, exAbi, "transferFrom", [addr[6], addr[2], 1n], "token 1 back with alice");
  await send(alice, ex, exAbi, "approve", [LISTINGS, 1n], "listing 1 revived by its seller's approval");
  await send(alice, ex, exAbi, "approve", [zeroAddress, 1n], "listing 1 void again");
  await emit(LISTINGS, "ListingCancelled", { listingId: 1n, tokenId: 1n, by: addr[2] }, "stale listing 1 cancelled");
  await send(alice, ex, exAbi, "approve", [LISTINGS, 1n], "approval after the cancel");
  // Void by approval: bob lists token 3, then approves someone else.
  await listed(5n, 3n, addr[3], USDC("500"), "listed 5");
  await send(bob, ex, exAbi, "approve", [addr[7], 3n], "token 3 approval changed");
  // Void by lock: an operator approval keeps the listing; the lock voids it.
  await send(bob, ex, exAbi, "approve", [LISTINGS, 3n]);
  await listed(6n, 3n, addr[3], USDC("600"), "listed 6");
  await send(admin, ex, exAbi, "setLocker", [addr[4], true]);
  await send(bob, ex, exAbi, "setApprovalForAll", [addr[4], true], "operator approved");
  await send(locker, ex, exAbi, "lock", [3n, 0], "token 3 locked");
  await send(locker, ex, exAbi, "unlock", [3n]);
  // The seller approves the listings contract during a lock: the listing is back once unlocked.
  await send(locker, ex, exAbi, "lock", [3n, 0]);
  await send(bob, ex, exAbi, "approve", [LISTINGS, 3n], "approved during a lock");
  await send(locker, ex, exAbi, "unlock", [3n], "listing 6 revived by the unlock");
  await emit(LISTINGS, "ListingCancelled", { listingId: 6n, tokenId: 3n, by: addr[3] }, "listing 6 cancelled");
  // Void by halt (below): alice lists token 4 of offering 2.
  await send(alice, ex, exAbi, "approve", [LISTINGS, 4n]);
  await listed(7n, 4n, addr[2], USDC("720"), "listed 7");

  // Secondary auction of token 3 by bob: carol, dave (outbids), dave raises (extension), carol outbids.
  const created = (
    auctionId: bigint,
    kind: number,
    seller: Address,
    tokenId: bigint,
    units: bigint,
    reservePrice: bigint,
    feeBps: bigint,
    hardEnd: bigint,
  ) =>
    emit(
      AUCTIONS,
      "AuctionCreated",
      {
        auctionId,
        kind,
        seller,
        tokenId,
        offeringId: 1n,
        units,
        paymentToken: usdt,
        reservePrice,
        duration: 3_600n,
        minIncrementBps: 500n,
        feeBps,
        hardEnd,
      },
      `auction ${auctionId} created`,
    );
  const bid = (auctionId: bigint, bidder: Address, amount: bigint, endTime: bigint, extended: boolean, label: string) =>
    emit(AUCTIONS, "BidPlaced", { auctionId, bidder, amount, endTime, extended }, label);
  const refund = (auctionId: bigint, bidder: Address, amount: bigint, label?: string) =>
    emit(AUCTIONS, "BidRefundCredited", { auctionId, bidder, token: usdt, amount }, label);
  const t0 = await now();
  await created(1n, 0, addr[3], 3n, 5n, USDC("100"), 200n, 2n ** 40n - 1n);
  await bid(1n, addr[5], USDC("100"), t0 + 3_600n, false, "carol bids");
  await bid(1n, addr[6], USDC("105"), t0 + 3_600n, false, "dave outbids carol");
  await refund(1n, addr[5], USDC("100"));
  await bid(1n, addr[6], USDC("120"), t0 + 4_000n, true, "dave raises late (extension)");
  await bid(1n, addr[5], USDC("130"), t0 + 4_500n, true, "carol outbids dave late (extension)");
  await refund(1n, addr[6], USDC("120"), "dave's refund credited");
  await emit(
    AUCTIONS,
    "Withdrawn",
    { account: addr[6], token: usdt, to: addr[6], amount: USDC("120") },
    "dave withdraws",
  );
  await emit(AUCTIONS, "AuctionSettled", {
    auctionId: 1n,
    winner: addr[5],
    amount: USDC("130"),
    fee: USDC("2.6"),
    tokenId: 3n,
  });
  await emit(AUCTIONS, "ProceedsCredited", { auctionId: 1n, seller: addr[3], token: usdt, amount: USDC("127.4") });
  await send(bob, ex, exAbi, "transferFrom", [addr[3], addr[5], 3n], "auction 1 settled");
  await emit(
    AUCTIONS,
    "Withdrawn",
    { account: addr[3], token: usdt, to: addr[3], amount: USDC("127.4") },
    "bob withdraws",
  );
  await emit(
    AUCTIONS,
    "Withdrawn",
    { account: addr[7], token: usdt, to: addr[7], amount: 5n },
    "withdrawn without credits",
  );
  await emit(
    REWARDS,
    "FeeCredited",
    feeCredit(addr[5], AUCTIONS, usdt, USDC("2.6"), 26n * 10n ** 17n, 90n * 10n ** 17n),
  );

  // Primary auction 2: 20 units reserved, won by carol at 2,500 (settled through sellReservedUnits).
  await send(AUCTIONS, ex, exAbi, "reserveUnits", [1n, 20n, addr[1]], "units reserved");
  const saleEnd = D(2) * DAY;
  await created(2n, 1, addr[1], 0n, 20n, USDC("1500"), 0n, saleEnd);
  await bid(2n, addr[5], USDC("2500"), t0 + 7_200n, false, "carol bids on the primary auction");
  const sold = await send(AUCTIONS, ex, exAbi, "sellReservedUnits", [1n, 20n, addr[5], USDC("2500")]);
  const [purchased] = parseEventLogs({ abi: exAbi, logs: sold.logs, eventName: "PositionPurchased" }) as unknown as {
    args: { tokenId: bigint };
  }[];
  const primaryTokenId = purchased!.args.tokenId;
  await emit(
    AUCTIONS,
    "AuctionSettled",
    { auctionId: 2n, winner: addr[5], amount: USDC("2500"), fee: 0n, tokenId: primaryTokenId },
    "auction 2 settled",
  );
  // Primary auction 3: 5 units reserved, dave bids, withdraws his leading bid, the units are released.
  await send(AUCTIONS, ex, exAbi, "reserveUnits", [1n, 5n, addr[1]]);
  await created(3n, 1, addr[1], 0n, 5n, USDC("400"), 0n, saleEnd);
  await bid(3n, addr[6], USDC("450"), t0 + 7_200n, false, "dave bids on auction 3");
  await emit(AUCTIONS, "LeadingBidWithdrawn", { auctionId: 3n, bidder: addr[6], amount: USDC("450") });
  await refund(3n, addr[6], USDC("450"));
  await send(AUCTIONS, ex, exAbi, "releaseReservedUnits", [1n, 5n], "auction 3 withdrawn");
  // Auction 4 (secondary, no bid) is cancelled.
  await created(4n, 0, addr[5], 3n, 5n, USDC("100"), 200n, 2n ** 40n - 1n);
  await emit(AUCTIONS, "AuctionCancelled", { auctionId: 4n }, "auction 4 cancelled");

  // Odd input the indexer must survive (no contract emits these, but a handler must never crash):
  // events about unknown listings, auctions and tokens, a settle without credits.
  await emit(LISTINGS, "Listed", {
    listingId: 99n,
    tokenId: 999n,
    seller: addr[2],
    paymentToken: usdt,
    price: 1n,
    expiry: far,
    feeBps: 0n,
  });
  await emit(LISTINGS, "ListingUpdated", { listingId: 98n, tokenId: 1n, price: 1n, expiry: far });
  await emit(LISTINGS, "ListingCancelled", { listingId: 98n, tokenId: 1n, by: addr[2] });
  await emit(LISTINGS, "ListingSold", {
    listingId: 98n,
    tokenId: 1n,
    buyer: addr[3],
    seller: addr[2],
    paymentToken: usdt,
    price: 1n,
    fee: 0n,
    referrer: zeroAddress,
  });
  await emit(AUCTIONS, "BidPlaced", { auctionId: 98n, bidder: addr[5], amount: 1n, endTime: far, extended: false });
  await emit(AUCTIONS, "AuctionSettled", { auctionId: 98n, winner: addr[5], amount: 1n, fee: 0n, tokenId: 1n });
  await emit(AUCTIONS, "AuctionCancelled", { auctionId: 98n });
  await emit(AUCTIONS, "LeadingBidWithdrawn", { auctionId: 98n, bidder: addr[5], amount: 1n });
  await emit(REWARDS, "RewardsSettled", { account: addr[8], epoch: 5n, credit: 0n, reward: 0n }, "odd input");

  // Epoch 0 settles for bob on D+8 (epoch 1), who claims.
  await warpToDay(D(6));
  await send(eve, ex, exAbi, "flag", [2n]);
  await send(admin, ex, exAbi, "halt", [2n], "offering 2 halted");
  await warpToDay(D(8));
  await emit(REWARDS, "RewardsSettled", {
    account: addr[3],
    epoch: 0n,
    credit: 64n * 10n ** 17n,
    reward: 64n * 10n ** 18n,
  });
  await emit(REWARDS, "RewardsClaimed", { account: addr[3], to: addr[3], amount: 64n * 10n ** 18n }, "bob claims");

  return {
    exchange: ex,
    assets: assets.address,
    oracle: oracle.address,
    usdt,
    exchangeAbi: exAbi,
    startBlock: exchange.block < startBlock ? exchange.block : startBlock,
    at,
    accounts: addr,
    day0,
    primaryTokenId,
  };

  function emitNoWait(emitter: Address, eventName: string, args: Record<string, unknown>) {
    const abi = abis[emitter]!;
    const event = abi.find((item) => item.type === "event" && item.name === eventName) as AbiEvent;
    const topics = encodeEventTopics({ abi: [event], eventName, args } as never) as Hex[];
    const data = event.inputs.filter((i) => !i.indexed);
    const body = encodeAbiParameters(
      data,
      data.map((i) => args[i.name!]),
    );
    return admin.sendTransaction({
      to: emitter,
      data: concat([pad(toHex(topics.length)), ...topics, body]),
      chain: admin.chain,
      account: admin.account!,
    });
  }
}

function feeCredit(
  account: Address,
  source: Address,
  token: Address,
  fee: bigint,
  credit: bigint,
  epochCredit: bigint,
) {
  return { account, epoch: 0n, source, token, fee, credit, accountCredit: credit, epochCredit };
}
