import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

import { localPorts, type Deployment } from "@dmex/deployments";

import { contractsDir, defaultWorkDir, subgraphDir, webDir } from "./internal/paths.js";
import type { SeedSummary } from "./seed/summary.js";
import { runSteps, type Service, type Step } from "./stack.js";
import { anvilLogFile, anvilStep } from "./steps/anvil.js";
import { graphHostStep } from "./steps/graphHost.js";
import { webStep } from "./steps/web.js";
import { deployStep } from "./steps/deploy.js";
import { generateStep } from "./steps/generate.js";
import { seedStep } from "./steps/seed.js";
import { FIRST_SIMULATED_DAY, SIMULATED_DAYS } from "./seed/plan.js";

const DAY = 86_400;

export interface StartStackOptions {
  /** anvil's port (default 8545). Tests pass a free random port. */
  readonly port?: number;
  readonly host?: string;
  /**
   * Folder for logs, the seed summary and (when `isolated`) the broadcast and generated outputs.
   * Default `<repo>/.dmex/devstack`.
   */
  readonly workDir?: string;
  /**
   * Keep every output inside `workDir` (broadcast, ABIs, deployments, generated TS) instead of
   * packages/contracts/broadcast and the @dmex/deployments package. For tests: a running
   * `npm run dev` keeps its files. Default false.
   */
  readonly isolated?: boolean;
  /** Seed the chain (default true). */
  readonly seed?: boolean;
  /**
   * UTC day (days since epoch) of the seed's day 0. Default: 32 days before today, so the last
   * simulated day is today and the chain clock ends near the wall clock.
   */
  readonly anchorDay?: number;
  /** Extra environment for forge (FOUNDRY_OUT, DMEX_* deploy overrides...). */
  readonly forgeEnv?: NodeJS.ProcessEnv;
  /**
   * Serve the subgraph from packages/subgraph/build with graph-host after the seed (default off;
   * `up` turns it on at :8000 as /subgraphs/name/dmex).
   */
  readonly graph?: {
    readonly port: number;
    readonly name?: string;
    /** PostgreSQL store instead of PGlite (an empty database): see GraphHostStepOptions.databaseUrl. */
    readonly databaseUrl?: string;
  };
  /** Serve the built web app (`next start`) after the subgraph host (default off; `up` uses :3000). */
  readonly web?: { readonly port: number };
  /** More services after the seed: see `processStep`. */
  readonly extraSteps?: readonly Step[];
  readonly log?: (message: string) => void;
}

export interface Stack {
  readonly rpcUrl: string;
  readonly chainId: number;
  readonly deployment: Deployment;
  readonly seed: SeedSummary | undefined;
  /** Where the generated outputs went (the @dmex/deployments package unless isolated). */
  readonly deploymentsDir: string | undefined;
  readonly broadcastDir: string | undefined;
  readonly workDir: string;
  /** Milliseconds per step. */
  readonly timings: Readonly<Record<string, number>>;
  readonly services: readonly Service[];
  /** Stops every service, last started first. Safe to call twice. */
  stop(): Promise<void>;
}

/** Starts anvil, deploys, generates @dmex/deployments, seeds, then any extra steps. */
export async function startStack(options: StartStackOptions = {}): Promise<Stack> {
  const port = options.port ?? localPorts.rpc;
  const host = options.host ?? "127.0.0.1";
  const workDir = options.workDir ?? defaultWorkDir;
  mkdirSync(workDir, { recursive: true });
  const log = options.log ?? (() => {});
  const anchorDay =
    options.anchorDay ?? Math.floor(Date.now() / 1000 / DAY) - (FIRST_SIMULATED_DAY + SIMULATED_DAYS - 1);
  const broadcastDir = options.isolated ? join(workDir, "broadcast") : undefined;
  const deploymentsDir = options.isolated ? join(workDir, "deployments") : undefined;

  const steps: Step[] = [
    // Genesis at 01:00 UTC of day 0: the deploy lands there, the seed starts at 02:00.
    anvilStep({ port, host, genesisTimestamp: anchorDay * DAY + 3_600, logFile: anvilLogFile(workDir) }),
    deployStep({
      contractsDir: contractsDir(),
      ...(broadcastDir !== undefined && { broadcastDir }),
      ...(options.forgeEnv !== undefined && { env: options.forgeEnv }),
      logFile: join(workDir, "deploy.log"),
    }),
    generateStep({
      ...(broadcastDir !== undefined && { broadcastDir }),
      ...(deploymentsDir !== undefined && { outDir: deploymentsDir }),
      ...(options.forgeEnv?.FOUNDRY_OUT !== undefined && {
        artifactsDir: resolve(contractsDir(), options.forgeEnv.FOUNDRY_OUT),
      }),
    }),
    ...(options.seed === false ? [] : [seedStep({ anchorDay })]),
    ...(options.graph === undefined
      ? []
      : [
          graphHostStep({
            subgraphDir: subgraphDir(),
            ...(deploymentsDir !== undefined && { deploymentsDir: join(deploymentsDir, "deployments") }),
            port: options.graph.port,
            host,
            name: options.graph.name ?? "dmex",
            workDir,
            ...(options.graph.databaseUrl !== undefined && { databaseUrl: options.graph.databaseUrl }),
          }),
        ]),
    ...(options.web === undefined
      ? []
      : [
          webStep({
            webDir: webDir(),
            port: options.web.port,
            ...(deploymentsDir !== undefined && { deploymentsDir: join(deploymentsDir, "deployments") }),
            logFile: join(workDir, "web.log"),
          }),
        ]),
    ...(options.extraSteps ?? []),
  ];
  const running = await runSteps(steps, log);
  const { context } = running;
  if (context.rpcUrl === undefined || context.deployment === undefined) {
    await running.stop();
    throw new Error("the stack finished without a chain or a deployment");
  }
  if (context.seed !== undefined) {
    writeFileSync(join(workDir, "seed-summary.json"), JSON.stringify(context.seed, null, 2) + "\n");
  }
  return {
    rpcUrl: context.rpcUrl,
    chainId: context.deployment.chainId,
    deployment: context.deployment,
    seed: context.seed,
    deploymentsDir,
    broadcastDir,
    workDir,
    timings: context.timings,
    services: running.services,
    stop: running.stop,
  };
}
