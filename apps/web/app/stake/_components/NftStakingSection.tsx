"use client";
/**
 * NFT staking: the account's positions with their stake state, weight (units x days of term left) and value,
 * approve + stake, unstake, poke; the pool's DMC earned ticking and its APR. A staked position stays in the
 * wallet and keeps paying its daily mining rewards to the staker (claimable here and in the portfolio).
 */
import { useQuery } from "@apollo/client/react/hooks";
import { hashpowerExchangeAbi, positionStakingAbi } from "@dmex/deployments";
import { positionCollateralValue } from "@dmex/money-math/lending";
import Link from "next/link";
import { useMemo } from "react";
import type { Abi, Address } from "viem";
import { useAccount, useReadContract, useReadContracts } from "wagmi";

import { useDeployment } from "~/components/DeploymentContext";
import { TickingAmount } from "~/components/TickingAmount";
import { Empty, ErrorBox, SkeletonRows } from "~/components/ui";
import { useChainNow } from "~/hooks/useChainNow";
import { useEmissionPool } from "~/hooks/useEmissionPool";
import { usePositionsLive } from "~/hooks/usePositionsLive";
import { useRefetchOnIndexed } from "~/hooks/useRefetchOnIndexed";
import { useSendAction } from "~/hooks/useSendAction";
import { formatUsd } from "~/lib/format";
import { STAKE_POSITIONS_QUERY } from "~/lib/graphql/stake";
import type { MarketRateRow } from "~/lib/graphql/lendingTypes";
import type { PositionEntity } from "~/lib/graphql/types";
import { positionCollateralOf } from "~/lib/lending/loans";
import { poolApr } from "~/lib/stake/apr";
import { stakeState, weightText } from "~/lib/stake/positions";
import { targetChain } from "~/services/chains";
import { tokenOf } from "~/services/tokens";
import { PoolSummary } from "./PoolSummary";
import { TxMessage } from "./TxMessage";

type StakePosition = Pick<
  PositionEntity,
  "id" | "tokenId" | "units" | "netPaid" | "refunded" | "locked" | "lockedBy" | "status" | "offering"
>;
interface StakePositionsData {
  positions: StakePosition[];
  marketRates: MarketRateRow[];
}

const stakingAbi = positionStakingAbi as Abi;
const NOBODY = "0x0000000000000000000000000000000000000000" as const;
const exchangeAbi = hashpowerExchangeAbi as Abi;

