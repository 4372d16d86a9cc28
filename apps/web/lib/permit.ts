/** EIP-2612 permits: one signer for every flow that pays with `…WithPermit` (buying a position, staking for an application). */
import { bridgedTokenAbi } from "@dmex/deployments";
import { type Address, type Hex, parseSignature } from "viem";
import type { Config } from "wagmi";
import { readContract, signTypedData } from "wagmi/actions";

import { targetChain } from "~/services/chains";

const PERMIT_TYPES = {
  Permit: [
    { name: "owner", type: "address" },
    { name: "spender", type: "address" },
    { name: "value", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

export interface PermitRequest {
  /** An ERC-20 with EIP-2612 and EIP-5267 (`eip712Domain`): the bridged tokens and DMC. */
  readonly token: Address;
  readonly owner: Address;
  readonly spender: Address;
  readonly value: bigint;
  /** Unix seconds. */
  readonly deadline: bigint;
}

/** Reads the token's nonce and EIP-712 domain, asks the wallet to sign the permit, returns it split for the contract. */
export async function signPermit(config: Config, p: PermitRequest): Promise<{ v: number; r: Hex; s: Hex }> {
  const [nonce, domain] = await Promise.all([
    readContract(config, {
      address: p.token,
      abi: bridgedTokenAbi,
      functionName: "nonces",
      args: [p.owner],
      chainId: targetChain.id,
    }),
    readContract(config, {
      address: p.token,
      abi: bridgedTokenAbi,
      functionName: "eip712Domain",
      chainId: targetChain.id,
    }),
  ]);
  const signature = await signTypedData(config, {
    domain: {
      name: domain[1],
      version: domain[2],
      chainId: Number(domain[3]),
      verifyingContract: domain[4] as Address,
    },
    types: PERMIT_TYPES,
    primaryType: "Permit",
    message: { owner: p.owner, spender: p.spender, value: p.value, nonce, deadline: p.deadline },
  });
  const { v, r, s, yParity } = parseSignature(signature);
  return { v: Number(v ?? BigInt(yParity + 27)), r, s };
}
