import { StackError } from "../internal/errors.js";
import { CHAPTERS } from "./chapters/index.js";
import { createSeedContext, DAY } from "./context.js";
import type { Deployment, ProposalStateName } from "./contracts.js";
import {
  DEFAULTING_OFFERING_ID,
  FEE_PROPOSALS,
  FIRST_SIMULATED_DAY,
  PENDING_APPLICATION,
  SIMULATED_DAYS,
} from "./plan.js";
import { buildSummary, type SeedSummary } from "./summary.js";

export interface SeedOptions {
  readonly rpcUrl: string;
  readonly deployment: Deployment;
  /** UTC day (days since epoch) of seed day 0; the chain must not be past its 02:00 yet. */
  readonly anchorDay: number;
  /** After the last simulated day, move the chain clock to the wall clock if that is the same day. Default true. */
  readonly catchUpToWallClock?: boolean;
  readonly log?: (message: string) => void;
}

/**
 * Seeds a fresh local deployment with the fixed scenario of plan.ts. Day 0: the deployer hands out
 * genesis DMC, holders delegate, 3 miners apply for 5 offerings, the holders vote them through and
 * the timelock executes the approvals (offerings 1-5), then the first purchases (every sale closes
 * when its term starts). Then 30 simulated days of oracle reports, reward deposits (an hour after
 * each report, once it is final), claims and escrow withdrawals, with two fee proposals (one
 * defeated, one executed), Quickfil's default (offering 3: 60% of the market with one 85% day a
 * week, caught by the 7-day window) flagged and halted by a DAO vote that also slashes its stake,
 * after which most of its holders pull their refunds, and a sixth offering approved late whose sale
 * is open at the end. Ends with a 4th miner's application in its voting period. Throws if the chain
 * disagrees.
 */
export async function seed(options: SeedOptions): Promise<SeedSummary> {
  const ctx = createSeedContext(options);
  const { publicClient, day0 } = ctx;

  // ------------------------------------------------------------------ day 0
  const head = await publicClient.getBlock();
  if (Number(head.timestamp) >= day0 * DAY + 2 * 3_600) {
    throw new StackError(
      `The chain is already at ${new Date(Number(head.timestamp) * 1000).toISOString()}, past the seed's day 0 02:00 UTC.`,
      "Seed a fresh chain (start anvil with the stack's genesis timestamp) or pick a later anchor day.",
    );
  }
  await ctx.setDay(day0);
  ctx.log(
    `  day 0 = ${new Date(day0 * DAY * 1000).toISOString().slice(0, 10)}: funding, DMC, applications voted through, first purchases`,
  );
  for (const chapter of CHAPTERS) await chapter.onDay0?.(ctx);

  // ------------------------------------------------------------------ the simulated days
  const lastSimulated = FIRST_SIMULATED_DAY + SIMULATED_DAYS - 1;
  for (let offset = FIRST_SIMULATED_DAY; offset <= lastSimulated; offset++) {
    for (const chapter of CHAPTERS) await chapter.onDay?.(ctx, offset);
    if (offset % 10 === 0) ctx.log(`  simulated day ${offset}/${lastSimulated}`);
  }

  const endDay = day0 + lastSimulated;
  for (const chapter of CHAPTERS)
    await chapter.atEnd?.(ctx, { endDay, catchUpToWallClock: options.catchUpToWallClock ?? true });

  ctx.counts.votes = ctx.dao.votes;
  const summary = await buildSummary({
    publicClient,
    deployment: options.deployment,
    counts: ctx.counts,
    day0,
    endDay,
    roles: {
      deployer: ctx.accounts.deployer,
      treasury: ctx.accounts.treasury,
      reporter: ctx.accounts.reporter,
      minter: ctx.accounts.minter,
    },
    miners: ctx.accounts.miners,
    buyers: ctx.accounts.buyers,
    spares: ctx.accounts.spares,
    proposals: ctx.dao.proposals,
    haltProposalId: ctx.haltProposal?.id,
  });
  const wrong = summary.offerings.filter((o) =>
    o.id === DEFAULTING_OFFERING_ID ? o.status !== "Halted" : o.status !== "Active" || o.flaggable,
  );
  const wrongProposals = summary.dao.proposals.filter((p) => p.state !== plannedState(p));
  if (wrong.length > 0 || wrongProposals.length > 0) {
    throw new StackError(
      "The seed did not reach its intended end state (offering 3 halted by the DAO, the others active and not flaggable, each proposal in its planned state).",
      JSON.stringify({ offerings: wrong, proposals: wrongProposals }, null, 2),
    );
  }
  return summary;
}

/** The state each seeded proposal must end in. */
function plannedState(p: {
  readonly kind: string;
  readonly title: string;
  readonly applicationId?: number;
}): ProposalStateName {
  if (p.kind === "application") return p.applicationId === PENDING_APPLICATION.id ? "Active" : "Executed";
  if (p.kind === "halt") return "Executed";
  return FEE_PROPOSALS.find((f) => f.title === p.title)?.outcome ?? "Executed";
}
