"use client";
import { useQuery } from "@apollo/client/react/hooks";
import Link from "next/link";
import { useAccount } from "wagmi";

import { ConnectPrompt } from "~/components/ConnectPrompt";
import { Empty, ErrorBox, SkeletonRows } from "~/components/ui";
import { useRefetchOnIndexed } from "~/hooks/useRefetchOnIndexed";
import { useChainNow } from "~/hooks/useChainNow";
import { MINER_QUERY } from "~/lib/graphql/queries";
import type { MinerData } from "~/lib/graphql/types";
import { thresholdsOf } from "~/lib/offering";
import { MinerApplications } from "./MinerApplications";
import { MinerOfferingCard } from "./MinerOfferingCard";
import { PrimaryAuctions } from "./PrimaryAuctions";

export function MinerDesk() {
  const { address, isConnected } = useAccount();
  const { day } = useChainNow();
  const { data, loading, error, refetch } = useQuery<MinerData>(MINER_QUERY, {
    variables: { miner: address?.toLowerCase() ?? "" },
    skip: !address,
    pollInterval: 10_000,
  });
  useRefetchOnIndexed(refetch);
  if (!isConnected) {
    return (
      <div className="card space-y-2 text-sm">
        <p>Connect the miner&apos;s wallet.</p>
        <ConnectPrompt />
      </div>
    );
  }
  if (error) return <ErrorBox title="Your offerings cannot load">{error.message}</ErrorBox>;
  if ((loading && !data) || day === undefined) return <SkeletonRows rows={3} />;
  const offerings = data?.offerings ?? [];
  const mine = new Set(offerings.map((o) => o.id));
  const depositorOf = (data?.depositorOf ?? []).map((d) => d.offering).filter((o) => !mine.has(o.id));
  const t = thresholdsOf(data?.protocols[0]);
  return (
    <div className="space-y-6">
      {depositorOf.length > 0 && (
        <section aria-labelledby="depositor-h" className="space-y-2">
          <h2 id="depositor-h" className="text-lg font-semibold">
            Offerings you deposit for
          </h2>
          <ul className="grid gap-4 lg:grid-cols-2" aria-labelledby="depositor-h">
            {depositorOf.map((o) => (
              <MinerOfferingCard
                key={o.id}
                offering={o}
                today={day}
                thresholds={t}
                marketRates={data?.marketRates ?? []}
                role="depositor"
              />
            ))}
          </ul>
        </section>
      )}
      {offerings.length === 0 ? (
        <Empty>
          This account is not the miner of any offering. Offerings are created when DMC holders approve a miner&apos;s
          application;{" "}
          <Link className="underline" href="/miner/apply">
            apply
          </Link>{" "}
          or{" "}
          <Link className="underline" href="/">
            see the marketplace
          </Link>
          .
        </Empty>
      ) : (
        <ul className="grid gap-4 lg:grid-cols-2" aria-label="Your offerings">
          {offerings.map((o) => (
            <MinerOfferingCard
              key={o.id}
              offering={o}
              today={day}
              thresholds={t}
              marketRates={data?.marketRates ?? []}
              role="miner"
            />
          ))}
        </ul>
      )}
      {offerings.length > 0 && <PrimaryAuctions offerings={offerings} />}
      {address && <MinerApplications miner={address} />}
    </div>
  );
}
