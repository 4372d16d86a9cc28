import { existsSync } from "node:fs";
import { join } from "node:path";

import { StackError } from "../internal/errors.js";
import type { Step } from "../stack.js";
import { processStep } from "./process.js";

export interface WebStepOptions {
  /** apps/web, built with `next build` (npm run dev builds it first). */
  readonly webDir: string;
  readonly port: number;
  /** Where the generated deployment JSON lives (isolated stacks keep their own). */
  readonly deploymentsDir?: string;
  readonly logFile?: string;
}

/**
 * The production build of the web app (`next start`), pointed at this stack's chain and subgraph.
 * It reads the generated deployment per request, so the addresses of this run are the ones served.
 */
export function webStep(options: WebStepOptions): Step {
  const url = `http://localhost:${options.port}`;
  return processStep({
    name: "web",
    port: options.port,
    url,
    ready: { http: `http://127.0.0.1:${options.port}/` },
    wait: { timeoutMs: 120_000 },
    command: (context) => {
      const next = join(options.webDir, "node_modules", "next", "dist", "bin", "next");
      if (!existsSync(join(options.webDir, ".next", "BUILD_ID")) || !existsSync(next)) {
        throw new StackError(
          `No web build in ${options.webDir}/.next: run \`pnpm --filter @dmex/web build\` (npm run dev does).`,
        );
      }
      return {
        command: process.execPath,
        args: [next, "start", "-p", String(options.port)],
        cwd: options.webDir,
        // Browser-side URLs are the standard local ports, fixed at build time; the server side
        // follows this stack's subgraph host.
        env: {
          ...process.env,
          ...(context.urls.graph !== undefined && { DMEX_SERVER_SUBGRAPH_URL: context.urls.graph }),
          ...(options.deploymentsDir !== undefined && { DMEX_DEPLOYMENTS_DIR: options.deploymentsDir }),
        },
        ...(options.logFile !== undefined && { logFile: options.logFile }),
      };
    },
  });
}
