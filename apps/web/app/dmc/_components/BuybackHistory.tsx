import { paidOverTwapBps } from "@dmex/money-math/buyback";

import { bpsPercent, formatAmount, formatToken, shortAddress } from "~/lib/format";
import type { BuybackEntity } from "~/lib/graphql/dmcTypes";
import { tokenOf, type TokenMap } from "~/services/tokens";

const when = (s: string) => new Date(Number(s) * 1000).toISOString().slice(0, 16).replace("T", " ");

/** Past conversions: fees converted, DMC bought, the price paid against the TWAP price, the bound kept. */
export function BuybackHistory({ buybacks, tokens }: { buybacks: readonly BuybackEntity[]; tokens: TokenMap }) {
  if (buybacks.length === 0) return <p className="text-slate-700">No buyback has run yet.</p>;
  return (
    <table className="mt-2 w-full text-left" data-testid="buyback-history">
      <caption className="sr-only">Buyback conversions</caption>
      <thead className="text-xs uppercase tracking-wide text-slate-600">
        <tr>
          <th scope="col">When (UTC)</th>
          <th scope="col" className="text-right">
            Fees converted
          </th>
          <th scope="col" className="text-right">
            DMC bought
          </th>
          <th scope="col" className="text-right">
            Price paid
          </th>
          <th scope="col" className="text-right">
            TWAP price
          </th>
          <th scope="col" className="text-right">
            Over TWAP (bound)
          </th>
          <th scope="col">By</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200">
        {buybacks.map((b) => {
          const t = tokenOf(tokens, b.token.id);
          const over = paidOverTwapBps(BigInt(b.dmcOut), BigInt(b.dmcAtTwap));
          // price fields: fee-token base units per whole DMC (amountIn x 1e18 / DMC wei), shown in whole fee tokens
          const price = (perDmc: string) => `${formatAmount(BigInt(perDmc), t.decimals, 6)} ${t.symbol}`;
          return (
            <tr key={b.id} data-testid="buyback-row">
              <td className="num py-1">{when(b.timestamp)}</td>
              <td className="num text-right">{formatToken(BigInt(b.amountIn), t.decimals, t.symbol, 2)}</td>
              <td className="num text-right">{formatToken(BigInt(b.dmcOut), 18, "DMC", 2)}</td>
              <td className="num text-right">{price(b.pricePaidWad)}</td>
              <td className="num text-right">{price(b.twapPriceWad)}</td>
              <td className="num text-right">
                {over === null ? "n/a" : bpsPercent(over)}
                <span className="block text-xs text-slate-600">
                  min {formatToken(BigInt(b.minOut), 18, "DMC", 2)} over {Math.round(Number(b.window) / 60)} min
                </span>
              </td>
              <td className="font-mono text-xs">{shortAddress(b.caller)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
