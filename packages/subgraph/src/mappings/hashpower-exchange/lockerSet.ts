import { LockerSet } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { getOrCreateLocker } from "../../utils/loaders";
import { EXCHANGE, setParameter } from "../../utils/governance";
import { newParameterChange } from "../../utils/parameters";

/** setLocker approves or revokes a locker; locks it holds stay until released. */
export function handleLockerSet(event: LockerSet): void {
  const locker = getOrCreateLocker(event.params.locker);
  locker.approved = event.params.approved;
  locker.save();

  const change = newParameterChange(event, "Locker");
  change.address = event.params.locker;
  change.approved = event.params.approved;
  change.save();
  setParameter(
    event,
    EXCHANGE,
    "locker." + event.params.locker.toHexString(),
    event.params.approved ? "true" : "false",
  );
}
