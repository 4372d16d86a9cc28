import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";

import { getAppDeployment } from "~/services/deployment.server";
import { Header } from "~/components/Header";
import { LoanDueBannerIsland } from "~/components/islands";
import { ReferralCapture } from "~/components/ReferralCapture";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "DMEX - hashpower marketplace", template: "%s | DMEX" },
  description:
    "Buy mining hashpower as NFTs: daily rewards, escrowed payments released day by day, on-chain default detection.",
};
export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f766e" };
// Addresses and the indexed data are read per request: a restarted local chain needs no rebuild.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const deployment = await getAppDeployment();
  return (
    <html lang="en">
      <body>
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
        >
          Skip to content
        </a>
        <Providers deployment={deployment}>
          <Header />
          <main id="main" className="mx-auto max-w-6xl px-4 py-6">
            <LoanDueBannerIsland />
            <ReferralCapture />
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
