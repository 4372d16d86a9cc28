import { BigInt, log } from "@graphprotocol/graph-ts";

import { Application, MinerStake } from "../../generated/schema";

export function loadApplication(id: BigInt): Application {
  const a = Application.load(id.toString());
  if (a == null)
    log.critical("Application {} not indexed: is startBlock at or before MinerApplications' deployment?", [
      id.toString(),
    ]);
  return a!;
}

export function loadStake(id: BigInt): MinerStake {
  const s = MinerStake.load(id.toString());
  if (s == null) log.critical("Stake of application {} not indexed", [id.toString()]);
  return s!;
}
