#!/usr/bin/env node
// The size gate of `npm test`: every contract under src/ must fit EIP-170 (24,576 bytes of runtime
// code), and HashpowerExchange must keep room (MARGINS) for hooks it may still need.
// Reads the build output forge wrote (out/ or $FOUNDRY_OUT); `--markdown` prints the README table.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const EIP170_LIMIT = 24_576;
// 256 since issue 11 (primary auctions took the room; see docs/decisions/0017-trading.md): new exchange features
// go through the existing hooks (the locker surface, the trading-rewards hook) or linked libraries.
const MARGINS = { HashpowerExchange: 256 };

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = process.env.FOUNDRY_OUT ?? join(root, "out");
if (!existsSync(out)) {
  console.error(`check-sizes: no build output at ${out}; run \`forge build\` first`);
  process.exit(1);
}

/** @returns {{ name: string, source: string, bytes: number }[]} */
function deployedContracts() {
  const found = [];
  for (const dir of readdirSync(out)) {
    if (!dir.endsWith(".sol")) continue;
    for (const file of readdirSync(join(out, dir))) {
      if (!file.endsWith(".json")) continue;
      const artifact = JSON.parse(readFileSync(join(out, dir, file), "utf8"));
      const target = artifact.metadata?.settings?.compilationTarget ?? {};
      const [source, name] = Object.entries(target)[0] ?? [];
      if (!source?.startsWith("src/")) continue;
      const code = (artifact.deployedBytecode?.object ?? "0x").replace(/^0x/, "");
      if (code.length === 0) continue; // interfaces and abstract contracts deploy nothing
      found.push({ name, source, bytes: code.length / 2 });
    }
  }
  return found.sort((a, b) => b.bytes - a.bytes);
}

const contracts = deployedContracts();
if (contracts.length === 0) {
  console.error(`check-sizes: no contracts from src/ in ${out}`);
  process.exit(1);
}
const failures = [];
for (const c of contracts) {
  const margin = EIP170_LIMIT - c.bytes;
  if (margin < 0)
    failures.push(
      `${c.name} is ${c.bytes.toLocaleString("en-US")} bytes, over the ${EIP170_LIMIT.toLocaleString("en-US")}-byte limit`,
    );
  const required = MARGINS[c.name];
  if (required !== undefined && margin < required) {
    failures.push(
      `${c.name} has ${margin.toLocaleString("en-US")} bytes left, under the required ${required.toLocaleString("en-US")}`,
    );
  }
}
for (const name of Object.keys(MARGINS)) {
  if (!contracts.some((c) => c.name === name)) failures.push(`${name} is missing from the build`);
}

const fmt = (n) => n.toLocaleString("en-US");
if (process.argv.includes("--markdown")) {
  console.log("| Contract | Runtime bytes | Room under 24,576 |\n|---|---:|---:|");
  // Internal-only libraries deploy a 32-byte stub nobody calls: left out of the table.
  for (const c of contracts.filter((c) => c.bytes > 64))
    console.log(`| ${c.name} | ${fmt(c.bytes)} | ${fmt(EIP170_LIMIT - c.bytes)} |`);
} else {
  for (const c of contracts.slice(0, 6))
    console.log(`  ${c.name.padEnd(22)} ${fmt(c.bytes).padStart(7)} B  (${fmt(EIP170_LIMIT - c.bytes)} left)`);
}
if (failures.length > 0) {
  for (const f of failures) console.error(`check-sizes: ${f}`);
  process.exit(1);
}
console.log(
  `check-sizes: ${contracts.length} contracts under ${fmt(EIP170_LIMIT)} bytes; HashpowerExchange keeps >= ${fmt(MARGINS.HashpowerExchange)} bytes`,
);
