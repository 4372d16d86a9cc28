/** AccessControl role hashes of the exchange, oracle and timelock (no ABI needed: client-safe). */
import { keccak256, toHex, type Hex } from "viem";

/** Role hash -> name, for the roles of the exchange, oracle and timelock. */
export const ROLE_NAMES: Readonly<Record<string, string>> = Object.fromEntries([
  ...[
    "GOVERNOR_ROLE",
    "REGISTRAR_ROLE",
    "HALT_GUARDIAN_ROLE",
    "REPORTER_ROLE",
    "PROPOSER_ROLE",
    "CANCELLER_ROLE",
    "EXECUTOR_ROLE",
  ].map((r) => [keccak256(toHex(r)), r]),
  ["0x0000000000000000000000000000000000000000000000000000000000000000", "DEFAULT_ADMIN_ROLE"],
]);

export const roleHash = (name: string): Hex =>
  name === "DEFAULT_ADMIN_ROLE" ? `0x${"0".repeat(64)}` : keccak256(toHex(name));
