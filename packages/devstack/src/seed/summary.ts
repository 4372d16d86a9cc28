import type { Address, PublicClient } from "viem";

import { hashpowerExchangeAbi } from "./contracts.js";
import { DEFAULTING_OFFERING_ID, MINERS, OFFERINGS } from "./plan.js";

export interface SeedCounts {
  purchases: number;
  deposits: number;
  reports: number;
  claims: number;
  withdrawals: number;
  feeCollections: number;
  mints: number;
  transactions: number;
}

export type OfferingStatusName = "None" | "Active" | "Flagged" | "Halted";

export interface SeededOffering {
  readonly id: number;
  readonly label: string;
  readonly asset: "FIL" | "BTC";
  readonly miner: Address;
  readonly minerName: string;
  readonly behaviour: "healthy" | "defaulting";
  /** USDT base units (6 decimals), as a decimal string. */
  readonly pricePerUnit: string;
  readonly unitsTotal: number;
  readonly unitsSold: number;
  readonly positions: number;
  readonly termStartDay: number;
  readonly termEndDay: number;
  readonly lastCoveredDay: number;
  readonly lowStreak: number;
  readonly status: OfferingStatusName;
  readonly flaggable: boolean;
}

/** What the seed made, all plain JSON (bigints as decimal strings). */
export interface SeedSummary {
  /** UTC day (days since epoch) of seed day 0, and the last simulated day. */
  readonly startDay: number;
  readonly endDay: number;
  readonly daysSimulated: number;
  readonly chainTimestamp: number;
  readonly blockNumber: number;
  readonly accounts: {
    readonly deployer: Address;
    readonly treasury: Address;
    readonly registrar: Address;
    readonly reporter: Address;
    readonly minter: Address;
    readonly miners: readonly { readonly name: string; readonly address: Address; readonly behaviour: string }[];
    readonly buyers: readonly Address[];
    /** Funded with USDT, untouched by the seed. */
    readonly spares: readonly Address[];
  };
  readonly offerings: readonly SeededOffering[];
  readonly defaultingOfferingId: number;
  readonly positions: number;
  readonly distinctBuyers: number;
  readonly counts: Readonly<SeedCounts>;
}

const STATUS: readonly OfferingStatusName[] = ["None", "Active", "Flagged", "Halted"];

export async function buildSummary(input: {
  publicClient: PublicClient;
  exchange: Address;
  counts: SeedCounts;
  day0: number;
  endDay: number;
  roles: { deployer: Address; treasury: Address; registrar: Address; reporter: Address; minter: Address };
  miners: readonly Address[];
  buyers: readonly Address[];
  spares: readonly Address[];
  tokensOf: ReadonlyMap<Address, readonly bigint[]>;
}): Promise<SeedSummary> {
  const { publicClient, exchange } = input;
  const read = publicClient.readContract.bind(publicClient);
  const offeringCount = Number(await read({ address: exchange, abi: hashpowerExchangeAbi, functionName: "offeringCount" }));
  const positionCount = Number(await read({ address: exchange, abi: hashpowerExchangeAbi, functionName: "positionCount" }));

  const positionsPerOffering = new Map<number, number>();
  const owners = new Set<Address>();
  for (let tokenId = 1n; tokenId <= BigInt(positionCount); tokenId++) {
    const position = await read({ address: exchange, abi: hashpowerExchangeAbi, functionName: "getPosition", args: [tokenId] });
    positionsPerOffering.set(position.offeringId, (positionsPerOffering.get(position.offeringId) ?? 0) + 1);
    owners.add(await read({ address: exchange, abi: hashpowerExchangeAbi, functionName: "ownerOf", args: [tokenId] }));
  }

  const offerings: SeededOffering[] = [];
  for (let id = 1; id <= offeringCount; id++) {
    const o = await read({ address: exchange, abi: hashpowerExchangeAbi, functionName: "getOffering", args: [BigInt(id)] });
    const [canFlag] = await read({ address: exchange, abi: hashpowerExchangeAbi, functionName: "flaggable", args: [BigInt(id)] });
    const plan = OFFERINGS[id - 1];
    offerings.push({
      id,
      label: plan?.label ?? `offering ${id}`,
      asset: plan?.asset ?? (o.assetId === 2 ? "BTC" : "FIL"),
      miner: o.miner,
      minerName: o.minerName,
      behaviour: plan !== undefined && MINERS[plan.minerSlot]?.behaviour === "defaulting" ? "defaulting" : "healthy",
      pricePerUnit: o.pricePerUnit.toString(),
      unitsTotal: Number(o.unitsTotal),
      unitsSold: Number(o.unitsSold),
      positions: positionsPerOffering.get(id) ?? 0,
      termStartDay: o.termStartDay,
      termEndDay: o.termEndDay,
      lastCoveredDay: o.lastCoveredDay,
      lowStreak: o.lowStreak,
      status: STATUS[o.status] ?? "None",
      flaggable: canFlag,
    });
  }
  const block = await publicClient.getBlock();
  return {
    startDay: input.day0,
    endDay: input.endDay,
    daysSimulated: input.counts.reports,
    chainTimestamp: Number(block.timestamp),
    blockNumber: Number(block.number),
    accounts: {
      ...input.roles,
      miners: MINERS.map((m) => ({ name: m.name, address: input.miners[m.slot] ?? "0x", behaviour: m.behaviour })),
      buyers: input.buyers,
      spares: input.spares,
    },
    offerings,
    defaultingOfferingId: DEFAULTING_OFFERING_ID,
    positions: positionCount,
    distinctBuyers: owners.size,
    counts: { ...input.counts },
  };
}

/** The seed summary as an aligned text table, for the terminal. */
export function formatSeedSummary(summary: SeedSummary): string {
  const day = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
  const rows = summary.offerings.map((o) => [
    String(o.id),
    o.label,
    o.asset,
    `${(Number(o.pricePerUnit) / 1e6).toFixed(2)} USDT`,
    `${o.unitsSold}/${o.unitsTotal}`,
    String(o.positions),
    `${day(o.termStartDay)}..${day(o.termEndDay)}`,
    day(o.lastCoveredDay),
    o.status,
    o.flaggable ? "FLAGGABLE" : "ok",
  ]);
  const c = summary.counts;
  return [
    table(["id", "offering", "asset", "price/unit", "sold", "positions", "term", "covered to", "status", "default"], rows),
    "",
    `Seed: ${day(summary.startDay)}..${day(summary.endDay)} (${summary.daysSimulated} days reported), ` +
      `${c.purchases} purchases by ${summary.distinctBuyers} buyers, ${c.deposits} deposits, ${c.claims} claims, ` +
      `${c.withdrawals} escrow withdrawals, ${c.transactions} transactions.`,
    `Offering ${summary.defaultingOfferingId} is flaggable and NOT flagged (its miner under-paid, then stopped).`,
    table(
      ["role", "address"],
      [
        ["deployer/governor", summary.accounts.deployer],
        ["treasury", summary.accounts.treasury],
        ["registrar", summary.accounts.registrar],
        ["oracle reporter", summary.accounts.reporter],
        ["bridge minter", summary.accounts.minter],
        ...summary.accounts.miners.map((m) => [`miner ${m.name} (${m.behaviour})`, m.address]),
        ...summary.accounts.buyers.map((b, i) => [`buyer ${i + 1}`, b]),
        ...summary.accounts.spares.map((s, i) => [`spare ${i + 1} (USDT, unused)`, s]),
      ],
    ),
  ].join("\n");
}

/** Left-aligned columns separated by two spaces, with a rule under the header. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
