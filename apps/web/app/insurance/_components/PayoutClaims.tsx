"use client";
/**
 * Claim a payout on the affected positions: for each executed payout, the account's positions of its offering
 * (claimable, claimed, or waiting while pledged) and one claimPayout for the claimable ones; and the positions
 * pledged to the account's loans, whose payout a foreclosure brings to it.
 */
import { useQuery } from "@apollo/client/react/hooks";
import { mutualInsuranceAbi } from "@dmex/deployments";
import Link from "next/link";
import type { Abi, Address } from "viem";
import { useReadContracts } from "wagmi";

import { TxMessage } from "~/components/TxMessage";
import { useRefetchOnIndexed } from "~/hooks/useRefetchOnIndexed";
import { useSend } from "~/hooks/useSend";
import { formatToken } from "~/lib/format";
import { PAYOUT_POSITIONS_QUERY } from "~/lib/graphql/insurance";
import type { PayoutEntity, PayoutPositionsData } from "~/lib/graphql/insuranceTypes";
import { payoutLines, standingText, type PayoutRecord } from "~/lib/insurance/payouts";
import { utcDateTime } from "~/lib/nodes/node";
import { targetChain } from "~/services/chains";

const dmc = (v: bigint) => formatToken(v, 18, "DMC", 4);

function recordOf(p: PayoutEntity): PayoutRecord {
  return {
    perUnit: BigInt(p.perUnit),
    claimed: BigInt(p.claimed),
    offeringId: Number(p.offering.id),
    claimDeadline: Number(p.claimDeadline),
    total: BigInt(p.total),
    units: Number(p.units),
  };
}

export function PayoutClaims({
  pool,
  account,
  payouts,
  now,
  compact = false,
}: {
  pool: Address;
  account: Address;
  payouts: readonly PayoutEntity[];
  now: number;
  /** The portfolio's form: nothing at all when no position is affected. */
  compact?: boolean;
}) {
  const me = account.toLowerCase();
  const offerings = [...new Set(payouts.map((p) => p.offering.id))];
  const { data, refetch } = useQuery<PayoutPositionsData>(PAYOUT_POSITIONS_QUERY, {
    variables: { owner: me, lender: me, offerings },
    skip: offerings.length === 0,
    pollInterval: 10_000,
  });
  useRefetchOnIndexed(refetch);
  const { send, busy, message } = useSend();
  const pairs = payouts.flatMap((p) =>
    (data?.positions ?? []).filter((pos) => pos.offering.id === p.offering.id).map((pos) => ({ payout: p, pos })),
  );
  const reads = useReadContracts({
    allowFailure: true,
    contracts: pairs.flatMap(({ payout, pos }) => [
      {
        address: pool,
        abi: mutualInsuranceAbi,
        functionName: "claimableOf",
        args: [BigInt(payout.payoutId), BigInt(pos.tokenId)],
        chainId: targetChain.id,
      } as const,
      {
        address: pool,
        abi: mutualInsuranceAbi,
        functionName: "hasClaimed",
        args: [BigInt(payout.payoutId), BigInt(pos.tokenId)],
        chainId: targetChain.id,
      } as const,
    ]),
    query: { enabled: pairs.length > 0, refetchInterval: 4_000 },
  });
  const read = <T,>(i: number) => (reads.data?.[i]?.status === "success" ? (reads.data[i].result as T) : undefined);
  const byPayout = payouts
    .map((p) => {
      const mine = pairs
        .map((x, i) => ({ ...x, i }))
        .filter((x) => x.payout.id === p.id)
        .map((x) => ({
          tokenId: x.pos.tokenId,
          units: BigInt(x.pos.units),
          refundToLocker: x.pos.refundToLocker,
          claimable: read<bigint>(2 * x.i),
          claimed: read<boolean>(2 * x.i + 1),
        }));
      return { payout: p, ...payoutLines(recordOf(p), mine, now) };
    })
    .filter((x) => x.lines.length > 0);
  const lent = (data?.loans ?? []).filter((l) => l.position !== null);

  if (compact && byPayout.length === 0 && lent.length === 0) return null;
  return (
    <section className="card space-y-3 text-sm" aria-labelledby="payout-claims-h" data-testid="payout-claims">
      <h2 id="payout-claims-h" className="text-lg font-semibold">
        Insurance payouts on your positions
      </h2>
      {byPayout.length === 0 && (
        <p className="text-slate-700">None of your positions is in an offering the DAO paid out.</p>
      )}
      {byPayout.map(({ payout, lines, claimIds, claimTotal }) => (
        <div
          key={payout.id}
          className="space-y-2 rounded border border-slate-200 p-3"
          data-testid={`payout-${payout.payoutId}`}
        >
          <p>
            Payout #{payout.payoutId} to the holders of{" "}
            <Link className="underline" href={`/offerings/${payout.offering.id}`}>
              #{payout.offering.id} {payout.offering.minerName}
            </Link>
            : {dmc(BigInt(payout.perUnit))} per {payout.offering.asset.unitLabel}, claimable until{" "}
            {utcDateTime(Number(payout.claimDeadline))}.
          </p>
          <ul className="divide-y divide-slate-200">
            {lines.map((l) => (
              <li
                key={l.tokenId}
                className="flex justify-between gap-2 py-1"
                data-testid={`payout-line-${l.tokenId}`}
                data-standing={l.standing}
              >
                <Link className="underline" href={`/portfolio/${l.tokenId}`}>
                  Position #{l.tokenId}
                </Link>
                <span className="num">{dmc(l.amount)}</span>
                <span className="text-slate-700">{standingText(l.standing)}</span>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="btn-primary"
            disabled={busy || claimIds.length === 0}
            onClick={async () => {
              await send(
                `Claim ${dmc(claimTotal)} insurance payout on ${claimIds.length} position${claimIds.length === 1 ? "" : "s"}`,
                pool,
                mutualInsuranceAbi as Abi,
                "claimPayout",
                [BigInt(payout.payoutId), claimIds],
              );
              await reads.refetch();
            }}
            data-testid={`payout-claim-${payout.payoutId}`}
          >
            Claim {claimTotal > 0n ? dmc(claimTotal) : ""}
          </button>
        </div>
      ))}
      {lent.length > 0 && (
        <div className="space-y-1">
          <h3 className="font-semibold">Positions pledged to your loans</h3>
          <ul className="text-slate-700">
            {lent.map((l) => (
              <li key={l.id}>
                Position #{l.position?.tokenId}: its payout waits in the NFT while the loan runs. Repaid, the borrower
                claims it; foreclosed, the position and its payout are yours.
              </li>
            ))}
          </ul>
        </div>
      )}
      <TxMessage message={message} testId="payout-claim-result" />
    </section>
  );
}
