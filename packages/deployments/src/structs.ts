import type { ContractFunctionArgs } from "viem";

import type { minerApplicationsAbi } from "./generated/abis.js";

/**
 * `MinerApplications.submit`'s `ApplicationTerms` struct, derived from the generated ABI (uint40/48
 * as numbers, wider integers as bigints), so clients never restate its fields by hand.
 */
export type ApplicationTerms = ContractFunctionArgs<typeof minerApplicationsAbi, "nonpayable", "submit">[0];
