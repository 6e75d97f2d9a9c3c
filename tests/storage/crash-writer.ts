/**
 * Child process for crash.test.ts: writes batches through a real RxDB collection and prints
 * `ACK <run> <batch>` only after the write resolved. The parent SIGKILLs it at random moments
 * and then checks every acknowledged write is on disk.
 *
 * Usage: tsx tests/storage/crash-writer.ts <directory> <run>
 */
import { createRxDatabase, type RxCollection } from 'rxdb';
import { getRxStorageSQLite } from '../../electron/core/storage/index';
import { crashSchema, type CrashDoc } from './crash-schema';

const [directory, runArg] = process.argv.slice(2);
const run = Number(runArg);
const BATCH = 20;
const MAX_BATCHES = 5000;

const db = await createRxDatabase({ name: 'crash', storage: getRxStorageSQLite({ directory }), multiInstance: false });
const { docs } = await db.addCollections({ docs: { schema: crashSchema } });
const collection = docs as RxCollection<CrashDoc>;
process.stdout.write('READY\n');

for (let batch = 0; batch < MAX_BATCHES; batch++) {
  const rows: CrashDoc[] = Array.from({ length: BATCH }, (_, i) => ({ id: `${run}-${batch}-${i}`, run, batch, payload: 'x'.repeat(200) }));
  await collection.bulkInsert(rows);
  // An update of a long-lived document: the acknowledged value must survive too.
  await collection.upsert({ id: 'counter', run, batch, payload: '' });
  process.stdout.write(`ACK ${run} ${batch}\n`);
}
await db.close();
