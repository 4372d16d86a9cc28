/**
 * Chain helpers of the nodes and insurance scenarios (22, 23): reads of PromotionNodes and MutualInsurance, DMC
 * handed to a spare account by a seeded holder (an off-app transfer, as a friend would send it), and the seeded
 * main node made sure of. Contracts by their deployment names (support/defi.ts).
 */
import {
  bridgedTokenAbi,
  dmcTokenAbi,
  mutualInsuranceAbi,
  promotionNodesAbi,
  type Deployment,
} from "@dmex/deployments";
import type { Address } from "viem";

import { anvilAddress } from "./accounts";
import { defiAddress, send } from "./defi";
import { client } from "./trading";

export async function dmcBalance(rpcUrl: string, deployment: Deployment, account: Address): Promise<bigint> {
  return client(rpcUrl).readContract({
    address: defiAddress(deployment, "DMCToken"),
    abi: dmcTokenAbi,
    functionName: "balanceOf",
    args: [account],
  });
}

export async function usdtBalance(rpcUrl: string, deployment: Deployment, account: Address): Promise<bigint> {
  return client(rpcUrl).readContract({
    address: defiAddress(deployment, "USDT"),
    abi: bridgedTokenAbi,
    functionName: "balanceOf",
    args: [account],
  });
}

/** Account `from` (a seeded DMC holder) sends `amount` DMC wei to account `to`, when `to` holds less. */
export async function ensureDmc(rpcUrl: string, deployment: Deployment, from: number, to: number, amount: bigint) {
  const have = await dmcBalance(rpcUrl, deployment, anvilAddress(to));
  if (have >= amount) return;
  await send(rpcUrl, from, {
    address: defiAddress(deployment, "DMCToken"),
    abi: dmcTokenAbi,
    functionName: "transfer",
    args: [anvilAddress(to), amount - have],
  });
}

export async function nodeOf(rpcUrl: string, deployment: Deployment, account: Address) {
  return client(rpcUrl).readContract({
    address: defiAddress(deployment, "PromotionNodes"),
    abi: promotionNodesAbi,
    functionName: "nodeOf",
    args: [account],
  });
}

/** The seed registers account `index` as a main node; made sure of here (a stack seeded before its nodes chapter). */
export async function ensureMainNode(rpcUrl: string, deployment: Deployment, index: number) {
  const node = await nodeOf(rpcUrl, deployment, anvilAddress(index));
  if (node.kind === 1 && node.exitReadyAt === 0) return;
  if (node.kind !== 0) throw new Error(`account ${index} is a node of kind ${node.kind}, not a live main node`);
  const nodes = defiAddress(deployment, "PromotionNodes");
  const stake = await client(rpcUrl).readContract({
    address: nodes,
    abi: promotionNodesAbi,
    functionName: "mainStake",
  });
  await send(rpcUrl, index, {
    address: defiAddress(deployment, "DMCToken"),
    abi: dmcTokenAbi,
    functionName: "approve",
    args: [nodes, stake],
  });
  await send(rpcUrl, index, {
    address: nodes,
    abi: promotionNodesAbi,
    functionName: "registerMainNode",
    args: [],
  });
}

export async function commissionOf(rpcUrl: string, deployment: Deployment, node: Address) {
  return client(rpcUrl).readContract({
    address: defiAddress(deployment, "PromotionNodes"),
    abi: promotionNodesAbi,
    functionName: "commissionOf",
    args: [node, defiAddress(deployment, "USDT")],
  });
}

export async function payoutClaimable(rpcUrl: string, deployment: Deployment, payoutId: bigint, tokenId: bigint) {
  return client(rpcUrl).readContract({
    address: defiAddress(deployment, "MutualInsurance"),
    abi: mutualInsuranceAbi,
    functionName: "claimableOf",
    args: [payoutId, tokenId],
  });
}
