/**
 * Differential test: identical data and random Mango queries against the SQLite storage and
 * RxDB's memory storage (the reference implementation of the RxStorage contract), through real
 * RxDB collections and at the storage-instance level (where tombstones are visible). A third
 * opinion, a brute-force matcher+comparator over all documents, catches the case where both
 * storages agree on a wrong answer.
 *
 * Replay a failure with STORAGE_DIFF_SEED=<seed printed below>.
 */
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRxDatabase,
  getQueryMatcher,
  getSortComparator,
  normalizeMangoQuery,
  prepareQuery,
  type MangoQuery,
  type MangoQuerySelector,
  type MangoQuerySortPart,
  type PreparedQuery,
  type RxCollection,
  type RxDatabase,
  type RxDocumentData,
  type RxJsonSchema,
  type RxStorageInstance,
} from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { getRxStorageSQLite } from '../../electron/core/storage/index';
import { hasInexactBounds } from '../../electron/core/storage/sqlite-indexes';
import { createRng, makeTempDir, personSchema, seedFromEnv, type PersonDoc } from './helpers';

const SEED = seedFromEnv('STORAGE_DIFF_SEED');
const rand = createRng(SEED);
const DOCS = 1200;
const COLLECTION_QUERIES = 1100;
const STORAGE_QUERIES = 400;

const pick = <T>(values: readonly T[]): T => values[Math.floor(rand() * values.length)];
const chance = (p: number): boolean => rand() < p;
const int = (min: number, max: number): number => min + Math.floor(rand() * (max - min + 1));

// No character at or below U+0020: RxDB pads index strings with spaces, so a value like "a\t"
// sorts differently in every index-based RxStorage than in a JS comparison. That is RxDB's
// documented index design, not something a storage can fix.
const ALPHABET = ['a', 'b', 'z', 'A', 'Z', '0', '9', 'é', 'É', 'ü', 'ß', 'ø', '東', '京', '한', '😀', '🎉', '👍🏽', '\ue000', '\uffee', '-', '_', '.', '~'];
const NAME_POOL = ['', 'a', 'A', 'ab', 'abc', 'b', 'Zoë', 'zoe', 'é', 'e\u0301', '東京', '大阪', '😀', '😀😀', 'a😀', '\ue000', '\uffee', 'Ω', 'ñandú', 'Émile'];
const CITY_POOL = ['', 'Paris', 'paris', 'Köln', 'São Paulo', '東京', '서울', '🏙️', 'Zürich', 'Åre', 'Oslo'];
const TAG_POOL = ['red', 'blue', 'green', '', 'é', '😀'];
const REGEX_POOL = ['^a', 'é', '😀', '^$', '.', 'o$', '[a-c]', '東', '^Z', 'ë'];
const ID_PREFIX = ['a', 'B', 'é', '東', '😀', 'z', 'Z', '0'];

function randomString(maxUnits: number): string {
  let s = '';
  const n = int(0, 6);
  for (let i = 0; i < n; i++) {
    const next = s + pick(ALPHABET);
    if (next.length > maxUnits) break;
    s = next;
  }
  return s;
}

function randomName(): string {
  return chance(0.6) ? pick(NAME_POOL) : randomString(12);
}

function randomAge(): number {
  return chance(0.15) ? pick([0, 120]) : int(0, 120);
}

function randomScore(): number {
  return chance(0.15) ? pick([-1000, 1000, 0, -0.5, 0.5]) : int(-2000, 2000) / 2;
}

function makeDoc(i: number): PersonDoc {
  const doc: PersonDoc = {
    id: pick(ID_PREFIX) + i.toString(36).padStart(4, '0'),
    name: randomName(),
    age: randomAge(),
    score: randomScore(),
    active: chance(0.5),
    address: { city: pick(CITY_POOL), zip: String(int(10000, 10050)) },
    tags: Array.from({ length: int(0, 3) }, () => pick(TAG_POOL)),
  };
  if (chance(0.5)) {
    doc.nickname = randomName();
  }
  return doc;
}

type FieldKind = 'string' | 'int' | 'half' | 'bool' | 'array';
const FIELDS: { path: string; kind: FieldKind }[] = [
  { path: 'id', kind: 'string' },
  { path: 'name', kind: 'string' },
  { path: 'name', kind: 'string' },
  { path: 'age', kind: 'int' },
  { path: 'age', kind: 'int' },
  { path: 'score', kind: 'half' },
  { path: 'score', kind: 'half' },
  { path: 'active', kind: 'bool' },
  { path: 'address.city', kind: 'string' },
  { path: 'address.city', kind: 'string' },
  { path: 'address.zip', kind: 'string' },
  { path: 'nickname', kind: 'string' },
  { path: 'tags', kind: 'array' },
];

