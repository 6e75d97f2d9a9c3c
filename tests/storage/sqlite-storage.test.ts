import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { firstValueFrom } from 'rxjs';
import { filter } from 'rxjs/operators';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addRxPlugin,
  createRxDatabase,
  fillWithDefaultSettings,
  getChangedDocumentsSinceQuery,
  normalizeMangoQuery,
  now,
  prepareQuery,
  randomToken,
  type EventBulk,
  type RxCollection,
  type RxDocumentData,
  type RxJsonSchema,
  type RxStorageChangeEvent,
  type RxStorageDefaultCheckpoint,
  type RxStorageInstance,
  type RxStorageWriteError,
} from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { AttachmentsNotSupportedError, databaseFilePath, getRxStorageSQLite } from '../../electron/core/storage/index';
import { connectionRefCount } from '../../electron/core/storage/sqlite-connection';
import { toUtf16BeBlob } from '../../electron/core/storage/sqlite-indexes';
import { createRng, makeTempDir, personSchema, type PersonDoc } from './helpers';

addRxPlugin(RxDBMigrationSchemaPlugin);

type Instance = RxStorageInstance<PersonDoc, unknown, unknown, RxStorageDefaultCheckpoint>;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

function tempDir(): string {
  const tmp = makeTempDir('storage');
  cleanups.push(tmp.cleanup);
  return tmp.dir;
}

const filledSchema = (version = 0): RxJsonSchema<RxDocumentData<PersonDoc>> => fillWithDefaultSettings(personSchema(version));

async function openInstance(dir: string, databaseName = 'db', collectionName = 'people', schema = filledSchema()): Promise<Instance> {
  const storage = getRxStorageSQLite({ directory: dir });
  const instance = (await storage.createStorageInstance<PersonDoc>({
    databaseInstanceToken: randomToken(10),
    databaseName,
    collectionName,
    schema,
    options: {},
    multiInstance: false,
    devMode: false,
  })) as unknown as Instance;
  cleanups.push(() => instance.close());
  return instance;
}

let revCounter = 0;
function docData(id: string, overrides: Partial<RxDocumentData<PersonDoc>> = {}): RxDocumentData<PersonDoc> {
  return {
    id,
    name: 'n-' + id,
    age: 30,
    score: 0,
    active: true,
    address: { city: 'Paris', zip: '75001' },
    tags: [],
    _deleted: false,
    _rev: `1-${++revCounter}`,
    _meta: { lwt: now() },
    _attachments: {},
    ...overrides,
  };
}

function documentInDb(error: RxStorageWriteError<PersonDoc>): unknown {
  return 'documentInDb' in error ? error.documentInDb : undefined;
}

function allQuery(schema: RxJsonSchema<RxDocumentData<PersonDoc>>) {
  return prepareQuery(schema, normalizeMangoQuery(schema, { selector: {}, sort: [{ id: 'asc' }] }));
}

