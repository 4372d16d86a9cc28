import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../internal/logger.js";
import type { QueryRequest } from "../graphql/execute.js";

export interface HttpHandlers {
  name: string;
  deploymentId: string;
  /** The serialised JSON response (serialised once, so cached results are sent as they are). */
  query(request: QueryRequest): Promise<string>;
  health(): Promise<{ block: number | null; hasIndexingErrors: boolean }>;
}

const MAX_BODY = 1024 * 1024;

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Headers": "Content-Type, User-Agent, Authorization, Accept",
  "Access-Control-Allow-Methods": "GET, OPTIONS, POST",
};

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, {
    ...CORS,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      // Past the limit the rest is drained and dropped so the client still gets its answer;
      // a body far past it is cut off.
      if (size > 16 * MAX_BODY) req.destroy();
      else if (size <= MAX_BODY) chunks.push(c);
    });
    req.on("end", () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** graph-node's query endpoint: always HTTP 200 with `{data}` or `{errors}` for queries. */
export function createHttpServer(h: HttpHandlers, logger: Logger): Server {
  const paths = new Set([
    `/subgraphs/name/${h.name}`,
    `/subgraphs/name/${h.name}/`,
    `/subgraphs/id/${h.deploymentId}`,
    `/subgraphs/id/${h.deploymentId}/`,
  ]);
  return createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (req.method === "OPTIONS") {
        res.writeHead(204, CORS);
        res.end();
        return;
      }
      if (url.pathname === "/health" && req.method === "GET") {
        send(res, 200, await h.health());
        return;
      }
      if (!paths.has(url.pathname)) {
        send(res, 404, { errors: [{ message: `No subgraph at ${url.pathname}; try /subgraphs/name/${h.name}` }] });
        return;
      }
      let request: QueryRequest;
      if (req.method === "GET") {
        const vars = url.searchParams.get("variables");
        let variables: unknown;
        try {
          variables = vars ? JSON.parse(vars) : undefined;
        } catch {
          send(res, 200, { errors: [{ message: "Invalid variables: not JSON" }] });
          return;
        }
        request = {
          query: url.searchParams.get("query"),
          variables,
          operationName: url.searchParams.get("operationName") ?? undefined,
        };
      } else if (req.method === "POST") {
        const body = await readBody(req);
        if (body === null) {
          send(res, 200, { errors: [{ message: `query is too large: request body exceeds ${MAX_BODY} bytes` }] });
          return;
        }
        try {
          request = JSON.parse(body) as QueryRequest;
          if (typeof request !== "object" || request === null) throw new Error("not an object");
        } catch {
          send(res, 200, { errors: [{ message: 'Invalid query body: expected JSON {"query": ...}' }] });
          return;
        }
      } else {
        send(res, 405, { errors: [{ message: `method ${req.method} not allowed` }] });
        return;
      }
      send(res, 200, await h.query(request));
    })().catch((error: unknown) => {
      logger.error("request failed", { error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) send(res, 200, { errors: [{ message: "internal error" }] });
      else res.end();
    });
  });
}

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}
