import { DelegateChanged } from "../../../generated/DMCToken/DMCToken";
import { ZERO_ADDRESS } from "../../utils/constants";
import { getOrCreateDelegate } from "../../utils/delegates";

/** `delegator` now delegates to `toDelegate` (zero: nobody); the delegator counts move with it. */
export function handleDelegateChanged(event: DelegateChanged): void {
  const now = event.block.timestamp;
  const from = event.params.fromDelegate;
  const to = event.params.toDelegate;
  if (!from.equals(ZERO_ADDRESS)) {
    const previous = getOrCreateDelegate(from, now);
    previous.delegatorCount -= 1;
    previous.updatedAt = now;
    previous.save();
  }
  if (!to.equals(ZERO_ADDRESS)) {
    const next = getOrCreateDelegate(to, now);
    next.delegatorCount += 1;
    next.updatedAt = now;
    next.save();
  }
  // Loaded after the counts: the delegator may be one of them (self-delegation).
  const delegator = getOrCreateDelegate(event.params.delegator, now);
  delegator.delegatee = to.equals(ZERO_ADDRESS) ? null : to;
  delegator.updatedAt = now;
  delegator.save();
}
