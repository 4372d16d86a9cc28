import { anvilAddress } from "../accounts.js";
import { dmcTokenAbi } from "../contracts.js";
import { DMC_GRANTS, MINERS, USDT_PER_ACCOUNT } from "../plan.js";
import type { SeedChapter } from "./chapter.js";

/** Day 0: the bridge funds buyers and spares with USDT, and the deployer hands out genesis DMC, which holders delegate. */
export const genesis: SeedChapter = {
  name: "genesis",
  async onDay0(ctx) {
    const { wallet, chain, confirm, counts, accounts, contracts } = ctx;
    for (const account of [...accounts.buyers, ...accounts.spares]) {
      await ctx.mint(contracts.usdt, account, USDT_PER_ACCOUNT);
      await ctx.approve(account, contracts.usdt);
    }
    for (const plan of MINERS) {
      const miner = accounts.miners[plan.slot];
      if (miner !== undefined && plan.behaviour !== "applicant")
        await ctx.approve(miner, contracts.rewardToken[plan.disclosure.asset]);
    }
    for (const grant of DMC_GRANTS) {
      if (grant.amount === 0n) continue;
      await confirm(
        await wallet.writeContract({
          account: accounts.deployer,
          chain,
          address: contracts.dmc,
          abi: dmcTokenAbi,
          functionName: "transfer",
          args: [anvilAddress(grant.account), grant.amount],
        }),
      );
      counts.dmcTransfers++;
    }
    for (const grant of DMC_GRANTS) {
      if (grant.delegateTo === null) continue;
      const holder = anvilAddress(grant.account);
      const delegatee = grant.delegateTo === "self" ? holder : anvilAddress(grant.delegateTo);
      await confirm(
        await wallet.writeContract({
          account: holder,
          chain,
          address: contracts.dmc,
          abi: dmcTokenAbi,
          functionName: "delegate",
          args: [delegatee],
        }),
      );
      counts.delegations++;
    }
  },
};
