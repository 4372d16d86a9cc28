/** The Stake page's indexed data: the account's positions (to stake) with the oracle's latest rates (their value). */
import { gql } from "@apollo/client/core";

import { OFFERING_FIELDS } from "./queries";

export const STAKE_POSITIONS_QUERY = gql`
  ${OFFERING_FIELDS}
  query StakePositions($owner: Bytes!) {
    positions(where: { owner: $owner, refunded: false }, orderBy: tokenId, orderDirection: desc, first: 200) {
      id tokenId units netPaid refunded locked lockedBy status
      offering { ...OfferingFields }
    }
    marketRates(first: 60, orderBy: day, orderDirection: desc) { id assetId day avgRewardPerUnitWad }
  }
`;
