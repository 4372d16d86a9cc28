"use client";
import { hashpowerExchangeAbi } from "@dmex/deployments";
import { useState } from "react";
import { keccak256, toHex } from "viem";
import { useAccount, useReadContracts } from "wagmi";

import { useExchangeAddress } from "~/components/DeploymentContext";
import { useTx } from "~/hooks/useTx";
import type { OfferingStatusName } from "~/lib/escrow";
import { targetChain } from "~/services/chains";

const GOVERNOR_ROLE = keccak256(toHex("GOVERNOR_ROLE"));
const HALT_GUARDIAN_ROLE = keccak256(toHex("HALT_GUARDIAN_ROLE"));

/** Flag (anyone, when the chain says the conditions hold) and, for governance, halt or resume. */
export function DefaultActions({ offeringId, status }: { offeringId: string; status: OfferingStatusName }) {
  const exchange = useExchangeAddress();
  const { address } = useAccount();
  const { run } = useTx();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const id = BigInt(offeringId);
  const reads = useReadContracts({
    allowFailure: false,
    contracts: exchange
      ? [
          {
            address: exchange,
            abi: hashpowerExchangeAbi,
            functionName: "flaggable",
            args: [id],
            chainId: targetChain.id,
          },
          {
            address: exchange,
            abi: hashpowerExchangeAbi,
            functionName: "hasRole",
            args: [GOVERNOR_ROLE, address ?? "0x0000000000000000000000000000000000000000"],
            chainId: targetChain.id,
          },
          {
            address: exchange,
            abi: hashpowerExchangeAbi,
            functionName: "hasRole",
            args: [HALT_GUARDIAN_ROLE, address ?? "0x0000000000000000000000000000000000000000"],
            chainId: targetChain.id,
          },
        ]
      : [],
    query: { enabled: exchange !== null, refetchInterval: 4_000 },
  });
  const [flaggable, isGovernor, isGuardian] = (reads.data ?? []) as [
    readonly [boolean, number, bigint, bigint] | undefined,
    boolean | undefined,
    boolean | undefined,
  ];
  const canFlag = flaggable?.[0] === true;

  async function act(functionName: "flag" | "halt" | "resume", label: string) {
    if (!exchange) return;
    setBusy(true);
    setMessage(null);
    const r = await run({ label, call: { address: exchange, abi: hashpowerExchangeAbi, functionName, args: [id] } });
    setMessage(r.ok ? { ok: true, text: `${label}: done.` } : { ok: false, text: r.error });
    await reads.refetch();
    setBusy(false);
  }

  return (
    <div className="mt-3 flex flex-wrap items-center gap-2">
      {status === "Active" && (
        <button
          type="button"
          className="btn-danger"
          disabled={!canFlag || !address || busy}
          onClick={() => act("flag", `Flag offering #${offeringId}`)}
          data-testid="flag-button"
        >
          Flag as defaulting
        </button>
      )}
      {status === "Active" && !canFlag && (
        <span className="text-xs text-slate-600">Flagging opens when the chain&apos;s default conditions hold.</span>
      )}
      {status === "Active" && canFlag && !address && (
        <span className="text-xs text-slate-600">Connect a wallet to flag (anyone may).</span>
      )}
      {status === "Flagged" && (isGovernor || isGuardian) && (
        <>
          <button
            type="button"
            className="btn-danger"
            disabled={busy}
            onClick={() => act("halt", `Halt offering #${offeringId}`)}
            data-testid="halt-button"
          >
            Halt (refunds open)
          </button>
          {isGovernor && (
            <button
              type="button"
              className="btn-secondary"
              disabled={busy}
              onClick={() => act("resume", `Resume offering #${offeringId}`)}
            >
              Resume
            </button>
          )}
        </>
      )}
      {status === "Flagged" && !(isGovernor || isGuardian) && (
        <span className="text-xs text-slate-600">Governance (or the halt guardian) decides to resume or halt.</span>
      )}
      {message && (
        <p
          role={message.ok ? "status" : "alert"}
          className={`w-full text-sm ${message.ok ? "text-emerald-800" : "text-red-800"}`}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
