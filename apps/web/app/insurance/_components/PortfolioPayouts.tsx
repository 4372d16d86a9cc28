"use client";
/** The portfolio's (and a position page's) insurance payouts to claim: shown only when a position is affected. */
import { useQuery } from "@apollo/client/react/hooks";
import { useAccount } from "wagmi";

import { useDeployedContract } from "~/hooks/useDeployedContract";
import { useRefetchOnIndexed } from "~/hooks/useRefetchOnIndexed";
import { useTickingChainNow } from "~/hooks/useTickingChainNow";
import { OPEN_PAYOUTS_QUERY } from "~/lib/graphql/insurance";
import type { OpenPayoutsData } from "~/lib/graphql/insuranceTypes";
import { PayoutClaims } from "./PayoutClaims";

export function PortfolioPayouts({ offeringId }: { offeringId?: string }) {
  const pool = useDeployedContract("MutualInsurance");
  const { address } = useAccount();
  const now = useTickingChainNow();
  const { data, refetch } = useQuery<OpenPayoutsData>(OPEN_PAYOUTS_QUERY, {
    skip: pool === null,
    pollInterval: 15_000,
  });
  useRefetchOnIndexed(refetch);
  if (pool === null || address === undefined || now === undefined) return null;
  const payouts = (data?.insurancePoolPayouts ?? []).filter(
    (p) => offeringId === undefined || p.offering.id === offeringId,
  );
  if (payouts.length === 0) return null;
  return <PayoutClaims pool={pool} account={address} payouts={payouts} now={now} compact />;
}
