import type Database from 'better-sqlite3';
import type { Observable } from 'rxjs';
import {
  categorizeBulkWriteRows,
  getPrimaryFieldOfPrimaryKey,
  getQueryMatcher,
  getSortComparator,
  getStartIndexStringFromLowerBound,
  getStartIndexStringFromUpperBound,
  now,
  type BulkWriteRow,
  type CategorizeBulkWriteRowsOutput,
  type EventBulk,
  type PreparedQuery,
  type RxDocumentData,
  type RxJsonSchema,
  type RxStorageBulkWriteResponse,
  type RxStorageChangeEvent,
  type RxStorageCountResult,
  type RxStorageDefaultCheckpoint,
  type RxStorageInstance,
  type RxStorageQueryResult,
  type RxStorageWriteError,
  type StringKeys,
} from 'rxdb';
import {
  META_TABLE,
  releaseConnection,
  releaseTableState,
  type ChangeEventBulk,
  type SharedTableState,
  type SQLiteConnection,
  type SQLiteStorageInternals,
} from './sqlite-connection';
import { hasInexactBounds, indexKey, toUtf16BeBlob, type IndexColumn } from './sqlite-indexes';
import type { SQLiteInstanceCreationOptions } from './sqlite-types';

type Stmt = Database.Statement<unknown[], unknown>;

/** Tombstones purged per cleanup() call, so one call never blocks the process for long. */
const CLEANUP_BATCH = 5000;