function randomValue(kind: FieldKind, path: string, docs: PersonDoc[]): unknown {
  switch (kind) {
    case 'string': {
      if (path === 'id') return chance(0.7) ? pick(docs).id : randomString(10);
      if (path === 'address.city') return chance(0.8) ? pick(CITY_POOL) : randomString(8);
      if (path === 'address.zip') return String(int(9990, 10060));
      return randomName();
    }
    case 'int':
      // Out-of-range and fractional bounds exercise RxDB's clamping of index strings.
      return chance(0.1) ? pick([-5, 121, 500, 3.5, 119.5]) : randomAge();
    case 'half':
      return chance(0.1) ? pick([-5000, 5000, 0.25, -999.75]) : randomScore();
    case 'bool':
      return chance(0.5);
    case 'array':
      return pick(TAG_POOL);
  }
}

function randomCondition(kind: FieldKind, path: string, docs: PersonDoc[]): unknown {
  const v = () => randomValue(kind, path, docs);
  const r = rand();
  if (kind === 'bool') {
    return r < 0.4 ? v() : r < 0.7 ? { $eq: v() } : r < 0.9 ? { $ne: v() } : { $exists: chance(0.5) };
  }
  if (kind === 'array') {
    return r < 0.5 ? { $in: [v(), v()] } : r < 0.8 ? { $nin: [v()] } : { $exists: chance(0.8) };
  }
  if (r < 0.15) return v();
  if (r < 0.25) return { $eq: v() };
  if (r < 0.32) return { $ne: v() };
  if (r < 0.42) return { $gt: v() };
  if (r < 0.52) return { $gte: v() };
  if (r < 0.6) return { $lt: v() };
  if (r < 0.68) return { $lte: v() };
  if (r < 0.8) {
    const [a, b] = [v(), v()];
    const lowOp = chance(0.5) ? '$gt' : '$gte';
    const highOp = chance(0.5) ? '$lt' : '$lte';
    return (a as number | string) <= (b as number | string) ? { [lowOp]: a, [highOp]: b } : { [lowOp]: b, [highOp]: a };
  }
  if (r < 0.87) return { $in: Array.from({ length: int(1, 4) }, v) };
  if (r < 0.92) return { $nin: Array.from({ length: int(1, 3) }, v) };
  if (r < 0.96 && kind === 'string') return { $regex: pick(REGEX_POOL) };
  return { $exists: chance(0.5) };
}

function randomFieldSelector(docs: PersonDoc[], maxFields: number): Record<string, unknown> {
  const selector: Record<string, unknown> = {};
  const n = int(1, maxFields);
  for (let i = 0; i < n; i++) {
    const field = pick(FIELDS);
    selector[field.path] = randomCondition(field.kind, field.path, docs);
  }
  return selector;
}

function randomSelector(docs: PersonDoc[]): MangoQuerySelector<PersonDoc> {
  const selector: Record<string, unknown> = chance(0.15) ? {} : randomFieldSelector(docs, 3);
  if (chance(0.25)) {
    selector.$or = Array.from({ length: int(2, 3) }, () => randomFieldSelector(docs, 2));
  }
  if (chance(0.15)) {
    selector.$and = Array.from({ length: int(1, 2) }, () => randomFieldSelector(docs, 2));
  }
  return selector as MangoQuerySelector<PersonDoc>;
}

const SORT_FIELDS = ['name', 'age', 'score', 'active', 'address.city', 'id', 'nickname'];

function randomQuery(docs: PersonDoc[]): MangoQuery<PersonDoc> {
  const query: MangoQuery<PersonDoc> = { selector: randomSelector(docs) };
  const sortFields = int(0, 2);
  if (sortFields > 0) {
    const sort: MangoQuerySortPart<PersonDoc>[] = [];
    const used = new Set<string>();
    for (let i = 0; i < sortFields; i++) {
      const field = pick(SORT_FIELDS);
      if (used.has(field)) continue;
      used.add(field);
      sort.push({ [field]: chance(0.7) ? 'asc' : 'desc' } as MangoQuerySortPart<PersonDoc>);
    }
    query.sort = sort;
  }
  if (chance(0.3)) query.skip = int(0, 30);
  if (chance(0.5)) query.limit = chance(0.1) ? int(0, 1) : int(1, 60);
  return query;
}

async function openCollection(db: RxDatabase): Promise<RxCollection<PersonDoc>> {
  const collections = await db.addCollections({ people: { schema: personSchema() } });
  return collections.people as RxCollection<PersonDoc>;
}

