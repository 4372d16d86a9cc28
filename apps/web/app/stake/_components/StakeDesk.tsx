"use client";
/**
 * The Stake page's island: NFT staking, the two liquidity-mining pools and the add-liquidity flow. DMC's price comes
 * from the DMC/USDT pair's reserves (USDT at its price in the app's table), other prices from that table.
 */
import { usdWad } from "@dmex/money-math/lending";
import { useAccount } from "wagmi";

import { ConnectPrompt } from "~/components/ConnectPrompt";
import { ErrorBox } from "~/components/ui";
import { quoteTokenOf, useDefi } from "~/hooks/useDefi";
import { usePairs } from "~/hooks/usePairs";
import { formatUsd } from "~/lib/format";
import { dmcUsdWad } from "~/lib/stake/pair";
import { AddLiquidityForm } from "./AddLiquidityForm";
import { LpPoolSection } from "./LpPoolSection";
import { NftStakingSection } from "./NftStakingSection";

export function StakeDesk({ usd, priceSource }: { usd: Readonly<Record<string, number>>; priceSource: string }) {
  const defi = useDefi();
  const { isConnected } = useAccount();
  const dmc = defi.tokens.dmc;
  const pools = defi.lpPools.flatMap((ref) => {
    const quote = quoteTokenOf(defi.tokens, ref.quoteSymbol);
    return quote ? [{ ref, quote }] : [];
  });
  const { states } = usePairs(
    pools.map((p) => ({ pair: p.ref.pair, quoteDecimals: p.quote.decimals })),
    dmc?.address,
  );
  if (defi.positionStaking === null && pools.length === 0)
    return (
      <ErrorBox title="Staking is not deployed">
        This deployment has no PositionStaking or LiquidityMining contract.
      </ErrorBox>
    );
  const usdtIndex = pools.findIndex((p) => p.ref.quoteSymbol === "USDT");
  const usdtPair = usdtIndex < 0 ? undefined : states[usdtIndex];
  const usdtUsd = usd.USDT;
  const dmcPrice = usdtPair && usdtUsd !== undefined ? dmcUsdWad(usdtPair, usdWad(usdtUsd)) : null;
  const priceOf = (symbol: string) => (usd[symbol] === undefined ? null : usdWad(usd[symbol] as number));

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700" data-testid="dmc-price">
        DMC price:{" "}
        {dmcPrice === null
          ? "… (from the DMC/USDT pair)"
          : `${formatUsd(Number(dmcPrice) / 1e18)} from the DMC/USDT pair's reserves`}
        ; other prices: {priceSource}.
      </p>
      {!isConnected && (
        <div className="card space-y-2 text-sm">
          <p>Connect a wallet to stake and see what you earn.</p>
          <ConnectPrompt />
        </div>
      )}
      {defi.positionStaking && <NftStakingSection staking={defi.positionStaking} dmcUsdWad={dmcPrice} usd={usd} />}
      {pools.map((p, i) => (
        <LpPoolSection
          key={p.ref.key}
          pool={p.ref}
          pair={states[i]}
          dmcUsdWad={dmcPrice}
          quoteUsdWad={p.ref.quoteSymbol === "USDT" ? priceOf("USDT") : priceOf(p.quote.symbol)}
        />
      ))}
      {defi.router && dmc && pools.length > 0 && (
        <AddLiquidityForm
          router={defi.router}
          dmc={dmc}
          pairs={pools.map((p, i) => ({ ref: p.ref, quote: p.quote, state: states[i] }))}
        />
      )}
    </div>
  );
}
