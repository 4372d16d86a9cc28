import { formatAmount, formatDay, shortAddress } from "~/lib/format";
import type { MarketRateCorrectionEntity, MarketRateFeedEntity } from "~/lib/graphql/types";
import type { TokenInfo } from "~/services/tokens";

const WAD = 10n ** 18n;

/**
 * The oracle's feeds: per asset, the latest reported day (what a day the oracle is late for is judged
 * against), how many reports and corrections it made, and the latest corrections. A report can be
 * corrected for one hour; deposits are judged only against final reports.
 */
export function OracleFeeds({
  feeds,
  corrections,
  rewardTokenOf,
}: {
  feeds: readonly MarketRateFeedEntity[];
  corrections: readonly MarketRateCorrectionEntity[];
  rewardTokenOf: (feed: { assetId: number; rewardTokenId: string | undefined }) => TokenInfo | undefined;
}) {
  const byAsset = new Map(feeds.map((f) => [f.assetId, f]));
  const rate = (assetId: number, wad: string) => {
    const feed = byAsset.get(assetId);
    const token = rewardTokenOf({ assetId, rewardTokenId: feed?.asset?.rewardTokens[0]?.token.id });
    const unit = feed?.asset?.unitLabel ?? "unit";
    return token ? `${formatAmount(BigInt(wad) / WAD, token.decimals, 8)} ${token.symbol}/${unit}/day` : `${wad} (WAD)`;
  };
  return (
    <section className="card" aria-labelledby="oracle-h">
      <h2 id="oracle-h" className="text-lg font-semibold">
        Market-rate oracle
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        Each day&apos;s network average per hashpower unit, against which every deposit is judged. A report can be
        corrected for one hour and is final afterwards; deposits wait for a final report, and once the oracle is over a
        day late they are judged against its latest one.
      </p>
      {feeds.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No report yet.</p>
      ) : (
        <table className="num mt-3 w-full text-sm" data-testid="oracle-feeds">
          <thead className="text-left text-slate-600">
            <tr>
              <th scope="col">Asset</th>
              <th scope="col">Latest day</th>
              <th scope="col">Its average</th>
              <th scope="col">Reports</th>
              <th scope="col">Corrections</th>
            </tr>
          </thead>
          <tbody>
            {feeds.map((f) => (
              <tr key={f.id}>
                <td>{f.asset?.symbol ?? `asset ${f.assetId}`}</td>
                <td>{f.latestDay > 0 ? formatDay(f.latestDay) : "—"}</td>
                <td>{f.latest ? rate(f.assetId, f.latest.avgRewardPerUnitWad) : "—"}</td>
                <td>{f.reportCount}</td>
                <td>{f.correctionCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {corrections.length > 0 && (
        <>
          <h3 className="mt-4 text-sm font-semibold">Latest corrections</h3>
          <ul className="mt-1 space-y-1 text-sm" data-testid="oracle-corrections">
            {corrections.map((c) => (
              <li key={c.id}>
                {byAsset.get(c.assetId)?.asset?.symbol ?? `asset ${c.assetId}`} {formatDay(c.day)}:{" "}
                {rate(c.assetId, c.oldAvgRewardPerUnitWad)} → {rate(c.assetId, c.newAvgRewardPerUnitWad)} by{" "}
                {shortAddress(c.reporter)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
