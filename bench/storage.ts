/**
 * Storage benchmark: RxDB's own runPerformanceTests on the SQLite storage and on RxDB's memory
 * storage, then a 100,000-document scale run on SQLite. Writes bench/results/storage.json.
 *
 *   npx tsx bench/storage.ts            (BENCH_RUNS=n to change the number of perf runs)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRxDatabase, normalizeMangoQuery, prepareQuery, type RxCollection, type RxDocumentData, type RxJsonSchema, type RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { getRxStorageSQLite, type SQLiteSynchronousMode } from '../electron/core/storage/index';

const here = path.dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const SYNCHRONOUS: SQLiteSynchronousMode = process.env.BENCH_SYNC === 'NORMAL' ? 'NORMAL' : 'FULL';
const SCALE_DOCS = 100_000;
const SCALE_BATCH = 1000;
const SAMPLES = 400;

type PerfResult = Record<string, number | string>;
type RunPerformanceTests = (storage: RxStorage<unknown, unknown>, description: string, config: Record<string, unknown>) => Promise<PerfResult>;

/** RxDB's own benchmark (its test-utils need the async-test-util and clone dev dependencies). */
async function loadRunPerformanceTests(): Promise<RunPerformanceTests> {
  const mod = (await import('rxdb/plugins/test-utils')) as unknown as { runPerformanceTests: RunPerformanceTests };
  return mod.runPerformanceTests;
}

function percentile(sorted: number[], p: number): number {
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx];
}

function stats(samples: number[]): { p50: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)) };
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

interface ScaleDoc {
  id: string;
  group: string;
  status: string;
  createdAt: number;
  name: string;
  note: string;
  amount: number;
}

const scaleSchema: RxJsonSchema<ScaleDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 36 },
    group: { type: 'string', maxLength: 12 },
    status: { type: 'string', maxLength: 12 },
    createdAt: { type: 'integer', minimum: 0, maximum: 10_000_000_000_000, multipleOf: 1 },
    name: { type: 'string' },
    note: { type: 'string' },
    amount: { type: 'number' },
  },
  required: ['id', 'group', 'status', 'createdAt', 'name', 'note', 'amount'],
  indexes: ['group', 'createdAt', ['status', 'createdAt']],
};

const STATUSES = ['open', 'closed', 'pending', 'void'];
const T0 = 1_700_000_000_000;

function scaleDoc(i: number): ScaleDoc {
  return {
    id: 'doc-' + String(i).padStart(8, '0'),
    group: 'g' + (i % 10_000),
    status: STATUSES[i % STATUSES.length],
    createdAt: T0 + i * 1000,
    name: 'Customer ' + i + ' Ñandú 東京',
    note: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit '.repeat(3),
    amount: (i % 997) * 1.25,
  };
}

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function sample(fn: (i: number) => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < 30; i++) await fn(i + 100_000);
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) times.push(await timeIt(() => fn(i)));
  return stats(times);
}