describe(`differential: SQLite vs memory storage (seed ${SEED})`, () => {
  const tmp = makeTempDir('diff');
  let sqliteDb: RxDatabase;
  let memoryDb: RxDatabase;
  let sqlite: RxCollection<PersonDoc>;
  let memory: RxCollection<PersonDoc>;
  let liveDocs: PersonDoc[] = [];

  beforeAll(async () => {
    console.log(`[differential] seed=${SEED} (replay with STORAGE_DIFF_SEED=${SEED})`);
    sqliteDb = await createRxDatabase({
      name: 'diff',
      storage: getRxStorageSQLite({ directory: tmp.dir, synchronous: 'NORMAL' }),
      multiInstance: false,
      allowSlowCount: true,
    });
    memoryDb = await createRxDatabase({
      name: 'diff' + SEED,
      storage: getRxStorageMemory(),
      multiInstance: false,
      allowSlowCount: true,
    });
    sqlite = await openCollection(sqliteDb);
    memory = await openCollection(memoryDb);

    const docs = Array.from({ length: DOCS }, (_, i) => makeDoc(i));
    // Several batch sizes, so both single-row and large transactions are covered.
    for (let i = 0; i < docs.length; ) {
      const n = pick([1, 7, 50, 300]);
      const batch = docs.slice(i, i + n);
      const [a, b] = await Promise.all([sqlite.bulkInsert(batch), memory.bulkInsert(batch)]);
      expect(a.error).toEqual([]);
      expect(b.error).toEqual([]);
      i += n;
    }
    // Updates and deletes leave tombstones and rewritten index entries behind.
    for (let i = 0; i < 200; i++) {
      const id = pick(docs).id;
      const patch = { name: randomName(), age: randomAge(), score: randomScore(), address: { city: pick(CITY_POOL), zip: '10001' } };
      for (const coll of [sqlite, memory]) {
        const doc = await coll.findOne(id).exec();
        if (doc) await doc.incrementalPatch(patch);
      }
    }
    const toDelete = new Set(Array.from({ length: 120 }, () => pick(docs).id));
    for (const coll of [sqlite, memory]) {
      await coll.bulkRemove([...toDelete]);
    }
    liveDocs = (await memory.find().exec()).map((d) => d.toJSON() as PersonDoc);
    expect(await sqlite.count().exec()).toBe(liveDocs.length);
  });

  afterAll(async () => {
    await sqliteDb?.close();
    await memoryDb?.close();
    tmp.cleanup();
  });

  it(`returns identical ids and counts for ${COLLECTION_QUERIES} random collection queries`, async () => {
    const schema = memory.schema.jsonSchema as RxJsonSchema<RxDocumentData<PersonDoc>>;
    const everything = await allDocs(memory);
    let nonEmpty = 0;
    const memoryBugs: string[] = [];
    for (let i = 0; i < COLLECTION_QUERIES; i++) {
      const query = randomQuery(liveDocs);
      const label = `query #${i} seed=${SEED}: ${JSON.stringify(query)}`;
      const [a, b] = await Promise.all([sqlite.find(query).exec(), memory.find(query).exec()]);
      const idsA = a.map((d) => d.primary);
      const idsB = b.map((d) => d.primary);
      const rxQuery = sqlite.find(query);
      const prepared = rxQuery.getPreparedQuery();
      // RxDB answers primary-key queries via findDocumentsById and only applies `limit` when it
      // is > 0, so `limit: 0` returns the matches there (RxDB behaviour, storage not involved).
      const rxdbIgnoresLimit = !!rxQuery.isFindOneByIdQuery && query.limit === 0;
      const oracle = bruteForce(schema, everything, rxdbIgnoresLimit ? { ...prepared.query, limit: undefined } : prepared.query);
      expect(idsA, 'sqlite vs brute force ' + label).toEqual(oracle);
      if (idsA.length > 0) nonEmpty++;

      const countQuery = { selector: query.selector };
      const oracleCount = bruteForce(schema, everything, { ...prepared.query, skip: 0, limit: undefined }).length;
      const [ca, cb] = await Promise.all([sqlite.count(countQuery).exec(), memory.count(countQuery).exec()]);
      expect(ca, 'sqlite count vs brute force ' + label).toBe(oracleCount);

      if (!isDeepStrictEqual(idsB, oracle) || cb !== oracleCount) {
        expectKnownReferenceBug(schema, prepared, label);
        memoryBugs.push(label);
      } else {
        expect(idsA, label).toEqual(idsB);
      }
    }
    reportReferenceBugs(memoryBugs);
    // Guard against a generator that only produces empty results.
    expect(nonEmpty).toBeGreaterThan(COLLECTION_QUERIES / 3);
  });

  it(`agrees at the storage-instance level (tombstones visible, index hints) for ${STORAGE_QUERIES} queries`, async () => {
    const schema = sqlite.schema.jsonSchema as RxJsonSchema<RxDocumentData<PersonDoc>>;
    const everything = await allDocs(memory);
    const indexes = (schema.indexes ?? []).map((idx) => (Array.isArray(idx) ? [...idx] : [idx as string]));
    const sInst = sqlite.storageInstance as unknown as RxStorageInstance<PersonDoc, unknown, unknown>;
    const mInst = memory.storageInstance as unknown as RxStorageInstance<PersonDoc, unknown, unknown>;
    let tombstonesSeen = 0;
    const memoryBugs: string[] = [];
    for (let i = 0; i < STORAGE_QUERIES; i++) {
      const mango = randomQuery(liveDocs) as MangoQuery<RxDocumentData<PersonDoc>>;
      if (chance(0.3)) {
        (mango.selector as Record<string, unknown>)._deleted = chance(0.5) ? { $eq: true } : { $eq: chance(0.5) };
      }
      if (chance(0.3)) {
        mango.index = pick(indexes);
      }
      const label = `storage query #${i} seed=${SEED}: ${JSON.stringify(mango)}`;
      const prepared = prepareQuery(schema, normalizeMangoQuery(schema, mango));
      const [a, b] = await Promise.all([sInst.query(prepared), mInst.query(prepared)]);
      const idsA = a.documents.map((d) => d.id);
      const idsB = b.documents.map((d) => d.id);
      const oracle = bruteForce(schema, everything, prepared.query);
      expect(idsA, 'sqlite vs brute force ' + label).toEqual(oracle);
      tombstonesSeen += a.documents.filter((d) => d._deleted).length;

      const unpaged = prepareQuery(schema, normalizeMangoQuery(schema, { ...mango, skip: 0, limit: undefined }));
      const [countA, countB, all] = await Promise.all([sInst.count(unpaged), mInst.count(unpaged), sInst.query(unpaged)]);
      expect(countA.count, 'count vs query ' + label).toBe(all.documents.length);
      expect(countA.count, 'count vs brute force ' + label).toBe(bruteForce(schema, everything, unpaged.query).length);
      if (!isDeepStrictEqual(idsB, oracle) || countB.count !== countA.count) {
        expectKnownReferenceBug(schema, prepared, label);
        memoryBugs.push(label);
      } else {
        expect(idsA, label).toEqual(idsB);
      }
    }
    reportReferenceBugs(memoryBugs);
    expect(tombstonesSeen).toBeGreaterThan(0);
  });
});

