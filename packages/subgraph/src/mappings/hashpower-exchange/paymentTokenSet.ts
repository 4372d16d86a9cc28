import { PaymentTokenSet } from "../../../generated/HashpowerExchange/HashpowerExchange";
import { getOrCreateToken } from "../../utils/loaders";
import { EXCHANGE, setParameter } from "../../utils/governance";
import { newParameterChange } from "../../utils/parameters";

/** setPaymentToken: offerings may only be created with a listed payment token. */
export function handlePaymentTokenSet(event: PaymentTokenSet): void {
  const token = getOrCreateToken(event.params.token);
  token.listedForPayment = event.params.listed;
  token.save();

  const change = newParameterChange(event, "PaymentToken");
  change.address = event.params.token;
  change.listed = event.params.listed;
  change.save();
  setParameter(
    event,
    EXCHANGE,
    "paymentToken." + event.params.token.toHexString(),
    event.params.listed ? "true" : "false",
  );
}
