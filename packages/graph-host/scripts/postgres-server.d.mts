/** A throwaway PostgreSQL server: see postgres-server.mjs. */
export interface PostgresServer {
  /** postgres://user@127.0.0.1:port, without a database. */
  readonly url: string;
  /** Where the binaries came from, the locale, the address and the start-up time. */
  readonly description: string;
  /** Creates database `name` (a plain lower-case identifier) and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server and deletes its directory. */
  stop(): Promise<void>;
}

export interface StartPostgresOptions {
  /** apt-get install postgresql when the binaries are missing (default: CI=true). */
  readonly install?: boolean;
  readonly log?: (message: string) => void;
  readonly isCancelled?: () => boolean;
}

export declare const CI: boolean;
export declare const MISSING_BINARIES: string;
export declare function findPostgresBinDir(): string | undefined;
/** undefined when there are no server binaries (and none were installed). */
export declare function startPostgresServer(options?: StartPostgresOptions): Promise<PostgresServer | undefined>;

export interface RunWithPostgresOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly database: string;
  readonly label: string;
  readonly what: string;
}
/** The exit status to exit with (0 with a SKIPPED message when there are no server binaries). */
export declare function runWithPostgres(options: RunWithPostgresOptions): Promise<number>;
