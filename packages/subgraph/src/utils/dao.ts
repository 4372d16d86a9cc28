// The Dao singleton and DaoContracts, the bookkeeping that lets events of DMC, the timelock, the
// Safe and MinerApplications (some emitted before the governor exists) reach the Dao without
// knowing the governor's address: they update DaoContracts, which copies itself onto the Dao.
import { Address, BigInt, Bytes, Value, ValueKind } from "@graphprotocol/graph-ts";

import { Dao, DaoContracts } from "../../generated/schema";
import { ZERO, ZERO_ADDRESS } from "./constants";

/** GovernorVotesQuorumFraction.quorumDenominator() (not overridden): quorum is a percentage. */
export const QUORUM_DENOMINATOR = BigInt.fromI32(100);
const CONTRACTS_ID = Bytes.fromUTF8("dao");

/** The DaoContracts singleton; the caller saves it with saveDaoContracts. */
export function daoContracts(): DaoContracts {
  let r = DaoContracts.load(CONTRACTS_ID);
  if (r != null) return r;
  r = new DaoContracts(CONTRACTS_ID);
  r.totalSupply = ZERO;
  r.delegatedVotes = ZERO;
  r.delegateCount = 0;
  r.timelockDelay = ZERO;
  r.minStake = ZERO;
  r.stakePerValueWad = ZERO;
  r.lockGraceDays = 0;
  r.tradingFeeBps = 0;
  r.defiFeeBps = 0;
  r.applicationCount = 0;
  r.stakedTotal = ZERO;
  r.slashedTotal = ZERO;
  r.insurancePaidTotal = ZERO;
  r.handedOver = false;
  return r;
}

function copyShared(r: DaoContracts, dao: Dao): void {
  // Nullable Bytes are tested by truthiness: `== null` would pick ByteArray's == overload.
  const token = r.token;
  if (token) dao.token = token;
  const timelock = r.timelock;
  if (timelock) dao.timelock = timelock;
  const applications = r.applications;
  if (applications) dao.applications = applications;
  const council = r.council;
  if (council) dao.council = council;
  dao.parameters = r.parameters;
  dao.insuranceFund = r.insuranceFund;
  dao.miningReserve = r.miningReserve;
  dao.totalSupply = r.totalSupply;
  dao.delegatedVotes = r.delegatedVotes;
  dao.delegateCount = r.delegateCount;
  dao.timelockDelay = r.timelockDelay;
  dao.minStake = r.minStake;
  dao.stakePerValueWad = r.stakePerValueWad;
  dao.lockGraceDays = r.lockGraceDays;
  dao.tradingFeeBps = r.tradingFeeBps;
  dao.defiFeeBps = r.defiFeeBps;
  dao.applicationCount = r.applicationCount;
  dao.stakedTotal = r.stakedTotal;
  dao.slashedTotal = r.slashedTotal;
  dao.insurancePaidTotal = r.insurancePaidTotal;
  dao.handedOver = r.handedOver;
}

/** Saves DaoContracts and copies it onto the Dao once the governor has created it. */
export function saveDaoContracts(r: DaoContracts): void {
  r.save();
  const id = r.dao;
  if (!id) return;
  const dao = Dao.load(id);
  if (dao == null) return;
  copyShared(r, dao);
  dao.save();
}

/**
 * Records that `address` is the DAO's `field` (token, timelock, applications, council, parameters,
 * insuranceFund, miningReserve) on `r`, in memory; returns `r` for chaining.
 */
export function withContract(r: DaoContracts, field: string, address: Address): DaoContracts {
  const current = r.get(field);
  if (current == null || current.kind != ValueKind.BYTES || !current.toBytes().equals(address)) {
    r.set(field, Value.fromBytes(address));
  }
  return r;
}

/** Registers `address` as the DAO's `field` and saves. */
export function registerDaoContract(field: string, address: Address): void {
  saveDaoContracts(withContract(daoContracts(), field, address));
}

/**
 * The Dao of `governor` (every governor event's emitter), created at its first event with what
 * DaoContracts already holds. Registry updates of the same handler must be saved before this is
 * loaded; the caller saves the Dao.
 */
export function getOrCreateDao(governor: Address): Dao {
  let dao = Dao.load(governor);
  if (dao != null) return dao;
  dao = new Dao(governor);
  dao.governor = governor;
  dao.token = ZERO_ADDRESS;
  dao.timelock = ZERO_ADDRESS;
  dao.applications = ZERO_ADDRESS;
  dao.council = ZERO_ADDRESS;
  dao.votingDelay = ZERO;
  dao.votingPeriod = ZERO;
  dao.proposalThreshold = ZERO;
  dao.quorumNumerator = ZERO;
  dao.quorumDenominator = QUORUM_DENOMINATOR;
  dao.lateQuorumExtension = ZERO;
  dao.handedOver = false;
  dao.proposalCount = 0;
  const r = daoContracts();
  r.dao = governor;
  r.save();
  copyShared(r, dao);
  return dao;
}
