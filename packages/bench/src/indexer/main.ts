/**
 * Indexer benchmark on a DMEX history: a fresh chain deployed by the real deploy script, N (2,000)
 * positions bought, 21 days of oracle reports and reward deposits, claims and NFT transfers; then
 * the DMEX subgraph indexed from scratch by graph-host (as `npm run dev` runs it) and 50 concurrent
 * clients running the app's typical queries. Prints events/s and p50/p95 latency.
 *
 * Absolute figures do not compare across machines, so the same run also measures what they are
 * compared against and prints ratios: the fetch floor (anvil serving the same logs and blocks over
 * JSON-RPC, what any indexer must spend) and a peer (Ponder on the AssetRegistry and HashpowerExchange
 * events, beside graph-host on that same subset); and graph-host on a real PostgreSQL store beside PGlite.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import {
  assetRegistryAbi,
  bridgedTokenAbi,
  hashpowerExchangeAbi,
  marketRateOracleAbi,
  type DeployedContractName,
} from "@dmex/deployments";
import { ROLE_INDEX, anvilAddress, freePort, graphHostStep, startStack, type StackContext } from "@dmex/devstack";
import {
  createPublicClient,
  getAddress,
  http,
  maxUint256,
  toEventSelector,
  type Abi,
  type Address,
  type Hex,
  type PublicClient,
} from "viem";
import { foundry } from "viem/chains";

import { startGraphHost } from "@dmex/graph-host";
import { MISSING_BINARIES, startPostgresServer } from "@dmex/graph-host/postgres-server";

import { BlockBuilder, type Call } from "./blocks.js";
import {
  type FetchFloor,
  type LogFilter,
  manifestFilter,
  manifestStartBlock,
  measureFetchFloor,
} from "./fetch-floor.js";
import { type LoadResult, percentile, runLoad } from "./load.js";
import { PONDER_EVENTS, type PonderContract, type PonderRun, runPonder } from "./ponder.js";
import { writeSubsetBuild } from "./subset.js";

const POSITIONS = Number(process.env.BENCH_POSITIONS ?? 10_000);
/** Transactions per block; 1 gives the one-transaction blocks of automine. */
const TXS_PER_BLOCK = Number(process.env.BENCH_TXS_PER_BLOCK ?? 50);
/** Claims and transfers per day of the term. */
const ACTIONS_PER_DAY = 100;
const DAYS = 21;
const CLIENTS = 50;
const QUERIES_PER_CLIENT = 40;
const DAY = 86_400n;

const here = dirname(fileURLToPath(import.meta.url));
const subgraphDir = resolve(here, "../../../subgraph");

