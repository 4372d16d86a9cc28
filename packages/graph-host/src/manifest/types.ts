import type { Abi, AbiEvent, Address, Hex } from "viem";

export interface EventHandlerSpec {
  /** The manifest's signature, e.g. `Transfer(indexed address,indexed address,uint256)`. */
  event: string;
  handler: string;
  topic0: Hex;
  /** Topics a matching log carries: 1 + number of `indexed` parameters. */
  topicCount: number;
  abiEvent: AbiEvent;
  receipt: boolean;
  /** Optional topic filters (`topic1`..`topic3` in the manifest). */
  topics: [Hex[] | undefined, Hex[] | undefined, Hex[] | undefined];
}

export type BlockHandlerFilter = { kind: "every"; every: number } | { kind: "once" } | { kind: "all" };

export interface BlockHandlerSpec {
  handler: string;
  filter: BlockHandlerFilter;
}

/** A data source or a template, as written by `graph build`. */
export interface DataSourceSpec {
  kind: string;
  name: string;
  network: string;
  /** Static data sources: the contract address; templates: undefined. */
  address: Address | undefined;
  abiName: string;
  startBlock: number;
  endBlock: number | undefined;
  apiVersion: string;
  entities: string[];
  abis: Map<string, Abi>;
  eventHandlers: EventHandlerSpec[];
  blockHandlers: BlockHandlerSpec[];
  wasm: Uint8Array;
  wasmFile: string;
}

export interface Manifest {
  specVersion: string;
  dataSources: DataSourceSpec[];
  templates: DataSourceSpec[];
  schemaSource: string;
  /** A stable identifier of the build (`Qm…`): base58 multihash of the manifest's bytes. */
  deploymentId: string;
  network: string;
}
