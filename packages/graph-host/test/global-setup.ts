import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { PACKAGE_DIR } from "./helpers/paths.js";

/** Builds the fixture subgraph (solc + graph codegen/build) once; cached by input hash. */
export default function setup(): void {
  execFileSync(process.execPath, [join(PACKAGE_DIR, "test", "fixture", "build.mjs")], { stdio: "inherit" });
}
