"use client";
/**
 * Make a loan offer: for one position, any position of an offering or of an asset (collection offers: least
 * units, term days left after the due date, how many loans), or an amount of a collateral token. The offer is
 * backed by the lender's allowance, not escrowed: the form raises the allowance by principal x fills, then
 * posts the offer.
 */
import { bridgedTokenAbi } from "@dmex/deployments";
import { termsCost } from "@dmex/money-math/lending";
import { useState } from "react";
import type { Abi } from "viem";
import { useAccount, useConfig } from "wagmi";
import { readContract } from "wagmi/actions";

import { ConnectPrompt } from "~/components/ConnectPrompt";
import { useDeployment, useLending } from "~/components/DeploymentContext";
import { loansAbi, messageClass, useLendingTx } from "~/hooks/useLendingTx";
import { useTickingChainNow } from "~/hooks/useTickingChainNow";
import { formatToken } from "~/lib/format";
import type { LoanCollateralKindName } from "~/lib/graphql/lendingTypes";
import {
  validateAprPercent,
  validateDurationDays,
  validateMinInterest,
  validatePrincipal,
  validateRewardPrice,
  validateWhole,
} from "~/lib/lending/forms";
import { tokenTarget } from "~/lib/lending/format";
import { targetChain } from "~/services/chains";
import { LabeledInput } from "~/components/ui";

/** The contract's CollateralKind numbers. */
export const COLLATERAL_KIND: Readonly<Record<LoanCollateralKindName, number>> = {
  Position: 1,
  Offering: 2,
  Asset: 3,
  Token: 4,
};