export function NftStakingSection({
  staking,
  dmcUsdWad,
  usd,
}: {
  staking: Address;
  dmcUsdWad: bigint | null;
  usd: Readonly<Record<string, number>>;
}) {
  const deployment = useDeployment();
  const exchange = deployment.exchange;
  const { address } = useAccount();
  const { day: today } = useChainNow();
  const pool = useEmissionPool(staking, address);
  const { send, busy, message } = useSendAction();
  const { data, loading, error, refetch } = useQuery<StakePositionsData>(STAKE_POSITIONS_QUERY, {
    variables: { owner: address?.toLowerCase() ?? "" },
    skip: !address,
    pollInterval: 10_000,
  });
  useRefetchOnIndexed(refetch);
  const positions = useMemo(() => data?.positions ?? [], [data]);
  const ids = useMemo(() => positions.map((p) => BigInt(p.tokenId)), [positions]);
  const { live } = usePositionsLive(ids);
  const approvedAll = useReadContract({
    address: exchange ?? undefined,
    abi: hashpowerExchangeAbi,
    functionName: "isApprovedForAll",
    args: [address ?? NOBODY, staking],
    chainId: targetChain.id,
    query: { enabled: Boolean(exchange && address), refetchInterval: 4_000 },
  });
  const reads = useReadContracts({
    allowFailure: true,
    contracts:
      exchange && address
        ? [
            ...ids.flatMap(
              (id) =>
                [
                  {
                    address: staking,
                    abi: positionStakingAbi,
                    functionName: "stakeOf",
                    args: [id],
                    chainId: targetChain.id,
                  },
                  {
                    address: staking,
                    abi: positionStakingAbi,
                    functionName: "currentWeightOf",
                    args: [id],
                    chainId: targetChain.id,
                  },
                  {
                    address: exchange,
                    abi: hashpowerExchangeAbi,
                    functionName: "getApproved",
                    args: [id],
                    chainId: targetChain.id,
                  },
                ] as const,
            ),
          ]
        : [],
    query: { enabled: Boolean(exchange && address), refetchInterval: 4_000 },
  });

  const snapshot = pool.snapshot;
  const refreshAll = () => {
    void reads.refetch();
    void approvedAll.refetch();
    void pool.refetch();
  };

  async function act(label: string, functionName: "stake" | "unstake" | "poke", tokenId: bigint) {
    await send(label, staking, stakingAbi, functionName, [[tokenId]]);
    refreshAll();
  }
  async function approve(tokenId: bigint) {
    if (!exchange) return;
    await send(`Approve NFT staking for #${tokenId}`, exchange, exchangeAbi, "approve", [staking, tokenId]);
    refreshAll();
  }

  const rows = positions.map((p, i) => {
    const tokenId = BigInt(p.tokenId);
    const base = 3 * i;
    const stakeOf = reads.data?.[base];
    const current = reads.data?.[base + 1];
    const approvedTo = reads.data?.[base + 2];
    const onChain =
      stakeOf?.status === "success" && current?.status === "success"
        ? {
            staker: (stakeOf.result as readonly [string, bigint])[0],
            weight: (stakeOf.result as readonly [string, bigint])[1],
            currentWeight: current.result as bigint,
          }
        : undefined;
    const state = today === undefined ? null : stakeState(p, today, staking, onChain, deployment.contracts);
    const approved =
      approvedAll.data === true ||
      (approvedTo?.status === "success" && String(approvedTo.result).toLowerCase() === staking.toLowerCase());
    const reward = tokenOf(deployment.tokens, p.offering.rewardToken.id);
    const pay = tokenOf(deployment.tokens, p.offering.paymentToken.id);
    const valued = positionCollateralOf(p, p.offering, data?.marketRates ?? [], usd, pay, reward);
    const value = valued && today !== undefined ? positionCollateralValue(valued.collateral, today).totalUsd : null;
    const stakedWeight = state?.kind === "staked" ? state.weight : state?.kind === "stakable" ? state.weight : 0n;
    const total =
      snapshot === undefined
        ? undefined
        : state?.kind === "staked"
          ? snapshot.totalWeight
          : snapshot.totalWeight + stakedWeight;
    const apr =
      pool.rateNow !== undefined && total !== undefined && stakedWeight > 0n
        ? poolApr(
            {
              ratePerSecond: pool.rateNow,
              dmcUsdWad,
              weight: stakedWeight,
              totalWeight: total,
              valueUsdWad: value,
            },
            `weight`,
          )
        : null;
    const claimable = live.get(p.tokenId)?.claimable;
    return { p, tokenId, state, approved, reward, value, apr, claimable };
  });
  // Your APR: your weight's share of the stream against the value of the positions you have staked.
  const stakedRows = rows.filter((r) => r.state?.kind === "staked");
  const stakedValue = stakedRows.every((r) => r.value !== null)
    ? stakedRows.reduce((sum, r) => sum + (r.value ?? 0n), 0n)
    : null;
  const poolAprResult =
    snapshot && pool.rateNow !== undefined
      ? poolApr(
          {
            ratePerSecond: pool.rateNow,
            dmcUsdWad,
            weight: snapshot.weight,
            totalWeight: snapshot.totalWeight,
            valueUsdWad: stakedValue,
          },
          "weight",
        )
      : null;

  return (
    <section className="card space-y-3" aria-labelledby="nft-h" data-testid="nft-staking">
      <h2 id="nft-h" className="text-lg font-semibold">
        Stake positions
      </h2>
      <p className="text-sm text-slate-700">
        A staked position is locked in place in your wallet: it cannot be sold, listed or pledged until you unstake it
        (any time, no cooldown), and it <strong>keeps paying its daily mining rewards to you</strong>. Its weight is
        units x days of term left when staked; anyone may lower a stake to its current days left (poke), so a position
        about to expire never weighs like a new one. DMC comes from the behaviour-mining bucket.
      </p>
      <PoolSummary
        id="nft"
        title="NFT staking"
        pool={staking}
        account={address}
        snapshot={snapshot}
        earnedNow={pool.earnedNow}
        rateNow={pool.rateNow}
        weightLabel="weight"
        apr={poolAprResult && snapshot && snapshot.weight === 0n ? null : poolAprResult}
        onClaimed={refreshAll}
      />
      {!address ? (
        <p className="text-sm">Connect a wallet to stake your positions.</p>
      ) : error ? (
        <ErrorBox title="Your positions cannot load">{error.message}</ErrorBox>
      ) : loading && !data ? (
        <SkeletonRows rows={3} />
      ) : positions.length === 0 ? (
        <Empty>
          No positions to stake.{" "}
          <Link className="underline" href="/">
            Buy hashpower
          </Link>{" "}
          first.
        </Empty>
      ) : (
        <ul className="divide-y divide-slate-200 text-sm" aria-label="Your positions">
          {rows.map(({ p, tokenId, state, approved, reward, value, apr, claimable }) => {
            return (
              <li
                key={p.id}
                className="space-y-1 py-3"
                data-testid="stake-position"
                data-token-id={p.tokenId}
                data-state={state?.kind ?? "loading"}
              >
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <p className="font-semibold">
                    <Link className="underline-offset-2 hover:underline" href={`/portfolio/${p.tokenId}`}>
                      Position #{p.tokenId}
                    </Link>{" "}
                    <span className="font-normal text-slate-700">
                      #{p.offering.offeringId} {p.offering.minerName} · {p.offering.asset.symbol}
                    </span>
                  </p>
                  {state?.kind === "staked" && (
                    <span className="rounded bg-emerald-100 px-2 py-0.5 text-xs text-emerald-900">Staked</span>
                  )}
                </div>
                {today !== undefined && (
                  <p className="num text-slate-700">
                    Weight{" "}
                    {state?.kind === "staked"
                      ? `${state.weight.toString()} (now ${state.currentWeight.toString()})`
                      : weightText(p.units, p.offering.asset.unitLabel, p.offering.termEndDay, today)}
                    {value !== null && ` · value ${formatUsd(Number(value) / 1e18)}`}
                  </p>
                )}
                {apr && (
                  <p className="text-xs text-slate-600" data-testid={`position-apr-${p.tokenId}`}>
                    {state?.kind === "staked" ? "APR" : "APR if staked"}:{" "}
                    {apr.aprBps === null ? "n/a" : `${(Number(apr.aprBps) / 100).toFixed(1)}%`} ({apr.formula}; value =
                    refund right + expected rewards of the days left)
                  </p>
                )}
                <p className="text-slate-700">
                  Mining rewards to claim:{" "}
                  {claimable === undefined ? (
                    "…"
                  ) : (
                    <TickingAmount
                      value={claimable}
                      decimals={reward.decimals}
                      symbol={reward.symbol}
                      testId={`stake-claimable-${p.tokenId}`}
                    />
                  )}
                  {state?.kind === "staked" && (
                    <>
                      {" "}
                      — still yours while staked:{" "}
                      <Link className="underline" href="/portfolio">
                        claim them in the portfolio
                      </Link>
                    </>
                  )}
                </p>
                <div className="flex flex-wrap gap-2">
                  {state?.kind === "stakable" && !approved && (
                    <button
                      type="button"
                      className="btn-secondary"
                      disabled={busy}
                      onClick={() => approve(tokenId)}
                      data-testid="stake-approve"
                    >
                      Approve
                    </button>
                  )}
                  {state?.kind === "stakable" && (
                    <button
                      type="button"
                      className="btn-primary"
                      disabled={busy || !approved}
                      onClick={() => act(`Stake position #${p.tokenId}`, "stake", tokenId)}
                      data-testid="stake-button"
                    >
                      Stake
                    </button>
                  )}
                  {state?.kind === "staked" && (
                    <button
                      type="button"
                      className="btn-secondary"
                      disabled={busy}
                      onClick={() => act(`Unstake position #${p.tokenId}`, "unstake", tokenId)}
                      data-testid="unstake-button"
                    >
                      Unstake
                    </button>
                  )}
                  {state?.kind === "staked" && state.currentWeight < state.weight && (
                    <button
                      type="button"
                      className="btn-secondary"
                      disabled={busy}
                      onClick={() => act(`Poke position #${p.tokenId}`, "poke", tokenId)}
                      data-testid="poke-button"
                    >
                      Poke to {state.currentWeight.toString()}
                    </button>
                  )}
                  {state?.kind === "blocked" && <p className="text-slate-600">{state.reason}</p>}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <TxMessage message={message} testId="nft-stake-message" />
    </section>
  );
}
