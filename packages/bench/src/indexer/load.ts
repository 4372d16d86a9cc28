import { Worker } from "node:worker_threads";

export interface LoadResult {
  /** Milliseconds per request, sorted. */
  readonly latencies: number[];
  readonly seconds: number;
  readonly errors: number;
  readonly firstError: string | undefined;
}

/**
 * `clients` concurrent clients, each posting its list of request bodies one after another over a
 * keep-alive connection. The clients run in a worker thread (the other core), so the figures are
 * the server's, not the load generator's, which would otherwise share the server's event loop.
 */
export async function runLoad(url: string, bodies: readonly (readonly string[])[]): Promise<LoadResult> {
  const code = `
    const { parentPort, workerData } = require("node:worker_threads");
    const http = require("node:http");
    const { url, bodies } = workerData;
    const agent = new http.Agent({ keepAlive: true, maxSockets: bodies.length });
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
    let errors = 0;
    let firstError;
    async function client(list) {
      for (const body of list) {
        const t = performance.now();
        const text = await post(body);
        latencies.push(performance.now() - t);
        if (text.startsWith('{"errors"')) { errors++; firstError ??= text.slice(0, 300); }
      }
    }
    const t0 = performance.now();
    Promise.all(bodies.map(client)).then(
      () => parentPort.postMessage({ latencies, seconds: (performance.now() - t0) / 1000, errors, firstError }),
      (e) => parentPort.postMessage({ latencies, seconds: 0, errors: -1, firstError: String(e) }),
    );`;
  const worker = new Worker(code, { eval: true, workerData: { url, bodies } });
  try {
    const result = await new Promise<LoadResult>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    if (result.errors < 0) throw new Error(`load generator failed: ${result.firstError}`);
    return { ...result, latencies: [...result.latencies].sort((a, b) => a - b) };
  } finally {
    await worker.terminate();
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}
