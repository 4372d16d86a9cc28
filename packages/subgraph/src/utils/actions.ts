// ProposalAction: a proposal's calldata decoded against the functions governance calls on DMEX
// contracts. The target's contract name comes from its address (DaoContracts, Protocol); the
// function from the 4-byte selector, computed here from the signature.
import { Address, BigInt, ByteArray, Bytes, crypto, Entity, ethereum, Value } from "@graphprotocol/graph-ts";

import { DaoContracts, Protocol, ProposalAction } from "../../generated/schema";

/** Functions decoded, by signature; the decode types follow from the parameter list. */
const SIGNATURES: string[] = [
  // MinerApplications
  "approve(uint256)",
  "slash(uint256,string)",
  "setStakePolicy((uint128,uint128,uint32))",
  "setGovernor(address)",
  // HashpowerExchange
  "halt(uint256)",
  "resume(uint256)",
  "setChannelFee(uint16)",
  "setDefaultThresholds((uint16,uint16,uint16))",
  "setFeeRecipient(address)",
  "setLocker(address,bool)",
  "setRenderer(address)",
  "setOracle(address)",
  // HashpowerExchange, MarketRateOracle, DmexTimelock (AccessControl)
  "grantRole(bytes32,address)",
  "revokeRole(bytes32,address)",
  // ProtocolParameters
  "setTradingFee(uint16)",
  "setDefiFee(uint16)",
  // DmexTimelock
  "updateDelay(uint256)",
  // DmexGovernor
  "setProposalGuardian(address)",
  "updateQuorumNumerator(uint256)",
  "setVotingDelay(uint48)",
  "setVotingPeriod(uint32)",
  "setProposalThreshold(uint256)",
  "setLateQuorumVoteExtension(uint48)",
  "setApplications(address)",
  "updateTimelock(address)",
  // InsuranceFund, MiningReserve
  "pay(address,address,uint256,string)",
  "setDrawer(uint8,address,bool)",
  // Ownable
  "transferOwnership(address)",
  // DMCToken (treasury transfers)
  "transfer(address,uint256)",
  "delegate(address)",
  // Safe, through execTransactionFromModule (the timelock is the council Safe's module)
  "execTransactionFromModule(address,uint256,bytes,uint8)",
  "addOwnerWithThreshold(address,uint256)",
  "removeOwner(address,address,uint256)",
  "swapOwner(address,address,address)",
  "changeThreshold(uint256)",
  "enableModule(address)",
  "disableModule(address,address)",
];

const MODULE_CALL = "execTransactionFromModule(address,uint256,bytes,uint8)";

function selectorOf(signature: string): Bytes {
  return Bytes.fromUint8Array(crypto.keccak256(ByteArray.fromUTF8(signature)).subarray(0, 4));
}

function signatureOf(selector: Bytes): string | null {
  for (let i = 0; i < SIGNATURES.length; i++) {
    if (selectorOf(SIGNATURES[i]).equals(selector)) return SIGNATURES[i];
  }
  return null;
}

function isDynamic(types: string): boolean {
  return types.includes("string") || types.includes("bytes,") || types.includes("bytes)") || types.includes("[]");
}

/** The arguments of `calldata` for `signature`, or null if they do not decode. */
function decodeArgs(signature: string, calldata: Bytes): ethereum.Value | null {
  const types = signature.slice(signature.indexOf("("));
  let data = Bytes.fromUint8Array(calldata.subarray(4));
  // A dynamic tuple is decoded after its offset word; calldata has none.
  if (isDynamic(types)) {
    data = Bytes.fromHexString("0x0000000000000000000000000000000000000000000000000000000000000020").concat(data);
  }
  return ethereum.decode(types, data);
}

function quote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    const code = s.charCodeAt(i);
    if (c == '"') out += '\\"';
    else if (c == "\\") out += "\\\\";
    else if (code == 10) out += "\\n";
    else if (code < 32) out += "\\u" + ("000" + code.toString(16)).slice(-4);
    else out += c;
  }
  return out + '"';
}

