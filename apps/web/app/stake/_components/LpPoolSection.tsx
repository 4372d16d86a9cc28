"use client";
/**
 * One liquidity-mining pool (LiquidityMining for a Uniswap V2 pair's LP token): the LP in the wallet and staked,
 * approve + stake, withdraw, exit (withdraw all and claim), DMC earned ticking and the pool's APR.
 */
import { bridgedTokenAbi, liquidityMiningAbi } from "@dmex/deployments";
import { useState } from "react";
import type { Abi, Address } from "viem";
import { useAccount, useReadContracts } from "wagmi";

import { LabeledInput } from "~/components/ui";
import { useEmissionPool } from "~/hooks/useEmissionPool";
import { useSendAction } from "~/hooks/useSendAction";
import { validateAmount } from "~/lib/amount";
import { formatAmount, formatUsd } from "~/lib/format";
import { poolApr } from "~/lib/stake/apr";
import type { LpPoolRef } from "~/lib/stake/contracts";
import { lpUsdWad, type PairState } from "~/lib/stake/pair";
import { targetChain } from "~/services/chains";
import { PoolSummary } from "./PoolSummary";
import { TxMessage } from "./TxMessage";

const poolAbi = liquidityMiningAbi as Abi;
const erc20 = bridgedTokenAbi as Abi;
const lp = (v: bigint) => `${formatAmount(v, 18, 6)} LP`;

