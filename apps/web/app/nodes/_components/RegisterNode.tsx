"use client";
/** Become a main node (approve the stake, registerMainNode) or a light node under the main node that invited you. */
import { dmcTokenAbi, promotionNodesAbi } from "@dmex/deployments";
import { useState } from "react";
import type { Abi, Address } from "viem";
import { useAccount, useReadContracts } from "wagmi";

import { useDao } from "~/components/DeploymentContext";
import { useReferrer } from "~/components/referralStore";
import { TxMessage } from "~/components/TxMessage";
import { useSend } from "~/hooks/useSend";
import { formatToken, shortAddress } from "~/lib/format";
import type { NodeDeskData } from "~/lib/graphql/nodesTypes";
import { durationText, lightRegistrationBlocker, stakeStep, type NodeRecord, kindName } from "~/lib/nodes/node";
import { parseReferrer } from "~/lib/nodes/referral";
import { targetChain } from "~/services/chains";
import type { NodeParams } from "./NodeDesk";

const dmc = (v: bigint) => formatToken(v, 18, "DMC", 2);

export function RegisterNode({
  nodes,
  params,
  invites,
  onDone,
}: {
  nodes: Address;
  params: NodeParams;
  invites: NodeDeskData["invitesToMe"];
  onDone: () => void;
}) {
  const token = useDao()?.dmc ?? null;
  const { address } = useAccount();
  const sessionReferrer = useReferrer();
  const { send, busy, message } = useSend();
  const [mainInput, setMainInput] = useState("");
  const suggested = invites[0]?.mainNode.id ?? sessionReferrer ?? "";
  const mainText = mainInput === "" ? suggested : mainInput;
  const mainParsed = parseReferrer(mainText);
  const main = mainParsed.ok ? mainParsed.address : null;
  const me = address as Address;
  const reads = useReadContracts({
    allowFailure: true,
    contracts: [
      { address: token ?? nodes, abi: dmcTokenAbi, functionName: "balanceOf", args: [me], chainId: targetChain.id },
      {
        address: token ?? nodes,
        abi: dmcTokenAbi,
        functionName: "allowance",
        args: [me, nodes],
        chainId: targetChain.id,
      },
    ],
    query: { enabled: token !== null, refetchInterval: 4_000 },
  });
  const mainAddress = main ?? nodes;
  const mainReads = useReadContracts({
    allowFailure: true,
    contracts: [
      { address: nodes, abi: promotionNodesAbi, functionName: "nodeOf", args: [mainAddress], chainId: targetChain.id },
      {
        address: nodes,
        abi: promotionNodesAbi,
        functionName: "isLiveNode",
        args: [mainAddress],
        chainId: targetChain.id,
      },
      {
        address: nodes,
        abi: promotionNodesAbi,
        functionName: "invited",
        args: [mainAddress, me],
        chainId: targetChain.id,
      },
    ],
    query: { enabled: main !== null, refetchInterval: 4_000 },
  });
  if (token === null) return null;
  const res = reads.data ?? [];
  const balance = res[0]?.status === "success" ? (res[0].result as bigint) : undefined;
  const allowance = res[1]?.status === "success" ? (res[1].result as bigint) : undefined;
  const m = main === null ? [] : (mainReads.data ?? []);
  const mainNode = m[0]?.status === "success" ? (m[0].result as NodeRecord) : undefined;
  const mainLive = m[1]?.status === "success" ? (m[1].result as boolean) : undefined;
  const invited = m[2]?.status === "success" ? (m[2].result as boolean) : undefined;

  async function register(kind: "Main" | "Light") {
    if (balance === undefined || allowance === undefined) return;
    const stake = kind === "Main" ? params.mainStake : params.lightStake;
    const step = stakeStep(stake, balance, allowance);
    if (step.step === "short") return;
    if (step.step === "approve") {
      const approved = await send(
        `Approve ${dmc(stake)} for the node stake`,
        token as Address,
        dmcTokenAbi as Abi,
        "approve",
        [nodes, stake],
      );
      await reads.refetch();
      if (!approved) return;
    }
    const done =
      kind === "Main"
        ? await send("Register as a main node", nodes, promotionNodesAbi as Abi, "registerMainNode")
        : await send(
            `Register as a light node under ${shortAddress(main ?? "")}`,
            nodes,
            promotionNodesAbi as Abi,
            "registerLightNode",
            [main],
          );
    if (done) onDone();
  }

  const mainStep =
    balance !== undefined && allowance !== undefined ? stakeStep(params.mainStake, balance, allowance) : null;
  const lightStep =
    balance !== undefined && allowance !== undefined ? stakeStep(params.lightStake, balance, allowance) : null;
  const lightBlocker = !mainParsed.ok
    ? mainText === ""
      ? "Enter the address of the main node that invited you."
      : mainParsed.error
    : mainNode === undefined || mainLive === undefined || invited === undefined
      ? "Checking the main node…"
      : lightRegistrationBlocker({
          mainNode: mainParsed.address,
          self: me,
          mainIsLiveMain: mainLive && kindName(mainNode.kind) === "Main",
          invited,
          mainRecruits: mainNode.recruits,
          maxRecruits: params.maxRecruits,
        });
  const stepLabel = (step: ReturnType<typeof stakeStep> | null, stake: bigint, what: string) =>
    step === null ? "…" : step.step === "approve" ? `Approve ${dmc(stake)}, then register` : `Register as a ${what}`;

  return (
    <section className="card space-y-4 text-sm" aria-labelledby="register-h" data-testid="register-node">
      <h2 id="register-h" className="text-lg font-semibold">
        Run a node
      </h2>
      <p>
        Your DMC balance: <strong data-testid="node-dmc-balance">{balance === undefined ? "…" : dmc(balance)}</strong>.
        The stake sits in a vault of your own that delegates its votes to you; after asking to leave you wait{" "}
        {durationText(params.cooldown)}, then withdraw it. Commission: {params.commissionBps / 100}% of a referred
        sale&apos;s fee; a light node gives {params.mainShareBps / 100}% of its commission to its main node.
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        <div className="space-y-2 rounded border border-slate-200 p-3">
          <h3 className="font-semibold">Main node — {dmc(params.mainStake)}</h3>
          <p className="text-slate-700">Promote offerings and recruit up to {params.maxRecruits} light nodes.</p>
          {mainStep?.step === "short" && <p className="text-red-800">You need {dmc(mainStep.missing)} more DMC.</p>}
          <button
            type="button"
            className="btn-primary w-full"
            disabled={busy || mainStep === null || mainStep.step === "short"}
            onClick={() => register("Main")}
            data-testid="register-main"
          >
            {busy ? "Working…" : stepLabel(mainStep, params.mainStake, "main node")}
          </button>
        </div>
        <div className="space-y-2 rounded border border-slate-200 p-3">
          <h3 className="font-semibold">Light node — {dmc(params.lightStake)}</h3>
          <p className="text-slate-700">
            A main node must invite your address first (it does so on its Nodes page).
            {invites.length > 0 && (
              <>
                {" "}
                Invited by:{" "}
                {invites.map((i) => (
                  <button
                    key={i.id}
                    type="button"
                    className="mr-1 font-mono underline"
                    onClick={() => setMainInput(i.mainNode.id)}
                    data-testid="invite-from"
                  >
                    {shortAddress(i.mainNode.id)}
                  </button>
                ))}
              </>
            )}
          </p>
          <label htmlFor="light-main" className="label">
            Main node address
          </label>
          <input
            id="light-main"
            className="input font-mono"
            value={mainText}
            onChange={(e) => setMainInput(e.target.value)}
            aria-invalid={lightBlocker !== null && mainText !== ""}
            aria-describedby="light-main-help"
            placeholder="0x…"
            data-testid="light-main-input"
          />
          <p
            id="light-main-help"
            data-testid="light-main-help"
            className={`text-xs ${lightBlocker ? "text-red-800" : "text-emerald-800"}`}
          >
            {lightBlocker ?? "Invited by this live main node: you can register."}
          </p>
          {lightStep?.step === "short" && <p className="text-red-800">You need {dmc(lightStep.missing)} more DMC.</p>}
          <button
            type="button"
            className="btn-primary w-full"
            disabled={busy || lightBlocker !== null || lightStep === null || lightStep.step === "short"}
            onClick={() => register("Light")}
            data-testid="register-light"
          >
            {busy ? "Working…" : stepLabel(lightStep, params.lightStake, "light node")}
          </button>
        </div>
      </div>
      <TxMessage message={message} testId="register-result" />
    </section>
  );
}