async function main() {
  const workDir = mkdtempSync(join(tmpdir(), "dmex-indexer-bench-"));
  const stack = await startStack({
    port: await freePort(),
    isolated: true,
    seed: false,
    workDir,
    // The bench's own forge output (kept between runs), so it never races a build of packages/contracts.
    forgeEnv: {
      FOUNDRY_OUT: process.env.FOUNDRY_OUT ?? join(tmpdir(), "dmex-indexer-bench-forge", "out"),
      FOUNDRY_CACHE_PATH: process.env.FOUNDRY_CACHE_PATH ?? join(tmpdir(), "dmex-indexer-bench-forge", "cache"),
    },
  });
  const stopAll: (() => Promise<void>)[] = [() => stack.stop()];
  try {
    // Batched HTTP: a block's transactions and receipts travel in a few requests.
    const client = createPublicClient({
      chain: foundry,
      transport: http(stack.rpcUrl, { batch: { batchSize: 200, wait: 0 } }),
    });
    const at = (name: DeployedContractName): Address => stack.deployment.contracts[name]!.address;
    const exchange = { address: at("HashpowerExchange"), abi: hashpowerExchangeAbi as Abi };
    const oracle = { address: at("MarketRateOracle"), abi: marketRateOracleAbi as Abi };
    const usdt = { address: at("USDT"), abi: bridgedTokenAbi as Abi };
    const ifil = { address: at("IFIL"), abi: bridgedTokenAbi as Abi };
    const call = (
      from: Address,
      c: { address: Address; abi: Abi },
      functionName: string,
      args: readonly unknown[],
      gas?: bigint,
    ): Call => ({
      from,
      to: c.address,
      abi: c.abi,
      functionName,
      args,
      ...(gas !== undefined && { gas }),
    });

    const registrar = await offeringCreator(
      client,
      exchange,
      stack.deployment.contracts as Readonly<Record<string, { address: Address } | undefined>>,
    );
    const channel = anvilAddress(2);
    const reporter = anvilAddress(ROLE_INDEX.reporter);
    const minter = anvilAddress(ROLE_INDEX.minter);
    const miners = [5, 6, 7].map(anvilAddress);
    const buyers = Array.from({ length: 12 }, (_, i) => anvilAddress(8 + i));

    const generated = Date.now();
    const blocks = await BlockBuilder.start(client);
    /** Queues `calls` and mines them, at most TXS_PER_BLOCK a block; the first block at `timestamp`. */
    const mineAll = async (calls: readonly Call[], timestamp?: bigint) => {
      const receipts = [];
      for (let i = 0; i < calls.length; i += TXS_PER_BLOCK) {
        await blocks.add(calls.slice(i, i + TXS_PER_BLOCK));
        receipts.push(...(await blocks.mine(i === 0 ? timestamp : undefined)));
      }
      return receipts;
    };

    const today = (await client.getBlock()).timestamp / DAY + 1n;
    // Sales close when the term starts: ten days of purchases, then the term.
    const termStart = today + 10n;
    const termEnd = termStart + 365n;
    // Offerings first (purchases need them), then tokens and allowances in one block.
    await mineAll(
      miners.map((miner, i) =>
        call(
          registrar,
          exchange,
          "createOffering",
          [
            {
              miner,
              assetId: 1,
              paymentToken: usdt.address,
              rewardToken: ifil.address,
              unitsTotal: 1_000_000n,
              pricePerUnit: 400_000n + BigInt(i) * 100_000n,
              saleStart: today * DAY,
              saleEnd: termStart * DAY,
              termStartDay: Number(termStart),
              termEndDay: Number(termEnd),
              expectedDailyRewardPerUnitWad: 2n * 10n ** 33n,
              minerName: `Bench Miner ${i + 1}`,
              metadataURI: "ipfs://bench",
            },
          ],
          1_500_000n,
        ),
      ),
      today * DAY + 3_600n,
    );
    await mineAll([
      ...miners.flatMap((miner) => [
        call(minter, ifil, "mint", [miner, 10n ** 26n]),
        call(miner, ifil, "approve", [exchange.address, maxUint256]),
      ]),
      ...buyers.flatMap((buyer) => [
        call(minter, usdt, "mint", [buyer, 10n ** 14n]),
        call(buyer, usdt, "approve", [exchange.address, maxUint256]),
      ]),
    ]);

    // Purchases spread over the ten sale days before the term, TXS_PER_BLOCK a block.
    // Who owns which position comes from the mint's Transfer log (order inside a block is the pool's).
    const ownerOf = new Map<bigint, Address>();
    const transferTopic = toEventSelector("Transfer(address,address,uint256)");
    const perDay = Math.ceil(POSITIONS / 10);
    for (let i = 0; i < POSITIONS; i += perDay) {
      const purchases: Call[] = [];
      for (let k = i; k < Math.min(POSITIONS, i + perDay); k++) {
        purchases.push(
          call(buyers[k % buyers.length]!, exchange, "buy", [
            BigInt(1 + (k % 3)),
            BigInt(1 + (k % 9)),
            maxUint256,
            channel,
          ]),
        );
      }
      const receipts = await mineAll(purchases, i === 0 ? undefined : (today + BigInt(i / perDay)) * DAY + 7_200n);
      for (const r of receipts) {
        for (const l of r.logs) {
          if (
            l.address.toLowerCase() === exchange.address.toLowerCase() &&
            l.topics[0] === transferTopic &&
            l.topics.length === 4
          ) {
            ownerOf.set(BigInt(l.topics[3]!), getAddress(`0x${l.topics[2]!.slice(26)}`));
          }
        }
      }
    }
    console.log(
      `${POSITIONS} purchases mined in ${((Date.now() - generated) / 1000).toFixed(1)} s (${blocks.mined} blocks)`,
    );
    const minted = (await client.readContract({ ...exchange, functionName: "positionCount", args: [] })) as bigint;
    if (minted !== BigInt(POSITIONS) || ownerOf.size !== POSITIONS)
      throw new Error(`expected ${POSITIONS} positions, minted ${minted} (${ownerOf.size} mint logs)`);

    // Days of reports, deposits, claims and transfers: the report, then the deposits judged
    // against it, then claims and transfers (each position at most once a day).
    let nextToken = 1;
    for (let d = 0n; d < BigInt(DAYS); d++) {
      const day = termStart + d;
      await mineAll([call(reporter, oracle, "report", [1, day, 2n * 10n ** 33n])], (day + 1n) * DAY + 600n);
      // Deposits are judged against final reports: after the oracle's one-hour correction window.
      await mineAll(
        miners.map((miner, i) => call(miner, exchange, "depositReward", [BigInt(i + 1), 10n ** 21n])),
        (day + 1n) * DAY + 600n + 3_600n,
      );
      const touched = new Set<bigint>();
      const moves: Call[] = [];
      for (let k = 0; k < ACTIONS_PER_DAY; k++, nextToken++) {
        const tokenId = BigInt(1 + ((nextToken * 7919) % POSITIONS));
        if (touched.has(tokenId)) continue;
        touched.add(tokenId);
        const owner = ownerOf.get(tokenId)!;
        if (k % 2 === 0) moves.push(call(owner, exchange, "claimRewards", [[tokenId]]));
        else {
          const to = buyers[(k * 5) % buyers.length]!;
          moves.push(call(owner, exchange, "transferFrom", [owner, to, tokenId]));
          ownerOf.set(tokenId, to);
        }
      }
      await mineAll(moves);
    }
    await blocks.stop();
    const head = await client.getBlockNumber();
    let events = 0;
    for (let from = 0n; from <= head; from += 50n) {
      const to = from + 49n < head ? from + 49n : head;
      const logs = await client.request({
        method: "eth_getLogs",
        params: [
          {
            fromBlock: `0x${from.toString(16)}`,
            toBlock: `0x${to.toString(16)}`,
            address: [exchange.address, oracle.address],
          },
        ],
      });
      events += (logs as unknown[]).length;
    }
    console.log(
      `generated ${events} events (${POSITIONS} positions) in ${head} blocks (${blocks.mined} built, up to ${TXS_PER_BLOCK} transactions each) ` +
        `in ${((Date.now() - generated) / 1000).toFixed(1)} s`,
    );

    // Index from scratch exactly as the dev stack does.
    const context: StackContext = {
      log: () => {},
      timings: {},
      urls: {},
      rpcUrl: stack.rpcUrl,
      deployment: stack.deployment,
    };
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
    console.log(
      `indexed ${events} events in ${head} blocks from scratch in ${seconds.toFixed(2)} s incl. start-up: ${Math.round(events / seconds)} events/s ` +
        `(load average ${loadavg()[0]!.toFixed(2)})`,
    );

    // 50 concurrent clients on the app's queries.
    const url = context.urls.graph!;
    const owners = buyers.map((b) => b.toLowerCase());
    const queries: { name: string; body: (i: number) => { query: string; variables?: Record<string, unknown> } }[] = [
      {
        name: "marketplace",
        body: () => ({
          query:
            "{ offerings(first: 20, orderBy: pricePerUnit) { id minerName pricePerUnit unitsSold unitsTotal status termEndDay asset { symbol unitLabel } } }",
        }),
      },
      {
        name: "portfolio",
        body: (i) => ({
          query:
            'query($o: Bytes!) { positions(first: 100, where: { owner: $o, offering_: { asset: "1" } }, orderBy: units, orderDirection: desc) { id units rewardSnapshot offering { id accRewardPerUnit } } }',
          variables: { o: owners[i % owners.length] },
        }),
      },
      {
        name: "offering days",
        body: (i) => ({
          query: `{ offering(id: "${1 + (i % 3)}") { id totalNet withdrawn lastCoveredDay holdbackDays days(first: 60, orderBy: day) { day rewardPerUnitWad marketAvgPerUnitWad } } }`,
        }),
      },
      {
        name: "protocol days",
        body: () => ({
          query:
            "{ protocolDays(first: 30, orderBy: day, orderDirection: desc) { day volume fees rewardsDeposited rewardsClaimed } }",
        }),
      },
      {
        name: "position history",
        body: (i) => ({
          query: `{ position(id: "${1 + ((i * 131) % POSITIONS)}") { id units owner { id } transfers { id } claims { amount } } }`,
        }),
      },
    ];
    // `# n` makes every request text distinct: the result cache (keyed by text, variables and
    // block) never answers, every query goes to the store.
    const plan = (uncached: boolean, only?: number, distinct = Infinity, tag = "") =>
      Array.from({ length: CLIENTS }, (_, c) =>
        Array.from({ length: QUERIES_PER_CLIENT }, (_, q) => {
          const n = (c * QUERIES_PER_CLIENT + q) % distinct;
          const body = queries[only ?? (c + q) % queries.length]!.body(n);
          return JSON.stringify(
            uncached
              ? { ...body, query: `${body.query} # ${tag}${n}` }
              : tag
                ? { ...body, query: `${body.query} # ${tag}` }
                : body,
          );
        }),
      );
    const report = (label: string, r: LoadResult) => {
      console.log(
        `${label}: ${r.latencies.length} queries from ${CLIENTS} clients in ${r.seconds.toFixed(2)} s (${Math.round(r.latencies.length / r.seconds)} q/s): ` +
          `p50 ${percentile(r.latencies, 0.5).toFixed(1)} ms, p95 ${percentile(r.latencies, 0.95).toFixed(1)} ms, max ${percentile(r.latencies, 1).toFixed(1)} ms, errors ${r.errors}` +
          (r.firstError ? ` (${r.firstError})` : ""),
      );
      if (r.errors > 0) process.exitCode = 1;
    };
    await runLoad(url, [queries.map((q) => JSON.stringify(q.body(0)))]); // each shape once
    // The same mix first right after the sync, its texts tagged (`# cold`) so that the result
    // cache gains nothing for the next run: a fresh server pays for compiling its JS and PGlite's
    // WASM in the optimising tiers (and for planning its statements) in its first few hundred
    // requests; the next run is a server that has been answering for a while.
    report(
      "app queries, result cache on, cold (first after the sync)",
      await runLoad(url, plan(false, undefined, Infinity, "cold")),
    );
    report("app queries, result cache on (as graph-node), warm", await runLoad(url, plan(false)));
    report("app queries, every one uncached", await runLoad(url, plan(true)));
    report("app queries, cache hits only (5 texts)", await runLoad(url, plan(false, undefined, 1)));
    for (const [k, q] of queries.entries()) {
      const r = await runLoad(url, [plan(true, k)[0]!]);
      console.log(
        `  ${q.name}, uncached, 1 client: p50 ${percentile(r.latencies, 0.5).toFixed(1)} ms, p95 ${percentile(r.latencies, 0.95).toFixed(1)} ms`,
      );
    }
    // The PGlite host has answered its queries: the comparisons below run without it.
    await graph!.stop();
    stopAll.shift();

    // The fetch floor of the same history: the logs graph-host's manifest asks for and their blocks.
    const retargeted = join(workDir, "subgraph-build");
    const manifest = join(retargeted, "subgraph.yaml");
    const fullFilter = manifestFilter(manifest);
    // From the first data source's start block, as graph-host (the AssetRegistry's assets come before the exchange).
    const floor = await measureFetchFloor(stack.rpcUrl, fullFilter, manifestStartBlock(manifest), Number(head));
    const handled = floor.logs;
    const graphRate = handled / seconds;
    console.log(
      `fetch floor: anvil serves the ${handled} logs graph-host handles (${fullFilter.addresses.length} addresses, ${fullFilter.topics.length} topics) ` +
        `and their ${floor.blocks} blocks in ${floor.seconds.toFixed(2)} s: ${Math.round(handled / floor.seconds)} events/s; ` +
        `graph-host (PGlite) ${Math.round(graphRate)} events/s on those logs = ${percent(graphRate / (handled / floor.seconds))} of the floor ` +
        `(load average ${loadAverage()})`,
    );

    // The same from scratch on a real PostgreSQL store (DATABASE_URL), in a throwaway server.
    const postgres = await indexOnPostgres(
      stack.rpcUrl,
      stack.deployment,
      stack.deploymentsDir!,
      Number(head),
      handled,
      workDir,
    );
    if (postgres) {
      try {
        await runLoad(postgres.url, [queries.map((q) => JSON.stringify(q.body(0)))]);
        await runLoad(postgres.url, plan(false, undefined, Infinity, "pg-cold"));
        report(
          "PostgreSQL store: app queries, result cache on (as graph-node), warm",
          await runLoad(postgres.url, plan(false)),
        );
        report(
          "PostgreSQL store: app queries, every one uncached",
          await runLoad(postgres.url, plan(true, undefined, Infinity, "pg-")),
        );
      } finally {
        await postgres.stop();
      }
    }

    // The peer: Ponder on the AssetRegistry and HashpowerExchange events it has handlers for, and graph-host on the same subset.
    const subsetSources = Object.keys(PONDER_EVENTS) as PonderContract[];
    const subset = subsetFilter(retargeted, (name) => at(name));
    const subsetStartBlock = manifestStartBlock(manifest, subsetSources);
    const subsetFloor = await measureFetchFloor(stack.rpcUrl, subset.filter, subsetStartBlock, Number(head));
    const subsetBuild = join(workDir, "subset-build");
    writeSubsetBuild(retargeted, subsetBuild, PONDER_EVENTS);
    const subsetStart = Date.now();
    const subsetHost = await startGraphHost({
      buildDir: subsetBuild,
      rpcUrl: stack.rpcUrl,
      name: "subset",
      port: 0,
      dataDir: join(workDir, "subset-store"),
      logLevel: "warn",
    });
    try {
      await subsetHost.waitForBlock(Number(head), 600_000);
    } finally {
      await subsetHost.stop();
    }
    const subsetSeconds = (Date.now() - subsetStart) / 1000;
    const subsetRate = subsetFloor.logs / subsetSeconds;
    console.log(
      `subset (${subsetLabel()}): ${subsetFloor.logs} events; fetch floor ${subsetFloor.seconds.toFixed(2)} s ` +
        `(${Math.round(subsetFloor.logs / subsetFloor.seconds)} events/s); graph-host (PGlite) from scratch in ${subsetSeconds.toFixed(2)} s incl. start-up: ` +
        `${Math.round(subsetRate)} events/s = ${percent(subsetRate / (subsetFloor.logs / subsetFloor.seconds))} of the floor (load average ${loadAverage()})`,
    );
    let ponder: PonderRun | undefined;
    try {
      const source = (name: PonderContract) => ({
        address: at(name),
        startBlock: stack.deployment.contracts[name]!.startBlock,
      });
      ponder = await runPonder({
        rpcUrl: stack.rpcUrl,
        chainId: stack.chainId,
        contracts: { AssetRegistry: source("AssetRegistry"), HashpowerExchange: source("HashpowerExchange") },
        endBlock: Number(head),
        workDir: join(workDir, "ponder"),
      });
      checkPonderRows(ponder, subsetFloor, subset.topics);
      const ponderRate = subsetFloor.logs / ponder.seconds;
      console.log(
        `ponder ${ponder.version} (PGlite) on the same subset from scratch in ${ponder.seconds.toFixed(2)} s incl. start-up ` +
          `(/ready after ${ponder.readySeconds?.toFixed(2) ?? "?"} s, the last 30 blocks then as realtime blocks): ${Math.round(ponderRate)} events/s ` +
          `= ${percent(ponderRate / (subsetFloor.logs / subsetFloor.seconds))} of the floor; graph-host = ${(subsetRate / ponderRate).toFixed(2)}x Ponder ` +
          `(load average ${loadAverage()})`,
      );
    } catch (error) {
      process.exitCode = 1;
      console.log(`ponder failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    console.log(
      `ratios: graph-host full history ${percent(graphRate / (handled / floor.seconds))} of the fetch floor (PGlite)` +
        (postgres ? `, ${percent(postgres.rate / (handled / floor.seconds))} (PostgreSQL)` : "") +
        `; ${subsetSources.join(" + ")} subset ${percent(subsetRate / (subsetFloor.logs / subsetFloor.seconds))} of the floor` +
        (ponder ? `, ${(subsetRate / (subsetFloor.logs / ponder.seconds)).toFixed(2)}x Ponder ${ponder.version}` : "") +
        ` (load average ${loadAverage()})`,
    );

    console.log(
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
  } finally {
    for (const stop of stopAll) await stop();
    // BENCH_KEEP=1 keeps the work dir (subgraph build copy, PGlite store) for a closer look.
    if (process.env.BENCH_KEEP === "1") console.log(`kept ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const loadAverage = () => loadavg()[0]!.toFixed(2);

/** The ABIs of the subset's data sources (Ponder's contracts). */
const SUBSET_ABIS: Readonly<Record<PonderContract, Abi>> = {
  AssetRegistry: assetRegistryAbi as Abi,
  HashpowerExchange: hashpowerExchangeAbi as Abi,
};

/** `AssetRegistry: AssetRegistered; HashpowerExchange: OfferingCreated, ...`. */
const subsetLabel = () =>
  Object.entries(PONDER_EVENTS)
    .map(([source, events]) => `${source}: ${events.join(", ")}`)
    .join("; ");

interface Subset {
  /** The logs of the subset: its data sources' addresses and its events' topics. */
  readonly filter: LogFilter;
  /** topic0 of each subset event, by name. */
  readonly topics: ReadonlyMap<string, Hex>;
}

/**
 * The subset's log filter. Each event's topic0 comes from its contract's ABI and must be one the
 * retargeted manifest's data source of that contract handles. One filter asks for every address
 * with every topic: it fetches exactly the subset's logs, and counts by topic stay exact, only while
 * no subset topic is emitted by another subset contract too, which is checked here.
 */
function subsetFilter(buildDir: string, addressOf: (name: PonderContract) => Address): Subset {
  const manifest = join(buildDir, "subgraph.yaml");
  const topics = new Map<string, Hex>();
  const addresses: Address[] = [];
  for (const [source, events] of Object.entries(PONDER_EVENTS) as [PonderContract, readonly string[]][]) {
    const handled = manifestFilter(manifest, [source]);
    const address = addressOf(source);
    if (!handled.addresses.includes(getAddress(address)))
      throw new Error(`the subgraph's ${source} data source is not at ${address}`);
    addresses.push(address);
    for (const event of events) {
      const abiEvent = SUBSET_ABIS[source].find((e) => e.type === "event" && e.name === event);
      if (!abiEvent || abiEvent.type !== "event") throw new Error(`no event ${event} in the ${source} ABI`);
      const topic = toEventSelector(abiEvent);
      if (!handled.topics.includes(topic)) throw new Error(`the subgraph has no ${source} handler for ${event}`);
      topics.set(event, topic);
    }
  }
  for (const [source, events] of Object.entries(PONDER_EVENTS) as [PonderContract, readonly string[]][]) {
    const foreign = [...topics].filter(([event]) => !events.includes(event));
    const emitted = foreign.filter(([, topic]) =>
      SUBSET_ABIS[source].some((e) => e.type === "event" && toEventSelector(e) === topic),
    );
    if (emitted.length > 0)
      throw new Error(
        `${source} emits ${emitted.map(([event]) => event).join(", ")} too: one log filter would count its logs in the subset`,
      );
  }
  if (topics.size !== Object.values(PONDER_EVENTS).flat().length)
    throw new Error("an event name is in the subset of two data sources");
  return { filter: { addresses, topics: [...topics.values()] }, topics };
}

/** Ponder's rows must match the subset's logs one for one (a handler that failed or was skipped shows here). */
function checkPonderRows(run: PonderRun, floor: FetchFloor, topics: ReadonlyMap<string, Hex>): void {
  const count = (event: string) => {
    const topic = topics.get(event);
    if (!topic) throw new Error(`${event} is not in the subset`);
    return floor.byTopic.get(topic) ?? 0;
  };
  const expected: Record<keyof PonderRun["rows"], number> = {
    assets: count("AssetRegistered"),
    purchases: count("PositionPurchased"),
    positions: count("PositionPurchased"),
    positionTransfers: count("Transfer"),
    rewardDeposits: count("RewardDeposited"),
    rewardClaims: count("RewardClaimed"),
    offerings: count("OfferingCreated"),
  };
  for (const [table, n] of Object.entries(expected)) {
    const got = run.rows[table as keyof PonderRun["rows"]];
    if (got !== n) throw new Error(`ponder holds ${got} ${table}, the chain has ${n} such events`);
  }
}

interface PostgresIndex {
  readonly url: string;
  readonly rate: number;
  stop(): Promise<void>;
}

/**
 * The full history indexed from scratch by graph-host on a throwaway PostgreSQL server (graph-host's
 * test helper: initdb in a temporary directory, stopped and deleted afterwards). Without server
 * binaries it says so and returns undefined.
 */
async function indexOnPostgres(
  rpcUrl: string,
  deployment: StackContext["deployment"],
  deploymentsDir: string,
  head: number,
  handled: number,
  workDir: string,
): Promise<PostgresIndex | undefined> {
  const server = await startPostgresServer({ log: (m) => console.log(`[postgres] ${m}`) });
  if (!server) {
    console.log(`PostgreSQL store: skipped. ${MISSING_BINARIES}`);
    return undefined;
  }
  try {
    const databaseUrl = await server.createDatabase("dmex_indexer_bench");
    const hostDir = join(workDir, "postgres-host");
    mkdirSync(hostDir, { recursive: true });
    const context: StackContext = { log: () => {}, timings: {}, urls: {}, rpcUrl, deployment };
    const started = Date.now();
    const service = await graphHostStep({
      subgraphDir,
      deploymentsDir: join(deploymentsDir, "deployments"),
      port: await freePort(),
      name: "dmex",
      workDir: hostDir,
      databaseUrl,
    }).run(context);
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `PostgreSQL store (${server.description.split(" at ")[0]}): indexed ${handled} events in ${head} blocks from scratch in ${seconds.toFixed(2)} s incl. start-up: ` +
        `${Math.round(handled / seconds)} events/s (load average ${loadAverage()})`,
    );
    return {
      url: context.urls.graph!,
      rate: handled / seconds,
      async stop() {
        await service?.stop();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/**
 * Who may call createOffering: anvil account 2 on a deployment with a registrar; on the DAO
 * deployment only MinerApplications holds REGISTRAR_ROLE (offerings come from approved
 * applications), so the bench impersonates it instead of voting every offering through.
 */
async function offeringCreator(
  client: PublicClient,
  exchange: { address: Address; abi: Abi },
  contracts: Readonly<Record<string, { address: Address } | undefined>>,
): Promise<Address> {
  const role = (await client.readContract({ ...exchange, functionName: "REGISTRAR_ROLE", args: [] })) as Hex;
  for (const candidate of [anvilAddress(2), contracts.MinerApplications?.address]) {
    if (candidate === undefined) continue;
    if (!((await client.readContract({ ...exchange, functionName: "hasRole", args: [role, candidate] })) as boolean))
      continue;
    if (candidate !== anvilAddress(2)) {
      await client.request({ method: "anvil_impersonateAccount" as never, params: [candidate] as never });
      await client.request({
        method: "anvil_setBalance" as never,
        params: [candidate, "0x56bc75e2d63100000"] as never,
      });
    }
    return candidate;
  }
  throw new Error("neither anvil account 2 nor MinerApplications holds REGISTRAR_ROLE on the exchange");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
