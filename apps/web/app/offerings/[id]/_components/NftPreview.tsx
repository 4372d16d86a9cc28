"use client";
import { hashpowerExchangeAbi } from "@dmex/deployments";
import { useReadContract } from "wagmi";

import { useExchangeAddress } from "~/components/DeploymentContext";
import { targetChain } from "~/services/chains";

/** Decodes the on-chain `tokenURI` (data:application/json;base64 with an SVG image). */
export function decodeTokenUri(uri: string): { name?: string; image?: string } | null {
  const m = /^data:application\/json;base64,(.+)$/.exec(uri);
  try {
    const json: unknown = JSON.parse(m?.[1] ? atob(m[1]) : uri.replace(/^data:application\/json(;utf8)?,/, ""));
    return typeof json === "object" && json !== null ? (json as { name?: string; image?: string }) : null;
  } catch {
    return null;
  }
}

/** The position NFT card exactly as the chain renders it (PositionRenderer via tokenURI). */
export function NftPreview({ tokenId, caption }: { tokenId: string | null; caption?: string }) {
  const exchange = useExchangeAddress();
  const { data, isLoading, error } = useReadContract({
    address: exchange ?? undefined,
    abi: hashpowerExchangeAbi,
    functionName: "tokenURI",
    args: tokenId ? [BigInt(tokenId)] : undefined,
    chainId: targetChain.id,
    query: { enabled: Boolean(exchange && tokenId) },
  });
  const meta = typeof data === "string" ? decodeTokenUri(data) : null;
  return (
    <section aria-labelledby="nft-h" className="card">
      <h2 id="nft-h" className="text-lg font-semibold">
        Position NFT (on-chain card)
      </h2>
      {tokenId === null ? (
        <p className="mt-2 text-sm text-slate-700">No position exists yet: the first purchase mints one.</p>
      ) : isLoading ? (
        <div role="status" className="skeleton mt-3 aspect-[5/7] w-full">
          <span className="sr-only">Loading the card…</span>
        </div>
      ) : error || !meta?.image ? (
        <p className="mt-2 text-sm text-slate-700">The card could not be read from the chain.</p>
      ) : (
        <figure className="mt-3">
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URI from the chain */}
          <img
            src={meta.image}
            alt={`On-chain card of position #${tokenId}`}
            className="w-full rounded"
            width={350}
            height={490}
          />
          <figcaption className="mt-1 text-xs text-slate-600">
            {meta.name ?? `Position #${tokenId}`}, rendered by the contract;{" "}
            {caption ?? "an example from this offering."}
          </figcaption>
        </figure>
      )}
    </section>
  );
}
