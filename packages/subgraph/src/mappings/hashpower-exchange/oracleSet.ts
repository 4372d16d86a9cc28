import { OracleSet } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { getOrCreateProtocol } from "../../utils/loaders";
import { EXCHANGE, setAddressParameter } from "../../utils/governance";
import { newParameterChange } from "../../utils/parameters";

/**
 * setOracle. MarketRate entities carry their oracle's address: the app shows the rates of
 * Protocol.oracle. A new oracle must be added to the manifest to be indexed (see README).
 */
export function handleOracleSet(event: OracleSet): void {
  const protocol = getOrCreateProtocol(event.address);
  protocol.oracle = event.params.oracle;
  protocol.save();

  const change = newParameterChange(event, "Oracle");
  change.address = event.params.oracle;
  change.save();
  setAddressParameter(event, EXCHANGE, "oracle", event.params.oracle);
}
