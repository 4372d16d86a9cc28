import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { PositionIsland } from "~/components/islands";
import { loadPrices } from "~/lib/prices";

export async function generateMetadata({ params }: { params: Promise<{ tokenId: string }> }): Promise<Metadata> {
  return { title: `Position #${(await params).tokenId}` };
}

export default async function PositionPage({ params }: { params: Promise<{ tokenId: string }> }) {
  const { tokenId } = await params;
  if (!/^\d+$/.test(tokenId)) notFound();
  const prices = await loadPrices();
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-700">
        <Link href="/portfolio" className="underline-offset-2 hover:underline">
          Portfolio
        </Link>{" "}
        / Position #{tokenId}
      </nav>
      <h1 className="text-2xl font-bold">Position #{tokenId}</h1>
      <PositionIsland tokenId={tokenId} usd={prices.usd} />
    </div>
  );
}