/**
 * RxDB's memory storage trusts the query plan even when a bound cannot be encoded exactly in an
 * index string (see hasInexactBounds). Where it then disagrees with the brute-force answer, the
 * test only accepts it for exactly that documented cause; anything else fails.
 */
function expectKnownReferenceBug(schema: RxJsonSchema<RxDocumentData<PersonDoc>>, prepared: PreparedQuery<PersonDoc>, label: string): void {
  const plan = prepared.queryPlan;
  expect(hasInexactBounds(schema, plan.index, plan.startKeys, plan.endKeys), 'memory storage differs from brute force for an unknown reason: ' + label).toBe(
    true,
  );
}

function reportReferenceBugs(labels: string[]): void {
  if (labels.length > 0) {
    console.log(`[differential] memory storage returned wrong results for ${labels.length} queries with inexact index bounds (RxDB planner issue; SQLite was correct), e.g. ${labels[0]}`);
  }
}

async function allDocs(coll: RxCollection<PersonDoc>): Promise<RxDocumentData<PersonDoc>[]> {
  const schema = coll.schema.jsonSchema as RxJsonSchema<RxDocumentData<PersonDoc>>;
  const prepared = prepareQuery(schema, normalizeMangoQuery(schema, { selector: {} }));
  return (await coll.storageInstance.query(prepared)).documents;
}

function bruteForce(
  schema: RxJsonSchema<RxDocumentData<PersonDoc>>,
  docs: RxDocumentData<PersonDoc>[],
  query: ReturnType<typeof normalizeMangoQuery<PersonDoc>>,
): string[] {
  const matcher = getQueryMatcher(schema, query);
  const rows = docs.filter((d) => matcher(d)).sort(getSortComparator(schema, query));
  const skip = query.skip ?? 0;
  const end = typeof query.limit === 'number' ? skip + query.limit : undefined;
  return rows.slice(skip, end).map((d) => d.id);
}
