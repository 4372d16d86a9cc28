import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { CALIBRATION_CHAIN_ID, dmcTokenAbi, hashpowerExchangeAbi, positionLoansAbi } from "@dmex/deployments";
import { generate } from "@dmex/deployments/generator";
import { createPublicClient, http } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { anvilAddress } from "../src/seed/accounts.js";
import { contractsDir } from "../src/internal/paths.js";
import { anvilStep, deployStep, freePort, runSteps, type RunningSteps } from "../src/index.js";

// The deploy script off the local chain, rehearsed on an anvil that calls itself Filecoin Calibration.
let chain: RunningSteps;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dmex-deploy-remote-"));
  let port = await freePort();
  while ([8545, 8000, 3000].includes(port)) port = await freePort();
  chain = await runSteps([anvilStep({ port, chainId: CALIBRATION_CHAIN_ID })], () => {});
}, 60_000);

afterAll(async () => {
  await chain?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const deploy = (env: NodeJS.ProcessEnv) =>
  runSteps(
    [
      { name: "rpc", run: async (ctx) => void (ctx.rpcUrl = chain.context.rpcUrl) },
      deployStep({ contractsDir: contractsDir(), broadcastDir: join(dir, "broadcast"), env }),
    ],
    () => {},
  );

describe("Deploy.s.sol on a non-local chain", () => {
  it("refuses to run without the canonical addresses, naming the missing variable", async () => {
    await expect(deploy({})).rejects.toThrow(/MissingEnv\("DMEX_TREASURY", 314159/);
  }, 120_000);

  it("uses the tokens from env, deploys no stand-ins, and keeps the genesis DMC in the DAO timelock, never the council", async () => {
    const [usdt, ifil, wbtc, treasury, reporter, team, backers] = [10, 11, 12, 1, 3, 18, 19].map(anvilAddress);
    // The canonical tokens are contracts (the deploy reads USDT's decimals for the trading rewards): stand-in code.
    const token = JSON.parse(
      readFileSync(join(contractsDir(), "out", "BridgedToken.sol", "BridgedToken.json"), "utf8"),
    ) as { deployedBytecode: { object: `0x${string}` } };
    const rpc = createPublicClient({ transport: http(chain.context.rpcUrl) });
    for (const address of [usdt, ifil, wbtc])
      await rpc.request({
        method: "anvil_setCode" as never,
        params: [address, token.deployedBytecode.object] as never,
      });
    await deploy({
      DMEX_USDT: usdt,
      DMEX_IFIL: ifil,
      DMEX_WBTC: wbtc,
      DMEX_TREASURY: treasury,
      DMEX_REPORTER: reporter,
      DMEX_COUNCIL: [0, 1, 2, 3, 4, 16, 17].map(anvilAddress).join(","),
      DMEX_TEAM: team,
      DMEX_BACKERS: backers,
    });
    const rpcUrl = chain.context.rpcUrl;
    if (rpcUrl === undefined) throw new Error("no rpc");
    const result = await generate({
      broadcastDir: join(dir, "broadcast"),
      outDir: join(dir, "out"),
      rpcUrls: { [CALIBRATION_CHAIN_ID]: rpcUrl },
    });
    const deployment = result.deployments.find((d) => d.chainId === CALIBRATION_CHAIN_ID);
    expect(deployment?.network).toBe("calibration");
    expect(Object.keys(deployment?.contracts ?? {}).sort()).toEqual(
      [
        "AssetRegistry",
        "BackersVesting",
        "CouncilSafe",
        "DMCToken",
        "DmexGovernor",
        "DmexTimelock",
        "HashpowerExchange",
        "InsuranceFund",
        "MarketRateOracle",
        "MinerApplications",
        "MiningReserve",
        "OfferingFactory",
        "DefaultMonitor",
        "PrimaryAuctionSales",
        "PositionRenderer",
        "ProtocolParameters",
        "SafeL2",
        "SafeProxyFactory",
        "TeamVesting",
        "TradingRewards",
        "PositionListings",
        "PositionAuctions",
        "LoanOrders",
        "PositionLoans",
        "WETH9",
        "UniswapV2Factory",
        "UniswapV2Router02",
        "DmcUsdtPair",
        "DmcIfilPair",
        "ProtocolFeeSplitter",
        "FeeBuyback",
        "PromotionNodes",
        "MutualInsurance",
        "PositionStaking",
        "LiquidityMiningDmcUsdt",
        "LiquidityMiningDmcIfil",
        "NodeStakingRewards",
      ].sort(),
    );
    const dmc = deployment?.contracts.DMCToken?.address;
    const council = deployment?.contracts.CouncilSafe?.address;
    const timelock = deployment?.contracts.DmexTimelock?.address;
    if (dmc === undefined || council === undefined || timelock === undefined)
      throw new Error("no DMC, council or timelock");
    const client = createPublicClient({ transport: http(rpcUrl) });
    const balanceOf = (who: `0x${string}`) =>
      client.readContract({ address: dmc, abi: dmcTokenAbi, functionName: "balanceOf", args: [who] });
    // Off the local chain the 5% genesis distribution stays with the 20% treasury in the timelock, which
    // cannot vote: 5M in the council's hands would exceed the 4M quorum.
    expect(await balanceOf(timelock)).toBe(25_000_000n * 10n ** 18n);
    expect(await balanceOf(council)).toBe(0n);
    expect(await balanceOf(anvilAddress(0))).toBe(0n);
    // Lending: an approved locker, the env's reward tokens as collateral, owned by the timelock.
    const loans = deployment?.contracts.PositionLoans?.address;
    const exchange = deployment?.contracts.HashpowerExchange?.address;
    if (loans === undefined || exchange === undefined) throw new Error("no PositionLoans or exchange");
    const readLoans = { address: loans, abi: positionLoansAbi } as const;
    expect((await client.readContract({ ...readLoans, functionName: "owner" })).toLowerCase()).toBe(
      timelock.toLowerCase(),
    );
    expect(await client.readContract({ ...readLoans, functionName: "gracePeriod" })).toBe(86_400);
    for (const collateral of [anvilAddress(11), anvilAddress(12)])
      expect(await client.readContract({ ...readLoans, functionName: "isCollateralToken", args: [collateral] })).toBe(
        true,
      );
    expect(
      await client.readContract({ ...readLoans, functionName: "isCollateralToken", args: [anvilAddress(10)] }),
    ).toBe(false);
    expect(
      await client.readContract({
        address: exchange,
        abi: hashpowerExchangeAbi,
        functionName: "isLocker",
        args: [loans],
      }),
    ).toBe(true);
  }, 120_000);
});
