import Link from "next/link";

import { shortAddress } from "~/lib/format";
import { TRADE_SORTS } from "~/lib/trading/market";
import { SORTS, STATUSES, type MarketParams } from "./marketplaceParams";

/** A plain GET form: filters work before (and without) JavaScript. */
export function Filters({
  params,
  assets,
  miners,
  priceSymbol,
}: {
  params: MarketParams;
  assets: { id: string; symbol: string; unitLabel: string }[];
  miners: { id: string; name: string }[];
  priceSymbol: string;
}) {
  return (
    <form
      method="get"
      action="/"
      className="card grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-8"
      aria-label="Filter offerings"
    >
      <div>
        <label htmlFor="f-kind" className="label">
          Offer
        </label>
        <select id="f-kind" name="kind" defaultValue={params.kind} className="input">
          <option value="">All offers</option>
          <option value="primary">Primary sales</option>
          <option value="listing">Listings</option>
          <option value="auction">Auctions</option>
        </select>
      </div>
      <div>
        <label htmlFor="f-asset" className="label">
          Asset
        </label>
        <select id="f-asset" name="asset" defaultValue={params.asset} className="input">
          <option value="">All</option>
          {assets.map((a) => (
            <option key={a.id} value={a.id}>
              {a.symbol} ({a.unitLabel})
            </option>
          ))}
        </select>
      </div>
      <div className="col-span-2 sm:col-span-1 lg:col-span-2">
        <label htmlFor="f-miner" className="label">
          Miner
        </label>
        <select id="f-miner" name="miner" defaultValue={params.miner} className="input">
          <option value="">All</option>
          {miners.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name} ({shortAddress(m.id)})
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-status" className="label">
          Status
        </label>
        <select id="f-status" name="status" defaultValue={params.status} className="input">
          <option value="">Active + flagged</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
          <option value="all">All</option>
        </select>
      </div>
      <div>
        <label htmlFor="f-minPrice" className="label">
          Min price ({priceSymbol})
        </label>
        <input id="f-minPrice" name="minPrice" inputMode="decimal" defaultValue={params.minPrice} className="input" />
      </div>
      <div>
        <label htmlFor="f-maxPrice" className="label">
          Max price ({priceSymbol})
        </label>
        <input id="f-maxPrice" name="maxPrice" inputMode="decimal" defaultValue={params.maxPrice} className="input" />
      </div>
      <div>
        <label htmlFor="f-minDays" className="label">
          Min days left
        </label>
        <input
          id="f-minDays"
          name="minDays"
          inputMode="numeric"
          pattern="[0-9]*"
          defaultValue={params.minDays}
          className="input"
        />
      </div>
      <div>
        <label htmlFor="f-maxDays" className="label">
          Max days left
        </label>
        <input
          id="f-maxDays"
          name="maxDays"
          inputMode="numeric"
          pattern="[0-9]*"
          defaultValue={params.maxDays}
          className="input"
        />
      </div>
      <div>
        <label htmlFor="f-sort" className="label">
          Sort by
        </label>
        <select id="f-sort" name="sort" defaultValue={params.sort} className="input">
          {Object.entries(SORTS).map(([k, s]) => (
            <option key={k} value={k}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-dir" className="label">
          Order
        </label>
        <select id="f-dir" name="dir" defaultValue={params.dir} className="input">
          <option value="desc">Descending</option>
          <option value="asc">Ascending</option>
        </select>
      </div>
      <div>
        <label htmlFor="f-tsort" className="label">
          Sort listings &amp; auctions
        </label>
        <select id="f-tsort" name="tsort" defaultValue={params.tsort || "price"} className="input">
          {Object.entries(TRADE_SORTS).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-tdir" className="label">
          Their order
        </label>
        <select id="f-tdir" name="tdir" defaultValue={params.tdir || "asc"} className="input">
          <option value="asc">Ascending</option>
          <option value="desc">Descending</option>
        </select>
      </div>
      <div className="flex items-end">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="endingSoon" value="1" defaultChecked={params.endingSoon === "1"} />
          Ending within the hour
        </label>
      </div>
      <div className="col-span-2 flex items-end gap-2 sm:col-span-4 lg:col-span-8">
        <button type="submit" className="btn-primary">
          Apply filters
        </button>
        <Link href="/" className="btn-secondary">
          Reset
        </Link>
      </div>
    </form>
  );
}
