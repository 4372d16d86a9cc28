import type { Metadata } from "next";

import { ErrorBox, Stat } from "~/components/ui";
import { bpsPercent, formatAmount, formatDay, pluralDays } from "~/lib/format";
import { PROTOCOL_QUERY } from "~/lib/graphql/queries";
import type { ProtocolPageData } from "~/lib/graphql/types";
import { thresholdsOf } from "~/lib/offering";
import { thresholdsText } from "~/lib/protection";
import { getAppDeployment } from "~/services/deployment.server";
import { querySubgraph } from "~/services/subgraph.server";
import { tokenOf } from "~/services/tokens";
import { BarChart } from "./_components/BarChart";
import { DaoLedger } from "./_components/DaoLedger";
import { OracleFeeds } from "./_components/OracleFeeds";

export const metadata: Metadata = { title: "Protocol" };

export default async function ProtocolPage() {
  const [deployment, result] = await Promise.all([getAppDeployment(), querySubgraph<ProtocolPageData>(PROTOCOL_QUERY)]);
  if (result.error !== null) return <ErrorBox title="Protocol figures cannot load">{result.error}</ErrorBox>;
  const p = result.data.protocols[0];
  const days = [...result.data.protocolDays].reverse();
  const usdt = Object.values(deployment.tokens).find((t) => t.symbol === "USDT") ?? { decimals: 6, symbol: "USDT" };
  const usd = (v: string) => `${formatAmount(BigInt(v), usdt.decimals, 2)} ${usdt.symbol}`;
  const rewardTokens = [
    ...new Set(
      days.flatMap((d) =>
        d.tokenDays
          .filter((t) => BigInt(t.rewardsClaimed) > 0n || BigInt(t.rewardsDeposited) > 0n)
          .map((t) => t.token.id),
      ),
    ),
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Protocol</h1>
      {!p ? (
        <p className="text-sm text-slate-700">Nothing indexed yet.</p>
      ) : (
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Stat label="Volume" value={usd(p.volume)} hint={`${p.purchaseCount} purchases`} />
          <Stat label="Channel fees" value={usd(p.fees)} hint={`${usd(p.feesCollected)} collected`} />
          <Stat
            label="Escrow"
            value={usd(p.totalNet)}
            hint={`${usd(p.escrowWithdrawn)} withdrawn, ${usd(p.refunded)} refunded`}
          />
          <Stat
            label="Offerings"
            value={p.offeringCount}
            hint={`${p.offeringsFlagged} flagged, ${p.offeringsHalted} halted`}
          />
          <Stat label="Positions" value={p.positionCount} hint={`${p.accountCount} accounts`} />
          <Stat label="Miners" value={p.minerCount} />
          <Stat label="Units sold" value={p.unitsSold} />
          <Stat label="Channel fee" value={`${p.channelFeeBps / 100}%`} hint="of new offerings' sales" />
        </dl>
      )}
      {p && (
        <section className="card" aria-labelledby="protect-h">
          <h2 id="protect-h" className="text-lg font-semibold">
            Buyer protection thresholds
          </h2>
          <p className="mt-1 text-sm text-slate-700" data-testid="thresholds-text">
            The DAO&apos;s current rules: {thresholdsText(thresholdsOf(p))}.
          </p>
          <dl className="num mt-3 grid grid-cols-2 gap-2 text-sm sm:grid-cols-5">
            <div>
              <dt className="text-slate-600">Missed days</dt>
              <dd>{pluralDays(p.missedDaysThreshold)} (and the end-of-term holdback)</dd>
            </div>
            <div>
              <dt className="text-slate-600">Window</dt>
              <dd>last {p.windowDays} judged days</dd>
            </div>
            <div>
              <dt className="text-slate-600">Low-reward line</dt>
              <dd>{bpsPercent(p.minRewardRatioBps)} of the market</dd>
            </div>
            <div>
              <dt className="text-slate-600">Daily minimum</dt>
              <dd>{bpsPercent(p.minCoverageBps)} of the market</dd>
            </div>
            <div>
              <dt className="text-slate-600">Post-term flags</dt>
              <dd>{pluralDays(p.postTermFlagDays)} after the term</dd>
            </div>
          </dl>
        </section>
      )}
      <section className="card" aria-labelledby="vol-h">
        <h2 id="vol-h" className="text-lg font-semibold">
          Daily volume and fees ({usdt.symbol})
        </h2>
        <BarChart
          label="Daily volume and channel fees"
          rows={days.map((d) => ({
            key: d.id,
            label: formatDay(d.day),
            values: [Number(BigInt(d.volume)) / 10 ** usdt.decimals, Number(BigInt(d.fees)) / 10 ** usdt.decimals],
          }))}
          series={[
            { name: "Volume", className: "fill-brand" },
            { name: "Fees", className: "fill-amber-600" },
          ]}
        />
      </section>
      {rewardTokens.map((tokenId) => {
        const tok = tokenOf(deployment.tokens, tokenId);
        return (
          <section key={tokenId} className="card" aria-labelledby={`rw-${tok.symbol}`}>
            <h2 id={`rw-${tok.symbol}`} className="text-lg font-semibold">
              Daily rewards ({tok.symbol})
            </h2>
            <BarChart
              label={`Daily rewards deposited and paid in ${tok.symbol}`}
              rows={days.map((d) => {
                const td = d.tokenDays.find((t) => t.token.id === tokenId);
                const f = (v: string | undefined) => (v ? Number(BigInt(v)) / 10 ** tok.decimals : 0);
                return { key: d.id, label: formatDay(d.day), values: [f(td?.rewardsDeposited), f(td?.rewardsClaimed)] };
              })}
              series={[
                { name: "Deposited", className: "fill-slate-500" },
                { name: "Paid to holders", className: "fill-brand" },
              ]}
            />
          </section>
        );
      })}
      <OracleFeeds
        feeds={result.data.marketRateFeeds}
        corrections={result.data.marketRateCorrections}
        rewardTokenOf={({ rewardTokenId }) => (rewardTokenId ? tokenOf(deployment.tokens, rewardTokenId) : undefined)}
      />
      <DaoLedger
        allocations={result.data.dmcAllocations}
        parameters={result.data.parameters}
        payouts={result.data.insurancePayouts}
        contracts={deployment.contracts}
        amountLabel={(token, amount) => {
          const isDmc = deployment.dao !== null && token.toLowerCase() === deployment.dao.dmc.toLowerCase();
          const tok = isDmc ? { decimals: 18, symbol: "DMC" } : tokenOf(deployment.tokens, token);
          return `${formatAmount(BigInt(amount), tok.decimals, 2)} ${tok.symbol}`;
        }}
      />
    </div>
  );
}
