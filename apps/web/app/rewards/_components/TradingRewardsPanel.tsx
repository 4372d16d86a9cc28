"use client";
/** DMC trading rewards of the connected account: per epoch (credit = fees paid, reward), the formula in words, claim. */
import { useQuery } from "@apollo/client/react/hooks";
import { tradingRewardsAbi } from "@dmex/deployments";
import { useState } from "react";
import type { Abi } from "viem";
import { useAccount, useReadContracts } from "wagmi";

import { ConnectPrompt } from "~/components/ConnectPrompt";
import { useTrading } from "~/components/DeploymentContext";
import { Empty, ErrorBox, SkeletonRows } from "~/components/ui";
import { useChainNow } from "~/hooks/useChainNow";
import { useRefetchOnIndexed } from "~/hooks/useRefetchOnIndexed";
import { useTx } from "~/hooks/useTx";
import { formatAmount, formatToken } from "~/lib/format";
import { TRADING_REWARDS_QUERY } from "~/lib/graphql/trading";
import type { TradingRewardsData } from "~/lib/graphql/tradingTypes";
import { breakEvenText, epochRows, formulaInWords } from "~/lib/trading/rewards";
import { targetChain } from "~/services/chains";

/** The deploy's schedule (TRADING_SPEC): 100,000 DMC per epoch, cap 10 DMC per $1 of fees; shown until an epoch is indexed. */
const DEFAULT_BUDGET = 100_000n * 10n ** 18n;
const DEFAULT_CAP = 10n * 10n ** 18n;
const dmc = (v: bigint) => formatToken(v, 18, "DMC", 2);
const usd = (credit: bigint) => `$${formatAmount(credit, 18, 2)}`;
const date = (s: number) => new Date(s * 1000).toISOString().slice(0, 10);