export function quoteIdent(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

export class AttachmentsNotSupportedError extends Error {
  constructor(detail: string) {
    super(
      `The SQLite RxStorage does not store attachments (${detail}). ` +
        'Frontdesk keeps photos and files outside RxDB; store a reference in the document instead.',
    );
    this.name = 'AttachmentsNotSupportedError';
  }
}

/**
 * Prepared statements live as long as the shared table state (all instances of one
 * collection+version in this process), because preparing costs about as much as running a
 * small query.
 */
interface StatementCache {
  readonly byId: Stmt;
  readonly byIdNotDeleted: Stmt;
  readonly byIds: Stmt;
  readonly byIdsNotDeleted: Stmt;
  readonly insert: Stmt;
  readonly update: Stmt;
  readonly cleanup: Stmt;
  readonly cleanupRemaining: Stmt;
  readonly fullScan: Stmt;
  readonly ranges: Map<string, Stmt>;
}

export class RxStorageInstanceSQLite<RxDocType>
  implements RxStorageInstance<RxDocType, SQLiteStorageInternals, SQLiteInstanceCreationOptions, RxStorageDefaultCheckpoint>
{
  readonly internals: SQLiteStorageInternals;
  private readonly primaryPath: StringKeys<RxDocumentData<RxDocType>>;
  private readonly indexByKey = new Map<string, IndexColumn<RxDocType>>();
  private readonly lwtIndex: IndexColumn<RxDocType>;
  private readonly stmts: StatementCache;
  private readonly table: string;
  private readonly writeTransaction: (chunks: BulkWriteRow<RxDocType>[][], context: string) => CategorizeBulkWriteRowsOutput<RxDocType>[];
  private closed = false;

  constructor(
    readonly databaseName: string,
    readonly collectionName: string,
    readonly schema: Readonly<RxJsonSchema<RxDocumentData<RxDocType>>>,
    readonly options: Readonly<SQLiteInstanceCreationOptions>,
    private readonly connection: SQLiteConnection,
    private readonly shared: SharedTableState,
    private readonly indexColumns: IndexColumn<RxDocType>[],
  ) {
    this.internals = { filePath: connection.filePath, tableName: shared.tableName };
    this.primaryPath = getPrimaryFieldOfPrimaryKey(schema.primaryKey) as StringKeys<RxDocumentData<RxDocType>>;
    this.table = quoteIdent(shared.tableName);
    for (const column of indexColumns) {
      this.indexByKey.set(column.key, column);
    }
    const lwtIndex = this.indexByKey.get(indexKey(['_meta.lwt', this.primaryPath]));
    if (!lwtIndex) {
      throw new Error('SQLite storage: missing [_meta.lwt, primary] index column');
    }
    this.lwtIndex = lwtIndex;
    this.stmts = (shared.cache as StatementCache | undefined) ?? this.prepareStatements();
    shared.cache = this.stmts;
    // One SQLite transaction per bulkWrite: all rows commit (and fsync) together or not at all.
    // IMMEDIATE takes the write lock before the conflict-check read; a deferred transaction would
    // fail with SQLITE_BUSY_SNAPSHOT if another process wrote between that read and our write.
    const transaction = connection.db.transaction((chunks: BulkWriteRow<RxDocType>[][], context: string) =>
      chunks.map((chunk) => this.writeChunk(chunk, context)),
    );
    this.writeTransaction = transaction.immediate;
  }

  private prepareStatements(): StatementCache {
    const db = this.connection.db;
    const t = this.table;
    const cols = this.indexColumns.map((c) => c.column);
    const placeholders = cols.map(() => ', ?').join('');
    return {
      byId: db.prepare(`SELECT data FROM ${t} WHERE id = ?`).pluck(),
      byIdNotDeleted: db.prepare(`SELECT data FROM ${t} WHERE id = ? AND deleted = 0`).pluck(),
      byIds: db.prepare(`SELECT data FROM ${t} WHERE id IN (SELECT value FROM json_each(?))`).pluck(),
      byIdsNotDeleted: db.prepare(`SELECT data FROM ${t} WHERE id IN (SELECT value FROM json_each(?)) AND deleted = 0`).pluck(),
      insert: db.prepare(`INSERT INTO ${t} (id, deleted, lwt, data${cols.map((c) => ', ' + c).join('')}) VALUES (?, ?, ?, ?${placeholders})`),
      update: db.prepare(`UPDATE ${t} SET deleted = ?, lwt = ?, data = ?${cols.map((c) => ', ' + c + ' = ?').join('')} WHERE id = ?`),
      cleanup: db.prepare(
        `DELETE FROM ${t} WHERE rowid IN (SELECT rowid FROM ${t} WHERE deleted = 1 AND lwt <= ? ORDER BY lwt LIMIT ${CLEANUP_BATCH})`,
      ),
      cleanupRemaining: db.prepare(`SELECT 1 FROM ${t} WHERE deleted = 1 AND lwt <= ? LIMIT 1`).pluck(),
      fullScan: db.prepare(`SELECT data FROM ${t}`).pluck(),
      ranges: new Map(),
    };
  }

  private ensureOpen(method: string): void {
    if (this.closed) {
      throw new Error(`SQLite storage ${this.databaseName}/${this.collectionName}: ${method}() after close()`);
    }
  }

  /**
   * One range statement per (index, bound inclusivity, shape). `shape` is 'rows' (whole range),
   * 'page' (LIMIT/OFFSET pushed into SQL) or 'count'. INDEXED BY pins the plan to the column the
   * RxDB query planner chose, so SQLite never falls back to a table scan plus temp sort.
   */
  private rangeStatement(column: IndexColumn<RxDocType>, inclusiveStart: boolean, inclusiveEnd: boolean, shape: 'rows' | 'page' | 'count'): Stmt {
    const key = `${column.column}|${inclusiveStart ? 1 : 0}|${inclusiveEnd ? 1 : 0}|${shape}`;
    let stmt = this.stmts.ranges.get(key);
    if (!stmt) {
      const c = column.column;
      const where = `${c} ${inclusiveStart ? '>=' : '>'} ? AND ${c} ${inclusiveEnd ? '<=' : '<'} ?`;
      const from = `${this.table} INDEXED BY ${quoteIdent(column.sqlIndexName)}`;
      const sql =
        shape === 'count'
          ? `SELECT COUNT(*) FROM ${from} WHERE ${where}`
          : `SELECT data FROM ${from} WHERE ${where} ORDER BY ${c}` + (shape === 'page' ? ' LIMIT ? OFFSET ?' : '');
      stmt = this.connection.db.prepare(sql).pluck();
      this.stmts.ranges.set(key, stmt);
    }
    return stmt;
  }

  /** Column values in statement order; `id` goes first for INSERT and last for UPDATE. */
  private rowValues(doc: RxDocumentData<RxDocType>, idFirst: boolean): unknown[] {
    const columns = this.indexColumns;
    const id = doc[this.primaryPath];
    const values: unknown[] = idFirst ? [id] : [];
    values.push(doc._deleted ? 1 : 0, doc._meta.lwt, JSON.stringify(doc));
    for (let i = 0; i < columns.length; i++) {
      values.push(toUtf16BeBlob(columns[i].toIndexString(doc)));
    }
    if (!idFirst) {
      values.push(id);
    }
    return values;
  }

  private loadByIds(ids: string[], withDeleted: boolean): RxDocumentData<RxDocType>[] {
    if (ids.length === 0) {
      return [];
    }
    if (ids.length === 1) {
      const raw = (withDeleted ? this.stmts.byId : this.stmts.byIdNotDeleted).get(ids[0]) as string | undefined;
      return raw === undefined ? [] : [JSON.parse(raw) as RxDocumentData<RxDocType>];
    }
    const raws = (withDeleted ? this.stmts.byIds : this.stmts.byIdsNotDeleted).all(JSON.stringify(ids)) as string[];
    return raws.map((raw) => JSON.parse(raw) as RxDocumentData<RxDocType>);
  }

  private writeChunk(rows: BulkWriteRow<RxDocType>[], context: string): CategorizeBulkWriteRowsOutput<RxDocType> {
    const primaryPath = this.primaryPath;
    const ids = rows.map((row) => row.document[primaryPath] as unknown as string);
    const docsInDb = new Map<string, RxDocumentData<RxDocType>>();
    for (const doc of this.loadByIds(ids, true)) {
      docsInDb.set(doc[primaryPath] as unknown as string, doc);
    }
    const categorized = categorizeBulkWriteRows<RxDocType>(this, primaryPath as StringKeys<RxDocType>, docsInDb, rows, context);
    const insert = this.stmts.insert;
    for (const row of categorized.bulkInsertDocs) {
      insert.run(this.rowValues(row.document, true));
    }
    const update = this.stmts.update;
    for (const row of categorized.bulkUpdateDocs) {
      update.run(this.rowValues(row.document, false));
    }
    return categorized;
  }

  bulkWrite(documentWrites: BulkWriteRow<RxDocType>[], context: string): Promise<RxStorageBulkWriteResponse<RxDocType>> {
    try {
      this.ensureOpen('bulkWrite');
      for (const row of documentWrites) {
        const attachments = row.document._attachments;
        if (attachments && Object.keys(attachments).length > 0) {
          throw new AttachmentsNotSupportedError(`document ${String(row.document[this.primaryPath])} has _attachments`);
        }
      }
      // categorizeBulkWriteRows checks each row against the stored state only, so a batch that
      // names the same id twice is split into chunks with unique ids, all in one transaction.
      const chunks = splitByDuplicateIds(documentWrites, this.primaryPath);
      const results = this.writeTransaction(chunks, context);
      let errors: RxStorageWriteError<RxDocType>[] = results[0].errors;
      let events: RxStorageChangeEvent<RxDocumentData<RxDocType>>[] = results[0].eventBulk.events;
      const eventBulkId = results[0].eventBulk.id;
      let newest = results[0].newestRow?.document;
      for (let i = 1; i < results.length; i++) {
        errors = errors.concat(results[i].errors);
        events = events.concat(results[i].eventBulk.events);
        newest = results[i].newestRow?.document ?? newest;
      }
      // Emitted after COMMIT and before the promise resolves: RxDB relies on seeing its own
      // write on the stream before the awaiting caller continues.
      if (events.length > 0 && newest) {
        const bulk: EventBulk<RxStorageChangeEvent<RxDocumentData<RxDocType>>, RxStorageDefaultCheckpoint> = {
          id: eventBulkId,
          events,
          checkpoint: { id: newest[this.primaryPath] as unknown as string, lwt: newest._meta.lwt },
          context,
        };
        this.shared.changes$.next(bulk as unknown as ChangeEventBulk);
      }
      return Promise.resolve({ error: errors });
    } catch (err) {
      return Promise.reject(err);
    }
  }

  findDocumentsById(ids: string[], withDeleted: boolean): Promise<RxDocumentData<RxDocType>[]> {
    try {
      this.ensureOpen('findDocumentsById');
      return Promise.resolve(this.loadByIds(ids, withDeleted));
    } catch (err) {
      return Promise.reject(err);
    }
  }

  query(preparedQuery: PreparedQuery<RxDocType>): Promise<RxStorageQueryResult<RxDocType>> {
    try {
      this.ensureOpen('query');
      return Promise.resolve({ documents: this.runQuery(preparedQuery) });
    } catch (err) {
      return Promise.reject(err);
    }
  }

  private bounds(preparedQuery: PreparedQuery<RxDocType>, column: IndexColumn<RxDocType>): [Buffer, Buffer] {
    const plan = preparedQuery.queryPlan;
    const index = column.fields as string[];
    const lower = getStartIndexStringFromLowerBound(this.schema, index, plan.startKeys as (string | number | boolean | null)[]);
    const upper = getStartIndexStringFromUpperBound(this.schema, index, plan.endKeys as (string | number | boolean | null)[]);
    return [toUtf16BeBlob(lower), toUtf16BeBlob(upper)];
  }

  /**
   * The index column for the plan, or undefined when the plan's range cannot be trusted (an
   * index hint we do not have, or bounds RxDB cannot encode exactly) and a scan is needed.
   */
  private usableIndex(preparedQuery: PreparedQuery<RxDocType>): IndexColumn<RxDocType> | undefined {
    const plan = preparedQuery.queryPlan;
    const column = this.indexByKey.get(indexKey(plan.index));
    if (!column || hasInexactBounds(this.schema, plan.index, plan.startKeys, plan.endKeys)) {
      return undefined;
    }
    return column;
  }

  private runQuery(preparedQuery: PreparedQuery<RxDocType>): RxDocumentData<RxDocType>[] {
    const query = preparedQuery.query;
    const plan = preparedQuery.queryPlan;
    const skip = query.skip ? query.skip : 0;
    const limit = typeof query.limit === 'number' ? query.limit : Infinity;
    const skipPlusLimit = skip + limit;
    const column = this.usableIndex(preparedQuery);

    if (column && plan.selectorSatisfiedByIndex && plan.sortSatisfiedByIndex) {
      const [lower, upper] = this.bounds(preparedQuery, column);
      // SQLite reads LIMIT -1 as "no limit".
      const sqlLimit = limit === Infinity ? -1 : limit;
      const raws = this.rangeStatement(column, plan.inclusiveStart, plan.inclusiveEnd, 'page').all(lower, upper, sqlLimit, skip) as string[];
      return raws.map((raw) => JSON.parse(raw) as RxDocumentData<RxDocType>);
    }

    const matcher = plan.selectorSatisfiedByIndex && column ? undefined : getQueryMatcher(this.schema, query);
    const mustSort = !column || !plan.sortSatisfiedByIndex;
    // iterate() lets an index-ordered scan stop at skip+limit; when everything must be read and
    // sorted anyway, all() is markedly cheaper per row in better-sqlite3.
    const statement = column ? this.rangeStatement(column, plan.inclusiveStart, plan.inclusiveEnd, 'rows') : this.stmts.fullScan;
    const params = column ? this.bounds(preparedQuery, column) : [];
    const iterator: Iterable<unknown> = mustSort ? statement.all(...params) : statement.iterate(...params);
    let rows: RxDocumentData<RxDocType>[] = [];
    for (const raw of iterator) {
      const doc = JSON.parse(raw as string) as RxDocumentData<RxDocType>;
      if (matcher && !matcher(doc)) {
        continue;
      }
      rows.push(doc);
      // In index order the first skip+limit matches are the answer; stop reading early.
      if (!mustSort && rows.length >= skipPlusLimit) {
        break;
      }
    }
    if (mustSort) {
      rows.sort(getSortComparator(this.schema, query));
    }
    if (skip !== 0 || rows.length > skipPlusLimit) {
      rows = rows.slice(skip, skipPlusLimit);
    }
    return rows;
  }

  count(preparedQuery: PreparedQuery<RxDocType>): Promise<RxStorageCountResult> {
    try {
      this.ensureOpen('count');
      const plan = preparedQuery.queryPlan;
      const column = this.usableIndex(preparedQuery);
      if (column && plan.selectorSatisfiedByIndex) {
        const count = this.rangeStatement(column, plan.inclusiveStart, plan.inclusiveEnd, 'count').get(...this.bounds(preparedQuery, column)) as number;
        return Promise.resolve({ count, mode: 'fast' });
      }
      // Matches query() without skip/limit, which RxDB does not allow on count queries.
      const { skip: _skip, limit: _limit, ...rest } = preparedQuery.query;
      const documents = this.runQuery({ ...preparedQuery, query: { ...rest, skip: 0 } });
      return Promise.resolve({ count: documents.length, mode: 'slow' });
    } catch (err) {
      return Promise.reject(err);
    }
  }

  getChangedDocumentsSince(
    limit: number,
    checkpoint?: RxStorageDefaultCheckpoint,
  ): Promise<{ documents: RxDocumentData<RxDocType>[]; checkpoint: RxStorageDefaultCheckpoint }> {
    try {
      this.ensureOpen('getChangedDocumentsSince');
      const column = this.lwtIndex;
      let lower: Buffer;
      let inclusive: boolean;
      if (checkpoint) {
        const probe = { [this.primaryPath]: checkpoint.id, _meta: { lwt: checkpoint.lwt } } as unknown as RxDocumentData<RxDocType>;
        lower = toUtf16BeBlob(column.toIndexString(probe));
        inclusive = false;
      } else {
        lower = Buffer.alloc(0);
        inclusive = true;
      }
      // A lone 0xFFFF code unit sorts above any index string RxDB produces.
      const upper = Buffer.from([0xff, 0xff, 0xff, 0xff]);
      const raws = this.rangeStatement(column, inclusive, true, 'page').all(lower, upper, limit, 0) as string[];
      const documents = raws.map((raw) => JSON.parse(raw) as RxDocumentData<RxDocType>);
      const last = documents[documents.length - 1];
      return Promise.resolve({
        documents,
        checkpoint: last
          ? { id: last[this.primaryPath] as unknown as string, lwt: last._meta.lwt }
          : (checkpoint ?? { id: '', lwt: 0 }),
      });
    } catch (err) {
      return Promise.reject(err);
    }
  }

  changeStream(): Observable<EventBulk<RxStorageChangeEvent<RxDocumentData<RxDocType>>, RxStorageDefaultCheckpoint>> {
    this.ensureOpen('changeStream');
    return this.shared.changes$.asObservable() as unknown as Observable<
      EventBulk<RxStorageChangeEvent<RxDocumentData<RxDocType>>, RxStorageDefaultCheckpoint>
    >;
  }

  cleanup(minimumDeletedTime: number): Promise<boolean> {
    try {
      this.ensureOpen('cleanup');
      const maxDeletionTime = now() - minimumDeletedTime;
      this.stmts.cleanup.run(maxDeletionTime);
      const more = this.stmts.cleanupRemaining.get(maxDeletionTime) !== undefined;
      return Promise.resolve(!more);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  getAttachmentData(documentId: string, attachmentId: string, _digest: string): Promise<Blob> {
    return Promise.reject(new AttachmentsNotSupportedError(`getAttachmentData(${documentId}, ${attachmentId})`));
  }

  remove(): Promise<void> {
    try {
      this.ensureOpen('remove');
      const db = this.connection.db;
      db.transaction(() => {
        db.exec(`DROP TABLE IF EXISTS ${this.table}`);
        db.prepare(`DELETE FROM ${META_TABLE} WHERE table_name = ?`).run(this.shared.tableName);
      })();
      return this.close();
    } catch (err) {
      return Promise.reject(err);
    }
  }

  close(): Promise<void> {
    if (this.closed) {
      return Promise.resolve();
    }
    this.closed = true;
    try {
      releaseTableState(this.connection, this.shared);
      releaseConnection(this.connection);
      return Promise.resolve();
    } catch (err) {
      return Promise.reject(err);
    }
  }
}

function splitByDuplicateIds<RxDocType>(rows: BulkWriteRow<RxDocType>[], primaryPath: StringKeys<RxDocumentData<RxDocType>>): BulkWriteRow<RxDocType>[][] {
  const chunks: BulkWriteRow<RxDocType>[][] = [];
  let current: BulkWriteRow<RxDocType>[] = [];
  let seen = new Set<unknown>();
  for (const row of rows) {
    const id = row.document[primaryPath];
    if (seen.has(id)) {
      chunks.push(current);
      current = [];
      seen = new Set();
    }
    seen.add(id);
    current.push(row);
  }
  chunks.push(current);
  return chunks;
}
