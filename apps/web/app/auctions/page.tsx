import type { Metadata } from "next";
import Link from "next/link";

import { ErrorBox } from "~/components/ui";
import { dayOf } from "~/lib/days";
import { formatToken, shortAddress } from "~/lib/format";
import { AUCTIONS_QUERY } from "~/lib/graphql/trading";
import type { AuctionsData } from "~/lib/graphql/tradingTypes";
import { fromAuction, primaryPerUnitDayByOffering, sortMarketItems } from "~/lib/trading/market";
import { getAppDeployment } from "~/services/deployment.server";
import { querySubgraph } from "~/services/subgraph.server";
import { tokenOf } from "~/services/tokens";
import { TradeList } from "../_components/TradeList";

export const metadata: Metadata = { title: "Auctions" };

export default async function AuctionsPage() {
  const [deployment, result] = await Promise.all([getAppDeployment(), querySubgraph<AuctionsData>(AUCTIONS_QUERY)]);
  if (result.error !== null) return <ErrorBox title="The auctions cannot load">{result.error}</ErrorBox>;
  const nowSeconds = result.data._meta.block.timestamp ?? Math.floor(Date.now() / 1000);
  const today = dayOf(nowSeconds);
  const open = sortMarketItems(
    result.data.open.map((a) => fromAuction(a, today)),
    "ending",
    "asc",
  );
  const primary = primaryPerUnitDayByOffering(result.data.open.map((a) => a.offering));
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold">Auctions</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">
          English auctions of positions (by their holders) and of new units (by miners, from an approved offering). The
          clock starts at the first bid; each bid beats the last by the minimum increment; a bid in the last 15 minutes
          extends the auction, so nobody wins by sniping. Outbid bids are refunded in full: withdraw them in the auction
          room.
        </p>
      </div>
      <section aria-labelledby="open-h" className="space-y-2">
        <h2 id="open-h" className="text-lg font-semibold">
          Open
        </h2>
        <TradeList
          items={open}
          nowSeconds={nowSeconds}
          tokens={deployment.tokens}
          primaryPerUnitDay={primary}
          caption="Open auctions"
        />
      </section>
      <section aria-labelledby="closed-h" className="space-y-2">
        <h2 id="closed-h" className="text-lg font-semibold">
          Recently closed
        </h2>
        <ul className="card divide-y divide-slate-200 text-sm">
          {result.data.closed.length === 0 && <li className="py-2">None yet.</li>}
          {result.data.closed.map((a) => {
            const pay = tokenOf(deployment.tokens, a.paymentToken.id);
            return (
              <li key={a.id} className="flex flex-wrap justify-between gap-2 py-2">
                <Link className="underline" href={`/auctions/${a.id}`}>
                  {a.kind} auction #{a.id} · {a.units} {a.offering.asset.unitLabel} of #{a.offering.id}{" "}
                  {a.offering.minerName}
                </Link>
                <span className="num">
                  {a.status.toLowerCase()}
                  {a.winner && a.settledAmount
                    ? ` · ${shortAddress(a.winner.id)} for ${formatToken(BigInt(a.settledAmount), pay.decimals, pay.symbol)}`
                    : ""}
                </span>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
