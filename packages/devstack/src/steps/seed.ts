import { seed } from "../seed/run.js";
import { requireDeployment, requireRpcUrl, type Step } from "../stack.js";

/** Runs the deterministic seed on the fresh deployment; `anchorDay` is the seed's day 0. */
export function seedStep(options: { readonly anchorDay: number }): Step {
  return {
    name: "seed",
    async run(context) {
      context.seed = await seed({
        rpcUrl: requireRpcUrl(context, "seed"),
        deployment: requireDeployment(context, "seed"),
        anchorDay: options.anchorDay,
        log: context.log,
      });
    },
  };
}