describe('SQLite RxStorage: writes and conflicts', () => {
  it('returns a 409 with documentInDb for a wrong previous and for inserting an existing id', async () => {
    const inst = await openInstance(tempDir());
    const original = docData('a');
    expect((await inst.bulkWrite([{ document: original }], 'test')).error).toEqual([]);

    const insertAgain = await inst.bulkWrite([{ document: docData('a', { name: 'dup' }) }], 'test');
    expect(insertAgain.error).toHaveLength(1);
    expect(insertAgain.error[0].status).toBe(409);
    expect(insertAgain.error[0].documentId).toBe('a');
    expect(documentInDb(insertAgain.error[0])).toEqual(original);

    const stalePrevious = { ...original, _rev: '1-stale' };
    const update = await inst.bulkWrite([{ previous: stalePrevious, document: { ...original, name: 'x', _rev: '2-x' } }], 'test');
    expect(update.error).toHaveLength(1);
    expect(update.error[0].status).toBe(409);
    expect(documentInDb(update.error[0])).toEqual(original);

    // The correct previous succeeds; other rows of a batch are unaffected by one row's conflict.
    const mixed = await inst.bulkWrite(
      [{ previous: original, document: { ...original, name: 'ok', _rev: '2-ok' } }, { document: docData('a') }, { document: docData('b') }],
      'test',
    );
    expect(mixed.error.map((e) => e.status)).toEqual([409]);
    const stored = await inst.findDocumentsById(['a', 'b'], false);
    expect(stored.map((d) => [d.id, d.name]).sort()).toEqual([
      ['a', 'ok'],
      ['b', 'n-b'],
    ]);
  });

  it('surfaces conflicts through an RxDB collection', async () => {
    const db = await createRxDatabase({ name: 'coll', storage: getRxStorageSQLite({ directory: tempDir() }), multiInstance: false });
    cleanups.push(async () => void (await db.close()));
    const { people } = await db.addCollections({ people: { schema: personSchema() } });
    const doc = { id: 'p1', name: 'Ana', age: 40, score: 1, active: true, address: { city: 'Oslo', zip: '1' }, tags: [] };
    await people.insert(doc);
    await expect(people.insert(doc)).rejects.toMatchObject({ code: 'CONFLICT' });
    const result = await people.bulkInsert([doc]);
    expect(result.error[0].status).toBe(409);
  });

  it('handles the same id twice in one batch like sequential writes', async () => {
    const inst = await openInstance(tempDir());
    const first = docData('dup');
    const result = await inst.bulkWrite([{ document: first }, { document: docData('dup', { name: 'second' }) }], 'test');
    expect(result.error.map((e) => e.status)).toEqual([409]);
    expect((await inst.findDocumentsById(['dup'], false))[0].name).toBe(first.name);
  });

  it('finds documents by id with and without tombstones', async () => {
    const inst = await openInstance(tempDir());
    await inst.bulkWrite([{ document: docData('live') }, { document: docData('dead', { _deleted: true }) }], 'test');
    expect((await inst.findDocumentsById(['live', 'dead', 'missing'], false)).map((d) => d.id)).toEqual(['live']);
    expect((await inst.findDocumentsById(['live', 'dead', 'missing'], true)).map((d) => d.id).sort()).toEqual(['dead', 'live']);
    expect((await inst.findDocumentsById(['dead'], false)).length).toBe(0);
    expect((await inst.findDocumentsById(['dead'], true)).length).toBe(1);
    // query() returns tombstones too; RxDB adds the _deleted filter itself.
    expect((await inst.query(allQuery(inst.schema as RxJsonSchema<RxDocumentData<PersonDoc>>))).documents.map((d) => d.id)).toEqual(['dead', 'live']);
  });

  it('emits change events before bulkWrite resolves', async () => {
    const inst = await openInstance(tempDir());
    const seen: EventBulk<RxStorageChangeEvent<PersonDoc>, RxStorageDefaultCheckpoint>[] = [];
    const sub = inst.changeStream().subscribe((bulk) => seen.push(bulk));
    const doc = docData('e1');
    const write = inst.bulkWrite([{ document: doc }], 'ctx-1');
    await write;
    expect(seen).toHaveLength(1);
    expect(seen[0].context).toBe('ctx-1');
    expect(seen[0].events[0]).toMatchObject({ operation: 'INSERT', documentId: 'e1' });
    expect(seen[0].checkpoint).toEqual({ id: 'e1', lwt: doc._meta.lwt });
    await inst.bulkWrite([{ previous: doc, document: { ...doc, _deleted: true, _rev: '2-d', _meta: { lwt: now() } } }], 'ctx-2');
    expect(seen[1].events[0].operation).toBe('DELETE');
    sub.unsubscribe();
  });

  it('rejects attachments with a clear error', async () => {
    const dir = tempDir();
    const inst = await openInstance(dir);
    const withAttachment = docData('att', {
      _attachments: { photo: { digest: 'md5-x', length: 1, type: 'image/jpeg' } },
    } as Partial<RxDocumentData<PersonDoc>>);
    await expect(inst.bulkWrite([{ document: withAttachment }], 'test')).rejects.toBeInstanceOf(AttachmentsNotSupportedError);
    expect(await inst.findDocumentsById(['att'], true)).toEqual([]);
    await expect(inst.getAttachmentData('att', 'photo', 'md5-x')).rejects.toThrow(/does not store attachments/);

    const schema = { ...filledSchema(), attachments: {} };
    await expect(openInstance(dir, 'db', 'withatt', schema)).rejects.toBeInstanceOf(AttachmentsNotSupportedError);
  });
});

