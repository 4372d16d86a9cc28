"use client";
/** A main node's recruits: invite an address (recruit), withdraw an invitation, and its light nodes. */
import { promotionNodesAbi } from "@dmex/deployments";
import { useState } from "react";
import type { Abi, Address } from "viem";

import { TxMessage } from "~/components/TxMessage";
import { Empty } from "~/components/ui";
import { useSend } from "~/hooks/useSend";
import { formatToken, shortAddress } from "~/lib/format";
import type { NodeEntity } from "~/lib/graphql/nodesTypes";
import { utcDateTime } from "~/lib/nodes/node";
import { parseReferrer } from "~/lib/nodes/referral";
import type { NodeParams } from "./NodeDesk";

export function RecruitsCard({
  nodes,
  node,
  params,
  live,
  onDone,
}: {
  nodes: Address;
  node: NodeEntity | null;
  params: NodeParams;
  live: boolean;
  onDone: () => void;
}) {
  const { send, busy, message } = useSend();
  const [input, setInput] = useState("");
  const parsed = parseReferrer(input);
  const abi = promotionNodesAbi as Abi;
  const registered = new Set((node?.lightNodes ?? []).map((l) => l.id.toLowerCase()));
  const pending = (node?.invites ?? []).filter((i) => i.allowed && !registered.has(i.light.toLowerCase()));
  const lights = node?.lightNodes ?? [];
  const recruits = node?.recruits ?? 0;
  return (
    <section className="card space-y-3 text-sm" aria-labelledby="recruits-h" data-testid="recruits">
      <h2 id="recruits-h" className="text-lg font-semibold">
        Recruits ({recruits} of {params.maxRecruits})
      </h2>
      {live ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!parsed.ok) return;
            if (
              await send(`Invite ${shortAddress(parsed.address)} as a light node`, nodes, abi, "recruit", [
                parsed.address,
                true,
              ])
            ) {
              setInput("");
              onDone();
            }
          }}
        >
          <div className="min-w-72 flex-1">
            <label htmlFor="recruit-address" className="label">
              Invite an address to run a light node under you
            </label>
            <input
              id="recruit-address"
              className="input font-mono"
              value={input}
              onChange={(e) => setInput(e.target.value)}
              placeholder="0x…"
              aria-invalid={input !== "" && !parsed.ok}
              data-testid="recruit-input"
            />
            {input !== "" && !parsed.ok && <p className="mt-1 text-xs text-red-800">{parsed.error}</p>}
          </div>
          <button type="submit" className="btn-primary" disabled={busy || !parsed.ok} data-testid="recruit-submit">
            Invite
          </button>
        </form>
      ) : (
        <p className="text-slate-700">A main node that is leaving cannot recruit.</p>
      )}
      <TxMessage message={message} />
      {pending.length > 0 && (
        <div>
          <h3 className="font-semibold">Invited, not registered yet</h3>
          <ul className="divide-y divide-slate-200" data-testid="pending-invites">
            {pending.map((i) => (
              <li key={i.id} className="flex items-center justify-between py-1">
                <span className="font-mono text-xs">{i.light}</span>
                <button
                  type="button"
                  className="text-xs underline"
                  disabled={busy}
                  onClick={async () =>
                    (await send(`Withdraw the invitation of ${shortAddress(i.light)}`, nodes, abi, "recruit", [
                      i.light,
                      false,
                    ])) && onDone()
                  }
                >
                  withdraw invitation
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {lights.length === 0 ? (
        <Empty>No light node has registered under you yet.</Empty>
      ) : (
        <table className="w-full text-left" data-testid="light-nodes">
          <thead className="text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col">Light node</th>
              <th scope="col">Status</th>
              <th scope="col" className="text-right">
                Stake
              </th>
              <th scope="col" className="text-right">
                Referrals
              </th>
              <th scope="col">Since</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {lights.map((l) => (
              <tr key={l.id}>
                <td className="font-mono text-xs">{shortAddress(l.id)}</td>
                <td>{l.status.toLowerCase()}</td>
                <td className="num text-right">{formatToken(BigInt(l.stake), 18, "DMC", 0)}</td>
                <td className="num text-right">{l.referrals}</td>
                <td className="num">{utcDateTime(Number(l.registeredAtTimestamp))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
