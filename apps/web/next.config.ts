import type { NextConfig } from "next";

const config: NextConfig = {
  reactStrictMode: true,
  // The isolated e2e stack builds into its own folder (its random ports are baked into the bundle).
  distDir: process.env.DMEX_WEB_DIST_DIR || ".next",
  poweredByHeader: false,
  experimental: { optimizePackageImports: ["@rainbow-me/rainbowkit", "wagmi", "viem"] },
  webpack: (cfg, { webpack }) => {
    // @coinbase/cdp-sdk (via wagmi's Base Account connector) lazily imports optional x402 packages
    // that are not installed and never used by DMEX.
    cfg.plugins.push(new webpack.IgnorePlugin({ resourceRegExp: /^@x402\// }));
    // wagmi connectors pull optional peers that are not used here (React Native storage, pino pretty).
    cfg.externals = [...(Array.isArray(cfg.externals) ? cfg.externals : []), "pino-pretty", "lokijs", "encoding"];
    cfg.resolve.fallback = { ...cfg.resolve.fallback, "@react-native-async-storage/async-storage": false };
    return cfg;
  },
};

export default config;
