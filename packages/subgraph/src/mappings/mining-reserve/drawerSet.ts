import { DrawerSet } from "../../../generated/MiningReserve/MiningReserve";
import { RESERVE, setParameter } from "../../utils/governance";
import { bucketName } from "../../utils/reserve";

/** Parameter reserve-drawer.<Bucket>.<address> = "true" | "false". */
export function handleDrawerSet(event: DrawerSet): void {
  const name = "drawer." + bucketName(event.params.bucket) + "." + event.params.drawer.toHexString();
  setParameter(event, RESERVE, name, event.params.allowed ? "true" : "false");
}
