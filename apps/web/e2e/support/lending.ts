/**
 * Lending helpers for scenarios 15-18: what the seed's lending chapter left (LENDING_E2E of
 * packages/devstack/src/seed/plan.ts, read through `seedPlan`; the shape below until that lands), the loans
 * contract's reads (loanOf, debtOf), and the off-app services a self-repaying loan needs (the oracle's BTC
 * report, the bridge's WBTC for the Nordic miner's deposit).
 */
import {
  bridgedTokenAbi,
  marketRateOracleAbi,
  positionLoansAbi,
  type ContractDeployment,
  type Deployment,
} from "@dmex/deployments";
import { seedPlan } from "@dmex/devstack";
import { createPublicClient, createWalletClient, http, parseUnits, type Address } from "viem";

import { anvilAddress, BRIDGE_MINTER, ORACLE_REPORTER } from "./accounts";
import { client } from "./trading";

/** What the e2e scenarios start from (anvil indices; ids as on a fresh deployment). */
export interface LendingE2E {
  readonly borrow: {
    readonly borrower: number;
    readonly tokenId: bigint;
    readonly singleOfferId: number;
    readonly collectionOfferIds: readonly number[];
  };
  readonly selfRepaying: { readonly borrower: number; readonly tokenId: bigint; readonly offerId: number };
  readonly refinance: {
    readonly loanId: bigint;
    readonly borrower: number;
    readonly lender: number;
    readonly newLender: number;
  };
  readonly foreclose: { readonly loanId: bigint; readonly borrower: number; readonly lender: number };
}

/** The seed's shape as planned (plan.ts section LENDING), used only while @dmex/devstack has no LENDING_E2E. */
const PLANNED: LendingE2E = {
  borrow: { borrower: 13, tokenId: 30n, singleOfferId: 7, collectionOfferIds: [5, 6] },
  selfRepaying: { borrower: 13, tokenId: 18n, offerId: 8 },
  refinance: { loanId: 36n, borrower: 12, lender: 11, newLender: 10 },
  foreclose: { loanId: 23n, borrower: 15, lender: 10 },
};

export function lendingE2E(): LendingE2E {
  return (seedPlan as unknown as { LENDING_E2E?: LendingE2E }).LENDING_E2E ?? PLANNED;
}

/** The Nordic Hash miner (offering 5, Nordic BTC 90d: WBTC rewards): miner slot 1. */
export const MINER_NORDIC = 6;
export const NORDIC_BTC_90D = "#5 Nordic";

export function loansAddress(deployment: Deployment): Address {
  const c = (deployment.contracts as Readonly<Record<string, ContractDeployment | undefined>>).PositionLoans;
  if (c === undefined)
    throw new Error("the local deployment has no PositionLoans: deploy the lending contracts (npm run dev)");
  return c.address;
}

export async function loanOf(rpcUrl: string, deployment: Deployment, loanId: bigint) {
  return client(rpcUrl).readContract({
    address: loansAddress(deployment),
    abi: positionLoansAbi,
    functionName: "loanOf",
    args: [loanId],
  });
}

/** The debt to repay in full now (0 once the loan is closed). */
export async function debtOf(rpcUrl: string, deployment: Deployment, loanId: bigint): Promise<bigint> {
  const loan = await loanOf(rpcUrl, deployment, loanId);
  if (loan.borrower === "0x0000000000000000000000000000000000000000") return 0n;
  const [debt] = await client(rpcUrl).readContract({
    address: loansAddress(deployment),
    abi: positionLoansAbi,
    functionName: "debtOf",
    args: [loanId],
  });
  return debt;
}

/** The bridge (off-app) brings the Nordic miner the WBTC it deposits. */
export async function bridgeWbtcToNordic(rpcUrl: string, deployment: Deployment) {
  const wbtc = deployment.contracts.WBTC?.address;
  if (wbtc === undefined) throw new Error("the local deployment has no WBTC");
  const wallet = createWalletClient({ account: anvilAddress(BRIDGE_MINTER), transport: http(rpcUrl) });
  const hash = await wallet.writeContract({
    chain: null,
    address: wbtc,
    abi: bridgedTokenAbi,
    functionName: "mint",
    args: [anvilAddress(MINER_NORDIC), parseUnits("10", 8)],
  });
  await createPublicClient({ transport: http(rpcUrl) }).waitForTransactionReceipt({ hash });
}

/**
 * The oracle reporter (off-app) publishes the BTC market average for every day from `days` ago to yesterday
 * that has no report yet (the e2e's time travel skips days the seed never reported).
 */
export async function reportBtcUpToYesterday(rpcUrl: string, oracle: Address, days = 10) {
  const pub = createPublicClient({ transport: http(rpcUrl) });
  const today = (await pub.getBlock()).timestamp / 86_400n;
  const wallet = createWalletClient({ account: anvilAddress(ORACLE_REPORTER), transport: http(rpcUrl) });
  for (let d = today - BigInt(days); d < today; d++) {
    const [, reported] = await pub.readContract({
      address: oracle,
      abi: marketRateOracleAbi,
      functionName: "rateOf",
      args: [seedPlan.ASSET_ID.BTC, d],
    });
    if (reported) continue;
    const hash = await wallet.writeContract({
      chain: null,
      address: oracle,
      abi: marketRateOracleAbi,
      functionName: "report",
      args: [seedPlan.ASSET_ID.BTC, d, seedPlan.MARKET_BASE_WAD.BTC],
    });
    await pub.waitForTransactionReceipt({ hash });
  }
}
