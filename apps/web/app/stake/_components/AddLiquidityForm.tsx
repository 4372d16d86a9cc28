"use client";
/**
 * Add liquidity through UniswapV2Router02: DMC and the pair's other token at the pair's ratio, both approved to the
 * router (exact amounts), `addLiquidity` with slippage minimums and a deadline 20 minutes after the chain's clock.
 * Amounts are checked with each token's decimals (USDT 6, DMC and IFIL 18) and against the balances before sending.
 */
import { bridgedTokenAbi, uniswapV2Router02Abi } from "@dmex/deployments";
import { useState } from "react";
import type { Abi, Address } from "viem";
import { useAccount, useReadContracts } from "wagmi";

import { LabeledInput } from "~/components/ui";
import { useSendAction } from "~/hooks/useSendAction";
import { useTickingChainNow } from "~/hooks/useTickingChainNow";
import { formatAmount, formatToken } from "~/lib/format";
import type { LpPoolRef } from "~/lib/stake/contracts";
import { addLiquidityArgs, DEFAULT_SLIPPAGE_BPS, planLiquidity, quoteForDmc } from "~/lib/stake/liquidity";
import type { PairState } from "~/lib/stake/pair";
import { targetChain } from "~/services/chains";
import type { TokenInfo } from "~/services/tokens";
import { TxMessage } from "./TxMessage";

const erc20 = bridgedTokenAbi as Abi;
const plain = (v: bigint, decimals: number) => formatAmount(v, decimals, decimals).replace(/,/g, "");

export interface LiquidityPair {
  readonly ref: LpPoolRef;
  readonly state: PairState | undefined;
  readonly quote: TokenInfo;
}

