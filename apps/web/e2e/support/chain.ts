/** What the scenarios do on the chain beside the browser (off-app services) and read from it. */
import { bridgedTokenAbi, dmcTokenAbi, marketRateOracleAbi, type Deployment } from "@dmex/deployments";
import { seedPlan } from "@dmex/devstack";
import { createPublicClient, createWalletClient, http, parseUnits, zeroAddress } from "viem";

import { ANVIL, anvilAddress, BRIDGE_MINTER, MINER_DEEPWELL, ORACLE_REPORTER } from "./accounts";
import type { SeedFacts } from "./scenario";

export async function rpc<T>(url: string, method: string, params: unknown[] = []): Promise<T> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await res.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(body.error.message);
  return body.result as T;
}

/** The oracle reporter (an off-app service) publishes yesterday's FIL market average, as the seed does daily. */
export async function reportYesterday(rpcUrl: string, oracle: `0x${string}`) {
  const pub = createPublicClient({ transport: http(rpcUrl) });
  const block = await pub.getBlock();
  const day = block.timestamp / 86_400n - 1n;
  const wallet = createWalletClient({ account: anvilAddress(ORACLE_REPORTER), transport: http(rpcUrl) });
  const hash = await wallet.writeContract({
    chain: null,
    address: oracle,
    abi: marketRateOracleAbi,
    functionName: "report",
    args: [seedPlan.ASSET_ID.FIL, day, seedPlan.MARKET_BASE_WAD.FIL],
  });
  await pub.waitForTransactionReceipt({ hash });
}

/** The bridge (off-app) brings the miner the reward tokens it deposits: mint IFIL as the seed's minter. */
export async function bridgeRewardTokensToDeepwell(rpcUrl: string, deployment: Deployment) {
  const ifil = deployment.contracts.IFIL?.address;
  if (ifil === undefined) throw new Error("the local deployment has no IFIL");
  const wallet = createWalletClient({ account: anvilAddress(BRIDGE_MINTER), transport: http(rpcUrl) });
  const hash = await wallet.writeContract({
    chain: null,
    address: ifil,
    abi: bridgedTokenAbi,
    functionName: "mint",
    args: [anvilAddress(MINER_DEEPWELL), parseUnits("100", 18)],
  });
  await createPublicClient({ transport: http(rpcUrl) }).waitForTransactionReceipt({ hash });
}

/** The first anvil account holding DMC without a delegate (the seed leaves one), read from the chain. */
async function findUndelegated(rpcUrl: string, dmc: `0x${string}` | undefined): Promise<number | undefined> {
  if (dmc === undefined) return undefined;
  const pub = createPublicClient({ transport: http(rpcUrl) });
  for (const [i, account] of ANVIL.entries()) {
    const [balance, delegatee] = await Promise.all([
      pub.readContract({ address: dmc, abi: dmcTokenAbi, functionName: "balanceOf", args: [account] }),
      pub.readContract({ address: dmc, abi: dmcTokenAbi, functionName: "delegates", args: [account] }),
    ]);
    if (balance > 0n && delegatee === zeroAddress) return i;
  }
  return undefined;
}

/**
 * What the scenarios need from the seed. The scenarios change chain state (they refund the halted
 * offering 3, apply, vote and execute), so a stack whose offering 3 has no unrefunded position left
 * was already used: refused with a clear message.
 */
export async function readSeedFacts(rpcUrl: string, graphUrl: string, deployment: Deployment): Promise<SeedFacts> {
  const offering3 = await fetch(graphUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query:
        '{ offering(id: "3") { status } positions(where: { offering: "3", status_not: Refunded }) { owner { id } } }',
    }),
  }).then(
    (r) =>
      r.json() as Promise<{ data?: { offering?: { status: string } | null; positions?: { owner: { id: string } }[] } }>,
  );
  const owner = offering3.data?.positions?.[0]?.owner.id;
  const offering3Holder = owner === undefined ? -1 : ANVIL.findIndex((a) => a.toLowerCase() === owner);
  if (offering3.data?.offering?.status !== "Halted" || offering3Holder < 0) {
    throw new Error(
      `the running stack was already used (offering 3 is ${offering3.data?.offering?.status ?? "missing"}, ${offering3.data?.positions?.length ?? 0} unrefunded positions): restart it (npm run dev) for a fresh seed`,
    );
  }
  const undelegated = await findUndelegated(rpcUrl, deployment.contracts.DMCToken?.address);
  return { offering3Holder, ...(undelegated !== undefined && { undelegated }) };
}
