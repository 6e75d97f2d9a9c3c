/**
 * Frontdesk's durable RxDB storage: one SQLite file (better-sqlite3, WAL) per RxDB database,
 * one table per collection+schemaVersion, RxDB's index strings in UTF-16BE BLOB columns.
 */
export { getRxStorageSQLite } from './sqlite-storage';
export { AttachmentsNotSupportedError, RxStorageInstanceSQLite } from './sqlite-instance';
export { databaseFilePath, type SQLiteStorageInternals } from './sqlite-connection';
export type { RxStorageSQLite, SQLiteInstanceCreationOptions, SQLiteStorageSettings, SQLiteSynchronousMode } from './sqlite-types';