export function AddLiquidityForm({
  router,
  dmc,
  pairs,
}: {
  router: Address;
  dmc: TokenInfo;
  pairs: readonly LiquidityPair[];
}) {
  const { address } = useAccount();
  const now = useTickingChainNow();
  const { send, busy, message } = useSendAction();
  const [key, setKey] = useState(pairs[0]?.ref.key ?? "dmc-usdt");
  const [dmcText, setDmcText] = useState("");
  const [quoteText, setQuoteText] = useState("");
  const [slippageText, setSlippageText] = useState(formatAmount(DEFAULT_SLIPPAGE_BPS, 2, 2));
  const chosen = pairs.find((p) => p.ref.key === key) ?? pairs[0];
  const quote = chosen?.quote;
  const reads = useReadContracts({
    allowFailure: true,
    contracts:
      address && quote
        ? [
            { address: dmc.address, abi: erc20, functionName: "balanceOf", args: [address], chainId: targetChain.id },
            { address: quote.address, abi: erc20, functionName: "balanceOf", args: [address], chainId: targetChain.id },
            {
              address: dmc.address,
              abi: erc20,
              functionName: "allowance",
              args: [address, router],
              chainId: targetChain.id,
            },
            {
              address: quote.address,
              abi: erc20,
              functionName: "allowance",
              args: [address, router],
              chainId: targetChain.id,
            },
          ]
        : [],
    query: { enabled: Boolean(address && quote), refetchInterval: 4_000 },
  });
  if (!chosen || !quote) return null;
  const value = (i: number) => (reads.data?.[i]?.status === "success" ? (reads.data[i].result as bigint) : undefined);
  const [dmcBalance, quoteBalance, dmcAllowance, quoteAllowance] = [value(0), value(1), value(2), value(3)];
  const pair = chosen.state;
  const check =
    pair && now !== undefined && address
      ? planLiquidity({
          dmcText,
          quoteText,
          slippageText,
          quoteSymbol: quote.symbol,
          quoteDecimals: quote.decimals,
          dmcBalance,
          quoteBalance,
          pair,
          now: BigInt(now),
        })
      : null;
  const plan = check?.ok ? check.plan : null;
  const allowancesKnown = dmcAllowance !== undefined && quoteAllowance !== undefined;
  const needDmc = plan !== null && dmcAllowance !== undefined && dmcAllowance < plan.dmcDesired;
  const needQuote = plan !== null && quoteAllowance !== undefined && quoteAllowance < plan.quoteDesired;

  function onDmc(text: string) {
    setDmcText(text);
    if (!pair) return;
    const parsed = /^\d*\.?\d*$/.test(text.trim()) && text.trim() !== "" ? text.trim() : null;
    if (parsed === null || (parsed.split(".")[1]?.length ?? 0) > 18) return;
    const [w = "", f = ""] = parsed.split(".");
    const wei = BigInt((w || "0") + f.padEnd(18, "0"));
    const q = quoteForDmc(wei, pair);
    if (q !== null) setQuoteText(plain(q, quote?.decimals ?? 18));
  }

  async function approve(token: TokenInfo, amount: bigint) {
    await send(
      `Approve ${formatToken(amount, token.decimals, token.symbol)} for the Uniswap router`,
      token.address,
      erc20,
      "approve",
      [router, amount],
    );
    void reads.refetch();
  }
  async function add() {
    if (!plan || !address || !quote) return;
    const ok = await send(
      `Add ${formatToken(plan.dmcUsed, 18, "DMC", 2)} + ${formatToken(plan.quoteUsed, quote.decimals, quote.symbol, 2)} liquidity`,
      router,
      uniswapV2Router02Abi as Abi,
      "addLiquidity",
      addLiquidityArgs(plan, dmc.address, quote.address, address),
    );
    if (ok) {
      setDmcText("");
      setQuoteText("");
    }
    void reads.refetch();
  }

  const fieldError = (field: "dmc" | "quote" | "slippage") =>
    check && !check.ok && check.field === field && (field !== "dmc" || dmcText !== "") ? check.error : null;

  return (
    <section className="card space-y-3 text-sm" aria-labelledby="add-liquidity-h" data-testid="add-liquidity">
      <h2 id="add-liquidity-h" className="text-lg font-semibold">
        Add liquidity
      </h2>
      <p className="text-slate-700">
        Deposit DMC and {pairs.map((p) => p.quote.symbol).join(" or ")} into the Uniswap V2 pair at its current price
        through the router; you receive LP tokens to stake above. The router takes both amounts at the pair&apos;s ratio
        and refuses if the price moved beyond your slippage or the transaction is mined after its 20-minute deadline.
      </p>
      <div className="flex flex-wrap gap-4">
        <fieldset className="space-y-1">
          <legend className="label">Pair</legend>
          {pairs.map((p) => (
            <label key={p.ref.key} className="mr-3 inline-flex items-center gap-1">
              <input
                type="radio"
                name="lp-pair"
                value={p.ref.key}
                checked={p.ref.key === chosen.ref.key}
                onChange={() => setKey(p.ref.key)}
              />
              {p.ref.label}
            </label>
          ))}
        </fieldset>
      </div>
      {pair && (
        <p className="num text-slate-700" data-testid="liquidity-reserves">
          Reserves: {formatToken(pair.reserveDmc, 18, "DMC", 2)} and{" "}
          {formatToken(pair.reserveQuote, quote.decimals, quote.symbol, 2)}
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        <div>
          <LabeledInput id="liquidity-dmc" label="DMC" value={dmcText} onChange={onDmc} />
          <p className="text-xs text-slate-600">
            Balance {dmcBalance === undefined ? "…" : formatToken(dmcBalance, 18, "DMC", 2)}
          </p>
          {fieldError("dmc") && (
            <p className="text-red-800" data-testid="liquidity-dmc-error">
              {fieldError("dmc")}
            </p>
          )}
        </div>
        <div>
          <LabeledInput id="liquidity-quote" label={quote.symbol} value={quoteText} onChange={setQuoteText} />
          <p className="text-xs text-slate-600">
            Balance {quoteBalance === undefined ? "…" : formatToken(quoteBalance, quote.decimals, quote.symbol, 2)}
          </p>
          {fieldError("quote") && (
            <p className="text-red-800" data-testid="liquidity-quote-error">
              {fieldError("quote")}
            </p>
          )}
        </div>
        <div>
          <LabeledInput id="liquidity-slippage" label="Slippage (%)" value={slippageText} onChange={setSlippageText} />
          {fieldError("slippage") && <p className="text-red-800">{fieldError("slippage")}</p>}
        </div>
      </div>
      {plan && (
        <p className="num text-slate-700" data-testid="liquidity-plan">
          The router takes {formatToken(plan.dmcUsed, 18, "DMC", 4)} +{" "}
          {formatToken(plan.quoteUsed, quote.decimals, quote.symbol, 4)} (at least{" "}
          {formatToken(plan.dmcMin, 18, "DMC", 4)} + {formatToken(plan.quoteMin, quote.decimals, quote.symbol, 4)} after{" "}
          {formatAmount(plan.slippageBps, 2, 2)}% slippage), for about {formatAmount(plan.lpExpected, 18, 6)} LP;
          deadline {new Date(Number(plan.deadline) * 1000).toISOString().slice(11, 16)} UTC.
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {plan && needDmc && (
          <button
            type="button"
            className="btn-secondary"
            disabled={busy}
            onClick={() => approve(dmc, plan.dmcDesired)}
            data-testid="liquidity-approve-dmc"
          >
            Approve DMC
          </button>
        )}
        {plan && needQuote && (
          <button
            type="button"
            className="btn-secondary"
            disabled={busy}
            onClick={() => approve(quote, plan.quoteDesired)}
            data-testid="liquidity-approve-quote"
          >
            Approve {quote.symbol}
          </button>
        )}
        <button
          type="button"
          className="btn-primary"
          disabled={busy || !plan || !allowancesKnown || needDmc || needQuote}
          onClick={add}
          data-testid="liquidity-add"
        >
          Add liquidity
        </button>
      </div>
      <TxMessage message={message} testId="liquidity-message" />
    </section>
  );
}
