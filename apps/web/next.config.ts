import type { NextConfig } from "next";

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The workspace package ships ESM with .js specifiers; let Next compile it like app code.
  transpilePackages: ["@dmex/deployments"],
  experimental: { optimizePackageImports: ["@rainbow-me/rainbowkit", "wagmi", "viem"] },
  webpack: (cfg) => {
    // wagmi connectors pull optional peers that are not used here (React Native storage, pino pretty).
    cfg.externals = [...(Array.isArray(cfg.externals) ? cfg.externals : []), "pino-pretty", "lokijs", "encoding"];
    cfg.resolve.fallback = { ...cfg.resolve.fallback, "@react-native-async-storage/async-storage": false };
    return cfg;
  },
};

export default config;
