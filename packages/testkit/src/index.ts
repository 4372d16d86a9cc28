export { AnvilStartError, startAnvil, type Anvil, type AnvilOptions } from "./anvil.js";
export { anvilBinary } from "./binary.js";
export { freePort, portFree, STANDARD_PORTS } from "./ports.js";