describe('SQLite RxStorage: cleanup and changes feed', () => {
  it('purges tombstones older than minimumDeletedTime and keeps newer ones and live docs', async () => {
    const inst = await openInstance(tempDir());
    const old = now() - 60_000;
    await inst.bulkWrite(
      [
        { document: docData('old1', { _deleted: true, _meta: { lwt: old } }) },
        { document: docData('old2', { _deleted: true, _meta: { lwt: old + 1 } }) },
        { document: docData('recent', { _deleted: true }) },
        { document: docData('live-old', { _meta: { lwt: old } }) },
      ],
      'test',
    );
    expect(await inst.cleanup(30_000)).toBe(true);
    const left = await inst.findDocumentsById(['old1', 'old2', 'recent', 'live-old'], true);
    expect(left.map((d) => d.id).sort()).toEqual(['live-old', 'recent']);
    expect(await inst.cleanup(0)).toBe(true);
    expect((await inst.findDocumentsById(['recent'], true)).length).toBe(0);
  });

  it('pages through getChangedDocumentsSince in (lwt, id) order without gaps or repeats', async () => {
    const inst = await openInstance(tempDir());
    const base = now();
    const docs = Array.from({ length: 53 }, (_, i) => docData('c' + String(i).padStart(3, '0'), { _meta: { lwt: base + Math.floor(i / 5) } }));
    await inst.bulkWrite(
      docs.map((document) => ({ document })),
      'test',
    );
    const seen: string[] = [];
    let checkpoint: RxStorageDefaultCheckpoint | undefined;
    for (;;) {
      const page = await inst.getChangedDocumentsSince!(7, checkpoint);
      seen.push(...page.documents.map((d) => d.id));
      checkpoint = page.checkpoint;
      if (page.documents.length < 7) break;
    }
    expect(seen).toEqual(docs.map((d) => d.id));

    // Same answer as RxDB's generic query-based implementation, which replication falls back to.
    const schema = inst.schema as RxJsonSchema<RxDocumentData<PersonDoc>>;
    const fallback = await inst.query(prepareQuery(schema, getChangedDocumentsSinceQuery(inst, 1000, undefined)));
    expect(fallback.documents.map((d) => d.id)).toEqual(seen);

    const updated = { ...docs[0], name: 'changed', _rev: '2-u', _meta: { lwt: base + 1000 } };
    await inst.bulkWrite([{ previous: docs[0], document: updated }], 'test');
    const after = await inst.getChangedDocumentsSince!(10, checkpoint);
    expect(after.documents.map((d) => d.id)).toEqual([docs[0].id]);
  });
});

