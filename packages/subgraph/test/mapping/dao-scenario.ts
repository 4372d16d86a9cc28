// The DAO on anvil as production wires it: script/Deploy.s.sol (exchange, DMC, timelock, governor,
// council Safe, applications, insurance fund, parameters; every admin role handed to the timelock),
// then a history that reaches every DAO event the subgraph handles: DMC distribution and
// delegation, three miner applications (approved then slashed, cancelled by the miner and
// withdrawn, cancelled by the council as proposal guardian), a Safe transaction that fails, and one
// proposal that changes every kind of parameter, hands the council's powers over and swaps a
// council member through the timelock's Safe module.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

import {
  type Abi,
  type Address,
  type Hex,
  concat,
  encodeFunctionData,
  getAddress,
  keccak256,
  parseUnits,
  toHex,
  zeroAddress,
} from "viem";

import { artifact, clients } from "./chain";

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, "../../../..");
const CONTRACTS = join(REPO, "packages/contracts");
const SAFE_ARTIFACT = join(
  CONTRACTS,
  "node_modules/@safe-global/safe-contracts/build/artifacts/contracts/SafeL2.sol/SafeL2.json",
);
const run = promisify(execFile);
const DMC = (n: number | string) => parseUnits(String(n), 18);
const role = (name: string) => keccak256(toHex(name));
const SENTINEL = "0x0000000000000000000000000000000000000001" as Address;

export type DaoContractsName =
  | "HashpowerExchange"
  | "AssetRegistry"
  | "MarketRateOracle"
  | "DMCToken"
  | "DmexGovernor"
  | "DmexTimelock"
  | "MinerApplications"
  | "CouncilSafe"
  | "ProtocolParameters"
  | "InsuranceFund"
  | "MiningReserve";

export type DaoScenario = {
  contracts: Record<DaoContractsName, { address: Address; startBlock: bigint; abi: Abi }>;
  usdt: Address;
  /** The deploy script lists IFIL as FIL's reward token and WBTC as BTC's. */
  ifil: Address;
  wbtc: Address;
  /** Labelled blocks: the subgraph is compared with the chain at each. */
  checkpoints: { label: string; block: bigint }[];
  /** Proposal ids: applications 1-3 and the parameter/hand-over proposal. */
  proposals: { application1: bigint; application2: bigint; application3: bigint; omnibus: bigint };
  /**
   * Timelock operations the council scheduled itself: one it cancelled, and a batch (a treasury
   * transfer to the council and GOVERNOR_ROLE on the exchange for it) pending when the hand-over
   * revoked its PROPOSER_ROLE, so orphaned; with the batch's arguments, to try executing it.
   */
  councilOperations: {
    cancelled: Hex;
    orphaned: Hex;
    orphanedBatch: readonly [Address[], bigint[], Hex[], Hex, Hex];
  };
  /** Every DMC holder the scenario touched. */
  holders: Address[];
  accounts: Address[];
};

type Broadcast = {
  transactions: {
    transactionType: string;
    contractName: string | null;
    contractAddress: string | null;
    hash: string;
  }[];
  receipts: { transactionHash: string; blockNumber: string }[];
};

/**
 * Runs the real deploy script against `rpcUrl` with a private broadcast dir; returns its record.
 * forge compiles into its own output and cache dirs (FOUNDRY_OUT / FOUNDRY_CACHE_PATH, by default
 * under the temp dir), never into packages/contracts/out that other work reads, and skips the
 * contracts' test files, which the script does not need.
 */
