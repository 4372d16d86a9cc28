import {
  encodeFunctionData,
  keccak256,
  parseEventLogs,
  toBytes,
  type Address,
  type Hash,
  type Hex,
  type PublicClient,
  type TransactionReceipt,
  type WalletClient,
} from "viem";

import type { ApplicationTerms } from "@dmex/deployments";

import { StackError } from "../internal/errors.js";
import { anvilAddress } from "./accounts.js";
import {
  dmexGovernorAbi,
  type localChain,
  minerApplicationsAbi,
  PROPOSAL_STATES,
  type ProposalStateName,
} from "./contracts.js";
import type { VotePlan } from "./plan.js";

/** What the seed did in the DAO, kept for the summary. */
export type ProposalKind = "application" | "parameter" | "halt" | "insurance";

/** A Governor proposal with everything queue/execute need. */
export interface SeedProposal {
  readonly kind: ProposalKind;
  readonly id: bigint;
  readonly title: string;
  readonly proposer: Address;
  readonly targets: readonly Address[];
  readonly values: readonly bigint[];
  readonly calldatas: readonly Hex[];
  readonly descriptionHash: Hash;
  /** Application proposals only. */
  readonly applicationId?: bigint;
}

export type { ApplicationTerms };

type Chain = typeof localChain;

/**
 * The seed's side of the DAO: miners submit applications, holders propose, vote, queue and
 * execute through the Governor. Every write waits for its receipt (`confirm`).
 */
export class SeedDao {
  readonly proposals: SeedProposal[] = [];
  votes = 0;

  constructor(
    private readonly publicClient: PublicClient,
    private readonly wallet: WalletClient,
    private readonly chain: Chain,
    private readonly confirm: (hash: Hash) => Promise<TransactionReceipt>,
    readonly governor: Address,
    readonly applications: Address,
  ) {}

  /** `miner` applies with `terms` (its DMC stake approved beforehand); returns the application's proposal. */
  async submit(miner: Address, terms: ApplicationTerms, description: string, title: string): Promise<SeedProposal> {
    const receipt = await this.confirm(
      await this.wallet.writeContract({
        account: miner,
        chain: this.chain,
        address: this.applications,
        abi: minerApplicationsAbi,
        functionName: "submit",
        args: [terms, description],
      }),
    );
    const [submitted] = parseEventLogs({
      abi: minerApplicationsAbi,
      eventName: "ApplicationSubmitted",
      logs: receipt.logs,
    });
    if (submitted === undefined) throw new StackError(`submit by ${miner} emitted no ApplicationSubmitted`);
    const { applicationId, proposalId } = submitted.args;
    const proposal: SeedProposal = {
      kind: "application",
      id: proposalId,
      title,
      proposer: this.applications,
      targets: [this.applications],
      values: [0n],
      calldatas: [encodeFunctionData({ abi: minerApplicationsAbi, functionName: "approve", args: [applicationId] })],
      descriptionHash: keccak256(toBytes(description)),
      applicationId,
    };
    this.proposals.push(proposal);
    return proposal;
  }

  /** A holder with at least the proposal threshold of votes proposes `actions`. */
  async propose(
    kind: ProposalKind,
    proposerIndex: number,
    actions: readonly { readonly target: Address; readonly data: Hex }[],
    title: string,
    body: string,
  ): Promise<SeedProposal> {
    const proposer = anvilAddress(proposerIndex);
    const description = `# ${title}\n\n${body}`;
    const targets = actions.map((a) => a.target);
    const values = actions.map(() => 0n);
    const calldatas = actions.map((a) => a.data);
    const receipt = await this.confirm(
      await this.wallet.writeContract({
        account: proposer,
        chain: this.chain,
        address: this.governor,
        abi: dmexGovernorAbi,
        functionName: "propose",
        args: [targets, values, calldatas, description],
      }),
    );
    const [created] = parseEventLogs({ abi: dmexGovernorAbi, eventName: "ProposalCreated", logs: receipt.logs });
    if (created === undefined) throw new StackError(`propose by ${proposer} emitted no ProposalCreated`);
    const proposal: SeedProposal = {
      kind,
      id: created.args.proposalId,
      title,
      proposer,
      targets,
      values,
      calldatas,
      descriptionHash: keccak256(toBytes(description)),
    };
    this.proposals.push(proposal);
    return proposal;
  }

  async castVotes(proposal: SeedProposal, votes: readonly VotePlan[]): Promise<void> {
    for (const vote of votes) {
      const account = anvilAddress(vote.voter);
      const common = { account, chain: this.chain, address: this.governor, abi: dmexGovernorAbi } as const;
      await this.confirm(
        vote.reason === undefined
          ? await this.wallet.writeContract({ ...common, functionName: "castVote", args: [proposal.id, vote.support] })
          : await this.wallet.writeContract({
              ...common,
              functionName: "castVoteWithReason",
              args: [proposal.id, vote.support, vote.reason],
            }),
      );
      this.votes++;
    }
  }

  /** Queues a succeeded proposal in the timelock (anyone may; the seed uses `caller`). */
  async queue(proposal: SeedProposal, caller: Address): Promise<void> {
    await this.expectState(proposal, "Succeeded");
    await this.confirm(
      await this.wallet.writeContract({
        account: caller,
        chain: this.chain,
        address: this.governor,
        abi: dmexGovernorAbi,
        functionName: "queue",
        args: [proposal.targets, proposal.values, proposal.calldatas, proposal.descriptionHash],
      }),
    );
  }

  /** Executes a queued proposal once the timelock delay has passed. */
  async execute(proposal: SeedProposal, caller: Address): Promise<TransactionReceipt> {
    return this.confirm(
      await this.wallet.writeContract({
        account: caller,
        chain: this.chain,
        address: this.governor,
        abi: dmexGovernorAbi,
        functionName: "execute",
        args: [proposal.targets, proposal.values, proposal.calldatas, proposal.descriptionHash],
      }),
    );
  }

  async state(proposal: SeedProposal): Promise<ProposalStateName> {
    const value = await this.publicClient.readContract({
      address: this.governor,
      abi: dmexGovernorAbi,
      functionName: "state",
      args: [proposal.id],
    });
    return PROPOSAL_STATES[value] ?? "Pending";
  }

  async expectState(proposal: SeedProposal, expected: ProposalStateName): Promise<void> {
    const actual = await this.state(proposal);
    if (actual !== expected) {
      throw new StackError(
        `Proposal "${proposal.title}" is ${actual}, the seed expected ${expected}.`,
        `proposal id ${proposal.id}`,
      );
    }
  }
}
