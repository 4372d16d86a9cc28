"use client";
/** The islands of the Nodes and Insurance pages (issue 13), loaded on the client as those of ./islands.tsx. */
import dynamic from "next/dynamic";

import { gated } from "./islands";
import { SkeletonRows } from "./ui";

const NodeDeskLazy = dynamic(
  () =>
    Promise.all([import("./Web3ApolloProviders"), import("~/app/nodes/_components/NodeDesk")]).then(([w, m]) =>
      w.withWeb3Apollo(m.NodeDesk),
    ),
  { ssr: false, loading: () => <SkeletonRows rows={5} /> },
);

const InsuranceDeskLazy = dynamic(
  () =>
    Promise.all([import("./Web3ApolloProviders"), import("~/app/insurance/_components/InsuranceDesk")]).then(([w, m]) =>
      w.withWeb3Apollo(m.InsuranceDesk),
    ),
  { ssr: false, loading: () => <SkeletonRows rows={6} /> },
);

export const NodeDeskIsland = gated(NodeDeskLazy, () => <SkeletonRows rows={5} />);
export const InsuranceDeskIsland = gated(InsuranceDeskLazy, () => <SkeletonRows rows={6} />);
