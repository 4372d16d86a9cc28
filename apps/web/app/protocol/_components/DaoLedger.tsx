import { formatAmount, shortAddress } from "~/lib/format";
import type { DmcAllocationEntity, InsurancePayoutEntity, ParameterEntity } from "~/lib/graphql/types";

interface Props {
  readonly allocations: readonly DmcAllocationEntity[];
  readonly parameters: readonly ParameterEntity[];
  readonly payouts: readonly InsurancePayoutEntity[];
  /** Lowercase address -> deployment name. */
  readonly contracts: Readonly<Record<string, string>>;
  readonly amountLabel: (token: string, amount: string) => string;
}

const utc = (seconds: string) => new Date(Number(seconds) * 1000).toISOString().slice(0, 16).replace("T", " ");

/** The DAO's ledger: where DMC's supply went, every governable parameter now, insurance payouts. */
export function DaoLedger({ allocations, parameters, payouts, contracts, amountLabel }: Props) {
  if (allocations.length === 0 && parameters.length === 0) return null;
  const who = (address: string) => contracts[address.toLowerCase()] ?? shortAddress(address);
  return (
    <>
      <section className="card" aria-labelledby="alloc-h">
        <h2 id="alloc-h" className="text-lg font-semibold">
          DMC genesis allocation
        </h2>
        <table className="mt-2 w-full text-sm">
          <thead>
            <tr className="text-left text-slate-700">
              <th scope="col">Purpose</th>
              <th scope="col">Holder</th>
              <th scope="col" className="text-right">
                DMC
              </th>
            </tr>
          </thead>
          <tbody>
            {allocations.map((a) => (
              <tr key={a.id}>
                <td>{a.label}</td>
                <td>{who(a.recipient)}</td>
                <td className="text-right tabular-nums">{formatAmount(BigInt(a.amount), 18, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card" aria-labelledby="params-h">
        <h2 id="params-h" className="text-lg font-semibold">
          Governable parameters
        </h2>
        <p className="text-sm text-slate-700">
          Current values as the DAO (or the deployment) last set them; raw units.
        </p>
        <table className="mt-2 w-full text-sm">
          <thead>
            <tr className="text-left text-slate-700">
              <th scope="col">Contract</th>
              <th scope="col">Parameter</th>
              <th scope="col">Value</th>
              <th scope="col" className="text-right">
                Changes
              </th>
              <th scope="col" className="text-right">
                Last set (UTC)
              </th>
            </tr>
          </thead>
          <tbody>
            {parameters.map((p) => (
              <tr key={p.id}>
                <td>{who(p.contract)}</td>
                <td>{p.name}</td>
                <td className="break-all">{p.value}</td>
                <td className="text-right tabular-nums">{p.history.length}</td>
                <td className="text-right tabular-nums">{utc(p.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card" aria-labelledby="ins-h">
        <h2 id="ins-h" className="text-lg font-semibold">
          Insurance payouts
        </h2>
        {payouts.length === 0 ? (
          <p className="text-sm text-slate-700">No payouts voted yet.</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm">
            {payouts.map((p) => (
              <li key={p.id}>
                {utc(p.timestamp)}: {amountLabel(p.token, p.amount)} to {shortAddress(p.to)}: {p.reason}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