export function MakeOfferForm() {
  const loans = useLending();
  const { tokens } = useDeployment();
  const { address, isConnected } = useAccount();
  const config = useConfig();
  const now = useTickingChainNow();
  const { send, busy, message } = useLendingTx();
  const list = Object.values(tokens);
  const currency = list.find((t) => t.symbol === "USDT") ?? list[0];
  const collateralTokens = list.filter((t) => t.symbol === "IFIL" || t.symbol === "WBTC");
  const [kind, setKind] = useState<LoanCollateralKindName>("Position");
  const [target, setTarget] = useState("");
  const [tokenAddress, setTokenAddress] = useState(collateralTokens[0]?.address ?? "");
  const [amount, setAmount] = useState("");
  const [principal, setPrincipal] = useState("");
  const [apr, setApr] = useState("10");
  const [days, setDays] = useState("30");
  const [minInterest, setMinInterest] = useState("");
  const [rewardToken, setRewardToken] = useState(collateralTokens[0]?.address ?? "");
  const [rewardPrice, setRewardPrice] = useState("");
  const [minUnits, setMinUnits] = useState("1");
  const [minDaysLeft, setMinDaysLeft] = useState("0");
  const [fills, setFills] = useState("1");
  const [expiryDays, setExpiryDays] = useState("7");

  if (loans === null || currency === undefined) return null;
  const collection = kind === "Offering" || kind === "Asset";
  const ct = collateralTokens.find((t) => t.address === tokenAddress);
  const rt = collateralTokens.find((t) => t.address === rewardToken);
  const principalCheck = validatePrincipal(principal, currency.decimals);
  const aprCheck = validateAprPercent(apr);
  const durationCheck = validateDurationDays(days);
  const terms =
    principalCheck.ok && aprCheck.ok && durationCheck.ok
      ? { principal: principalCheck.value, aprBps: aprCheck.value, duration: durationCheck.value }
      : null;
  const minCheck = validateMinInterest(minInterest, currency.decimals, terms);
  const priceCheck =
    kind === "Token"
      ? ({ ok: true, value: 0n } as const)
      : validateRewardPrice(rewardPrice, currency.decimals, rt?.decimals ?? 18);
  const targetCheck =
    kind === "Token"
      ? ({ ok: true, value: 0n } as const)
      : validateWhole(
          target,
          kind === "Position" ? 1n : 0n,
          (1n << 128n) - 1n,
          kind === "Position" ? "Token id" : kind === "Offering" ? "Offering id" : "Asset id",
        );
  const amountCheck =
    kind === "Token" ? validatePrincipal(amount, ct?.decimals ?? 18) : ({ ok: true, value: 0n } as const);
  const unitsCheck = collection
    ? validateWhole(minUnits, 0n, (1n << 40n) - 1n, "Least units")
    : ({ ok: true, value: 0n } as const);
  const daysLeftCheck = collection
    ? validateWhole(minDaysLeft, 0n, 65_535n, "Term days left")
    : ({ ok: true, value: 0n } as const);
  const fillsCheck = collection ? validateWhole(fills, 1n, 65_535n, "Loans") : ({ ok: true, value: 1n } as const);
  const expiryCheck = validateWhole(expiryDays, 1n, 365n, "Expires in (days)");
  const checks = [
    principalCheck,
    aprCheck,
    durationCheck,
    minCheck,
    priceCheck,
    targetCheck,
    amountCheck,
    unitsCheck,
    daysLeftCheck,
    fillsCheck,
    expiryCheck,
  ];
  const valid = checks.every((c) => c.ok);
  const errors = checks.flatMap((c) => (c.ok ? [] : [c.error]));
  const cost = terms && minCheck.ok ? termsCost({ ...terms, minInterest: minCheck.value }) : null;

  async function submit() {
    if (!loans || !address || !valid || !terms || !minCheck.ok || !priceCheck.ok || !targetCheck.ok || !amountCheck.ok)
      return;
    if (!unitsCheck.ok || !daysLeftCheck.ok || !fillsCheck.ok || !expiryCheck.ok || now === undefined || !currency)
      return;
    const need = terms.principal * fillsCheck.value;
    const current = await readContract(config, {
      address: currency.address,
      abi: bridgedTokenAbi,
      functionName: "allowance",
      args: [address, loans],
      chainId: targetChain.id,
    });
    // Raise the allowance by what this offer may draw (other open offers keep theirs).
    const ok = await send(
      `Approve ${formatToken(need, currency.decimals, currency.symbol)} more for the loans contract`,
      currency.address,
      bridgedTokenAbi as Abi,
      "approve",
      [loans, current + need],
    );
    if (!ok) return;
    await send("Make a loan offer", loans, loansAbi, "makeOffer", [
      {
        currency: currency.address,
        principal: terms.principal,
        aprBps: Number(terms.aprBps),
        duration: Number(terms.duration),
        minInterest: minCheck.value,
        rewardPriceWad: priceCheck.value,
      },
      {
        target: kind === "Token" ? tokenTarget(tokenAddress) : targetCheck.value,
        kind: COLLATERAL_KIND[kind],
        minUnits: Number(unitsCheck.value),
        minDaysLeft: Number(daysLeftCheck.value),
        amount: amountCheck.value,
      },
      now + Number(expiryCheck.value) * 86_400,
      Number(fillsCheck.value),
    ]);
  }

  const field = (
    id: string,
    label: string,
    value: string,
    set: (v: string) => void,
    mode: "decimal" | "numeric" = "decimal",
  ) => <LabeledInput id={id} label={label} value={value} onChange={set} inputMode={mode} />;
  const tokenSelect = (id: string, label: string, value: string, set: (v: string) => void) => (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <select id={id} className="input" value={value} onChange={(e) => set(e.target.value)}>
        {collateralTokens.map((t) => (
          <option key={t.address} value={t.address}>
            {t.symbol}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form
      className="card space-y-3 text-sm"
      aria-labelledby="make-offer-h"
      data-testid="make-offer"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="make-offer-h" className="text-lg font-semibold">
        Make an offer
      </h2>
      <div className="grid gap-3 sm:grid-cols-3">
        <div>
          <label htmlFor="mo-kind" className="label">
            Collateral
          </label>
          <select
            id="mo-kind"
            className="input"
            value={kind}
            onChange={(e) => setKind(e.target.value as LoanCollateralKindName)}
          >
            <option value="Position">One position</option>
            <option value="Offering">Any position of an offering</option>
            <option value="Asset">Any position of an asset</option>
            <option value="Token">A collateral token</option>
          </select>
        </div>
        {kind === "Token" ? (
          <>
            {tokenSelect("mo-token", "Token", tokenAddress, setTokenAddress)}
            {field("mo-amount", `Collateral amount (${ct?.symbol ?? "token"})`, amount, setAmount)}
          </>
        ) : (
          field(
            "mo-target",
            kind === "Position" ? "Position (token id)" : kind === "Offering" ? "Offering id" : "Asset id",
            target,
            setTarget,
            "numeric",
          )
        )}
        {field("mo-principal", `Principal (${currency.symbol})`, principal, setPrincipal)}
        {field("mo-apr", "APR (%)", apr, setApr)}
        {field("mo-days", "Duration (days)", days, setDays)}
        {field("mo-min", `Minimum interest (${currency.symbol}, optional)`, minInterest, setMinInterest)}
        {kind !== "Token" && (
          <>
            {tokenSelect("mo-reward-token", "Reward token (self-repayment)", rewardToken, setRewardToken)}
            {field(
              "mo-reward-price",
              `Reward price (${currency.symbol} per ${rt?.symbol ?? "token"}, blank: no self-repayment)`,
              rewardPrice,
              setRewardPrice,
            )}
          </>
        )}
        {collection && (
          <>
            {field("mo-min-units", "Least units", minUnits, setMinUnits, "numeric")}
            {field("mo-days-left", "Least term days left after due", minDaysLeft, setMinDaysLeft, "numeric")}
            {field("mo-fills", "Loans (fills)", fills, setFills, "numeric")}
          </>
        )}
        {field("mo-expiry", "Expires in (days)", expiryDays, setExpiryDays, "numeric")}
      </div>
      {errors.length > 0 && (principal !== "" || target !== "") && (
        <ul className="text-red-800" data-testid="make-offer-errors">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {cost && (
        <p className="text-slate-700" data-testid="make-offer-cost">
          The borrower repays {formatToken(cost.totalAtDue, currency.decimals, currency.symbol)} at the due date
          (interest {formatToken(cost.interestAtDue, currency.decimals, currency.symbol)}), at least{" "}
          {formatToken(cost.totalAtOnce, currency.decimals, currency.symbol)} if repaid at once. The DeFi fee is taken
          from the interest you receive.
        </p>
      )}
      {!isConnected ? (
        <ConnectPrompt label="Connect to lend" />
      ) : (
        <button type="submit" className="btn-primary" disabled={busy || !valid} data-testid="make-offer-submit">
          Approve and make the offer
        </button>
      )}
      {message && (
        <p role={message.ok ? "status" : "alert"} className={messageClass(message.ok)}>
          {message.text}
        </p>
      )}
    </form>
  );
}
