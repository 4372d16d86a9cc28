import { createServer } from "node:net";

/** The ports `npm run dev` uses (anvil, subgraph host, web app): a test never takes them. */
export const STANDARD_PORTS: readonly number[] = [8545, 8000, 3000];

/** A free TCP port on `host` chosen by the OS, never one of `STANDARD_PORTS` or `avoid`. */
export async function freePort(host = "127.0.0.1", avoid: readonly number[] = []): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.unref();
      server.once("error", reject);
      server.listen(0, host, () => {
        const address = server.address();
        const chosen = typeof address === "object" && address !== null ? address.port : 0;
        server.close(() => resolve(chosen));
      });
    });
    if (!STANDARD_PORTS.includes(port) && !avoid.includes(port)) return port;
  }
}

/** Whether `port` on `host` can be listened on now. */
export async function portFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}