/** JSON text of a decoded value: numbers and addresses as strings, tuples and arrays as arrays. */
export function toJson(v: ethereum.Value): string {
  if (v.kind == ethereum.ValueKind.ADDRESS) return quote(v.toAddress().toHexString());
  if (v.kind == ethereum.ValueKind.FIXED_BYTES || v.kind == ethereum.ValueKind.BYTES)
    return quote(v.toBytes().toHexString());
  if (v.kind == ethereum.ValueKind.INT || v.kind == ethereum.ValueKind.UINT) return quote(v.toBigInt().toString());
  if (v.kind == ethereum.ValueKind.BOOL) return v.toBoolean() ? "true" : "false";
  if (v.kind == ethereum.ValueKind.STRING) return quote(v.toString());
  let items: ethereum.Value[] = [];
  if (v.kind == ethereum.ValueKind.TUPLE) items = v.toTuple();
  else items = v.toArray();
  const parts: string[] = [];
  for (let i = 0; i < items.length; i++) parts.push(toJson(items[i]));
  return "[" + parts.join(",") + "]";
}

/** A Safe module call's arguments, with its inner call decoded as {signature, args} when known. */
function moduleCallJson(args: ethereum.Value[]): string {
  const data = args[2].toBytes();
  let inner = quote(data.toHexString());
  if (data.length >= 4) {
    const signature = signatureOf(Bytes.fromUint8Array(data.subarray(0, 4)));
    if (signature && signature != MODULE_CALL) {
      const decoded = decodeArgs(signature!, data);
      if (decoded) inner = '{"signature":' + quote(signature!) + ',"args":' + toJson(decoded) + "}";
    }
  }
  return "[" + toJson(args[0]) + "," + toJson(args[1]) + "," + inner + "," + toJson(args[3]) + "]";
}

function same(a: Bytes | null, b: Address): boolean {
  if (!a) return false;
  return a.equals(b);
}

/** DMEX name of the contract at `target`, when the subgraph knows it. */
export function contractName(target: Address, r: DaoContracts): string | null {
  if (Protocol.load(target) != null) return "HashpowerExchange";
  if (same(r.dao, target)) return "DmexGovernor";
  if (same(r.timelock, target)) return "DmexTimelock";
  if (same(r.applications, target)) return "MinerApplications";
  if (same(r.council, target)) return "CouncilSafe";
  if (same(r.parameters, target)) return "ProtocolParameters";
  if (same(r.insuranceFund, target)) return "InsuranceFund";
  if (same(r.miningReserve, target)) return "MiningReserve";
  if (same(r.token, target)) return "DMCToken";
  return null;
}

/**
 * Sets `contract`, `selector`, `signature` and `args` of a decoded call record (ProposalAction,
 * TimelockCall): the selector when there is one, signature and args when it is a known function.
 */
export function setDecodedCall(e: Entity, target: Address, calldata: Bytes, r: DaoContracts): void {
  const contract = contractName(target, r);
  if (contract) e.set("contract", Value.fromString(contract!));
  if (calldata.length < 4) return;
  const selector = Bytes.fromUint8Array(calldata.subarray(0, 4));
  e.set("selector", Value.fromBytes(selector));
  const signature = signatureOf(selector);
  if (!signature) return;
  e.set("signature", Value.fromString(signature!));
  const decoded = decodeArgs(signature!, calldata);
  if (decoded)
    e.set("args", Value.fromString(signature == MODULE_CALL ? moduleCallJson(decoded.toTuple()) : toJson(decoded)));
}

/** Writes action `index` of `proposal`, decoded where the selector is known. */
export function saveAction(
  proposal: string,
  index: i32,
  target: Address,
  value: BigInt,
  calldata: Bytes,
  r: DaoContracts,
): void {
  const action = new ProposalAction(proposal + "-" + index.toString());
  action.proposal = proposal;
  action.index = index;
  action.target = target;
  action.value = value;
  action.calldata = calldata;
  setDecodedCall(action, target, calldata, r);
  action.save();
}
