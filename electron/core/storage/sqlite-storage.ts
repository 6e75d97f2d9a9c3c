import {
  ensureRxStorageInstanceParamsAreCorrect,
  RXDB_VERSION,
  type RxDocumentData,
  type RxJsonSchema,
  type RxStorageInstanceCreationParams,
} from 'rxdb';
import {
  acquireTableState,
  databaseFilePath,
  META_TABLE,
  openConnection,
  releaseConnection,
  type SQLiteConnection,
} from './sqlite-connection';
import { getIndexColumns, indexLayout, type IndexColumn } from './sqlite-indexes';
import { AttachmentsNotSupportedError, quoteIdent, RxStorageInstanceSQLite } from './sqlite-instance';
import type { RxStorageSQLite, SQLiteInstanceCreationOptions, SQLiteStorageSettings } from './sqlite-types';

/**
 * Table per collection+schemaVersion, so an old version's data stays readable until RxDB's
 * migration has copied it into the new table and removed the old instance.
 */
export function tableNameFor(collectionName: string, schemaVersion: number): string {
  return `c_${collectionName}_v${schemaVersion}`;
}

function ensureTable<RxDocType>(
  connection: SQLiteConnection,
  params: RxStorageInstanceCreationParams<RxDocType, SQLiteInstanceCreationOptions>,
  tableName: string,
  columns: IndexColumn<RxDocType>[],
): void {
  const db = connection.db;
  const layout = indexLayout(params.schema, columns);
  db.transaction(() => {
    const existing = db.prepare(`SELECT index_layout FROM ${META_TABLE} WHERE table_name = ?`).pluck().get(tableName) as string | undefined;
    if (existing !== undefined) {
      if (existing !== layout) {
        throw new Error(
          `SQLite storage: collection "${params.collectionName}" v${params.schema.version} in database ` +
            `"${params.databaseName}" was stored with different indexes or index field bounds. ` +
            'Changing indexes, maxLength, minimum, maximum or multipleOf of indexed fields requires a schema version bump and a migration strategy.',
        );
      }
      return;
    }
    const t = quoteIdent(tableName);
    // Rowid table (not WITHOUT ROWID): rows hold whole JSON documents, which would bloat the
    // leaf pages of a clustered primary-key B-tree and slow every index lookup.
    db.exec(
      `CREATE TABLE ${t} (id TEXT NOT NULL PRIMARY KEY, deleted INTEGER NOT NULL, lwt REAL NOT NULL, data TEXT NOT NULL` +
        columns.map((c) => `, ${c.column} BLOB NOT NULL`).join('') +
        ')',
    );
    for (const c of columns) {
      db.exec(`CREATE INDEX ${quoteIdent(c.sqlIndexName)} ON ${t} (${c.column})`);
    }
    // Partial index: only tombstones, so it costs nothing for live documents and makes cleanup()
    // a range scan instead of a table scan.
    db.exec(`CREATE INDEX ${quoteIdent(tableName + '__tombstones')} ON ${t} (lwt) WHERE deleted = 1`);
    db.prepare(`INSERT INTO ${META_TABLE} (table_name, database_name, collection_name, schema_version, index_layout) VALUES (?, ?, ?, ?, ?)`).run(
      tableName,
      params.databaseName,
      params.collectionName,
      params.schema.version,
      layout,
    );
  })();
}

export function getRxStorageSQLite(settings: SQLiteStorageSettings): RxStorageSQLite {
  if (!settings || typeof settings.directory !== 'string' || settings.directory === '') {
    throw new Error('getRxStorageSQLite: settings.directory (the data folder) is required');
  }
  const fullSettings: Required<SQLiteStorageSettings> = {
    directory: settings.directory,
    synchronous: settings.synchronous ?? 'FULL',
  };
  return {
    name: 'frontdesk-sqlite',
    rxdbVersion: RXDB_VERSION,
    settings: fullSettings,
    createStorageInstance<RxDocType>(
      params: RxStorageInstanceCreationParams<RxDocType, SQLiteInstanceCreationOptions>,
    ): Promise<RxStorageInstanceSQLite<RxDocType>> {
      try {
        ensureRxStorageInstanceParamsAreCorrect(params);
        if (params.schema.attachments) {
          throw new AttachmentsNotSupportedError(`collection "${params.collectionName}" declares attachments in its schema`);
        }
        const schema = params.schema as RxJsonSchema<RxDocumentData<RxDocType>>;
        const tableName = tableNameFor(params.collectionName, schema.version);
        const columns = getIndexColumns(schema, tableName);
        const connection = openConnection(databaseFilePath(fullSettings.directory, params.databaseName), fullSettings.synchronous);
        try {
          ensureTable(connection, params, tableName, columns);
          const shared = acquireTableState(connection, tableName);
          return Promise.resolve(
            new RxStorageInstanceSQLite<RxDocType>(params.databaseName, params.collectionName, schema, params.options, connection, shared, columns),
          );
        } catch (err) {
          releaseConnection(connection);
          throw err;
        }
      } catch (err) {
        return Promise.reject(err);
      }
    },
  };
}
