import type { RxStorage } from 'rxdb';
import type { SQLiteStorageInternals } from './sqlite-connection';

/**
 * `FULL` is the default because an acknowledged write must survive power loss, not only a
 * process crash. In WAL mode `NORMAL` already survives SIGKILL (the committed frames are in
 * the OS page cache), but a power cut can roll back the last commits; a front desk that
 * just issued an invoice number cannot afford that. `NORMAL` exists for benchmarks/tests.
 */
export type SQLiteSynchronousMode = 'FULL' | 'NORMAL';

export interface SQLiteStorageSettings {
  /** Folder that holds one `<database>.sqlite` file per RxDB database. Created if missing. */
  directory: string;
  /** Defaults to `FULL`; see {@link SQLiteSynchronousMode}. */
  synchronous?: SQLiteSynchronousMode;
}

/** Per-instance options; none today, kept as a named type so callers can pass `{}`. */
export type SQLiteInstanceCreationOptions = Record<string, never>;

export type RxStorageSQLite = RxStorage<SQLiteStorageInternals, SQLiteInstanceCreationOptions> & {
  readonly settings: Readonly<Required<SQLiteStorageSettings>>;
};
