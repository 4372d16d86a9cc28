"use client";
/**
 * The fee buyback, live from the chain per fee token: what it holds, the fees waiting in the splitter, its price
 * checkpoints and whether a conversion can go through now (lib/dmc/buyback), what it would do (`quote`), and the
 * buttons anyone may press: distribute the splitter's fees, record a checkpoint (`observe`), run the buyback
 * (`convert`). A refusal is explained before the wallet asks (useTx simulates; lib/errors decodes Buyback_*).
 */
import { bridgedTokenAbi, feeBuybackAbi, protocolFeeSplitterAbi } from "@dmex/deployments";
import { paidOverTwapBps } from "@dmex/money-math/buyback";
import type { Abi, Address } from "viem";
import { useAccount, useReadContracts } from "wagmi";

import { useSendAction } from "~/hooks/useSendAction";
import { useTickingChainNow } from "~/hooks/useTickingChainNow";
import { buybackReadiness } from "~/lib/dmc/buyback";
import { explainError } from "~/lib/errors";
import { bpsPercent, formatToken } from "~/lib/format";
import { targetChain } from "~/services/chains";
import type { TokenInfo } from "~/services/tokens";
import { TxMessage } from "~/app/stake/_components/TxMessage";

const buybackAbi = feeBuybackAbi as Abi;
const splitterAbi = protocolFeeSplitterAbi as Abi;
const erc20 = bridgedTokenAbi as Abi;
const dmc = (v: bigint) => formatToken(v, 18, "DMC", 4);

