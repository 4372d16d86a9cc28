"use client";
/**
 * The one client providers component of the root layout. It is deliberately light: it only hands
 * the server-resolved deployment to the client. The wallet stack (wagmi, TanStack Query,
 * RainbowKit) and Apollo are loaded by the interactive islands (components/islands.tsx), so the
 * server-rendered pages are usable before any of it is downloaded. See docs/decisions/0011.
 */
import type { ReactNode } from "react";

import { DeploymentProvider } from "~/components/DeploymentContext";
import type { AppDeployment } from "~/services/deployment.server";

export function Providers({ deployment, children }: { deployment: AppDeployment; children: ReactNode }) {
  return <DeploymentProvider value={deployment}>{children}</DeploymentProvider>;
}
