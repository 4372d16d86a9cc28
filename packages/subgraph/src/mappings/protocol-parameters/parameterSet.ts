import { ParameterSet } from "../../../generated/ProtocolParameters/ProtocolParameters";
import { daoContracts, saveDaoContracts, withContract } from "../../utils/dao";
import { PROTOCOL, setIntParameter } from "../../utils/governance";

/** `name` is the bytes32 of tradingFeeBps or defiFeeBps (right-padded text). */
export function handleParameterSet(event: ParameterSet): void {
  const name = event.params.name.toString();
  const value = event.params.newValue;
  const r = withContract(daoContracts(), "parameters", event.address);
  if (name == "tradingFeeBps") r.tradingFeeBps = value.toI32();
  if (name == "defiFeeBps") r.defiFeeBps = value.toI32();
  saveDaoContracts(r);
  setIntParameter(event, PROTOCOL, name, value);
}
