"use client";
/**
 * The miner desk's primary auctions: auction units of an active offering whose sale is open (the units are
 * reserved from its supply at once, released if nobody bids), see the reserved units and the auctions, with
 * their settled amounts entering the offering's escrow like a fixed-price sale.
 */
import { useQuery } from "@apollo/client/react/hooks";
import { hashpowerExchangeAbi, positionAuctionsAbi } from "@dmex/deployments";
import Link from "next/link";
import { useState } from "react";
import type { Abi } from "viem";
import { useAccount, useReadContracts } from "wagmi";

import { useDeployment, useTrading } from "~/components/DeploymentContext";
import { ErrorBox } from "~/components/ui";
import { useRefetchOnIndexed } from "~/hooks/useRefetchOnIndexed";
import { useTickingChainNow } from "~/hooks/useTickingChainNow";
import { useTx } from "~/hooks/useTx";
import { validateUnits } from "~/lib/amount";
import { formatToken } from "~/lib/format";
import type { OfferingEntity } from "~/lib/graphql/types";
import { MINER_AUCTIONS_QUERY } from "~/lib/graphql/trading";
import type { MinerAuctionsData } from "~/lib/graphql/tradingTypes";
import { checkPrimaryDuration, validateDurationHours, validateReserve } from "~/lib/trading/forms";
import { targetChain } from "~/services/chains";
import { tokenOf } from "~/services/tokens";

