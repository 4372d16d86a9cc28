/**
 * Whether this browser has a wallet connection wagmi will restore. wagmi persists its store in
 * localStorage under "wagmi.store" ({ state: { current: <connection uid> | null, ... } }); `current`
 * is set on connect and cleared on disconnect, so it is exactly "a connection is remembered".
 * Read without loading wagmi: the header decides from it whether the wallet island loads at once.
 */

export const WAGMI_STORE_KEY = "wagmi.store";
/** Bench only (bench/run.ts): set to "1" to measure the island gate without eager hydration. */
export const LAZY_ONLY_KEY = "dmex.islands.lazyOnly";

type ReadableStorage = Pick<Storage, "getItem">;

export function hasRememberedConnection(storage: ReadableStorage): boolean {
  const raw = storage.getItem(WAGMI_STORE_KEY);
  if (raw === null) return false;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== "object" || parsed === null || !("state" in parsed)) return false;
    const state: unknown = parsed.state;
    if (typeof state !== "object" || state === null || !("current" in state)) return false;
    return typeof state.current === "string" && state.current.length > 0;
  } catch {
    return false;
  }
}

/**
 * Load the wallet island at once (not on first interaction / after idle): the page shows the
 * visitor's own account, or a connection is remembered (a returning user sees their account, not
 * a "Connect Wallet" placeholder, without waiting).
 */
export function shouldHydrateWalletAtOnce(
  path: string,
  storage: ReadableStorage | undefined,
  routeNeedsAccount: (path: string) => boolean,
): boolean {
  if (storage?.getItem(LAZY_ONLY_KEY) === "1") return false;
  if (routeNeedsAccount(path)) return true;
  return storage !== undefined && hasRememberedConnection(storage);
}