export function TradingRewardsPanel() {
  const trading = useTrading();
  const { address, isConnected } = useAccount();
  const { seconds } = useChainNow();
  const { run } = useTx();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const account = address?.toLowerCase() ?? "";
  const { data, loading, error, refetch } = useQuery<TradingRewardsData>(TRADING_REWARDS_QUERY, {
    variables: { account, accountId: account },
    skip: !address || trading === null,
    pollInterval: 10_000,
  });
  useRefetchOnIndexed(refetch);
  const rewards = trading?.rewards ?? null;
  const reads = useReadContracts({
    allowFailure: true,
    contracts:
      rewards && address
        ? [
            {
              address: rewards,
              abi: tradingRewardsAbi,
              functionName: "earned",
              args: [address],
              chainId: targetChain.id,
            },
            { address: rewards, abi: tradingRewardsAbi, functionName: "currentEpoch", chainId: targetChain.id },
          ]
        : [],
    query: { enabled: Boolean(rewards && address), refetchInterval: 4_000 },
  });
  const earned =
    reads.data?.[0]?.status === "success" ? (reads.data[0].result as readonly [bigint, bigint, bigint]) : undefined;
  const latest = data?.tradingEpoches[0];
  const budget = latest ? BigInt(latest.dmcPerEpoch) : DEFAULT_BUDGET;
  const cap = latest ? BigInt(latest.capDmcPerFeeUnit) : DEFAULT_CAP;

  const formula = (
    <section className="card space-y-2 text-sm" aria-labelledby="formula-h">
      <h2 id="formula-h" className="text-lg font-semibold">
        How much you earn
      </h2>
      <p data-testid="rewards-formula">{formulaInWords(budget, cap)}</p>
      <p className="text-slate-700">
        Your reward in an epoch = the smaller of (the epoch&apos;s budget × your fees ÷ everyone&apos;s fees) and (
        {formatAmount(cap, 18, 2)} DMC × your fees in $). Wash trading pays the 2% fee on every trade and gets back at
        most {formatAmount(cap, 18, 2)} DMC per $1 of it: at a DMC price under {breakEvenText(cap)} that is a loss.
        Schedule changes apply from the next epoch only.
      </p>
    </section>
  );

  if (rewards === null)
    return (
      <>
        {formula}
        <ErrorBox title="Trading rewards are not deployed">This deployment has no TradingRewards contract.</ErrorBox>
      </>
    );
  if (!isConnected)
    return (
      <div className="space-y-4">
        {formula}
        <div className="card space-y-2 text-sm">
          <p>Connect a wallet to see your trading rewards.</p>
          <ConnectPrompt />
        </div>
      </div>
    );
  if (error) return <ErrorBox title="Your trading rewards cannot load">{error.message}</ErrorBox>;
  if (loading && !data) return <SkeletonRows rows={4} />;
  const rows = epochRows(data?.tradingRewards ?? [], seconds ?? 0);
  const claimable = earned?.[0];

  async function claim() {
    if (!rewards || !address) return;
    setBusy(true);
    setMessage(null);
    const r = await run({
      label: `Claim ${claimable === undefined ? "" : dmc(claimable)} trading rewards`,
      call: { address: rewards, abi: tradingRewardsAbi as Abi, functionName: "claim", args: [address] },
    });
    setMessage(r.ok ? { ok: true, text: "Claimed." } : { ok: false, text: r.error });
    await reads.refetch();
    setBusy(false);
  }

  return (
    <div className="space-y-4">
      <section className="card space-y-2 text-sm" aria-labelledby="claim-h">
        <h2 id="claim-h" className="text-lg font-semibold">
          Claim
        </h2>
        <dl className="num grid grid-cols-2 gap-2 sm:grid-cols-4">
          <div>
            <dt className="text-slate-600">Claimable now</dt>
            <dd data-testid="rewards-claimable">{claimable === undefined ? "…" : dmc(claimable)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Fees paid this epoch</dt>
            <dd>{earned ? usd(earned[1]) : "…"}</dd>
          </div>
          <div>
            <dt className="text-slate-600">If the epoch ended now</dt>
            <dd>{earned ? dmc(earned[2]) : "…"}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Claimed so far</dt>
            <dd data-testid="rewards-claimed">{dmc(BigInt(data?.account?.tradingRewardsClaimed ?? "0"))}</dd>
          </div>
        </dl>
        <button
          type="button"
          className="btn-primary"
          disabled={busy || claimable === undefined || claimable === 0n}
          onClick={claim}
          data-testid="rewards-claim"
        >
          Claim {claimable !== undefined && claimable > 0n ? dmc(claimable) : ""}
        </button>
        {message && (
          <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-emerald-800" : "text-red-800"}>
            {message.text}
          </p>
        )}
      </section>
      <section className="card text-sm" aria-labelledby="epochs-h">
        <h2 id="epochs-h" className="text-lg font-semibold">
          Earned per epoch
        </h2>
        {rows.length === 0 ? (
          <Empty>No trading fees paid yet: buy in a primary sale, a listing or an auction to earn DMC.</Empty>
        ) : (
          <table className="mt-2 w-full text-left" data-testid="rewards-epochs">
            <thead className="text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col">Epoch</th>
                <th scope="col">Dates</th>
                <th scope="col" className="text-right">
                  Fees paid
                </th>
                <th scope="col" className="text-right">
                  DMC
                </th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {rows.map((r) => (
                <tr key={r.epoch}>
                  <td className="num py-1">#{r.epoch}</td>
                  <td className="num">
                    {date(r.startTime)} – {date(r.endTime)}
                  </td>
                  <td className="num text-right">
                    {usd(r.credit)} ({r.fees})
                  </td>
                  <td className="num text-right">
                    {dmc(r.reward)}
                    {r.capped && <span className="block text-xs text-slate-600">capped by fees</span>}
                  </td>
                  <td>{r.settled ? "settled" : r.finished ? "finished: claimable" : "running (estimate)"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {formula}
    </div>
  );
}
