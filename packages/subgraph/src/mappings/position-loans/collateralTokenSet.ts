import { CollateralTokenSet } from "../../../generated/PositionLoans/PositionLoans";
import { setParameter } from "../../utils/governance";
import { getOrCreateToken } from "../../utils/loaders";
import { LOANS } from "../../utils/loans";

/** setCollateralToken: Token.loanCollateral and parameter loans-collateralToken.<token> ("true"/"false"). */
export function handleCollateralTokenSet(event: CollateralTokenSet): void {
  const token = getOrCreateToken(event.params.token);
  token.loanCollateral = event.params.listed;
  token.save();
  setParameter(
    event,
    LOANS,
    "collateralToken." + event.params.token.toHexString(),
    event.params.listed ? "true" : "false",
  );
}
