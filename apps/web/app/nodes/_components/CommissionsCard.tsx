"use client";
/**
 * The node's commission per token: earned, claimed, claimable now, and what waits for the fee splitter to fund
 * it (its `distribute` funds owed commission first from the collected fees: the button collects the exchange's
 * accrued fees to it and distributes). Then the on-chain history: referrals (CommissionRecorded), the main
 * node's shares of its light nodes' referrals, and claims.
 */
import { bridgedTokenAbi, hashpowerExchangeAbi, promotionNodesAbi, protocolFeeSplitterAbi } from "@dmex/deployments";
import type { Abi, Address } from "viem";
import { useReadContract, useReadContracts } from "wagmi";

import { useDeployment } from "~/components/DeploymentContext";
import { TxMessage } from "~/components/TxMessage";
import { Empty } from "~/components/ui";
import { useDeployedContract } from "~/hooks/useDeployedContract";
import { useSend } from "~/hooks/useSend";
import { formatToken, shortAddress } from "~/lib/format";
import type { NodeEntity } from "~/lib/graphql/nodesTypes";
import { commissionRow, unfunded, type CommissionFigures, type LedgerFigures } from "~/lib/nodes/commission";
import { utcDateTime } from "~/lib/nodes/node";
import { targetChain } from "~/services/chains";
import { tokenOf, type TokenInfo } from "~/services/tokens";
import type { NodeParams } from "./NodeDesk";