async function deploy(rpcUrl: string): Promise<Broadcast> {
  const broadcastDir = mkdtempSync(join(tmpdir(), "dmex-dao-broadcast-"));
  const forgeDir = join(tmpdir(), "dmex-subgraph-forge");
  await run(
    join(CONTRACTS, "node_modules/.bin/forge"),
    [
      "script",
      "script/Deploy.s.sol",
      "--rpc-url",
      rpcUrl,
      "--broadcast",
      "--unlocked",
      "--sender",
      "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
      "--non-interactive",
      "--slow",
      "--skip",
      "test",
    ],
    {
      cwd: CONTRACTS,
      env: {
        ...process.env,
        FOUNDRY_BROADCAST: broadcastDir,
        FOUNDRY_OUT: process.env.FOUNDRY_OUT ?? join(forgeDir, "out"),
        FOUNDRY_CACHE_PATH: process.env.FOUNDRY_CACHE_PATH ?? join(forgeDir, "cache"),
      },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return JSON.parse(readFileSync(join(broadcastDir, "Deploy.s.sol/31337/run-latest.json"), "utf8"));
}

export async function runDaoScenario(rpcUrl: string): Promise<DaoScenario> {
  const { publicClient, testClient } = clients(rpcUrl);
  const { wallets, accounts } = manyClients(rpcUrl);
  const addr = accounts.map((a) => a.address);
  const checkpoints: DaoScenario["checkpoints"] = [];

  const broadcast = await deploy(rpcUrl);
  const blockOf = (hash: string) => BigInt(broadcast.receipts.find((r) => r.transactionHash === hash)!.blockNumber);
  const created = (name: string, nth = 0) => {
    const tx = broadcast.transactions.filter((t) => t.transactionType === "CREATE" && t.contractName === name)[nth];
    if (!tx) throw new Error(`the deploy created no ${name}`);
    return { address: getAddress(tx.contractAddress!), startBlock: blockOf(tx.hash) };
  };
  const abiOf = (name: string) => artifact(name).abi;
  const read = <T>(address: Address, abi: Abi, functionName: string, args: unknown[] = []) =>
    publicClient.readContract({ address, abi, functionName, args }) as Promise<T>;

  const exchange = created("HashpowerExchange");
  const assets = created("AssetRegistry");
  const oracle = created("MarketRateOracle");
  const usdt = created("BridgedToken", 0).address;
  const ifil = created("BridgedToken", 1).address;
  const wbtc = created("BridgedToken", 2).address;
  const governor = created("DmexGovernor");
  const timelock = created("DmexTimelock");
  const applications = created("MinerApplications");
  const parameters = created("ProtocolParameters");
  const insurance = created("InsuranceFund");
  const dmc = created("DMCToken");
  const governorAbi = abiOf("DmexGovernor");
  const safeAbi = JSON.parse(readFileSync(SAFE_ARTIFACT, "utf8")).abi as Abi;
  const council = getAddress(await read<Address>(governor.address, governorAbi, "proposalGuardian"));
  const reserve = getAddress(await read<Address>(dmc.address, abiOf("DMCToken"), "miningReserve"));
  // The proxy and the reserve are created inside other transactions: index them from the first DAO block.
  const contracts: DaoScenario["contracts"] = {
    HashpowerExchange: { ...exchange, abi: abiOf("HashpowerExchange") },
    AssetRegistry: { ...assets, abi: abiOf("AssetRegistry") },
    MarketRateOracle: { ...oracle, abi: abiOf("MarketRateOracle") },
    DMCToken: { ...dmc, abi: abiOf("DMCToken") },
    DmexGovernor: { ...governor, abi: governorAbi },
    DmexTimelock: { ...timelock, abi: abiOf("DmexTimelock") },
    MinerApplications: { ...applications, abi: abiOf("MinerApplications") },
    CouncilSafe: { address: council, startBlock: timelock.startBlock, abi: safeAbi },
    ProtocolParameters: { ...parameters, abi: abiOf("ProtocolParameters") },
    InsuranceFund: { ...insurance, abi: abiOf("InsuranceFund") },
    MiningReserve: { address: reserve, startBlock: dmc.startBlock, abi: abiOf("MiningReserve") },
  };
  checkpoints.push({ label: "deployed", block: await publicClient.getBlockNumber() });

  type Wallet = (typeof wallets)[number];
  const send = async (
    wallet: Wallet,
    address: Address,
    abi: Abi,
    functionName: string,
    args: unknown[],
    label?: string,
  ) => {
    const hash = await wallet.writeContract({
      address,
      abi,
      functionName,
      args,
      chain: wallet.chain,
      account: wallet.account!,
    });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`${functionName} reverted`);
    if (label) checkpoints.push({ label, block: receipt.blockNumber });
    return receipt;
  };
  const now = async () => (await publicClient.getBlock()).timestamp;
  const warpTo = async (timestamp: bigint) => {
    await testClient.setNextBlockTimestamp({ timestamp });
    await testClient.mine({ blocks: 1 });
  };
  const dmcAbi = contracts.DMCToken.abi;
  const appsAbi = contracts.MinerApplications.abi;
  const [deployer] = wallets;
  const voterA = wallets[8]!;
  const voterB = wallets[9]!;
  const miners = [wallets[5]!, wallets[6]!, wallets[7]!];

  // DMC: the local genesis share (5M) sits with the deployer; voters and miners get theirs.
  await send(deployer!, dmc.address, dmcAbi, "transfer", [addr[8], DMC(2_700_000)]);
  await send(deployer!, dmc.address, dmcAbi, "transfer", [addr[9], DMC(500_000)]);
  for (const m of miners) await send(deployer!, dmc.address, dmcAbi, "transfer", [m.account!.address, DMC(20_000)]);
  await send(deployer!, dmc.address, dmcAbi, "delegate", [addr[0]]);
  await send(voterA, dmc.address, dmcAbi, "delegate", [addr[8]]);
  await send(voterB, dmc.address, dmcAbi, "delegate", [addr[8]], "voter B delegates to voter A");
  await warpTo((await now()) + 2n);

  // Applications: terms that sell for 10 days starting now, term from day +12 to +42; the listed
  // tokens (USDT for payment, IFIL for FIL's rewards), or the approval's createOffering reverts.
  const day = (await now()) / 86_400n;
  const terms = (name: string) => ({
    assetId: 1,
    paymentToken: usdt,
    rewardToken: ifil,
    unitsTotal: 100n,
    pricePerUnit: 100_000_000n,
    saleStart: Number(day * 86_400n),
    saleEnd: Number((day + 10n) * 86_400n),
    termStartDay: Number(day + 12n),
    termEndDay: Number(day + 42n),
    expectedDailyRewardPerUnitWad: 10n ** 15n,
    totalHashpower: 1_000n,
    effectiveHashpower: 900n,
    minerName: name,
    disclosureURI: `ipfs://${name.replace(/ /g, "-")}`,
  });
  const submit = async (miner: Wallet, name: string) => {
    await send(miner, dmc.address, dmcAbi, "approve", [applications.address, DMC(20_000)]);
    await send(
      miner,
      applications.address,
      appsAbi,
      "submit",
      [terms(name), `# Application: ${name}\n\nTerms and disclosure.`],
      `${name} applies`,
    );
    const count = await read<bigint>(applications.address, appsAbi, "applicationCount");
    const app = await read<{ proposalId: bigint }>(applications.address, appsAbi, "getApplication", [count]);
    return app.proposalId;
  };
  const application1 = await submit(miners[0]!, "Deepwell");
  const application2 = await submit(miners[1]!, "Nordic Hash");
  const application3 = await submit(miners[2]!, "Quickfil");

  // Application 2: its miner withdraws it before the vote. The stake stays Locked until the
  // cancelled vote's deadline + 1 s (ApplicationCancelled's stakeUnlockAt); it is withdrawn below.
  await send(miners[1]!, applications.address, appsAbi, "cancel", [2n], "Nordic Hash cancels");

  // Application 3: the council, as proposal guardian, cancels it (4 of 7 owners sign), then a
  // second cancel of the same proposal fails inside the Safe (safeTxGas set: ExecutionFailure).
  const owners = (await read<Address[]>(council, safeAbi, "getOwners")).map((a) => getAddress(a));
  const [targets3, values3, calldatas3] = await read<[Address[], bigint[], Hex[]]>(
    applications.address,
    appsAbi,
    "proposalAction",
    [3n],
  );
  const descriptionHash3 = keccak256(toHex(`# Application: Quickfil\n\nTerms and disclosure.`));
  const cancelData = encodeFunctionData({
    abi: governorAbi,
    functionName: "guardianCancel",
    args: [targets3, values3, calldatas3, descriptionHash3],
  });
  const execSafe = async (to: Address, data: Hex, safeTxGas: bigint, label: string) => {
    const nonce = await read<bigint>(council, safeAbi, "nonce");
    const tx = [to, 0n, data, 0, safeTxGas, 0n, 0n, zeroAddress, zeroAddress] as const;
    const hash = await read<Hex>(council, safeAbi, "getTransactionHash", [...tx, nonce]);
    const signers = accounts.filter((a) => owners.includes(getAddress(a.address))).slice(0, 4);
    if (signers.length !== 4) throw new Error(`council owners ${owners.join(",")}: ${signers.length} of our accounts`);
    signers.sort((a, b) => (BigInt(a.address) < BigInt(b.address) ? -1 : 1));
    const signatures = concat(await Promise.all(signers.map((s) => s.sign({ hash }))));
    return send(deployer!, council, safeAbi, "execTransaction", [...tx, signatures], label);
  };
  await execSafe(governor.address, cancelData, 0n, "the council cancels Quickfil's application");
  await execSafe(governor.address, cancelData, 300_000n, "a second cancel fails inside the Safe");

  // The council schedules on the timelock directly (a bootstrap proposer): a delay change it then
  // cancels itself, and a batch that would hand it the treasury and the exchange's governor role
  // after 30 days, still pending when the hand-over revokes its PROPOSER_ROLE (so orphaned).
  const tlAbi = abiOf("DmexTimelock");
  const minDelay = await read<bigint>(timelock.address, tlAbi, "getMinDelay");
  const salt = keccak256(toHex("council bootstrap"));
  const noPredecessor = `0x${"0".repeat(64)}` as Hex;
  const delayCall = encodeFunctionData({ abi: tlAbi, functionName: "updateDelay", args: [minDelay + 60n] });
  await execSafe(
    timelock.address,
    encodeFunctionData({
      abi: tlAbi,
      functionName: "schedule",
      args: [timelock.address, 0n, delayCall, noPredecessor, salt, minDelay],
    }),
    0n,
    "the council schedules a delay change",
  );
  const cancelledOp = await read<Hex>(timelock.address, tlAbi, "hashOperation", [
    timelock.address,
    0n,
    delayCall,
    noPredecessor,
    salt,
  ]);
  await execSafe(
    timelock.address,
    encodeFunctionData({ abi: tlAbi, functionName: "cancel", args: [cancelledOp] }),
    0n,
    "the council cancels its delay change",
  );
  const orphanedBatch: [Address[], bigint[], Hex[], Hex, Hex] = [
    [dmc.address, exchange.address],
    [0n, 0n],
    [
      encodeFunctionData({ abi: abiOf("DMCToken"), functionName: "transfer", args: [council, DMC(1_000_000)] }),
      encodeFunctionData({
        abi: abiOf("HashpowerExchange"),
        functionName: "grantRole",
        args: [role("GOVERNOR_ROLE"), council],
      }),
    ],
    noPredecessor,
    salt,
  ];
  await execSafe(
    timelock.address,
    encodeFunctionData({ abi: tlAbi, functionName: "scheduleBatch", args: [...orphanedBatch, 30n * 86_400n] }),
    0n,
    "the council schedules a treasury batch",
  );
  const orphanedOp = await read<Hex>(timelock.address, tlAbi, "hashOperationBatch", [...orphanedBatch]);

  // Application 1: voted (one plain vote, one with a reason), queued, executed: the offering exists.
  const snapshot1 = await read<bigint>(governor.address, governorAbi, "proposalSnapshot", [application1]);
  await warpTo(snapshot1 + 1n);
  await send(deployer!, governor.address, governorAbi, "castVote", [application1, 1], "deployer votes for Deepwell");
  await send(
    voterA,
    governor.address,
    governorAbi,
    "castVoteWithReason",
    [application1, 1, "disclosure checked"],
    "voter A votes for Deepwell",
  );
  const deadline1 = await read<bigint>(governor.address, governorAbi, "proposalDeadline", [application1]);
  await warpTo(deadline1 + 1n);
  // Nordic Hash's cancelled vote would have ended by now (it was proposed seconds after Deepwell's):
  // its stake is Withdrawable, and the miner takes it back.
  const { unlockAt: unlock2 } = await read<{ unlockAt: number }>(applications.address, appsAbi, "getApplication", [2n]);
  if ((await now()) < BigInt(unlock2)) await warpTo(BigInt(unlock2));
  await send(miners[1]!, applications.address, appsAbi, "withdrawStake", [2n], "Nordic Hash withdraws its stake");
  const appTargets = [applications.address];
  const appCalldatas = [encodeFunctionData({ abi: appsAbi, functionName: "approve", args: [1n] })];
  const appDescriptionHash = keccak256(toHex(`# Application: Deepwell\n\nTerms and disclosure.`));
  await send(
    deployer!,
    governor.address,
    governorAbi,
    "queue",
    [appTargets, [0n], appCalldatas, appDescriptionHash],
    "Deepwell's approval queued",
  );
  const eta1 = await read<bigint>(governor.address, governorAbi, "proposalEta", [application1]);
  await warpTo(eta1 + 1n);
  await send(
    deployer!,
    governor.address,
    governorAbi,
    "execute",
    [appTargets, [0n], appCalldatas, appDescriptionHash],
    "Deepwell approved",
  );

  // Voter B takes its votes back before the omnibus proposal.
  await send(voterB, dmc.address, dmcAbi, "delegate", [addr[9]], "voter B delegates to itself");
  await warpTo((await now()) + 2n);

  // The omnibus proposal: every parameter kind, a slash, a payout, the hand-over and a member swap.
  const ex = contracts.HashpowerExchange;
  const tl = contracts.DmexTimelock;
  const ownersNow = (await read<Address[]>(council, safeAbi, "getOwners")).map((a) => getAddress(a));
  const leaving = getAddress(addr[17]!);
  const prev = ownersNow.indexOf(leaving) === 0 ? SENTINEL : ownersNow[ownersNow.indexOf(leaving) - 1]!;
  const swap = encodeFunctionData({ abi: safeAbi, functionName: "swapOwner", args: [prev, leaving, addr[18]] });
  const call = (target: { address: Address; abi: Abi }, functionName: string, args: unknown[]) => ({
    target: target.address,
    data: encodeFunctionData({ abi: target.abi, functionName, args }),
  });
  const actions = [
    call(ex, "setChannelFee", [400]),
    call(contracts.ProtocolParameters, "setTradingFee", [150]),
    call(contracts.ProtocolParameters, "setDefiFee", [250]),
    call(contracts.MinerApplications, "setStakePolicy", [
      { minStake: DMC(12_000), stakePerValueWad: DMC(0.5), lockGraceDays: 45 },
    ]),
    call(contracts.DmexGovernor, "updateQuorumNumerator", [5n]),
    call(contracts.DmexGovernor, "setProposalGuardian", [zeroAddress]),
    call(tl, "revokeRole", [role("PROPOSER_ROLE"), council]),
    call(tl, "revokeRole", [role("CANCELLER_ROLE"), council]),
    call(ex, "revokeRole", [role("HALT_GUARDIAN_ROLE"), council]),
    call(contracts.CouncilSafe, "execTransactionFromModule", [council, 0n, swap, 0]),
    ...[
      encodeFunctionData({ abi: safeAbi, functionName: "changeThreshold", args: [5n] }),
      encodeFunctionData({ abi: safeAbi, functionName: "enableModule", args: [addr[12]] }),
      encodeFunctionData({ abi: safeAbi, functionName: "disableModule", args: [SENTINEL, addr[12]] }),
    ].map((data) => call(contracts.CouncilSafe, "execTransactionFromModule", [council, 0n, data, 0])),
    call(contracts.MinerApplications, "slash", [1n, "false disclosure"]),
    call(contracts.InsuranceFund, "pay", [dmc.address, addr[10], DMC(1_000), "Offering #1 holders' compensation"]),
    call(tl, "updateDelay", [90n]),
    call(contracts.MiningReserve, "setDrawer", [0, addr[11], true]),
    // A function the subgraph does not decode: selector only.
    call(contracts.DMCToken, "approve", [addr[13], 1n]),
  ];
  const description = "# Omnibus: fees, stake policy, quorum and the council hand-over\n\nEvery parameter at once.";
  const omnibusArgs = [actions.map((a) => a.target), actions.map(() => 0n), actions.map((a) => a.data)] as const;
  await send(deployer!, governor.address, governorAbi, "propose", [...omnibusArgs, description], "omnibus proposed");
  const omnibus = await read<bigint>(governor.address, governorAbi, "hashProposal", [
    ...omnibusArgs,
    keccak256(toHex(description)),
  ]);
  const snapshot = await read<bigint>(governor.address, governorAbi, "proposalSnapshot", [omnibus]);
  await warpTo(snapshot + 1n);
  await send(voterB, governor.address, governorAbi, "castVote", [omnibus, 0], "voter B votes against");
  await send(
    deployer!,
    governor.address,
    governorAbi,
    "castVoteWithReasonAndParams",
    [omnibus, 2, "abstaining", "0x00"],
    "deployer abstains (with params)",
  );
  // Quorum is reached 30 s before the deadline: late-quorum protection extends the vote.
  const deadline = await read<bigint>(governor.address, governorAbi, "proposalDeadline", [omnibus]);
  await testClient.setNextBlockTimestamp({ timestamp: deadline - 30n });
  await send(
    voterA,
    governor.address,
    governorAbi,
    "castVote",
    [omnibus, 1],
    "voter A votes for, late: the vote is extended",
  );
  const extended = await read<bigint>(governor.address, governorAbi, "proposalDeadline", [omnibus]);
  await warpTo(extended + 1n);
  const omnibusHash = keccak256(toHex(description));
  await send(deployer!, governor.address, governorAbi, "queue", [...omnibusArgs, omnibusHash], "omnibus queued");
  const eta = await read<bigint>(governor.address, governorAbi, "proposalEta", [omnibus]);
  await warpTo(eta + 1n);
  await send(deployer!, governor.address, governorAbi, "execute", [...omnibusArgs, omnibusHash], "omnibus executed");

  // The drawer the DAO appointed takes DMC from the behaviour bucket (anvil funds accounts 0-9 only).
  await testClient.setBalance({ address: addr[11]!, value: 10n ** 18n });
  await send(
    wallets[11]!,
    reserve,
    contracts.MiningReserve.abi,
    "draw",
    [0, addr[11], DMC(1_000)],
    "a drawer draws from the reserve",
  );
  // Anyone may add DMC back to a bucket (the fee buyback does): the drawer returns a tenth of it.
  await send(wallets[11]!, dmc.address, dmcAbi, "approve", [reserve, DMC(100)]);
  await send(
    wallets[11]!,
    reserve,
    contracts.MiningReserve.abi,
    "replenish",
    [0, DMC(100)],
    "the behaviour bucket is replenished",
  );

  return {
    contracts,
    usdt,
    ifil,
    wbtc,
    checkpoints,
    proposals: { application1, application2, application3, omnibus },
    councilOperations: { cancelled: cancelledOp, orphaned: orphanedOp, orphanedBatch },
    holders: [
      ...new Set([
        addr[0]!,
        addr[5]!,
        addr[6]!,
        addr[7]!,
        addr[8]!,
        addr[9]!,
        addr[10]!,
        applications.address,
        insurance.address,
        timelock.address,
        reserve,
        council,
      ]),
    ].map((a) => getAddress(a)),
    accounts: addr as Address[],
  };
}

/** clients() for the first 20 anvil accounts (the council includes accounts 16 and 17). */
function manyClients(rpcUrl: string) {
  return clients(rpcUrl, 20);
}
