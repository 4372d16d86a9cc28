import { spawnManaged, type SpawnOptions } from "../internal/process.js";
import { StackError } from "../internal/errors.js";
import { assertPortFree, waitForHttp, waitForRpc, type WaitOptions } from "../internal/wait.js";
import type { Service, StackContext, Step } from "../stack.js";

export interface ProcessStepOptions {
  readonly name: string;
  /** Command, arguments and spawn options; may depend on what earlier steps produced. */
  readonly command: (context: StackContext) => { command: string; args: readonly string[] } & SpawnOptions;
  /** Port the process will listen on: checked free first so a clash fails with a clear message. */
  readonly port?: number;
  readonly host?: string;
  /** URL recorded in `context.urls[name]` and printed in the banner. */
  readonly url?: string;
  /** How to know it is ready. */
  readonly ready?: { readonly http: string } | { readonly rpc: string; readonly chainId?: number };
  readonly wait?: WaitOptions;
}

/**
 * A long-running process as a step: port check, spawn, readiness wait, stop on teardown.
 * Example for the integrator (the subgraph host):
 *   processStep({ name: "graph", port: 8000, url: "http://127.0.0.1:8000",
 *     ready: { http: "http://127.0.0.1:8000/health" },
 *     command: (ctx) => ({ command: process.execPath, args: [graphHostBin, "--rpc", ctx.rpcUrl!] }) })
 */
export function processStep(options: ProcessStepOptions): Step {
  return {
    name: options.name,
    async run(context): Promise<Service> {
      if (options.port !== undefined) await assertPortFree(options.port, options.host, options.name);
      const { command, args, ...spawnOptions } = options.command(context);
      const proc = spawnManaged(options.name, command, args, spawnOptions);
      const abortIf = () => {
        const code = proc.exitCode();
        return code === undefined ? undefined : `${options.name} exited (${code}):\n${proc.tail()}`;
      };
      try {
        if (options.ready && "http" in options.ready)
          await waitForHttp(options.ready.http, { ...options.wait, abortIf });
        else if (options.ready && "rpc" in options.ready) {
          await waitForRpc(options.ready.rpc, {
            ...options.wait,
            abortIf,
            ...(options.ready.chainId !== undefined && { chainId: options.ready.chainId }),
          });
        }
      } catch (error) {
        await proc.stop();
        throw error instanceof StackError ? error : new StackError(String(error));
      }
      return { name: options.name, ...(options.url !== undefined && { url: options.url }), stop: () => proc.stop() };
    },
  };
}