export function LpPoolSection({
  pool,
  pair,
  dmcUsdWad,
  quoteUsdWad,
}: {
  pool: LpPoolRef;
  pair: PairState | undefined;
  dmcUsdWad: bigint | null;
  quoteUsdWad: bigint | null;
}) {
  const { address } = useAccount();
  const emission = useEmissionPool(pool.pool, address);
  const { send, busy, message } = useSendAction();
  const [stakeText, setStakeText] = useState("");
  const [withdrawText, setWithdrawText] = useState("");
  const reads = useReadContracts({
    allowFailure: true,
    contracts: address
      ? [
          { address: pool.pair, abi: erc20, functionName: "balanceOf", args: [address], chainId: targetChain.id },
          {
            address: pool.pair,
            abi: erc20,
            functionName: "allowance",
            args: [address, pool.pool],
            chainId: targetChain.id,
          },
        ]
      : [],
    query: { enabled: address !== undefined, refetchInterval: 4_000 },
  });
  const wallet = reads.data?.[0]?.status === "success" ? (reads.data[0].result as bigint) : undefined;
  const allowance = reads.data?.[1]?.status === "success" ? (reads.data[1].result as bigint) : undefined;
  const snapshot = emission.snapshot;
  const staked = snapshot?.weight;
  const id = pool.key;

  const stakeAmount = validateAmount(stakeText, 18, { ...(wallet !== undefined && { balance: wallet }), symbol: "LP" });
  const withdrawAmount = validateAmount(withdrawText, 18, {
    ...(staked !== undefined && { max: staked, maxLabel: "you have staked" }),
  });
  const needsApproval = stakeAmount.ok && allowance !== undefined && allowance < stakeAmount.value;

  const totalValue =
    pair && snapshot && dmcUsdWad !== null && quoteUsdWad !== null
      ? lpUsdWad(snapshot.totalWeight, pair, dmcUsdWad, quoteUsdWad)
      : null;
  const apr =
    snapshot && emission.rateNow !== undefined
      ? poolApr(
          {
            ratePerSecond: emission.rateNow,
            dmcUsdWad,
            weight: snapshot.totalWeight,
            totalWeight: snapshot.totalWeight,
            valueUsdWad: totalValue,
          },
          "LP",
        )
      : null;

  const refresh = () => {
    void reads.refetch();
    void emission.refetch();
  };
  async function run(label: string, address_: Address, abi: Abi, fn: string, args: readonly unknown[]) {
    const ok = await send(label, address_, abi, fn, args);
    refresh();
    return ok;
  }

  return (
    <section className="card space-y-3" aria-labelledby={`lp-${id}-h`} data-testid={`lp-${id}`}>
      <h2 id={`lp-${id}-h`} className="text-lg font-semibold">
        Liquidity mining: {pool.label} LP
      </h2>
      <p className="text-sm text-slate-700">
        Stake the {pool.label} pair&apos;s LP tokens (add liquidity below to get some) to earn DMC from the liquidity
        bucket for one year. Withdraw any time; your DMC stays claimable.
        {totalValue !== null &&
          snapshot &&
          ` Staked now: ${lp(snapshot.totalWeight)} worth ${formatUsd(Number(totalValue) / 1e18)}.`}
      </p>
      <PoolSummary
        id={id}
        title={`${pool.label} liquidity mining`}
        pool={pool.pool}
        account={address}
        snapshot={snapshot}
        earnedNow={emission.earnedNow}
        rateNow={emission.rateNow}
        weightLabel="LP"
        apr={apr}
        onClaimed={refresh}
      />
      {address && (
        <div className="grid gap-4 text-sm sm:grid-cols-2">
          <div className="space-y-2">
            <p>
              In your wallet: <span data-testid={`lp-wallet-${id}`}>{wallet === undefined ? "…" : lp(wallet)}</span>
            </p>
            <LabeledInput id={`stake-lp-${id}`} label="LP to stake" value={stakeText} onChange={setStakeText} />
            <div className="flex flex-wrap gap-2">
              <button
                type="button"
                className="btn-secondary"
                disabled={wallet === undefined || wallet === 0n}
                onClick={() => wallet !== undefined && setStakeText(formatAmount(wallet, 18, 18).replace(/,/g, ""))}
              >
                Max
              </button>
              {needsApproval && stakeAmount.ok && (
                <button
                  type="button"
                  className="btn-secondary"
                  disabled={busy}
                  onClick={() =>
                    run(`Approve ${lp(stakeAmount.value)} for ${pool.label} mining`, pool.pair, erc20, "approve", [
                      pool.pool,
                      stakeAmount.value,
                    ])
                  }
                  data-testid={`lp-approve-${id}`}
                >
                  Approve
                </button>
              )}
              <button
                type="button"
                className="btn-primary"
                disabled={busy || !stakeAmount.ok || allowance === undefined || needsApproval}
                onClick={async () => {
                  if (!stakeAmount.ok) return;
                  if (
                    await run(`Stake ${lp(stakeAmount.value)} in ${pool.label} mining`, pool.pool, poolAbi, "stake", [
                      stakeAmount.value,
                    ])
                  )
                    setStakeText("");
                }}
                data-testid={`lp-stake-${id}`}
              >
                Stake LP
              </button>
            </div>
            {stakeText !== "" && !stakeAmount.ok && <p className="text-red-800">{stakeAmount.error}</p>}
          </div>
          <div className="space-y-2">
            <p>Staked: {staked === undefined ? "…" : lp(staked)}</p>
            <LabeledInput
              id={`withdraw-lp-${id}`}
              label="LP to withdraw"
              value={withdrawText}
              onChange={setWithdrawText}
            />
            <div className="flex flex-wrap gap-2">
              <button
                type="button"
                className="btn-secondary"
                disabled={busy || !withdrawAmount.ok}
                onClick={async () => {
                  if (!withdrawAmount.ok || !address) return;
                  if (
                    await run(
                      `Withdraw ${lp(withdrawAmount.value)} from ${pool.label} mining`,
                      pool.pool,
                      poolAbi,
                      "withdraw",
                      [withdrawAmount.value, address],
                    )
                  )
                    setWithdrawText("");
                }}
                data-testid={`lp-withdraw-${id}`}
              >
                Withdraw
              </button>
              <button
                type="button"
                className="btn-secondary"
                disabled={busy || staked === undefined || staked === 0n}
                onClick={() =>
                  address && run(`Exit ${pool.label} mining (all LP and DMC)`, pool.pool, poolAbi, "exit", [address])
                }
                data-testid={`lp-exit-${id}`}
              >
                Exit: withdraw all + claim
              </button>
            </div>
            {withdrawText !== "" && !withdrawAmount.ok && <p className="text-red-800">{withdrawAmount.error}</p>}
          </div>
        </div>
      )}
      <TxMessage message={message} testId={`lp-message-${id}`} />
    </section>
  );
}