describe('SQLite RxStorage: files, reopen, connections', () => {
  it('keeps documents, query results and the change stream across close and reopen', async () => {
    const dir = tempDir();
    const open = async () => {
      const db = await createRxDatabase({ name: 'reopen', storage: getRxStorageSQLite({ directory: dir }), multiInstance: false });
      const { people } = await db.addCollections({ people: { schema: personSchema() } });
      return { db, people: people as RxCollection<PersonDoc> };
    };
    const rng = createRng(7);
    const docs: PersonDoc[] = Array.from({ length: 300 }, (_, i) => ({
      id: 'r' + i,
      name: ['Ana', 'Émile', '東京', '😀', ''][i % 5] + i,
      age: Math.floor(rng() * 121),
      score: Math.round(rng() * 100) / 2,
      active: rng() < 0.5,
      address: { city: ['Oslo', 'Köln'][i % 2], zip: '1' },
      tags: [],
    }));
    const queries = [
      { selector: { age: { $gte: 30 } }, sort: [{ age: 'asc' as const }], limit: 20 },
      { selector: { 'address.city': 'Köln' }, sort: [{ name: 'desc' as const }] },
      { selector: { name: { $regex: '^É' } } },
    ];

    const first = await open();
    await first.people.bulkInsert(docs);
    await first.people.findOne('r0').remove();
    const before = await Promise.all(queries.map(async (q) => (await first.people.find(q).exec()).map((d) => d.primary)));
    const countBefore = await first.people.count().exec();
    await first.db.close();

    const second = await open();
    cleanups.push(async () => void (await second.db.close()));
    expect(await second.people.count().exec()).toBe(countBefore);
    const after = await Promise.all(queries.map(async (q) => (await second.people.find(q).exec()).map((d) => d.primary)));
    expect(after).toEqual(before);
    const reread = await second.people.findByIds(docs.map((d) => d.id)).exec();
    expect(reread.size).toBe(299);
    expect(reread.get('r5')?.toJSON()).toMatchObject(docs[5]);

    const next = firstValueFrom(second.people.$.pipe(filter((e) => e.documentId === 'after-reopen')));
    const nextStorage = firstValueFrom(second.people.storageInstance.changeStream());
    await second.people.insert({ ...docs[1], id: 'after-reopen' });
    expect((await next).operation).toBe('INSERT');
    expect((await nextStorage).events[0].documentId).toBe('after-reopen');
  });

  it('stores several databases in one folder and several collections/versions in one file', async () => {
    const dir = tempDir();
    const a1 = await openInstance(dir, 'alpha', 'people');
    const a2 = await openInstance(dir, 'alpha', 'visitors');
    const a3 = await openInstance(dir, 'alpha', 'people', filledSchema(1));
    const b1 = await openInstance(dir, 'beta', 'people');
    await a1.bulkWrite([{ document: docData('x', { name: 'alpha-people' }) }], 't');
    await a2.bulkWrite([{ document: docData('x', { name: 'alpha-visitors' }) }], 't');
    await a3.bulkWrite([{ document: docData('x', { name: 'alpha-people-v1' }) }], 't');
    await b1.bulkWrite([{ document: docData('x', { name: 'beta-people' }) }], 't');
    const names = await Promise.all([a1, a2, a3, b1].map(async (i) => (await i.findDocumentsById(['x'], false))[0].name));
    expect(names).toEqual(['alpha-people', 'alpha-visitors', 'alpha-people-v1', 'beta-people']);
    expect(readdirSync(dir).filter((f) => f.endsWith('.sqlite')).sort()).toEqual(['alpha.sqlite', 'beta.sqlite']);
    expect(databaseFilePath(dir, 'Weird/../Name')).toBe(path.join(dir, '%57eird%2F%2E%2E%2F%4Eame.sqlite'));

    // WAL is a property of the file; check it from an independent connection.
    const probe = new Database(path.join(dir, 'alpha.sqlite'), { readonly: true });
    expect(probe.pragma('journal_mode', { simple: true })).toBe('wal');
    probe.close();
  });

  it('shares one connection per file, ref-counted, closed with the last instance', async () => {
    const dir = tempDir();
    const file = databaseFilePath(dir, 'shared');
    const i1 = await openInstance(dir, 'shared', 'people');
    const i2 = await openInstance(dir, 'shared', 'people');
    const i3 = await openInstance(dir, 'shared', 'other');
    expect(connectionRefCount(file)).toBe(3);
    // Instances of the same collection share the change stream.
    const seen = firstValueFrom(i2.changeStream());
    await i1.bulkWrite([{ document: docData('s1') }], 't');
    expect((await seen).events[0].documentId).toBe('s1');
    expect((await i2.findDocumentsById(['s1'], false)).length).toBe(1);
    await i1.close();
    await i3.close();
    expect(connectionRefCount(file)).toBe(1);
    await i2.close();
    expect(connectionRefCount(file)).toBe(0);
    await expect(i2.query(allQuery(filledSchema()))).rejects.toThrow(/after close/);
  });

  it('deletes the file when the database is removed', async () => {
    const dir = tempDir();
    const db = await createRxDatabase({ name: 'gone', storage: getRxStorageSQLite({ directory: dir }), multiInstance: false });
    await db.addCollections({ people: { schema: personSchema() } });
    expect(existsSync(path.join(dir, 'gone.sqlite'))).toBe(true);
    await db.remove();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a table whose indexes changed without a schema version bump', async () => {
    const dir = tempDir();
    const inst = await openInstance(dir, 'db', 'people');
    await inst.close();
    const changed = personSchema();
    changed.indexes = ['name'];
    await expect(openInstance(dir, 'db', 'people', fillWithDefaultSettings(changed))).rejects.toThrow(/schema version bump/);
  });
});

