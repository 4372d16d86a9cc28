"use client";
import { dmexGovernorAbi, dmexTimelockAbi, hashpowerExchangeAbi, safeL2Abi } from "@dmex/deployments";
import type { Address } from "viem";
import { useReadContracts } from "wagmi";

import { useDao, useExchangeAddress } from "~/components/DeploymentContext";
import { roleHash } from "~/lib/dao/roles";
import { COUNCIL_POWERS, POWER_TEXT, powerMismatches, type CouncilPower } from "~/lib/dao/council";
import { targetChain } from "~/services/chains";

/** Verifies the indexed council (members, threshold, powers) against the chain. */
export function CouncilCheck({
  council,
  owners,
  threshold,
  powers,
}: {
  council: Address;
  owners: string[];
  threshold: number;
  powers: string[];
}) {
  const dao = useDao();
  const exchange = useExchangeAddress();
  const reads = useReadContracts({
    allowFailure: true,
    contracts:
      dao && exchange
        ? [
            { address: council, abi: safeL2Abi, functionName: "getOwners", chainId: targetChain.id },
            { address: council, abi: safeL2Abi, functionName: "getThreshold", chainId: targetChain.id },
            {
              address: dao.timelock,
              abi: dmexTimelockAbi,
              functionName: "hasRole",
              args: [roleHash("PROPOSER_ROLE"), council],
              chainId: targetChain.id,
            },
            {
              address: dao.timelock,
              abi: dmexTimelockAbi,
              functionName: "hasRole",
              args: [roleHash("CANCELLER_ROLE"), council],
              chainId: targetChain.id,
            },
            {
              address: exchange,
              abi: hashpowerExchangeAbi,
              functionName: "hasRole",
              args: [roleHash("HALT_GUARDIAN_ROLE"), council],
              chainId: targetChain.id,
            },
            { address: dao.governor, abi: dmexGovernorAbi, functionName: "proposalGuardian", chainId: targetChain.id },
          ]
        : [],
    query: { enabled: Boolean(dao && exchange), refetchInterval: 10_000 },
  });
  const r = reads.data;
  if (!r || r.some((x) => x.status !== "success")) {
    return (
      <p className="text-sm text-slate-700" role="status">
        {reads.isLoading ? "Checking against the chain…" : "The chain could not be read to verify the council."}
      </p>
    );
  }
  const chainOwners = ((r[0]?.result ?? []) as readonly string[]).map((o) => o.toLowerCase());
  const chainThreshold = Number(r[1]?.result as bigint);
  const onChain: Record<CouncilPower, boolean> = {
    "PROPOSER_ROLE@timelock": r[2]?.result === true,
    "CANCELLER_ROLE@timelock": r[3]?.result === true,
    "HALT_GUARDIAN_ROLE@exchange": r[4]?.result === true,
    proposalGuardian: String(r[5]?.result).toLowerCase() === council.toLowerCase(),
  };
  const ownersMatch =
    chainOwners.length === owners.length && owners.every((o) => chainOwners.includes(o.toLowerCase()));
  const mismatches = powerMismatches(powers, onChain);
  const ok = ownersMatch && chainThreshold === threshold && mismatches.length === 0;
  return (
    <div className="space-y-2 text-sm" data-testid="council-check">
      <p className={ok ? "text-emerald-800" : "text-red-800"} role="status">
        {ok
          ? "Verified against the chain: members, threshold and powers match the index."
          : "The chain disagrees with the index (it may be catching up):"}
      </p>
      {!ok && (
        <ul className="list-inside list-disc text-red-800">
          {!ownersMatch && <li>members on chain: {chainOwners.length}</li>}
          {chainThreshold !== threshold && <li>threshold on chain: {chainThreshold}</li>}
          {mismatches.map((m) => (
            <li key={m}>
              {POWER_TEXT[m].title}: {onChain[m] ? "held" : "not held"} on chain
            </li>
          ))}
        </ul>
      )}
      <p className="text-xs text-slate-600">
        Checked: {COUNCIL_POWERS.length} powers via hasRole / proposalGuardian, owners and threshold via the Safe.
      </p>
    </div>
  );
}
