import { VaultDelegated } from "../../../generated/PromotionNodes/PromotionNodes";
import { loadNode } from "../../utils/nodes";

/** A node's vault delegates its votes to someone (the node itself when the vault was created). */
export function handleVaultDelegated(event: VaultDelegated): void {
  const n = loadNode(event.params.node);
  n.vault = event.params.vault;
  n.delegatee = event.params.delegatee;
  n.save();
}