async function scaleRun(directory: string): Promise<Record<string, { p50: number; p99: number }>> {
  const db = await createRxDatabase({ name: 'scale', storage: getRxStorageSQLite({ directory, synchronous: SYNCHRONOUS }), multiInstance: false });
  const { docs } = await db.addCollections({ docs: { schema: scaleSchema } });
  const collection = docs as RxCollection<ScaleDoc>;
  const result: Record<string, { p50: number; p99: number }> = {};

  const insertTimes: number[] = [];
  for (let i = 0; i < SCALE_DOCS; i += SCALE_BATCH) {
    const batch = Array.from({ length: SCALE_BATCH }, (_, k) => scaleDoc(i + k));
    insertTimes.push(await timeIt(() => collection.bulkInsert(batch)));
  }
  result[`insert-batch-${SCALE_BATCH}`] = stats(insertTimes);
  console.log(`inserted ${await collection.count().exec()} documents`);

  // Guard against measuring empty answers.
  const check = async (label: string, actual: Promise<number>, expected: number) => {
    const value = await actual;
    if (value !== expected) throw new Error(`bench sanity check ${label}: got ${value}, expected ${expected}`);
  };
  await check('eq', collection.find({ selector: { group: 'g42' } }).exec().then((r) => r.length), SCALE_DOCS / 10_000);
  await check('range', collection.find({ selector: { createdAt: { $gte: T0 } }, sort: [{ createdAt: 'asc' }], limit: 50 }).exec().then((r) => r.length), 50);
  await check('count', collection.count({ selector: { status: 'open', createdAt: { $gte: T0 } } }).exec(), SCALE_DOCS / 4);

  // Through RxDB collections (what the app sees). Each sample uses a different value so RxDB's
  // query cache cannot answer from memory.
  result['rxdb-query-eq-indexed'] = await sample((i) => collection.find({ selector: { group: 'g' + ((i * 7919) % 10_000) } }).exec());
  result['rxdb-query-range-limit50'] = await sample((i) =>
    collection.find({ selector: { createdAt: { $gte: T0 + ((i * 7919) % SCALE_DOCS) * 1000 } }, sort: [{ createdAt: 'asc' }], limit: 50 }).exec(),
  );
  result['rxdb-count-indexed'] = await sample((i) =>
    collection.count({ selector: { status: STATUSES[i % 4], createdAt: { $gte: T0 + ((i * 7919) % SCALE_DOCS) * 1000 } } }).exec(),
  );

  // Directly on the storage instance: the storage's own share of the latency.
  const schema = collection.schema.jsonSchema as RxJsonSchema<RxDocumentData<ScaleDoc>>;
  const instance = collection.storageInstance;
  const prepared = (selector: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    prepareQuery(schema, normalizeMangoQuery<RxDocumentData<ScaleDoc>>(schema, { selector: { ...selector, _deleted: { $eq: false } }, ...extra }));
  result['storage-query-eq-indexed'] = await sample((i) => instance.query(prepared({ group: 'g' + ((i * 7919) % 10_000) })));
  result['storage-query-range-limit50'] = await sample((i) =>
    instance.query(prepared({ createdAt: { $gte: T0 + ((i * 7919) % SCALE_DOCS) * 1000 } }, { sort: [{ createdAt: 'asc' }], limit: 50 })),
  );
  result['storage-count-indexed'] = await sample((i) => instance.count(prepared({ status: STATUSES[i % 4], createdAt: { $gte: T0 + ((i * 7919) % SCALE_DOCS) * 1000 } })));
  result['storage-count-all'] = await sample(() => instance.count(prepared({})));
  result['storage-find-by-id'] = await sample((i) => instance.findDocumentsById([scaleDoc((i * 7919) % SCALE_DOCS).id], false));

  await db.remove();
  return result;
}

async function main(): Promise<void> {
  const runPerformanceTests = await loadRunPerformanceTests();
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'frontdesk-bench-'));
  try {
    const config = { runs: RUNS, log: false, waitBetweenTests: 20 };
    console.log(`runPerformanceTests x${RUNS} on sqlite (synchronous=${SYNCHRONOUS}) ...`);
    const sqlite = await runPerformanceTests(getRxStorageSQLite({ directory: path.join(workDir, 'perf'), synchronous: SYNCHRONOUS }), 'sqlite', config);
    console.log(`runPerformanceTests x${RUNS} on memory ...`);
    const memory = await runPerformanceTests(getRxStorageMemory(), 'memory', config);

    const perf: Record<string, { sqlite: number; memory: number; ratio: number }> = {};
    for (const [key, value] of Object.entries(sqlite)) {
      if (typeof value !== 'number' || key === 'collectionsAmount' || key === 'docsAmount') continue;
      const mem = memory[key] as number;
      perf[key] = { sqlite: value, memory: mem, ratio: Math.round((value / Math.max(mem, 0.01)) * 100) / 100 };
    }

    console.log(`scale run: ${SCALE_DOCS} documents ...`);
    const scale = await scaleRun(path.join(workDir, 'scale'));

    console.log('\nrunPerformanceTests (ms, average without the slowest 5%)');
    console.table(Object.fromEntries(Object.entries(perf).map(([k, v]) => [k, { sqlite: v.sqlite, memory: v.memory, 'ratio (x)': v.ratio }])));
    console.log(`scale at ${SCALE_DOCS} documents (ms)`);
    console.table(scale);

    const out = {
      meta: {
        date: new Date().toISOString(),
        node: process.version,
        platform: `${os.platform()} ${os.arch()}, ${os.cpus().length} cpu (${os.cpus()[0]?.model ?? '?'})`,
        synchronous: SYNCHRONOUS,
        perfRuns: RUNS,
        scaleDocs: SCALE_DOCS,
        samplesPerScaleMetric: SAMPLES,
      },
      perf,
      scale,
    };
    mkdirSync(path.join(here, 'results'), { recursive: true });
    writeFileSync(path.join(here, 'results', 'storage.json'), JSON.stringify(out, null, 2) + '\n');
    console.log('wrote bench/results/storage.json');
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
