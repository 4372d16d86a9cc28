export { type GraphHost, type GraphHostOptions, startGraphHost } from "./graph-host.js";
export type { LogLevel, Logger } from "./internal/logger.js";
export { queryFieldNames, toPlural } from "./graphql/naming.js";
