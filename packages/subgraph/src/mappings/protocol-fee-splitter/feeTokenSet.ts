import { FeeTokenSet } from "../../../generated/ProtocolFeeSplitter/ProtocolFeeSplitter";
import { feeSplitter, loadSplitterToken } from "../../utils/fees";

/** The DAO listed or unlisted a fee token distribute accepts. */
export function handleFeeTokenSet(event: FeeTokenSet): void {
  const splitter = feeSplitter(event);
  splitter.save();
  const t = loadSplitterToken(splitter, event.params.token);
  t.listed = event.params.listed;
  t.save();
}
