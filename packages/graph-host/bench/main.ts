/**
 * Indexing and query benchmark on a local anvil: >= 20,000 fixture events indexed from scratch
 * (events/s), then 50 concurrent clients running typical queries (p50/p95 latency).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { startGraphHost } from "../src/index.js";
import {
  FIXTURE_BUILD,
  clients,
  deployFixture,
  FIXTURE_ADDRESS,
  artifacts,
  gql,
  startAnvil,
} from "../test/helpers/anvil.js";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const T = () => `${(performance.now() / 1000).toFixed(1)}s`;
const PER_TX = 250;
const USERS = 200;
const CLIENTS = 50;
const QUERIES_PER_CLIENT = 40;

async function main(): Promise<void> {
  const anvil = await startAnvil();
  const dataDir = await mkdtemp(join(tmpdir(), "graph-host-bench-"));
  try {
    await deployFixture(anvil.rpcUrl);
    const { wallet, publicClient } = clients(anvil.rpcUrl);
    const txs = Math.ceil(EVENTS / PER_TX);
    let last = 0n;
    const hashes: `0x${string}`[] = [];
    for (let i = 0; i < txs; i++) {
      hashes.push(
        await wallet.writeContract({
          address: FIXTURE_ADDRESS,
          abi: artifacts.Fixture.abi,
          functionName: "depositMany",
          args: [BigInt(PER_TX), BigInt(USERS)],
          gas: 29_000_000n,
        }),
      );
    }
    for (const hash of hashes) last = (await publicClient.waitForTransactionReceipt({ hash })).blockNumber;
    const events = txs * PER_TX;
    console.log(`${T()} generated ${events} events in ${txs} blocks`);

    const t0 = performance.now();
    const host = await startGraphHost({
      buildDir: FIXTURE_BUILD,
      rpcUrl: anvil.rpcUrl,
      name: "bench",
      port: 0,
      dataDir,
      logLevel: (process.env.LOG_LEVEL as "debug" | undefined) ?? "warn",
    });
    const t1 = performance.now();
    await host.waitForBlock(Number(last), 600_000);
    const t2 = performance.now();
    const secs = (t2 - t0) / 1000;
    console.log(
      `indexed ${events} events in ${secs.toFixed(2)} s incl. startup: ${Math.round(events / secs)} events/s (startup ${((t1 - t0) / 1000).toFixed(2)} s, sync alone ${Math.round(events / ((t2 - t1) / 1000))} events/s)`,
    );

    const queries = [
      `{ accounts(first: 100, orderBy: total, orderDirection: desc) { id total count } }`,
      `{ deposits(first: 50, where: { flag: true, amount_gt: "1000" }, orderBy: amount) { id amount account { id total } } }`,
      `{ accounts(first: 20) { id deposits(first: 5, orderBy: amount, orderDirection: desc) { id amount note } } }`,
      `{ account(id: "0x0000000000000000000000000000000000001005") { id total deposits(first: 10) { id } } }`,
      `{ deposits(first: 100, skip: 500, orderBy: seq) { id seq ratio at } _meta { block { number } } }`,
    ];
    await measure(host.url, queries, "result cache on");
    await host.stop();
    // The same store without the result cache: every query goes to the database.
    const cold = await startGraphHost({
      buildDir: FIXTURE_BUILD,
      rpcUrl: anvil.rpcUrl,
      name: "bench",
      port: 0,
      dataDir,
      logLevel: "warn",
      queryCache: false,
    });
    await cold.waitForBlock(Number(last), 60_000);
    await measure(cold.url, queries, "result cache off");
    await measure(cold.url, queries, "result cache off", 1);
    await cold.stop();
  } finally {
    await anvil.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * Clients run in a worker thread (the other core), so the figures are the server's, not the
 * load generator's. Each client sends its queries one after another.
 */
async function measure(url: string, queries: string[], label: string, clients = CLIENTS): Promise<void> {
  // Warm-up: each query once (fills the result cache when it is on, and PGlite's buffers).
  for (const q of queries) await gql(url, q);
  const code = `
    const { parentPort, workerData } = require("node:worker_threads");
    const http = require("node:http");
    const { url, queries, clients, perClient } = workerData;
    const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
    const target = new URL(url);
    const post = (body) => new Promise((resolve, reject) => {
      const req = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: "POST", agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve(Buffer.concat(chunks).toString()));
      });
      req.on("error", reject);
      req.end(body);
    });
    const latencies = [];
    async function client(c) {
      for (let i = 0; i < perClient; i++) {
        const q = queries[(c + i) % queries.length];
        const t = performance.now();
        const text = await post(JSON.stringify({ query: q }));
        latencies.push(performance.now() - t);
        if (text.startsWith('{"errors"')) throw new Error(text);
      }
    }
    const t0 = performance.now();
    Promise.all(Array.from({ length: clients }, (_, c) => client(c))).then(
      () => parentPort.postMessage({ latencies, secs: (performance.now() - t0) / 1000 }),
      (e) => parentPort.postMessage({ error: String(e) }),
    );`;
  const worker = new Worker(code, {
    eval: true,
    workerData: { url, queries, clients, perClient: Math.round((CLIENTS * QUERIES_PER_CLIENT) / clients) },
  });
  const result = await new Promise<{ latencies: number[]; secs: number; error?: string }>((resolve) =>
    worker.once("message", resolve),
  );
  await worker.terminate();
  if (result.error) throw new Error(result.error);
  const latencies = result.latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
  console.log(
    `${label}: ${latencies.length} queries from ${clients} concurrent clients in ${result.secs.toFixed(2)} s (${Math.round(latencies.length / result.secs)} q/s): p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${latencies[latencies.length - 1]!.toFixed(1)} ms`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
