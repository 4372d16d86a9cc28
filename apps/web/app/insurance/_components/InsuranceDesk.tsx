"use client";
/**
 * The insurance pool page: its pots and rules (live from MutualInsurance), the connected account's payouts to
 * claim on affected positions, its underwriting (stake, premiums, exit), then claims, payouts and underwriters
 * from the subgraph.
 */
import { useQuery } from "@apollo/client/react/hooks";
import { mutualInsuranceAbi } from "@dmex/deployments";
import { useAccount, useReadContracts } from "wagmi";

import { ConnectPrompt } from "~/components/ConnectPrompt";
import { ErrorBox, SkeletonRows } from "~/components/ui";
import { useDeployedContract } from "~/hooks/useDeployedContract";
import { useRefetchOnIndexed } from "~/hooks/useRefetchOnIndexed";
import { useTickingChainNow } from "~/hooks/useTickingChainNow";
import { INSURANCE_QUERY } from "~/lib/graphql/insurance";
import type { InsuranceData } from "~/lib/graphql/insuranceTypes";
import { poolFromTuple } from "~/lib/insurance/pool";
import { targetChain } from "~/services/chains";
import { ClaimsAndPayouts } from "./ClaimsAndPayouts";
import { PayoutClaims } from "./PayoutClaims";
import { PoolOverview } from "./PoolOverview";
import { UnderwriterPanel } from "./UnderwriterPanel";

export interface InsuranceParams {
  readonly cooldown: number;
  readonly window: number;
  readonly claimDuration: number;
  readonly maxPotShareBps: number;
}

export function InsuranceDesk() {
  const pool = useDeployedContract("MutualInsurance");
  const { address, isConnected } = useAccount();
  const now = useTickingChainNow();
  const { data, error, refetch } = useQuery<InsuranceData>(INSURANCE_QUERY, {
    skip: pool === null,
    pollInterval: 10_000,
  });
  useRefetchOnIndexed(refetch);
  const c = { address: pool ?? undefined, abi: mutualInsuranceAbi, chainId: targetChain.id } as const;
  const reads = useReadContracts({
    allowFailure: true,
    contracts: pool
      ? [
          { ...c, functionName: "pools" },
          { ...c, functionName: "params" },
          { ...c, functionName: "frozen" },
        ]
      : [],
    query: { enabled: pool !== null, refetchInterval: 4_000 },
  });
  if (pool === null)
    return (
      <ErrorBox title="The insurance pool is not deployed">This deployment has no MutualInsurance contract.</ErrorBox>
    );
  if (reads.error) return <ErrorBox title="The insurance pool cannot be read">{reads.error.message}</ErrorBox>;
  const ok = reads.data?.every((r) => r.status === "success") ?? false;
  if (!ok || !reads.data || now === undefined) return <SkeletonRows rows={6} />;
  const figures = poolFromTuple(reads.data[0]?.result as readonly [bigint, bigint, bigint, bigint, bigint]);
  const p = reads.data[1]?.result as {
    cooldown: number;
    window: number;
    claimDuration: number;
    maxPotShareBps: number;
  };
  const params: InsuranceParams = {
    cooldown: Number(p.cooldown),
    window: Number(p.window),
    claimDuration: Number(p.claimDuration),
    maxPotShareBps: Number(p.maxPotShareBps),
  };
  const [isFrozen, until] = (reads.data[2]?.result ?? [false, 0n]) as readonly [boolean, bigint];
  const frozen = { isFrozen, until: Number(until) };
  const refresh = () => void Promise.allSettled([reads.refetch(), refetch()]);
  const payouts = data?.insurancePoolPayouts ?? [];

  return (
    <div className="space-y-4" data-testid="insurance-desk">
      {error && <ErrorBox title="The pool's history cannot load">{error.message}</ErrorBox>}
      <PoolOverview
        pool={figures}
        params={params}
        frozen={frozen}
        indexed={data?.insurancePools[0] ?? null}
        now={now}
      />
      {isConnected && address ? (
        <>
          <PayoutClaims pool={pool} account={address} payouts={payouts} now={now} />
          <UnderwriterPanel
            pool={pool}
            account={address}
            figures={figures}
            params={params}
            frozen={frozen}
            now={now}
            onDone={refresh}
          />
        </>
      ) : (
        <div className="card space-y-2 text-sm">
          <p>Connect a wallet to underwrite, claim premiums or claim a payout on your positions.</p>
          <ConnectPrompt />
        </div>
      )}
      <ClaimsAndPayouts data={data ?? null} now={now} />
    </div>
  );
}