export function BuybackPanel({
  buyback,
  splitter,
  tokens,
}: {
  buyback: Address;
  splitter: Address | null;
  tokens: readonly TokenInfo[];
}) {
  const { address } = useAccount();
  const now = useTickingChainNow();
  const { send, busy, message } = useSendAction();
  const perToken = tokens.flatMap((t) => [
    { address: buyback, abi: buybackAbi, functionName: "markets", args: [t.address], chainId: targetChain.id },
    { address: buyback, abi: buybackAbi, functionName: "totals", args: [t.address], chainId: targetChain.id },
    { address: t.address, abi: erc20, functionName: "balanceOf", args: [buyback], chainId: targetChain.id },
    { address: t.address, abi: erc20, functionName: "balanceOf", args: [splitter ?? buyback], chainId: targetChain.id },
    { address: buyback, abi: buybackAbi, functionName: "quote", args: [t.address], chainId: targetChain.id },
  ]);
  const reads = useReadContracts({
    allowFailure: true,
    contracts: [
      { address: buyback, abi: buybackAbi, functionName: "parameters", chainId: targetChain.id },
      { address: buyback, abi: buybackAbi, functionName: "totalDmcBought", chainId: targetChain.id },
      ...perToken,
    ],
    query: { refetchInterval: 5_000 },
  });
  const ok = (i: number) => (reads.data?.[i]?.status === "success" ? reads.data[i].result : undefined);
  const params = ok(0) as readonly [number, number, number, number] | undefined;
  const totalBought = ok(1) as bigint | undefined;

  async function act(label: string, target: Address, abi: Abi, fn: string, token: Address) {
    await send(label, target, abi, fn, [token]);
    void reads.refetch();
  }

  return (
    <section className="card space-y-3 text-sm" aria-labelledby="buyback-h" data-testid="buyback-panel">
      <h2 id="buyback-h" className="text-lg font-semibold">
        Fee buyback
      </h2>
      <p className="text-slate-700">
        The protocol&apos;s fees (the 5% channel fee and the 2% trading and DeFi fees) go to the fee splitter; after
        node commissions and insurance premiums the rest buys DMC on the pair, and the DMC returns to the
        behaviour-mining bucket that pays users&apos; trading rewards. Anyone may run it. It never pays more than the
        pair&apos;s time-weighted price (TWAP) of the last{" "}
        {params ? `${Math.round(params[2] / 60)} minutes or more` : "30 minutes or more"} allows, less{" "}
        {params ? bpsPercent(params[0]) : "1%"}, and swaps at most {params ? bpsPercent(params[1]) : "0.2%"} of the
        pair&apos;s reserve per call, so moving the price around a call (a sandwich) loses money.
      </p>
      <p data-testid="buyback-total">DMC bought in all: {totalBought === undefined ? "…" : dmc(totalBought)}</p>
      {tokens.map((t, i) => {
        const base = 2 + 5 * i;
        const market = ok(base) as readonly [Address, boolean, number, number] | undefined;
        const totals = ok(base + 1) as readonly [bigint, bigint, bigint, bigint] | undefined;
        const held = ok(base + 2) as bigint | undefined;
        const waiting = splitter ? (ok(base + 3) as bigint | undefined) : undefined;
        const quoteRead = reads.data?.[base + 4];
        const quote =
          quoteRead?.status === "success" ? (quoteRead.result as readonly [bigint, bigint, bigint, bigint]) : undefined;
        const refusal = quoteRead?.status === "failure" ? explainError(quoteRead.error).message : null;
        if (market === undefined || params === undefined || held === undefined || now === undefined)
          return <div key={t.address} className="skeleton h-24 w-full" aria-hidden="true" />;
        if (market[0] === "0x0000000000000000000000000000000000000000") return null;
        const readiness = buybackReadiness({
          pair: market[0],
          prevTimestamp: market[2],
          lastTimestamp: market[3],
          minWindow: params[2],
          maxAge: params[3],
          maxSlippageBps: params[0],
          maxInputBps: params[1],
          balance: held,
          now,
        });
        const over = quote ? paidOverTwapBps(quote[1], quote[2]) : null;
        return (
          <div
            key={t.address}
            className="space-y-2 rounded border border-slate-200 p-3"
            data-testid={`buyback-${t.symbol}`}
          >
            <h3 className="font-semibold">{t.symbol} fees to DMC</h3>
            <dl className="num grid grid-cols-2 gap-2 sm:grid-cols-4">
              <div>
                <dt className="text-slate-600">Held by the buyback</dt>
                <dd data-testid={`buyback-held-${t.symbol}`}>{formatToken(held, t.decimals, t.symbol, 2)}</dd>
              </div>
              <div>
                <dt className="text-slate-600">Waiting in the splitter</dt>
                <dd>{waiting === undefined ? "…" : formatToken(waiting, t.decimals, t.symbol, 2)}</dd>
              </div>
              <div>
                <dt className="text-slate-600">Converted so far</dt>
                <dd>
                  {totals ? `${formatToken(totals[0], t.decimals, t.symbol, 2)} → ${dmc(totals[1])}` : "…"}
                  {totals && <span className="block text-xs text-slate-600">{totals[3].toString()} conversions</span>}
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">Last checkpoint</dt>
                <dd>
                  {market[3] === 0
                    ? "none"
                    : `${new Date(market[3] * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC`}
                </dd>
              </div>
            </dl>
            <p data-testid={`buyback-readiness-${t.symbol}`} data-kind={readiness.kind}>
              {readiness.text}
            </p>
            {quote && (
              <p className="num text-slate-700" data-testid={`buyback-quote-${t.symbol}`}>
                Now it would swap {formatToken(quote[0], t.decimals, t.symbol, 4)} for {dmc(quote[1])}: worth{" "}
                {dmc(quote[2])} at the TWAP, bound {dmc(quote[3])}
                {over !== null &&
                  ` (paying ${bpsPercent(over)} over the TWAP price: the pair's 0.3% fee and the price impact)`}
                .
              </p>
            )}
            {refusal && readiness.kind === "ready" && <p className="text-amber-800">It would revert now: {refusal}</p>}
            <div className="flex flex-wrap gap-2">
              {splitter && waiting !== undefined && waiting > 0n && (
                <button
                  type="button"
                  className="btn-secondary"
                  disabled={busy || !address}
                  onClick={() => act(`Distribute ${t.symbol} fees`, splitter, splitterAbi, "distribute", t.address)}
                  data-testid={`buyback-distribute-${t.symbol}`}
                >
                  Distribute fees
                </button>
              )}
              {(readiness.kind === "observe" || (market[3] !== 0 && now - market[3] >= params[2])) && (
                <button
                  type="button"
                  className="btn-secondary"
                  disabled={busy || !address}
                  onClick={() =>
                    act(`Record a ${t.symbol} price checkpoint`, buyback, buybackAbi, "observe", t.address)
                  }
                  data-testid={`buyback-observe-${t.symbol}`}
                >
                  Record price checkpoint
                </button>
              )}
              <button
                type="button"
                className="btn-primary"
                disabled={busy || !address}
                onClick={() => act(`Run the ${t.symbol} buyback`, buyback, buybackAbi, "convert", t.address)}
                data-testid={`buyback-run-${t.symbol}`}
              >
                Run buyback
              </button>
            </div>
          </div>
        );
      })}
      {!address && <p>Connect a wallet to run the buyback (anyone may).</p>}
      <TxMessage message={message} testId="buyback-message" />
    </section>
  );
}
