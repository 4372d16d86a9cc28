import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

import { hashpowerExchangeAbi, LOCAL_CHAIN_ID, type Deployment } from "@dmex/deployments";
import { generate } from "@dmex/deployments/generator";
import { createPublicClient, getAbiItem, http, type Address, type PublicClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { anvilStep, freePort, runSteps, startStack, StackError, type Stack } from "../src/index.js";
import { DEFAULTING_OFFERING_ID, OFFERINGS } from "../src/seed/plan.js";

const RESERVED_PORTS = new Set([8545, 8000, 3000]);

async function testPort(): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (!RESERVED_PORTS.has(port)) return port;
  }
}

let workDir: string;
let stack: Stack;
let client: PublicClient;
let exchange: Address;
let startedIn = 0;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), "dmex-devstack-"));
  const started = Date.now();
  stack = await startStack({ port: await testPort(), workDir, isolated: true });
  startedIn = Date.now() - started;
  client = createPublicClient({ transport: http(stack.rpcUrl) }) as PublicClient;
  const contract = stack.deployment.contracts.HashpowerExchange;
  if (contract === undefined) throw new Error("no exchange deployed");
  exchange = contract.address;
}, 240_000);

afterAll(async () => {
  await stack?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

const deploymentsDir = () => {
  if (stack.deploymentsDir === undefined) throw new Error("isolated stack has a deployments dir");
  return stack.deploymentsDir;
};
const readDeploymentFile = (): Deployment & { $comment: string } =>
  JSON.parse(readFileSync(join(deploymentsDir(), "deployments", `${LOCAL_CHAIN_ID}.json`), "utf8"));
const regenerate = (rpcUrl = stack.rpcUrl) =>
  generate({ outDir: deploymentsDir(), ...(stack.broadcastDir !== undefined && { broadcastDir: stack.broadcastDir }), rpcUrls: { [LOCAL_CHAIN_ID]: rpcUrl } });

describe("startStack", () => {
  it("runs on the requested port, never the default ones, and reports step timings", () => {
    const port = Number(new URL(stack.rpcUrl).port);
    expect(RESERVED_PORTS.has(port)).toBe(false);
    expect(stack.chainId).toBe(LOCAL_CHAIN_ID);
    expect(Object.keys(stack.timings)).toEqual(["anvil", "deploy", "generate", "seed"]);
    console.info(`stack up in ${(startedIn / 1000).toFixed(1)} s`, stack.timings);
  });

  it("refuses a port that is taken, with a message that says so", async () => {
    const port = Number(new URL(stack.rpcUrl).port);
    const dir = mkdtempSync(join(tmpdir(), "dmex-devstack-clash-"));
    try {
      await expect(startStack({ port, workDir: dir, isolated: true })).rejects.toThrow(/Port \d+ on 127\.0\.0\.1 is already in use/);
      await expect(startStack({ port, workDir: dir, isolated: true })).rejects.toBeInstanceOf(StackError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("generated deployment", () => {
  it("the JSON file and the generated TS module both describe the deployment on the chain", async () => {
    const { $comment, ...fromFile } = readDeploymentFile();
    expect($comment).toMatch(/Do not edit/);
    expect(fromFile).toEqual(stack.deployment);
    const generated = await import(pathToFileURL(join(deploymentsDir(), "src", "generated", "deployments.ts")).href);
    expect(generated.deployments[LOCAL_CHAIN_ID]).toEqual(fromFile);
    expect(Object.keys(fromFile.contracts).sort()).toEqual(
      ["HashpowerExchange", "IFIL", "MarketRateOracle", "OfferingFactory", "PositionRenderer", "USDT", "WBTC"].sort(),
    );
  });

  it("has code at every address, created exactly at its start block", async () => {
    for (const [name, contract] of Object.entries(stack.deployment.contracts)) {
      const before = await client.getCode({ address: contract.address, blockNumber: BigInt(contract.startBlock - 1) });
      const at = await client.getCode({ address: contract.address, blockNumber: BigInt(contract.startBlock) });
      expect(before ?? "0x", `${name} existed before its start block`).toBe("0x");
      expect((at ?? "0x").length, `${name} has no code at its start block`).toBeGreaterThan(2);
    }
  });

  it("wires the exchange as the deploy script says: renderer set, both assets registered", async () => {
    const renderer = await client.readContract({ address: exchange, abi: hashpowerExchangeAbi, functionName: "renderer" });
    expect(renderer.toLowerCase()).toBe(stack.deployment.contracts.PositionRenderer?.address);
    expect(await client.readContract({ address: exchange, abi: hashpowerExchangeAbi, functionName: "assetCount" })).toBe(2);
    const btc = await client.readContract({ address: exchange, abi: hashpowerExchangeAbi, functionName: "getAsset", args: [2] });
    expect(btc).toEqual({ symbol: "BTC", unitLabel: "TH/s" });
  });

  it("regenerating is idempotent", async () => {
    const first = await regenerate();
    const contents = first.files.map((f) => readFileSync(f, "utf8"));
    const second = await regenerate();
    expect(second.files).toEqual(first.files);
    expect(second.files.map((f) => readFileSync(f, "utf8"))).toEqual(contents);
  });

  it("clears stale outputs: junk files, and the local deployment when the chain is not the deployed one", async () => {
    writeFileSync(join(deploymentsDir(), "deployments", "314.json"), "{}");
    mkdirSync(join(deploymentsDir(), "abis"), { recursive: true });
    writeFileSync(join(deploymentsDir(), "abis", "Gone.json"), "[]");
    await regenerate();
    expect(existsSync(join(deploymentsDir(), "deployments", "314.json"))).toBe(false);
    expect(existsSync(join(deploymentsDir(), "abis", "Gone.json"))).toBe(false);

    // A fresh anvil is a different chain with id 31337: the broadcast is older than it.
    const other = await runSteps([anvilStep({ port: await testPort() })], () => {});
    try {
      const otherUrl = other.context.rpcUrl;
      if (otherUrl === undefined) throw new Error("no rpc");
      const result = await regenerate(otherUrl);
      expect(result.deployments).toEqual([]);
      expect(result.skipped[0]?.reason).toMatch(/not the one in the broadcast|no code/);
      expect(existsSync(join(deploymentsDir(), "deployments", `${LOCAL_CHAIN_ID}.json`))).toBe(false);
      expect(readFileSync(join(deploymentsDir(), "src", "generated", "deployments.ts"), "utf8")).not.toContain(exchange);
    } finally {
      await other.stop();
    }
    // Against the right chain it comes back.
    await regenerate();
    expect(readDeploymentFile().contracts.HashpowerExchange?.address).toBe(exchange);
  });
});

describe("seed", () => {
  it("summary matches the chain: offerings, positions, 30+ purchases by 8 buyers", async () => {
    const seed = stack.seed;
    if (seed === undefined) throw new Error("no seed");
    const offeringCount = await client.readContract({ address: exchange, abi: hashpowerExchangeAbi, functionName: "offeringCount" });
    expect(Number(offeringCount)).toBe(OFFERINGS.length);
    expect(seed.offerings).toHaveLength(OFFERINGS.length);

    const purchases = await client.getLogs({
      address: exchange,
      event: getAbiItem({ abi: hashpowerExchangeAbi, name: "PositionPurchased" }),
      fromBlock: BigInt(stack.deployment.contracts.HashpowerExchange?.startBlock ?? 0),
      toBlock: "latest",
      strict: true,
    });
    expect(purchases.length).toBeGreaterThanOrEqual(30);
    expect(purchases.length).toBe(seed.counts.purchases);
    const buyers = new Set(purchases.map((log) => log.args.buyer));
    expect(buyers.size).toBe(8);
    expect(seed.distinctBuyers).toBe(8);
    expect(new Set(seed.accounts.buyers)).toEqual(buyers);

    const positionCount = await client.readContract({ address: exchange, abi: hashpowerExchangeAbi, functionName: "positionCount" });
    expect(Number(positionCount)).toBe(seed.positions);
    for (const offering of seed.offerings) {
      const onChain = await client.readContract({ address: exchange, abi: hashpowerExchangeAbi, functionName: "getOffering", args: [BigInt(offering.id)] });
      expect(Number(onChain.unitsSold)).toBe(offering.unitsSold);
      expect(onChain.miner).toBe(offering.miner);
      expect(purchases.filter((p) => p.args.offeringId === BigInt(offering.id)).length).toBe(offering.positions);
    }
    expect(new Set(seed.offerings.map((o) => o.asset))).toEqual(new Set(["FIL", "BTC"]));
    expect(new Set(seed.offerings.map((o) => o.pricePerUnit)).size).toBe(OFFERINGS.length);
  });

  it("leaves only the defaulting offering flaggable, and nothing flagged", async () => {
    for (const offering of OFFERINGS) {
      const [canFlag, reason, missedDays] = await client.readContract({ address: exchange, abi: hashpowerExchangeAbi, functionName: "flaggable", args: [BigInt(offering.id)] });
      const onChain = await client.readContract({ address: exchange, abi: hashpowerExchangeAbi, functionName: "getOffering", args: [BigInt(offering.id)] });
      expect(onChain.status, `offering ${offering.id} status`).toBe(1); // Active: nobody flagged it
      if (offering.id === DEFAULTING_OFFERING_ID) {
        expect(canFlag).toBe(true);
        expect(reason).toBe(1); // MissedDeposits
        expect(Number(missedDays)).toBeGreaterThanOrEqual(7);
        expect(onChain.lowStreak).toBeGreaterThanOrEqual(7); // it under-paid before it stopped
      } else {
        expect(canFlag, `offering ${offering.id} flaggable`).toBe(false);
        expect(onChain.lowStreak).toBe(0);
      }
    }
  });

  it("simulated 30 days of reports, deposits, claims and escrow withdrawals, with disclosure metadata", async () => {
    const seed = stack.seed;
    if (seed === undefined) throw new Error("no seed");
    expect(seed.daysSimulated).toBe(30);
    expect(seed.counts.claims).toBeGreaterThan(0);
    expect(seed.counts.withdrawals).toBeGreaterThan(0);
    const claimed = await client.getLogs({
      address: exchange,
      event: getAbiItem({ abi: hashpowerExchangeAbi, name: "RewardClaimed" }),
      fromBlock: 0n,
      toBlock: "latest",
    });
    expect(claimed.length).toBeGreaterThan(0);
    const offering = await client.readContract({ address: exchange, abi: hashpowerExchangeAbi, functionName: "getOffering", args: [1n] });
    const json = JSON.parse(Buffer.from(offering.metadataURI.replace(/^data:application\/json;base64,/, ""), "base64").toString("utf8"));
    expect(json).toMatchObject({ company: { name: expect.any(String) }, hashpower: { total: expect.any(Number), effective: expect.any(Number) } });
    expect(JSON.parse(readFileSync(join(workDir, "seed-summary.json"), "utf8"))).toEqual(seed);
  });
});
