#!/usr/bin/env node
// `forge lint` that fails on findings. forge 1.7 prints its findings but exits 0 whatever it finds (its
// `--deny` flag covers compiler diagnostics only), so this reads the JSON diagnostics and exits 1 on any.
// Which lints run is configured in foundry.toml's [lint] section. Extra arguments go to `forge lint`.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { forgeCommand } from "./forge.mjs";

// forge lint compiles the project and writes ABI-only artifacts (no bytecode, no metadata) to the build's
// out/, with cache entries of its own: pointed at the real out/ it would leave the artifacts that
// @dmex/deployments reads without their bytecode. It gets folders of its own (under the ignored cache/).
const lintDir = join(dirname(fileURLToPath(import.meta.url)), "..", "cache", "lint");
const forge = forgeCommand();
const run = spawnSync(forge.command, [...forge.args, "lint", "--json", ...process.argv.slice(2)], {
  encoding: "utf8",
  maxBuffer: 64 * 1024 * 1024,
  env: { ...process.env, FOUNDRY_OUT: join(lintDir, "out"), FOUNDRY_CACHE_PATH: join(lintDir, "cache") },
});
if (run.error) {
  console.error(`forge lint could not start: ${run.error.message}`);
  process.exit(1);
}

const findings = [];
for (const line of `${run.stdout}\n${run.stderr}`.split("\n")) {
  const text = line.trim();
  if (!text.startsWith("{")) {
    if (text) console.log(text);
    continue;
  }
  let message;
  try {
    message = JSON.parse(text);
  } catch {
    console.log(text);
    continue;
  }
  if (message.$message_type !== "diagnostic") continue;
  const span = message.spans?.find((s) => s.is_primary) ?? message.spans?.[0];
  const where = span ? `${span.file_name}:${span.line_start}:${span.column_start}` : "(no location)";
  const code = message.code?.code ?? "diagnostic";
  findings.push(`${where}  ${message.level}[${code}]  ${message.message}`);
  const source = span?.text?.[0]?.text?.trim();
  if (source) findings.push(`    ${source}`);
}

if (run.status !== 0) {
  console.error(findings.join("\n"));
  console.error(`forge lint exited with status ${run.status}`);
  process.exit(run.status ?? 1);
}
if (findings.length > 0) {
  console.error(findings.join("\n"));
  console.error(
    "\nforge lint: fix the findings above, or, where one is a false positive, add\n" +
      "`// forge-lint: disable-next-line(<lint>)` with a reason on the line above it.",
  );
  process.exit(1);
}
console.log("forge lint: no findings");