describe('SQLite RxStorage: schema migration', () => {
  it('migrates a folder written with schema v0 to v1 through RxDB (autoMigrate: false)', async () => {
    const dir = tempDir();
    const storage = getRxStorageSQLite({ directory: dir });
    const db0 = await createRxDatabase({ name: 'mig', storage, multiInstance: false });
    const { people } = await db0.addCollections({ people: { schema: personSchema(0) } });
    await people.bulkInsert(
      Array.from({ length: 25 }, (_, i) => ({ id: 'm' + i, name: 'N' + i, age: i, score: 0, active: true, address: { city: 'Oslo', zip: '1' }, tags: [] })),
    );
    await people.findOne('m0').remove();
    await db0.close();

    const db1 = await createRxDatabase({ name: 'mig', storage, multiInstance: false });
    cleanups.push(async () => void (await db1.close()));
    const v1 = personSchema(1);
    const collections = await db1.addCollections({
      people: {
        schema: v1,
        autoMigrate: false,
        migrationStrategies: { 1: (doc: PersonDoc) => ({ ...doc, name: doc.name.toLowerCase(), age: doc.age + 1 }) },
      },
    });
    const migrated = collections.people as RxCollection<PersonDoc>;
    expect(await migrated.migrationNeeded()).toBe(true);
    await migrated.migratePromise();
    const docs = await migrated.find({ sort: [{ age: 'asc' }] }).exec();
    expect(docs).toHaveLength(24);
    expect(docs[0].toJSON()).toMatchObject({ id: 'm1', name: 'n1', age: 2 });

    // The v0 table is gone from the file once RxDB has removed the old storage instance.
    const probe = new Database(path.join(dir, 'mig.sqlite'), { readonly: true });
    const tables = probe.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c_people_%'`).pluck().all();
    probe.close();
    expect(tables).toEqual(['c_people_v1']);
  });
});

describe('UTF-16BE index encoding', () => {
  it('orders bytes exactly like JavaScript string comparison', () => {
    const samples = ['', 'a', 'a ', 'ab', 'b', 'Z', 'é', 'e\u0301', '東', '😀', '😀a', '\ue000', '\uffff', '\ud800', 'ﬀ', '𝒜', '\u0000', '~'];
    const rng = createRng(11);
    for (let i = 0; i < 2000; i++) {
      samples.push(Array.from({ length: 1 + Math.floor(rng() * 4) }, () => String.fromCharCode(Math.floor(rng() * 0x10000))).join(''));
    }
    for (let i = 0; i < samples.length; i++) {
      const a = samples[i];
      const b = samples[(i * 7919 + 13) % samples.length];
      const js = a < b ? -1 : a > b ? 1 : 0;
      expect(Math.sign(Buffer.compare(toUtf16BeBlob(a), toUtf16BeBlob(b))), JSON.stringify([a, b])).toBe(js);
    }
  });
});
