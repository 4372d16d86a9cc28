/**
 * Indexer benchmark on a DMEX history: a fresh chain deployed by the real deploy script, N (2,000)
 * positions bought, 30 days of oracle reports and reward deposits, claims and NFT transfers; then
 * the DMEX subgraph indexed from scratch by graph-host (as `npm run dev` runs it) and 50 concurrent
 * clients running the app's typical queries. Prints events/s and p50/p95 latency.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { bridgedTokenAbi, hashpowerExchangeAbi, marketRateOracleAbi, type DeployedContractName } from "@dmex/deployments";
import { ROLE_INDEX, anvilAddress, freePort, graphHostStep, startStack, type StackContext } from "@dmex/devstack";
import { createPublicClient, createWalletClient, http, maxUint256, type Abi, type Address } from "viem";
import { foundry } from "viem/chains";

import { mineAt } from "../shared/chain.js";

// The issue asks for 10,000 positions; runs that large stalled on a never-mined transaction here
// (under investigation), so the default is 2,000 until that is fixed. BENCH_POSITIONS overrides.
const POSITIONS = Number(process.env.BENCH_POSITIONS ?? 2_000);
const DAYS = 30;
const CLIENTS = 50;
const QUERIES_PER_CLIENT = 40;
const DAY = 86_400n;

const here = dirname(fileURLToPath(import.meta.url));
const subgraphDir = resolve(here, "../../../subgraph");

async function main() {
  const workDir = mkdtempSync(join(tmpdir(), "dmex-indexer-bench-"));
  const stack = await startStack({ port: await freePort(), isolated: true, seed: false, workDir });
  const stopAll: (() => Promise<void>)[] = [() => stack.stop()];
  try {
    const transport = http(stack.rpcUrl);
    const client = createPublicClient({ chain: foundry, transport, pollingInterval: 20 });
    const wallet = createWalletClient({ chain: foundry, transport, pollingInterval: 20 });
    const at = (name: DeployedContractName): Address => stack.deployment.contracts[name]!.address;
    const exchange = { address: at("HashpowerExchange"), abi: hashpowerExchangeAbi as Abi };
    const oracle = { address: at("MarketRateOracle"), abi: marketRateOracleAbi as Abi };
    const usdt = { address: at("USDT"), abi: bridgedTokenAbi as Abi };
    const ifil = { address: at("IFIL"), abi: bridgedTokenAbi as Abi };
    let last: `0x${string}` = "0x";
    const send = async (from: Address, c: { address: Address; abi: Abi }, functionName: string, args: readonly unknown[]) => {
      last = await wallet.writeContract({ account: from, chain: foundry, address: c.address, abi: c.abi, functionName, args });
      const receipt = await client.waitForTransactionReceipt({ hash: last, pollingInterval: 5 });
      if (receipt.status !== "success") throw new Error(`${functionName} from ${from} reverted`);
    };
    const setTime = (timestamp: bigint) => mineAt(client, timestamp);

    const registrar = anvilAddress(ROLE_INDEX.registrar);
    const reporter = anvilAddress(ROLE_INDEX.reporter);
    const minter = anvilAddress(ROLE_INDEX.minter);
    const miners = [5, 6, 7].map(anvilAddress);
    const buyers = Array.from({ length: 12 }, (_, i) => anvilAddress(8 + i));

    const generated = Date.now();
    const today = (await client.getBlock()).timestamp / DAY + 1n;
    await setTime(today * DAY + 3_600n);
    const termStart = today + 1n;
    const termEnd = termStart + 365n;
    for (const [i, miner] of miners.entries()) {
      await send(registrar, exchange, "createOffering", [
        {
          miner,
          assetId: 1,
          paymentToken: usdt.address,
          rewardToken: ifil.address,
          unitsTotal: 1_000_000n,
          pricePerUnit: 400_000n + BigInt(i) * 100_000n,
          saleStart: today * DAY,
          saleEnd: (termEnd - 1n) * DAY,
          termStartDay: Number(termStart),
          termEndDay: Number(termEnd),
          expectedDailyRewardPerUnitWad: 2n * 10n ** 33n,
          minerName: `Bench Miner ${i + 1}`,
          metadataURI: "ipfs://bench",
        },
      ]);
      await send(minter, ifil, "mint", [miner, 10n ** 26n]);
      await send(miner, ifil, "approve", [exchange.address, maxUint256]);
    }
    for (const buyer of buyers) {
      await send(minter, usdt, "mint", [buyer, 10n ** 14n]);
      await send(buyer, usdt, "approve", [exchange.address, maxUint256]);
    }

    // Purchases spread over the sale window and the first days of the term (automine: one per block).
    const perDay = POSITIONS / 10;
    for (let i = 0; i < POSITIONS; i++) {
      if (i > 0 && i % perDay === 0) await setTime((today + BigInt(i / perDay)) * DAY + 7_200n);
      await send(buyers[i % buyers.length]!, exchange, "buy", [BigInt(1 + (i % 3)), BigInt(1 + (i % 9)), maxUint256, registrar]);
    }
    await client.waitForTransactionReceipt({ hash: last });
    const minted = (await client.readContract({ ...exchange, functionName: "positionCount", args: [] })) as bigint;
    if (minted !== BigInt(POSITIONS)) {
      const receipt = await client.getTransactionReceipt({ hash: last });
      throw new Error(`expected ${POSITIONS} positions, minted ${minted} (last purchase ${receipt.status})`);
    }
    // Days of reports, deposits, claims and transfers.
    let nextToken = 1;
    for (let d = 0n; d < BigInt(DAYS); d++) {
      const day = termStart + d;
      if (today + 10n <= day) await setTime((day + 1n) * DAY + 600n);
      else continue;
      await send(reporter, oracle, "report", [1, day, 2n * 10n ** 33n]);
      for (const [i, miner] of miners.entries()) await send(miner, exchange, "depositReward", [BigInt(i + 1), 10n ** 21n]);
      for (let k = 0; k < 40; k++, nextToken++) {
        const tokenId = BigInt(1 + (nextToken * 7919) % POSITIONS);
        const owner = (await client.readContract({ ...exchange, functionName: "ownerOf", args: [tokenId] })) as Address;
        if (k % 2 === 0) await send(owner, exchange, "claimRewards", [[tokenId]]);
        else await send(owner, exchange, "transferFrom", [owner, buyers[(k * 5) % buyers.length]!, tokenId]);
      }
    }
    await client.waitForTransactionReceipt({ hash: last });
    const head = await client.getBlockNumber();
    const logs = await client.request({
      method: "eth_getLogs",
      params: [{ fromBlock: "0x0", toBlock: "latest", address: [exchange.address, oracle.address] }],
    });
    const events = (logs as unknown[]).length;
    console.log(`generated ${events} events (${POSITIONS} positions) in ${head} blocks in ${((Date.now() - generated) / 1000).toFixed(1)} s`);

    // Index from scratch exactly as the dev stack does.
    const context: StackContext = { log: () => {}, timings: {}, urls: {}, rpcUrl: stack.rpcUrl, deployment: stack.deployment };
    const indexStart = Date.now();
    const graph = await graphHostStep({
      subgraphDir,
      deploymentsDir: join(stack.deploymentsDir!, "deployments"),
      port: await freePort(),
      name: "dmex",
      workDir,
    }).run(context);
    stopAll.unshift(() => graph!.stop());
    const seconds = (Date.now() - indexStart) / 1000;
    console.log(`indexed ${events} events from scratch in ${seconds.toFixed(2)} s incl. start-up: ${Math.round(events / seconds)} events/s`);

    // 50 concurrent clients on the app's queries.
    const url = context.urls.graph!;
    const owners = buyers.map((b) => b.toLowerCase());
    const queries = [
      () => ({ query: "{ offerings(first: 20, orderBy: pricePerUnit) { id minerName pricePerUnit unitsSold unitsTotal status termEndDay asset { symbol unitLabel } } }" }),
      (i: number) => ({
        query: "query($o: Bytes!) { positions(first: 100, where: { owner: $o, offering_: { asset: \"1\" } }, orderBy: units, orderDirection: desc) { id units rewardSnapshot offering { id accRewardPerUnit } } }",
        variables: { o: owners[i % owners.length] },
      }),
      (i: number) => ({ query: `{ offering(id: "${1 + (i % 3)}") { id totalNet rateSum rateDayProduct pendingNet pendingDay withdrawn days(first: 60, orderBy: day) { day rewardPerUnitWad marketAvgPerUnitWad } } }` }),
      () => ({ query: "{ protocolDays(first: 30, orderBy: day, orderDirection: desc) { day volume fees rewardsDeposited rewardsClaimed } }" }),
      (i: number) => ({ query: `{ position(id: "${1 + ((i * 131) % POSITIONS)}") { id units owner { id } transfers { id } claims { amount } } }` }),
    ];
    const latencies: number[] = [];
    let errors = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        for (let q = 0; q < QUERIES_PER_CLIENT; q++) {
          const body = queries[(c + q) % queries.length]!(c * QUERIES_PER_CLIENT + q);
          const t = performance.now();
          const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
          const json = (await res.json()) as { errors?: unknown[] };
          latencies.push(performance.now() - t);
          if (json.errors) errors++;
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(1);
    console.log(
      `${latencies.length} app queries from ${CLIENTS} concurrent clients in ${((Date.now() - started) / 1000).toFixed(2)} s: ` +
        `p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${pct(1)} ms, errors ${errors}`,
    );
    if (errors > 0) process.exitCode = 1;
  } finally {
    for (const stop of stopAll) await stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
