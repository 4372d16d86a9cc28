import type { Deployment } from "@dmex/deployments";

import type { SeedSummary } from "./seed/summary.js";

/** Something the stack started and must stop (a process, a server). */
export interface Service {
  readonly name: string;
  /** Where it listens, for the banner. */
  readonly url?: string;
  stop(): Promise<void>;
}

/** State shared by the steps; each step reads what earlier steps set. */
export interface StackContext {
  readonly log: (message: string) => void;
  /** Milliseconds each finished step took, by step name. */
  readonly timings: Record<string, number>;
  /** Set by the chain step. */
  rpcUrl?: string;
  /** Set by the generate step: the fresh local deployment. */
  deployment?: Deployment;
  /** Set by the seed step. */
  seed?: SeedSummary;
  /** URLs of started services by name, for later steps (e.g. the web app needs the graph URL). */
  readonly urls: Record<string, string>;
}

/**
 * One stage of the stack. Steps run in order; a step that starts something long-running returns
 * it as a Service, and the stack stops services in reverse order on `stop()` or when a later step
 * fails. The integrator adds the subgraph host and the web app as further steps
 * (see `processStep` for a process + readiness wait in one).
 */
export interface Step {
  readonly name: string;
  run(context: StackContext): Promise<Service | void>;
}

export interface RunningSteps {
  readonly context: StackContext;
  readonly services: readonly Service[];
  stop(): Promise<void>;
}

/** Runs `steps` in order; on failure stops what was started and rethrows. */
export async function runSteps(steps: readonly Step[], log: (message: string) => void): Promise<RunningSteps> {
  const context: StackContext = { log, timings: {}, urls: {} };
  const services: Service[] = [];
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const service of [...services].reverse()) {
      try {
        await service.stop();
      } catch (error) {
        log(`could not stop ${service.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  for (const step of steps) {
    const started = Date.now();
    log(`${step.name}...`);
    try {
      const service = await step.run(context);
      if (service) {
        services.push(service);
        if (service.url !== undefined) context.urls[service.name] = service.url;
      }
    } catch (error) {
      await stop();
      throw error;
    }
    context.timings[step.name] = Date.now() - started;
    log(`${step.name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return { context, services, stop };
}

export function requireRpcUrl(context: StackContext, step: string): string {
  if (context.rpcUrl === undefined) throw new Error(`${step} needs a chain: run the chain step before it`);
  return context.rpcUrl;
}

export function requireDeployment(context: StackContext, step: string): Deployment {
  if (context.deployment === undefined) throw new Error(`${step} needs a deployment: run the generate step before it`);
  return context.deployment;
}
