import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Subject } from 'rxjs';
import type { EventBulk, RxStorageChangeEvent, RxStorageDefaultCheckpoint } from 'rxdb';
import type { SQLiteSynchronousMode } from './sqlite-types';

export type ChangeEventBulk = EventBulk<RxStorageChangeEvent<unknown>, RxStorageDefaultCheckpoint>;

/**
 * State shared by every instance of the same collection+schemaVersion inside one process, so a
 * write through one instance is seen on the change stream of the others (as RxDB's own storages
 * behave) and prepared statements are compiled once.
 */
export interface SharedTableState {
  readonly tableName: string;
  readonly changes$: Subject<ChangeEventBulk>;
  refCount: number;
  /** Opaque cache owned by the instance module (prepared statements etc.). */
  cache?: unknown;
}

export interface SQLiteConnection {
  readonly filePath: string;
  readonly db: Database.Database;
  refCount: number;
  readonly tables: Map<string, SharedTableState>;
}

/** What `RxStorageInstance.internals` exposes; read-only for callers. */
export interface SQLiteStorageInternals {
  readonly filePath: string;
  readonly tableName: string;
}

export const META_TABLE = 'rxstorage_tables';

/**
 * One connection per file per process. better-sqlite3 is synchronous, so a single connection
 * serialises all writes of the process without extra locking, and WAL lets readers in other
 * processes (backup tools, a second app instance) proceed.
 */
const CONNECTIONS = new Map<string, SQLiteConnection>();

/**
 * RxDB database names are lower-case ASCII in practice, but nothing stops a caller from passing
 * `../x` or names that differ only by case (which collide on Windows/macOS file systems), so
 * every character outside [a-z0-9_-] is percent-encoded.
 */
export function databaseFilePath(directory: string, databaseName: string): string {
  let safe = '';
  for (const ch of databaseName) {
    if (/^[a-z0-9_-]$/.test(ch)) {
      safe += ch;
    } else {
      for (const byte of Buffer.from(ch, 'utf8')) {
        safe += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
      }
    }
  }
  return path.join(path.resolve(directory), safe + '.sqlite');
}

export function openConnection(filePath: string, synchronous: SQLiteSynchronousMode): SQLiteConnection {
  const existing = CONNECTIONS.get(filePath);
  if (existing) {
    existing.refCount++;
    return existing;
  }
  mkdirSync(path.dirname(filePath), { recursive: true });
  const db = new Database(filePath);
  // Only takes effect when the file is new (must precede WAL). Index keys are RxDB's padded
  // index strings in UTF-16, 50-150 bytes each, inserted at random positions; measured on
  // 500-document batches with five indexes, 16 KiB pages cut commit time 2-3x against 4 KiB
  // because each commit writes far fewer WAL frames.
  db.pragma('page_size = 16384');
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  // Foreign keys and triggers are unused; keep temp B-trees (sorts) in memory.
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -32000');
  db.exec(`CREATE TABLE IF NOT EXISTS ${META_TABLE} (
    table_name TEXT PRIMARY KEY,
    database_name TEXT NOT NULL,
    collection_name TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    index_layout TEXT NOT NULL
  )`);
  const connection: SQLiteConnection = { filePath, db, refCount: 1, tables: new Map() };
  CONNECTIONS.set(filePath, connection);
  return connection;
}

export function acquireTableState(connection: SQLiteConnection, tableName: string): SharedTableState {
  let state = connection.tables.get(tableName);
  if (!state) {
    state = { tableName, changes$: new Subject<ChangeEventBulk>(), refCount: 0 };
    connection.tables.set(tableName, state);
  }
  state.refCount++;
  return state;
}

export function releaseTableState(connection: SQLiteConnection, state: SharedTableState): void {
  state.refCount--;
  if (state.refCount <= 0 && connection.tables.get(state.tableName) === state) {
    connection.tables.delete(state.tableName);
    state.changes$.complete();
  }
}

/**
 * Closes the file when the last instance lets go. A file whose collections were all removed
 * (RxDB `database.remove()`) is deleted too, so removed databases do not leave empty files.
 */
export function releaseConnection(connection: SQLiteConnection): void {
  connection.refCount--;
  if (connection.refCount > 0) {
    return;
  }
  if (CONNECTIONS.get(connection.filePath) === connection) {
    CONNECTIONS.delete(connection.filePath);
  }
  const remaining = connection.db.prepare(`SELECT COUNT(*) FROM ${META_TABLE}`).pluck().get() as number;
  connection.db.close();
  if (remaining === 0) {
    for (const suffix of ['', '-wal', '-shm']) {
      const file = connection.filePath + suffix;
      if (existsSync(file)) {
        rmSync(file, { force: true });
      }
    }
  }
}

/** How many storage instances hold the connection to `filePath` (0 when closed). For tests. */
export function connectionRefCount(filePath: string): number {
  return CONNECTIONS.get(filePath)?.refCount ?? 0;
}
