/** The miner's disclosure document (inline data: URI in the seed; any other URI is linked, not fetched). */
export function Disclosure({ doc, uri }: { doc: Record<string, unknown> | null; uri: string }) {
  const company = (doc?.company ?? null) as Record<string, unknown> | null;
  const hashpower = (doc?.hashpower ?? null) as Record<string, unknown> | null;
  const facilities = Array.isArray(doc?.facilities) ? (doc.facilities as Record<string, unknown>[]) : [];
  const minerIds = Array.isArray(doc?.minerIds) ? (doc.minerIds as unknown[]).map(String) : [];
  return (
    <section aria-labelledby="disclosure-h" className="card">
      <h2 id="disclosure-h" className="text-lg font-semibold">
        Miner disclosure
      </h2>
      {doc === null ? (
        <p className="mt-2 text-sm text-slate-700">
          The disclosure lives at{" "}
          <a className="break-all underline" href={uri} rel="noopener noreferrer">
            {uri}
          </a>
          . It is not shown inline: check it before buying.
        </p>
      ) : (
        <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-2">
          {company && (
            <>
              <div>
                <dt className="text-slate-600">Company</dt>
                <dd>{String(company.legalName ?? company.name ?? "")}</dd>
              </div>
              <div>
                <dt className="text-slate-600">Jurisdiction / registration</dt>
                <dd>
                  {String(company.jurisdiction ?? "")} · {String(company.registrationNumber ?? "")}
                </dd>
              </div>
            </>
          )}
          {hashpower && (
            <div>
              <dt className="text-slate-600">Hashpower</dt>
              <dd className="num">
                {String(hashpower.effective)} effective of {String(hashpower.total)} {String(hashpower.unit)} (
                {String(hashpower.asset)})
              </dd>
            </div>
          )}
          {minerIds.length > 0 && (
            <div>
              <dt className="text-slate-600">Miner ids</dt>
              <dd className="font-mono text-xs">{minerIds.join(", ")}</dd>
            </div>
          )}
          {facilities.length > 0 && (
            <div className="sm:col-span-2">
              <dt className="text-slate-600">Facilities</dt>
              <dd>
                <ul className="list-inside list-disc">
                  {facilities.map((f, i) => (
                    <li key={i}>
                      {String(f.location)}: {String(f.powerSource)}, {String(f.capacityMW)} MW
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
        </dl>
      )}
      {doc !== null && (
        <p className="mt-2 text-xs text-slate-600">Self-declared by the miner at listing; not verified on chain.</p>
      )}
    </section>
  );
}
