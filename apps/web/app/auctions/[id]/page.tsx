import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { AuctionRoomIsland } from "~/components/islands";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `Auction #${(await params).id}` };
}

export default async function AuctionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d+$/.test(id)) notFound();
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-700">
        <Link href="/auctions" className="underline-offset-2 hover:underline">
          Auctions
        </Link>{" "}
        / Auction #{id}
      </nav>
      <h1 className="text-2xl font-bold">Auction #{id}</h1>
      <AuctionRoomIsland auctionId={id} />
    </div>
  );
}