export function CommissionsCard({
  nodes,
  account,
  node,
  params,
}: {
  nodes: Address;
  account: Address;
  node: NodeEntity | null;
  params: NodeParams;
}) {
  const deployment = useDeployment();
  const splitter = useDeployedContract("ProtocolFeeSplitter");
  const exchange = deployment.exchange;
  const { send, busy, message } = useSend();
  const tokens = Object.values(deployment.tokens).filter((t) => t.symbol !== "DMC");
  const c = { address: nodes, abi: promotionNodesAbi, chainId: targetChain.id } as const;
  const reads = useReadContracts({
    allowFailure: true,
    contracts: tokens.flatMap((t) => [
      { ...c, functionName: "commissionOf", args: [account, t.address] } as const,
      { ...c, functionName: "claimable", args: [account, t.address] } as const,
      { ...c, functionName: "ledgerOf", args: [t.address] } as const,
      ...(splitter
        ? [
            {
              address: t.address,
              abi: bridgedTokenAbi,
              functionName: "balanceOf",
              args: [splitter],
              chainId: targetChain.id,
            } as const,
          ]
        : []),
    ]),
    query: { refetchInterval: 4_000 },
  });
  const count = useReadContract({
    address: exchange ?? undefined,
    abi: hashpowerExchangeAbi,
    functionName: "offeringCount",
    chainId: targetChain.id,
    query: { enabled: exchange !== null },
  });
  const ids = Array.from({ length: Number(count.data ?? 0n) }, (_, i) => BigInt(i + 1));
  const offerings = useReadContracts({
    allowFailure: true,
    contracts: exchange
      ? ids.map(
          (id) =>
            ({
              address: exchange,
              abi: hashpowerExchangeAbi,
              functionName: "getOffering",
              args: [id],
              chainId: targetChain.id,
            }) as const,
        )
      : [],
    query: { enabled: exchange !== null && ids.length > 0, refetchInterval: 10_000 },
  });
  const per = splitter ? 4 : 3;
  /** The offerings paying in `t` whose channel fees sit in the exchange, not yet collected to the splitter. */
  const accruedOf = (t: TokenInfo, data: typeof offerings.data): bigint[] =>
    (data ?? []).flatMap((o, k) => {
      if (o.status !== "success") return [];
      const off = o.result as { paymentToken: Address; feesAccrued: bigint };
      return off.paymentToken.toLowerCase() === t.address.toLowerCase() && off.feesAccrued > 0n
        ? [ids[k] as bigint]
        : [];
    });
  const rows = tokens.map((t, i) => {
    const get = <T,>(k: number) => {
      const r = reads.data?.[i * per + k];
      return r?.status === "success" ? (r.result as T) : undefined;
    };
    const commission = get<CommissionFigures>(0);
    const claimable = get<bigint>(1);
    const ledger = get<LedgerFigures>(2);
    const inSplitter = splitter ? get<bigint>(3) : undefined;
    return {
      token: t,
      row: commission !== undefined && claimable !== undefined ? commissionRow(commission, claimable) : undefined,
      ledger,
      inSplitter,
    };
  });
  const shown = rows.filter((r) => r.token.symbol === "USDT" || (r.row !== undefined && r.row.earned > 0n));

  async function fund(t: TokenInfo) {
    if (!splitter) return;
    // Read the accrued fees afresh: a purchase a moment ago must be collected too.
    const accrued = accruedOf(t, (await offerings.refetch()).data);
    if (accrued.length > 0 && exchange) {
      const collected = await send(
        `Collect the exchange's ${t.symbol} fees into the fee splitter`,
        exchange,
        hashpowerExchangeAbi as Abi,
        "collectFees",
        [accrued],
      );
      if (!collected) return;
    }
    await send(
      `Distribute the collected ${t.symbol} fees (funds owed commission first)`,
      splitter,
      protocolFeeSplitterAbi as Abi,
      "distribute",
      [t.address],
    );
    await reads.refetch();
  }

  const fmt = (t: TokenInfo, v: bigint | undefined) =>
    v === undefined ? "…" : formatToken(v, t.decimals, t.symbol, t.decimals > 6 ? 6 : t.decimals);
  const history = [
    ...(node?.referralRecords ?? []).map((r) => ({
      id: r.id,
      ts: Number(r.timestamp),
      token: tokenOf(deployment.tokens, r.token),
      amount: BigInt(r.commission) - BigInt(r.mainShare),
      text: `Referral: ${shortAddress(r.buyer)} paid a fee of ${formatToken(BigInt(r.fee), tokenOf(deployment.tokens, r.token).decimals, tokenOf(deployment.tokens, r.token).symbol)}${BigInt(r.mainShare) > 0n ? ` (main node's share ${formatToken(BigInt(r.mainShare), tokenOf(deployment.tokens, r.token).decimals, tokenOf(deployment.tokens, r.token).symbol)})` : ""}`,
      tx: r.transactionHash,
    })),
    ...(node?.mainShareRecords ?? []).map((r) => ({
      id: `m-${r.id}`,
      ts: Number(r.timestamp),
      token: tokenOf(deployment.tokens, r.token),
      amount: BigInt(r.mainShare),
      text: `Share of light node ${shortAddress(r.node?.id ?? "")}'s referral`,
      tx: r.transactionHash,
    })),
    ...(node?.claims ?? []).map((r) => ({
      id: `c-${r.id}`,
      ts: Number(r.timestamp),
      token: tokenOf(deployment.tokens, r.token),
      amount: -BigInt(r.amount),
      text: `Claimed to ${shortAddress(r.to)}`,
      tx: r.transactionHash,
    })),
  ].sort((a, b) => b.ts - a.ts);

  return (
    <section className="card space-y-3 text-sm" aria-labelledby="commission-h" data-testid="commissions">
      <h2 id="commission-h" className="text-lg font-semibold">
        Commissions
      </h2>
      <p className="text-slate-700">
        {params.commissionBps / 100}% of the fee of every purchase made through your link is recorded for you at the
        sale; it becomes claimable once collected fees fund it (the fee splitter funds owed commission before premiums
        and the buyback).
      </p>
      <table className="w-full text-left">
        <thead className="text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col">Token</th>
            <th scope="col" className="text-right">
              Recorded for you
            </th>
            <th scope="col" className="text-right">
              Claimed
            </th>
            <th scope="col" className="text-right">
              Awaiting funds
            </th>
            <th scope="col" className="text-right">
              Claimable
            </th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {shown.map(({ token: t, row, ledger, inSplitter }) => (
            <tr key={t.address} data-testid={`commission-${t.symbol}`}>
              <td className="py-1">{t.symbol}</td>
              <td
                className="num text-right"
                data-testid={`commission-earned-${t.symbol}`}
                data-value={row?.earned.toString()}
              >
                {fmt(t, row?.earned)}
              </td>
              <td className="num text-right">{fmt(t, row?.claimed)}</td>
              <td className="num text-right">{fmt(t, row?.awaitingFunds)}</td>
              <td
                className="num text-right"
                data-testid={`commission-claimable-${t.symbol}`}
                data-value={row?.claimable.toString()}
              >
                {fmt(t, row?.claimable)}
              </td>
              <td className="space-x-1 text-right">
                {row !== undefined && row.awaitingFunds > 0n && splitter && (
                  <button
                    type="button"
                    className="btn-secondary"
                    disabled={busy}
                    onClick={() => fund(t)}
                    title={`Unfunded in all: ${ledger ? fmt(t, unfunded(ledger)) : "…"}; in the splitter now: ${fmt(t, inSplitter)}`}
                    data-testid={`commission-fund-${t.symbol}`}
                  >
                    Fund from fees
                  </button>
                )}
                <button
                  type="button"
                  className="btn-primary"
                  disabled={busy || row === undefined || row.claimable === 0n}
                  onClick={async () => {
                    await send(
                      `Claim ${fmt(t, row?.claimable)} commission`,
                      nodes,
                      promotionNodesAbi as Abi,
                      "claimCommission",
                      [t.address, account],
                    );
                    await reads.refetch();
                  }}
                  data-testid={`commission-claim-${t.symbol}`}
                >
                  Claim
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.map(
        ({ token: t, ledger }) =>
          ledger && (
            <p key={t.address} className="text-xs text-slate-600">
              All nodes, {t.symbol}: recorded {fmt(t, ledger.recorded)}, funded {fmt(t, ledger.funded)}, paid{" "}
              {fmt(t, ledger.paid)}.
            </p>
          ),
      )}
      <TxMessage message={message} testId="commission-result" />
      <h3 className="font-semibold">History (on-chain)</h3>
      {history.length === 0 ? (
        <Empty>No commission yet: share your referral link.</Empty>
      ) : (
        <ol className="divide-y divide-slate-200" data-testid="commission-history">
          {history.map((h) => (
            <li key={h.id} className="flex justify-between gap-2 py-1">
              <span>
                {h.text}
                <span className="block text-xs text-slate-600">
                  {utcDateTime(h.ts)} · <span className="font-mono">{shortAddress(h.tx)}</span>
                </span>
              </span>
              <span className={`num whitespace-nowrap ${h.amount < 0n ? "text-slate-700" : "text-emerald-800"}`}>
                {h.amount < 0n ? "−" : "+"}
                {formatToken(h.amount < 0n ? -h.amount : h.amount, h.token.decimals, h.token.symbol)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