export function PrimaryAuctions({ offerings }: { offerings: readonly OfferingEntity[] }) {
  const trading = useTrading();
  const deployment = useDeployment();
  const { address } = useAccount();
  const now = useTickingChainNow();
  const { data, error, refetch } = useQuery<MinerAuctionsData>(MINER_AUCTIONS_QUERY, {
    variables: { miner: address?.toLowerCase() ?? "" },
    skip: !address || trading === null,
    pollInterval: 10_000,
  });
  useRefetchOnIndexed(refetch);
  const exchange = deployment.exchange;
  const reserved = useReadContracts({
    allowFailure: true,
    contracts: exchange
      ? offerings.map(
          (o) =>
            ({
              address: exchange,
              abi: hashpowerExchangeAbi,
              functionName: "reservedUnits",
              args: [BigInt(o.id)],
              chainId: targetChain.id,
            }) as const,
        )
      : [],
    query: { enabled: exchange !== null && offerings.length > 0, refetchInterval: 5_000 },
  });
  if (trading === null || offerings.length === 0) return null;
  if (error) return <ErrorBox title="Your auctions cannot load">{error.message}</ErrorBox>;
  const nowSeconds = now ?? Math.floor(Date.now() / 1000);
  const auctions = data?.auctions ?? [];
  return (
    <section aria-labelledby="primary-auctions-h" className="space-y-3" data-testid="primary-auctions">
      <h2 id="primary-auctions-h" className="text-lg font-semibold">
        Primary auctions
      </h2>
      <p className="max-w-3xl text-sm text-slate-700">
        Auction units of an active offering instead of selling them at the fixed price. They are reserved from the sale
        at once (so it cannot oversell them) and go back to it if nobody bids; the winning bid enters the
        offering&apos;s daily-release escrow exactly like a purchase, less the channel fee. An auction must be able to
        run its whole duration before the sale closes.
      </p>
      <ul className="grid gap-4 lg:grid-cols-2">
        {offerings.map((o, i) => {
          const r = reserved.data?.[i];
          const pay = tokenOf(deployment.tokens, o.paymentToken.id);
          const units = r?.status === "success" ? (r.result as bigint) : undefined;
          return (
            <li key={o.id} className="card space-y-2 text-sm" data-testid={`primary-auction-offering-${o.id}`}>
              <h3 className="font-semibold">
                <Link className="underline" href={`/offerings/${o.id}`}>
                  Offering #{o.id}
                </Link>{" "}
                · {o.minerName}
              </h3>
              <p className="num">
                <span data-testid={`reserved-units-${o.id}`}>
                  Reserved for auctions: {units === undefined ? "…" : units.toString()} {o.asset.unitLabel}
                </span>{" "}
                · escrowed (net, auctions included):{" "}
                <span data-testid={`escrow-net-${o.id}`}>
                  {formatToken(BigInt(o.totalNet), pay.decimals, pay.symbol)}
                </span>
              </p>
              <NewPrimaryAuction
                offering={o}
                nowSeconds={nowSeconds}
                reserved={units ?? 0n}
                onDone={() => void refetch()}
              />
              <ul className="divide-y divide-slate-200">
                {auctions
                  .filter((a) => a.offering.id === o.id)
                  .map((a) => {
                    const pay = tokenOf(deployment.tokens, a.paymentToken.id);
                    return (
                      <li key={a.id} className="py-1">
                        <Link className="underline" href={`/auctions/${a.id}`}>
                          Auction #{a.id}
                        </Link>{" "}
                        · {a.units} units · {a.status.toLowerCase()}
                        {a.status === "Settled"
                          ? a.winner
                            ? ` · sold for ${formatToken(BigInt(a.settledAmount ?? "0"), pay.decimals, pay.symbol)} into escrow`
                            : " · no bid: units released"
                          : a.leadingBid
                            ? ` · leading ${formatToken(BigInt(a.leadingBid), pay.decimals, pay.symbol)}`
                            : " · no bid yet"}
                      </li>
                    );
                  })}
              </ul>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function NewPrimaryAuction({
  offering: o,
  nowSeconds,
  reserved,
  onDone,
}: {
  offering: OfferingEntity;
  nowSeconds: number;
  reserved: bigint;
  onDone: () => void;
}) {
  const trading = useTrading();
  const deployment = useDeployment();
  const { run } = useTx();
  const pay = tokenOf(deployment.tokens, o.paymentToken.id);
  const [units, setUnits] = useState("10");
  const [reserve, setReserve] = useState("");
  const [hours, setHours] = useState("24");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const saleOpen = o.status === "Active" && nowSeconds >= Number(o.saleStart) && nowSeconds < Number(o.saleEnd);
  if (!saleOpen) return <p className="text-slate-700">Its sale is not open (or it is not active): no new auction.</p>;
  const available = BigInt(o.unitsTotal) - BigInt(o.unitsSold) - reserved;
  const unitsCheck = validateUnits(units, available);
  const reserveCheck = validateReserve(reserve, pay.decimals);
  const durationCheck = validateDurationHours(hours);
  const fits = durationCheck.ok ? checkPrimaryDuration(durationCheck.value, nowSeconds, Number(o.saleEnd)) : null;
  const ok = unitsCheck.ok && reserveCheck.ok && durationCheck.ok && fits === null;

  async function create() {
    if (!trading || !unitsCheck.ok || !reserveCheck.ok || !durationCheck.ok) return;
    setBusy(true);
    setMessage(null);
    const label = `Auction ${unitsCheck.value} units of offering #${o.id}`;
    const r = await run({
      label,
      call: {
        address: trading.auctions,
        abi: positionAuctionsAbi as Abi,
        functionName: "createPrimaryAuction",
        args: [BigInt(o.id), unitsCheck.value, reserveCheck.value, durationCheck.value],
      },
    });
    setMessage(r.ok ? { ok: true, text: `${label}: done.` } : { ok: false, text: r.error });
    setBusy(false);
    if (r.ok) onDone();
  }

  return (
    <form
      className="grid grid-cols-3 gap-2"
      aria-label={`Auction units of offering #${o.id}`}
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <div>
        <label className="label" htmlFor={`pa-units-${o.id}`}>
          Units
        </label>
        <input
          id={`pa-units-${o.id}`}
          className="input"
          inputMode="numeric"
          value={units}
          onChange={(e) => setUnits(e.target.value)}
        />
      </div>
      <div>
        <label className="label" htmlFor={`pa-reserve-${o.id}`}>
          Reserve ({pay.symbol}, all units)
        </label>
        <input
          id={`pa-reserve-${o.id}`}
          className="input"
          inputMode="decimal"
          value={reserve}
          onChange={(e) => setReserve(e.target.value)}
        />
      </div>
      <div>
        <label className="label" htmlFor={`pa-hours-${o.id}`}>
          Hours after the first bid
        </label>
        <input
          id={`pa-hours-${o.id}`}
          className="input"
          inputMode="numeric"
          value={hours}
          onChange={(e) => setHours(e.target.value)}
        />
      </div>
      <p className="col-span-3 text-xs text-red-800">
        {!unitsCheck.ok
          ? unitsCheck.error
          : reserve !== "" && !reserveCheck.ok
            ? reserveCheck.error
            : !durationCheck.ok
              ? durationCheck.error
              : (fits ?? "")}
      </p>
      <button
        type="submit"
        className="btn-secondary col-span-3"
        disabled={busy || !ok}
        data-testid={`primary-auction-submit-${o.id}`}
      >
        Start primary auction
      </button>
      {message && (
        <p
          role={message.ok ? "status" : "alert"}
          className={`col-span-3 ${message.ok ? "text-emerald-800" : "text-red-800"}`}
        >
          {message.text}
        </p>
      )}
    </form>
  );
}
