import type {
  Abi,
  Address,
  ContractFunctionArgs,
  ContractFunctionName,
  TransactionReceipt,
  WriteContractParameters,
} from "viem";

import type { SeedContext } from "./context.js";

/** Sends one seed transaction from `account` and waits for it (throws with the decoded reason if it reverts). */
export async function send<const abi extends Abi, name extends ContractFunctionName<abi, "nonpayable">>(
  ctx: SeedContext,
  account: Address,
  address: Address,
  abi: abi,
  functionName: name,
  args: ContractFunctionArgs<abi, "nonpayable", name>,
): Promise<TransactionReceipt> {
  const request = { account, chain: ctx.chain, address, abi, functionName, args } as unknown as WriteContractParameters;
  return ctx.confirm(await ctx.wallet.writeContract(request));
}
