"use client";
/** The node's registration and its exit: request the exit (cooldown), then withdraw the stake once it is over. */
import { promotionNodesAbi } from "@dmex/deployments";
import type { Abi, Address } from "viem";

import { TxMessage } from "~/components/TxMessage";
import { useSend } from "~/hooks/useSend";
import { formatToken, shortAddress } from "~/lib/format";
import { durationText, utcDateTime, type NodePhase, type NodeRecord } from "~/lib/nodes/node";

const ZERO = "0x0000000000000000000000000000000000000000";

export function NodeStatusCard({
  nodes,
  node,
  phase,
  onDone,
}: {
  nodes: Address;
  node: NodeRecord;
  phase: Exclude<NodePhase, { name: "none" }>;
  now: number;
  onDone: () => void;
}) {
  const { send, busy, message } = useSend();
  const abi = promotionNodesAbi as Abi;
  const statusText =
    phase.name === "live"
      ? "live: earning commission"
      : phase.name === "cooling"
        ? `leaving: withdrawable ${utcDateTime(phase.readyAt)} (in ${durationText(phase.secondsLeft)})`
        : `cooldown over since ${utcDateTime(phase.readyAt)}: withdraw your stake`;
  return (
    <section className="card space-y-3 text-sm" aria-labelledby="node-h" data-testid="node-status">
      <h2 id="node-h" className="text-lg font-semibold">
        Your {phase.kind.toLowerCase()} node
      </h2>
      <dl className="num grid grid-cols-2 gap-2 sm:grid-cols-4">
        <div>
          <dt className="text-slate-600">Kind</dt>
          <dd data-testid="node-kind">{phase.kind === "Main" ? "Main node" : "Light node"}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Status</dt>
          <dd data-testid="node-state">{statusText}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Staked</dt>
          <dd>{formatToken(node.stake, 18, "DMC", 2)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Referrals that earned</dt>
          <dd data-testid="node-referrals">{node.referrals.toString()}</dd>
        </div>
        {node.mainNode !== ZERO && (
          <div>
            <dt className="text-slate-600">Main node</dt>
            <dd className="font-mono text-xs">{shortAddress(node.mainNode)}</dd>
          </div>
        )}
        <div>
          <dt className="text-slate-600">Cooldown</dt>
          <dd>{durationText(node.cooldown)}</dd>
        </div>
      </dl>
      {phase.name === "live" && (
        <div className="space-y-1">
          <p className="text-slate-700">
            Leaving stops your commission at once; your stake is withdrawable after {durationText(node.cooldown)}.
            Commission already earned stays claimable.
          </p>
          <button
            type="button"
            className="btn-secondary"
            disabled={busy}
            onClick={async () => (await send("Request to leave as a node", nodes, abi, "requestExit")) && onDone()}
            data-testid="node-request-exit"
          >
            Request exit
          </button>
        </div>
      )}
      {phase.name === "withdrawable" && (
        <button
          type="button"
          className="btn-primary"
          disabled={busy}
          onClick={async () => (await send("Withdraw the node stake", nodes, abi, "withdraw")) && onDone()}
          data-testid="node-withdraw"
        >
          Withdraw {formatToken(node.stake, 18, "DMC", 2)}
        </button>
      )}
      <TxMessage message={message} />
    </section>
  );
}
