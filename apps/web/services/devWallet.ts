/**
 * The local dev wallet: a wagmi connector over anvil's unlocked accounts. Every request is sent to
 * the local node, which signs with the account's well-known key (eth_sendTransaction,
 * eth_signTypedData_v4), so a newcomer clicks through the seeded world without a browser extension.
 * It exists only on chain 31337: it refuses to switch elsewhere and the wallet list offers it only
 * when the app targets the local chain (services/wagmi.ts).
 */
import type { Wallet } from "@rainbow-me/rainbowkit";
import { createConnector } from "wagmi";
import { getAddress, numberToHex, type Address, type EIP1193Provider } from "viem";

import { ANVIL_ACCOUNTS, DEFAULT_DEV_ACCOUNT_INDEX } from "./devAccounts";
import { LOCAL_CHAIN_ID } from "./chains";

export const DEV_WALLET_ID = "dmexDevWallet";
const STORAGE_KEY = "dmex.devWallet.account";
const SWITCH_EVENT = "dmex:dev-account";
const CONNECTED_KEY = "dmex.devWallet.connected";

function storedIndex(): number {
  if (typeof window === "undefined") return DEFAULT_DEV_ACCOUNT_INDEX;
  const raw = window.localStorage.getItem(STORAGE_KEY);
  const n = Number(raw);
  return raw !== null && Number.isInteger(n) && n >= 0 && n < ANVIL_ACCOUNTS.length ? n : DEFAULT_DEV_ACCOUNT_INDEX;
}

function accountAt(index: number): Address {
  const a = ANVIL_ACCOUNTS[index];
  if (a === undefined) throw new Error(`anvil has no account ${index}`);
  return a;
}

/** Selects the dev account `index`; the connector emits accountsChanged. */
export function selectDevAccount(index: number): void {
  window.localStorage.setItem(STORAGE_KEY, String(index));
  window.dispatchEvent(new CustomEvent(SWITCH_EVENT));
}

export function currentDevAccountIndex(): number {
  return storedIndex();
}

class ProviderRpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

function makeProvider(rpcUrl: string): EIP1193Provider {
  let id = 0;
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const emit = (event: string, ...args: unknown[]) => listeners.get(event)?.forEach((fn) => fn(...args));
  if (typeof window !== "undefined") {
    window.addEventListener(SWITCH_EVENT, () => emit("accountsChanged", [accountAt(storedIndex())]));
  }
  const provider = {
    async request({ method, params }: { method: string; params?: unknown }) {
      switch (method) {
        case "eth_accounts":
        case "eth_requestAccounts":
          return [accountAt(storedIndex())];
        case "eth_chainId":
          return numberToHex(LOCAL_CHAIN_ID);
        case "wallet_switchEthereumChain": {
          const [{ chainId }] = params as [{ chainId: string }];
          if (Number(chainId) !== LOCAL_CHAIN_ID)
            throw new ProviderRpcError(4902, "The local dev wallet only works on the local chain (31337).");
          return null;
        }
        case "wallet_requestPermissions":
        case "wallet_revokePermissions":
          return [];
        default: {
          const res = await fetch(rpcUrl, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ jsonrpc: "2.0", id: ++id, method, params: params ?? [] }),
          });
          const body = (await res.json()) as {
            result?: unknown;
            error?: { code: number; message: string; data?: unknown };
          };
          if (body.error) {
            const error = new ProviderRpcError(body.error.code, body.error.message) as ProviderRpcError & {
              data?: unknown;
            };
            error.data = body.error.data;
            throw error;
          }
          return body.result;
        }
      }
    },
    on(event: string, fn: (...args: unknown[]) => void) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)?.add(fn);
    },
    removeListener(event: string, fn: (...args: unknown[]) => void) {
      listeners.get(event)?.delete(fn);
    },
  };
  return provider as unknown as EIP1193Provider;
}

/** The wagmi connector. */
export function devConnector(rpcUrl: string) {
  let provider: EIP1193Provider | undefined;
  let onAccounts: ((accounts: string[]) => void) | undefined;
  return createConnector<EIP1193Provider>((config) => ({
    id: DEV_WALLET_ID,
    name: "Local dev wallet",
    type: "dmexDev",
    async setup() {},
    async getProvider() {
      provider ??= makeProvider(rpcUrl);
      return provider;
    },
    async connect(parameters) {
      const p = await this.getProvider();
      if (parameters?.chainId !== undefined && parameters.chainId !== LOCAL_CHAIN_ID) {
        throw new ProviderRpcError(4902, "The local dev wallet only works on the local chain (31337).");
      }
      onAccounts ??= (accounts) => config.emitter.emit("change", { accounts: accounts.map((a) => getAddress(a)) });
      p.on("accountsChanged", onAccounts as never);
      const accounts = (await p.request({ method: "eth_requestAccounts" })).map((a) => getAddress(a));
      window.localStorage.setItem(CONNECTED_KEY, "1");
      // wagmi 2.19 types connect()'s return on a generic; the runtime shape is { accounts, chainId }.
      return { accounts, chainId: LOCAL_CHAIN_ID } as never;
    },
    async disconnect() {
      window.localStorage.removeItem(CONNECTED_KEY);
      if (provider && onAccounts) provider.removeListener("accountsChanged", onAccounts as never);
    },
    async getAccounts() {
      return [accountAt(storedIndex())];
    },
    async getChainId() {
      return LOCAL_CHAIN_ID;
    },
    async isAuthorized() {
      return typeof window !== "undefined" && window.localStorage.getItem(CONNECTED_KEY) === "1";
    },
    async switchChain({ chainId }) {
      if (chainId !== LOCAL_CHAIN_ID)
        throw new ProviderRpcError(4902, "The local dev wallet only works on the local chain (31337).");
      const chain = config.chains.find((c) => c.id === chainId);
      if (chain === undefined) throw new Error("local chain not configured");
      return chain;
    },
    onAccountsChanged(accounts) {
      config.emitter.emit("change", { accounts: accounts.map((a) => getAddress(a)) });
    },
    onChainChanged() {},
    onDisconnect() {
      config.emitter.emit("disconnect");
    },
  }));
}

const ICON =
  "data:image/svg+xml;base64," +
  (typeof btoa === "function" ? btoa : (s: string) => Buffer.from(s).toString("base64"))(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 28 28"><rect width="28" height="28" rx="6" fill="#0f766e"/><path d="M8 9h12v10H8z" fill="none" stroke="#fff" stroke-width="2"/><circle cx="17" cy="14" r="1.6" fill="#fff"/></svg>',
  );

/** The dev wallet as a RainbowKit wallet entry. */
export function devWallet(rpcUrl: string): () => Wallet {
  return () => ({
    id: DEV_WALLET_ID,
    name: "Local dev wallet (anvil)",
    iconUrl: ICON,
    iconBackground: "#0f766e",
    installed: true,
    createConnector: (details) => {
      const create = devConnector(rpcUrl);
      return (config) => ({ ...create(config), ...details });
    },
  });
}
